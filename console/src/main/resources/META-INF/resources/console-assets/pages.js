// Earshot console: the Mentions page's live stream (server-sent events) and the Brand page's chart.
// The stream's events are the server's own escaped HTML of a mention; nothing from a mention is ever read as markup here.
(function () {
  var source = null;
  function stopStream() { if (source) { source.close(); source = null; } }
  function startStream() {
    stopStream();
    var list = document.querySelector('[data-stream]');
    if (!list || !window.EventSource) { return; }
    var status = document.querySelector('[data-live-status]');
    var arrived = 0;
    source = new EventSource(list.getAttribute('data-stream'));
    source.addEventListener('open', function () { if (status) { status.textContent = 'Live: new mentions appear at the top.'; } });
    source.addEventListener('mention', function (e) {
      // The server re-reads a few seconds before its watermark (transactions commit late), so a mention the page
      // already shows can arrive again: keep one copy.
      var parsed = document.createElement('template');
      parsed.innerHTML = e.data;
      var item = parsed.content.firstElementChild;
      if (!item || (item.id && document.getElementById(item.id))) { return; }
      list.insertBefore(item, list.firstChild);
      arrived++;
      while (list.children.length > 300) { list.removeChild(list.lastElementChild); }
      if (status) { status.textContent = arrived + ' new mention(s) arrived.'; }
    });
    source.addEventListener('full', function () { stopStream(); });
  }
  function init() { startStream(); if (window.EarshotCharts) { window.EarshotCharts(); } }
  document.addEventListener('DOMContentLoaded', init);
  document.addEventListener('htmx:afterSettle', init);
  document.addEventListener('htmx:beforeSwap', stopStream);
  window.addEventListener('pagehide', stopStream);
})();

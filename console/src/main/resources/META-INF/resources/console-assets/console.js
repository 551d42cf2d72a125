// Earshot console: times in the viewer's own zone, and keyboard triage on lists (j/k move, Enter open,
// a/r/s act on the selected row, / search). No framework: htmx swaps pages, this re-runs on each swap.
(function () {
  function localTimes(root) {
    root.querySelectorAll('time[datetime]').forEach(function (t) {
      var d = new Date(t.getAttribute('datetime'));
      if (!isNaN(d)) {
        t.title = d.toLocaleString();
        if (!/ago|just now/.test(t.textContent)) {
          t.textContent = d.toLocaleString();
        }
      }
    });
  }
  var selected = -1;
  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll('[data-keyboard-list] tbody tr'));
  }
  function select(i) {
    var r = rows();
    if (!r.length) { return; }
    selected = Math.max(0, Math.min(r.length - 1, i));
    r.forEach(function (row, n) {
      row.classList.toggle('selected', n === selected);
      row.setAttribute('aria-selected', n === selected ? 'true' : 'false');
    });
    r[selected].scrollIntoView({block: 'nearest'});
  }
  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) { return; }
    var tag = (e.target.tagName || '').toLowerCase();
    if (tag === 'input' || tag === 'select' || tag === 'textarea') { return; }
    if (e.key === '/') {
      var s = document.querySelector('[data-search], input[type=search]');
      if (s) { e.preventDefault(); s.focus(); }
      return;
    }
    if (e.key === 'j') { select(selected + 1); return; }
    if (e.key === 'k') { select(selected - 1); return; }
    var row = rows()[selected];
    if (!row) { return; }
    if (e.key === 'Enter') { window.location = row.getAttribute('data-href'); return; }
    var form = row.querySelector('form[data-key="' + e.key + '"]');
    if (form) { e.preventDefault(); form.requestSubmit(); }
  });
  function init() { selected = -1; localTimes(document); }
  document.addEventListener('DOMContentLoaded', init);
  document.addEventListener('htmx:afterSettle', init);
})();

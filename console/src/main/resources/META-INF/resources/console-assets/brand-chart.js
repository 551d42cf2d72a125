// Earshot console: the Brand page's chart (Chart.js from its WebJar). Figures come from the canvas' data-chart
// attribute (numbers and times only); a slot without data is null, which Chart.js draws as a gap, never as zero.
(function () {
  function draw() {
    var canvas = document.getElementById('brand-chart');
    if (!canvas || canvas.getAttribute('data-drawn') || !window.Chart) { return; }
    canvas.setAttribute('data-drawn', 'true');
    var d = JSON.parse(canvas.getAttribute('data-chart'));
    var labels = d.at.map(function (t) { return new Date(t).toLocaleString(); });
    function flat(v) { return d.at.map(function () { return v; }); }
    var sets = [
      {type: 'line', label: 'mentions', data: d.count, yAxisID: 'y', spanGaps: false, borderColor: '#1e88e5', backgroundColor: '#1e88e5'},
      {type: 'line', label: 'negative share', data: d.negativeShare, yAxisID: 'share', spanGaps: false, borderColor: '#c62828', backgroundColor: '#c62828'},
      {type: 'bar', label: 'incidents raised', data: d.incidents.map(function (n) { return n > 0 ? n : null; }), yAxisID: 'y', backgroundColor: '#ef6c00'}
    ];
    if (d.band) {
      sets.push({type: 'line', label: 'usual band (low)', data: flat(d.band.countLow), yAxisID: 'y', pointRadius: 0, borderDash: [4, 4], borderColor: '#8888'});
      sets.push({type: 'line', label: 'usual band (high)', data: flat(d.band.countHigh), yAxisID: 'y', pointRadius: 0, borderDash: [4, 4], borderColor: '#8888', fill: '-1', backgroundColor: '#8882'});
    }
    new window.Chart(canvas, {
      data: {labels: labels, datasets: sets},
      options: {animation: false, responsive: true, maintainAspectRatio: false,
        scales: {y: {beginAtZero: true, title: {display: true, text: 'mentions'}},
                 share: {position: 'right', min: 0, max: 1, title: {display: true, text: 'negative share'}, grid: {drawOnChartArea: false}}}}
    });
  }
  function load() {
    if (window.Chart) { draw(); return; }
    if (document.getElementById('chartjs-lib')) { return; }
    var s = document.createElement('script');
    s.id = 'chartjs-lib';
    s.src = '/webjars/chart.js/dist/chart.umd.js';
    s.onload = draw;
    document.head.appendChild(s);
  }
  window.EarshotCharts = load;
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', load); } else { load(); }
})();

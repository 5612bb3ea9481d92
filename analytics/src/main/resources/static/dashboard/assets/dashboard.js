/* Hearken built-in dashboard: draws the charts from /api/v1/analytics/dashboard with Chart.js (WebJar). */
(function () {
  'use strict';
  var cfg = window.hearkenDashboard;
  var m = cfg.messages;
  var palette = ['#1d4e89', '#f29e4c', '#2a9d8f', '#e76f51', '#8e7dbe', '#e9c46a', '#264653', '#d62828', '#52b788', '#6c757d', '#ff7aa2', '#0096c7'];
  window.hearkenCharts = {};

  function filterParams() {
    var params = new URLSearchParams();
    new FormData(document.getElementById('filters')).forEach(function (value, key) {
      if (value && key !== 'lang') { params.append(key, value); }
    });
    return params;
  }

  function text(id, value, suffix) {
    document.getElementById(id).textContent = value === null || value === undefined ? '–' : value + (suffix || '');
  }

  function draw(id, type, labels, datasets, options) {
    var canvas = document.getElementById(id);
    if (window.hearkenCharts[id]) { window.hearkenCharts[id].destroy(); }
    describe(canvas, labels, datasets);
    window.hearkenCharts[id] = new Chart(canvas, {
      type: type,
      data: { labels: labels, datasets: datasets },
      options: Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, options || {})
    });
  }

  /** A canvas has no text: the chart is named by its caption and its numbers are in a table screen readers read. */
  function describe(canvas, labels, datasets) {
    var figure = canvas.parentNode;
    var caption = figure.querySelector('figcaption').textContent;
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', caption);
    var table = figure.querySelector('table.chart-data');
    if (!table) {
      table = figure.appendChild(document.createElement('table'));
      table.className = 'chart-data sr-only';
      table.id = canvas.id + '-data';
    }
    table.innerHTML = '';
    table.createCaption().textContent = caption;
    var head = table.createTHead().insertRow();
    var corner = head.appendChild(document.createElement('th'));
    corner.textContent = m['chart.item'];
    datasets.forEach(function (set) {
      var th = head.appendChild(document.createElement('th'));
      th.scope = 'col';
      th.textContent = set.label || m['series.count'];
    });
    var body = table.createTBody();
    labels.forEach(function (label, i) {
      var row = body.insertRow();
      var th = row.appendChild(document.createElement('th'));
      th.scope = 'row';
      th.textContent = label;
      datasets.forEach(function (set) {
        var v = set.data[i];
        row.insertCell().textContent = v === null || v === undefined ? '–' : v;
      });
    });
  }

  function bars(rows, label, color) {
    return [{ label: label, data: rows.map(function (r) { return r.count; }), backgroundColor: color || palette[0] }];
  }

  /** A code's name in the page's language (categories, departments, statuses, channels); else the code. */
  function name(kind, code) {
    var names = (cfg.names || {})[kind];
    return (names && names[code]) || code;
  }

  function keys(rows, kind) { return rows.map(function (r) { return kind ? name(kind, r.key) : r.key; }); }

  function render(d) {
    text('kpi-total', d.total);
    text('kpi-open', d.open);
    text('kpi-sla', d.slaCompliance, d.slaCompliance === null ? '' : '%');
    text('kpi-first', d.meanFirstResponseMinutes === null ? null : Math.round(d.meanFirstResponseMinutes));
    text('kpi-resolution', d.meanResolutionMinutes === null ? null : Math.round(d.meanResolutionMinutes));
    text('kpi-satisfaction', d.meanSatisfaction);
    text('kpi-escalations', d.escalations);
    text('kpi-repeats', d.repeats);
    text('kpi-overdue-visits', d.overdueReturnVisits);
    staffTable('staff-departments', d.kpis.departments, function (r) { return name('department', r.key); });
    staffTable('staff-handlers', d.kpis.handlers, function (r) { return r.name || r.key; });

    draw('chart-volume', 'bar', d.volume.labels, d.volume.series.map(function (s, i) {
      return { label: name('category', s.name), data: s.data, backgroundColor: palette[i % palette.length] };
    }), { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } });
    draw('chart-channel', 'doughnut', keys(d.channel, 'channel'), [{ data: d.channel.map(function (r) { return r.count; }), backgroundColor: palette }]);
    draw('chart-building', 'bar', keys(d.building), bars(d.building, m['series.count']), { indexAxis: 'y' });
    draw('chart-sla', 'bar', keys(d.departments, 'department'), [
      { label: m['series.met'], data: d.departments.map(function (r) { return r.met; }), backgroundColor: '#2a9d8f' },
      { label: m['series.breached'], data: d.departments.map(function (r) { return r.breached; }), backgroundColor: '#d62828' }
    ], { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } });
    draw('chart-response', 'bar', keys(d.departments, 'department'), [
      { label: m['series.firstResponse'], data: d.departments.map(function (r) { return r.meanFirstResponseMinutes; }), backgroundColor: palette[0] },
      { label: m['series.resolution'], data: d.departments.map(function (r) { return r.meanResolutionMinutes; }), backgroundColor: palette[1] }
    ], { scales: { y: { beginAtZero: true } } });
    draw('chart-backlog', 'bar', keys(d.backlog, 'department'), bars(d.backlog, m['kpi.open'], palette[3]), { scales: { y: { beginAtZero: true } } });
    draw('chart-repeats', 'bar', keys(d.repeatLocations), bars(d.repeatLocations, m['kpi.repeats'], palette[4]), { indexAxis: 'y' });
    draw('chart-satisfaction', 'line', d.trend.labels, [
      { label: m['series.satisfaction'], data: d.trend.satisfaction, borderColor: palette[2], backgroundColor: palette[2], spanGaps: true }
    ], { scales: { y: { min: 1, max: 5 } } });
    draw('chart-escalations', 'bar', d.trend.labels, [
      { label: m['series.escalations'], data: d.trend.escalations, backgroundColor: palette[7] }
    ], { scales: { y: { beginAtZero: true } } });
    draw('chart-angry', 'bar', d.trend.labels, [
      { label: m['series.angry'], data: d.trend.angry, backgroundColor: palette[7] },
      { label: m['series.distressed'], data: d.trend.distressed, backgroundColor: palette[4] }
    ], { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } });
    draw('chart-customer-type', 'bar', keys(d.customerType, 'customerType'), bars(d.customerType, m['series.count'], palette[2]),
      { indexAxis: 'y', scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } });
    document.body.dataset.chartsReady = 'true';
  }

  /** Staff KPIs, one row per department or handler; every value as text. */
  function staffTable(id, rows, label) {
    var body = document.querySelector('#' + id + ' tbody');
    body.textContent = '';
    rows.forEach(function (r) {
      var tr = document.createElement('tr');
      [label(r), r.complaints, r.handled, r.medianFirstResponseMinutes, pct(r.slaMetPct), pct(r.reopenRatePct),
        r.satisfaction, r.overdueReturnVisits].forEach(function (v) {
        var td = document.createElement('td');
        td.textContent = v === null || v === undefined ? '–' : String(v);
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
  }

  function pct(v) { return v === null || v === undefined ? null : v + '%'; }

  function load() {
    fetch(cfg.api + '/dashboard?' + filterParams().toString(), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { if (!r.ok) { throw new Error('HTTP ' + r.status); } return r.json(); })
      .then(render)
      .catch(function (e) {
        document.getElementById('load-error').hidden = false;
        document.body.dataset.chartsReady = 'error';
        console.error(e);
      });
  }

  function cell(row, value, html) {
    var td = document.createElement('td');
    if (html) { td.innerHTML = value || ''; } else { td.textContent = value || ''; }
    row.appendChild(td);
  }

  function search(event) {
    event.preventDefault();
    var params = filterParams();
    params.delete('from'); params.delete('to');
    params.set('q', document.getElementById('search-q').value);
    fetch(cfg.api + '/search?' + params.toString(), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { if (!r.ok) { throw new Error('HTTP ' + r.status); } return r.json(); })
      .then(function (result) {
        var table = document.getElementById('search-results');
        var body = table.querySelector('tbody');
        body.innerHTML = '';
        result.hits.forEach(function (h) {
          var tr = document.createElement('tr');
          cell(tr, h.id); cell(tr, name('status', h.status)); cell(tr, name('category', h.category));
          cell(tr, name('department', h.department)); cell(tr, h.building);
          cell(tr, h.receivedAt ? new Date(h.receivedAt).toLocaleString(document.documentElement.lang) : '');
          cell(tr, h.snippet, true); // escaped by Elasticsearch's html encoder, only <mark> added
          body.appendChild(tr);
        });
        table.hidden = result.hits.length === 0;
        document.getElementById('search-total').textContent = result.total === 0
          ? m['search.none'] : m['search.total'].replace('{0}', result.total);
      })
      .catch(function (e) { document.getElementById('search-total').textContent = m['error.load']; console.error(e); });
  }

  document.getElementById('search-form').addEventListener('submit', search);
  load();
})();

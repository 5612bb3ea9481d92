// The desk console's live refresh: every 2 s it fetches the queue (or the open complaint) from the desk API and
// redraws it. Text goes in with textContent only, so nothing a resident typed can become markup.
(function () {
  'use strict';
  var POLL_MS = 2000;

  function labelsOf(el) {
    try { return JSON.parse(el.getAttribute('data-labels') || '{}'); } catch (e) { return {}; }
  }

  function label(labels, key, fallback) {
    return Object.prototype.hasOwnProperty.call(labels, key) ? labels[key] : fallback;
  }

  function left(seconds) {
    if (seconds === null || seconds === undefined) { return ''; }
    var s = Math.abs(seconds), d = Math.floor(s / 86400), h = Math.floor(s % 86400 / 3600), m = Math.floor(s % 3600 / 60);
    var text = d > 0 ? d + 'd ' + h + 'h' : h > 0 ? h + 'h ' + (m < 10 ? '0' : '') + m + 'm' : m + 'm';
    return seconds < 0 ? '-' + text : text;
  }

  function two(n) { return (n < 10 ? '0' : '') + n; }

  // Times in the zone the server renders them in (hearken.desk.time-zone), not the browser's.
  var zoned = null;
  function time(iso) {
    if (!iso) { return ''; }
    var t = new Date(iso);
    if (zoned) {
      var p = {};
      zoned.formatToParts(t).forEach(function (x) { p[x.type] = x.value; });
      return p.year + '-' + p.month + '-' + p.day + ' ' + (p.hour === '24' ? '00' : p.hour) + ':' + p.minute;
    }
    return t.getFullYear() + '-' + two(t.getMonth() + 1) + '-' + two(t.getDate()) + ' ' + two(t.getHours()) + ':' + two(t.getMinutes());
  }

  function useZone(el) {
    try {
      zoned = new Intl.DateTimeFormat('en-GB', {timeZone: el.getAttribute('data-zone'), year: 'numeric',
        month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23'});
    } catch (e) { zoned = null; }
  }

  function cell(tr, text) {
    var td = document.createElement('td');
    td.textContent = text === null || text === undefined ? '' : String(text);
    tr.appendChild(td);
    return td;
  }

  function get(url, then, gone) {
    fetch(url, {credentials: 'same-origin', headers: {'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest'}})
      .then(function (r) {
        if (r.status === 401) { window.location.reload(); return null; }
        if (r.status === 404 && gone) { gone(); return null; }
        return r.ok ? r.json() : null;
      })
      .then(function (body) { if (body) { then(body); } })
      .catch(function () { /* next poll */ });
  }

  function queue(table) {
    var labels = labelsOf(table), manager = table.getAttribute('data-manager') === 'true';
    var rows = document.getElementById('queue-rows'), empty = document.getElementById('queue-empty');
    var count = document.getElementById('queue-count');
    function draw(body) {
      var fresh = document.createDocumentFragment();
      body.items.forEach(function (i) {
        var tr = document.createElement('tr');
        tr.setAttribute('data-id', i.id);
        var late = i.slaBreached || (i.secondsLeft !== null && i.secondsLeft < 0);
        if (late) { tr.className = 'overdue'; }
        else if (i.slaWarning) { tr.className = 'warning'; }
        cell(tr, 'P' + i.priority);
        var idCell = cell(tr, ''), a = document.createElement('a');
        a.className = 'complaint-link';
        a.href = table.getAttribute('data-base') + encodeURIComponent(i.id);
        a.textContent = i.id;
        idCell.appendChild(a);
        var st = cell(tr, ''), span = document.createElement('span');
        span.className = 'status';
        span.setAttribute('data-status', i.status);
        span.textContent = label(labels, 'status.' + i.status, i.status);
        st.appendChild(span);
        if (i.escalation) {
          var badge = document.createElement('span');
          badge.className = 'badge';
          badge.textContent = label(labels, 'queue.escalated', 'escalated');
          st.appendChild(document.createTextNode(' '));
          st.appendChild(badge);
        }
        var subject = cell(tr, ''), text = document.createElement('span');
        text.textContent = i.subject === null || i.subject === undefined ? '' : String(i.subject);
        subject.appendChild(text);
        // Angry or distressed residents are named in words, not by colour alone.
        if (i.sentiment && i.sentiment !== 'NEUTRAL') {
          var mood = document.createElement('span');
          mood.className = 'mood';
          mood.setAttribute('data-sentiment', i.sentiment);
          mood.textContent = label(labels, 'sentiment.' + i.sentiment, i.sentiment);
          subject.appendChild(document.createTextNode(' '));
          subject.appendChild(mood);
        }
        cell(tr, (i.building || '') + ' ' + (i.unit || ''));
        cell(tr, i.customerType ? label(labels, 'customer.' + i.customerType, i.customerType) : '').className = 'customer';
        cell(tr, i.category ? label(labels, 'category.' + i.category, i.category) : '');
        if (manager) { cell(tr, label(labels, 'dept.' + i.department, i.department)); }
        cell(tr, i.handlerName).className = 'handler';
        cell(tr, time(i.due));
        var due = cell(tr, ''), countdown = document.createElement('span');
        due.className = 'left';
        countdown.textContent = i.slaPaused ? label(labels, 'sla.paused', 'paused') : left(i.secondsLeft);
        due.appendChild(countdown);
        // Overdue and due soon are said in words, not by the row's colour alone.
        if (late || i.slaWarning) {
          var flag = document.createElement('strong');
          flag.className = late ? 'flag overdue-flag' : 'flag warning-flag';
          flag.textContent = late ? '\u26a0 ' + label(labels, 'sla.overdue', 'overdue')
            : '\u25f7 ' + label(labels, 'sla.warning', 'due soon');
          due.appendChild(document.createTextNode(' '));
          due.appendChild(flag);
        }
        fresh.appendChild(tr);
      });
      rows.replaceChildren(fresh);
      empty.hidden = body.items.length > 0;
      if (body.total !== null && body.total !== undefined) { // a search that stopped at its page keeps the page's words
        count.textContent = label(labels, 'queue.count', '{0}').replace('{0}', String(body.total));
      }
    }
    var query = window.location.search;
    setInterval(function () { get(table.getAttribute('data-api') + query, draw); }, POLL_MS);
  }

  // The action forms depend on the status, escalation and SLA state: when someone else changed those, the page
  // reloads itself, unless the person is typing, who then gets a notice instead of losing their text.
  function typing(main) {
    return Array.prototype.some.call(main.querySelectorAll('.actions textarea, .actions input:not([type]), .actions input[type=text]'),
      function (f) { return f.value.trim() !== ''; });
  }

  function notice(text) {
    var box = document.getElementById('changed');
    box.firstElementChild.textContent = text;
    box.hidden = false;
  }

  function complaint(main) {
    var labels = labelsOf(main), id = main.getAttribute('data-id');
    var status = document.getElementById('status'), timeline = document.getElementById('timeline');
    var seen = timeline.children.length, shownStatus = status.getAttribute('data-status');
    var renderedStatus = shownStatus, shownState = null, timer = null;
    function stateOf(s) { return [s.status, s.escalation, s.slaWarning, s.slaBreached, s.duplicateOf].join('|'); }
    function gone() {
      clearInterval(timer);
      notice(label(labels, 'console.gone', 'This complaint is no longer in your queue.'));
      document.getElementById('reload').hidden = true;
      Array.prototype.forEach.call(main.querySelectorAll('.actions button'), function (b) { b.disabled = true; });
    }
    function draw(body) {
      var s = body.summary, state = stateOf(s);
      if (shownState === null) { shownState = state; }
      if (s.status !== renderedStatus || state !== shownState) {
        if (!typing(main)) { window.location.reload(); return; }
        notice(label(labels, 'console.changed', 'Someone else changed this complaint.'));
      }
      if (s.status !== shownStatus || body.timeline.length !== seen) {
        shownStatus = s.status;
        seen = body.timeline.length;
        status.setAttribute('data-status', s.status);
        status.textContent = label(labels, 'status.' + s.status, s.status);
        var fresh = document.createDocumentFragment();
        body.timeline.forEach(function (e) {
          var li = document.createElement('li'), t = document.createElement('time'), strong = document.createElement('strong');
          li.setAttribute('data-type', e.type);
          t.textContent = time(e.at);
          strong.textContent = label(labels, 'event.' + e.type, e.type);
          li.appendChild(t); li.appendChild(document.createTextNode(' ')); li.appendChild(strong);
          [e.by, e.detail].forEach(function (x) {
            if (x) { var sp = document.createElement('span'); sp.textContent = ' ' + x; li.appendChild(sp); }
          });
          if (e.visibleToResident !== null && e.visibleToResident !== undefined) {
            var tag = document.createElement('span');
            tag.className = 'tag';
            tag.textContent = e.visibleToResident ? label(labels, 'detail.public', 'public') : label(labels, 'detail.internal', 'internal');
            li.appendChild(document.createTextNode(' '));
            li.appendChild(tag);
          }
          if (e.text) { var p = document.createElement('p'); p.textContent = e.text; li.appendChild(p); }
          fresh.appendChild(li);
        });
        timeline.replaceChildren(fresh);
      }
    }
    timer = setInterval(function () { get(main.getAttribute('data-api') + encodeURIComponent(id), draw, gone); }, POLL_MS);
  }

  // Canned replies: choosing one puts its text (already filled in by the server) into the form's text field.
  Array.prototype.forEach.call(document.querySelectorAll('select.canned-reply'), function (pick) {
    pick.addEventListener('change', function () {
      var field = document.getElementById(pick.getAttribute('data-target'));
      if (!field || !pick.value) { return; }
      field.value = field.value.trim() === '' ? pick.value : field.value.replace(/\s+$/, '') + '\n\n' + pick.value;
      pick.value = '';
      field.focus();
    });
  });

  var table = document.getElementById('queue');
  if (table) { useZone(table); queue(table); }
  var main = document.getElementById('complaint');
  if (main) { useZone(main); complaint(main); }
})();

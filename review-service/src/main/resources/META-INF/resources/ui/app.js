// Greengate review: keyboard shortcuts and small enhancements on top of pages that work without JavaScript.
// j/k move in the queue (or open the next/previous review), a/m/r decide, 1-6 pick a reject reason, u back to the
// queue, ? shows the help. Keys typed into a text field are left alone.
(function () {
  'use strict';

  var TEXT_INPUT = /^(text|search|email|password|number|url|tel)$/;

  function byId(id) {
    return document.getElementById(id);
  }

  function typingIn(element) {
    if (!element) {
      return false;
    }
    if (element.isContentEditable) {
      return true;
    }
    var tag = element.tagName;
    return tag === 'TEXTAREA' || tag === 'SELECT' || (tag === 'INPUT' && TEXT_INPUT.test(element.type));
  }

  function submit(form) {
    if (!form || form.dataset.submitting) {
      return;
    }
    if (typeof form.reportValidity === 'function' && !form.reportValidity()) {
      return;
    }
    form.dataset.submitting = 'true';
    form.requestSubmit();
  }

  // j/k: in a list of reviews move the selection; on a review follow its previous/next link.
  function move(step) {
    var rows = Array.prototype.slice.call(document.querySelectorAll('[data-queue-row]'));
    if (rows.length === 0) {
      var link = document.querySelector(step > 0 ? 'a[data-nav="next"]' : 'a[data-nav="previous"]');
      if (link) {
        link.click();
      }
      return;
    }
    var current = rows.findIndex(function (row) {
      return row.classList.contains('is-current') || row.contains(document.activeElement);
    });
    var next = current < 0 ? (step > 0 ? 0 : rows.length - 1) : Math.max(0, Math.min(rows.length - 1, current + step));
    rows.forEach(function (row) {
      row.classList.remove('is-current');
      row.removeAttribute('aria-current');
    });
    rows[next].classList.add('is-current');
    rows[next].setAttribute('aria-current', 'true');
    var open = rows[next].querySelector('a.open-review');
    if (open) {
      open.focus();
    }
    rows[next].scrollIntoView({block: 'nearest'});
  }

  function openEditor() {
    var panel = byId('modify-panel');
    var editor = byId('modified-code');
    if (!panel || !editor) {
      return;
    }
    panel.open = true;
    editor.focus();
    editor.setSelectionRange(0, 0);
    editor.scrollTop = 0;
    panel.scrollIntoView({block: 'start'});
  }

  function openReject() {
    var reasons = byId('reasons');
    if (!reasons) {
      return;
    }
    var chosen = reasons.querySelector('input:checked') || reasons.querySelector('input[type="radio"]');
    chosen.focus();
    reasons.scrollIntoView({block: 'nearest'});
  }

  function pickReason(key) {
    var reason = byId('reason-' + key);
    if (!reason) {
      return;
    }
    reason.checked = true;
    byId('reject').focus();
  }

  function toggleHelp() {
    var help = byId('help');
    if (!help) {
      return;
    }
    if (help.open) {
      help.close();
    } else {
      help.showModal();
    }
  }

  document.addEventListener('keydown', function (event) {
    var target = event.target;
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && target.id === 'modified-code') {
      event.preventDefault();
      submit(byId('modify-form'));
      return;
    }
    if (event.key === 'Escape' && target.id === 'modified-code') {
      event.preventDefault();
      var summary = document.querySelector('#modify-panel summary');
      if (summary) {
        summary.focus();
      }
      return;
    }
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || typingIn(target)) {
      return;
    }
    var help = byId('help');
    if (help && help.open && event.key !== '?') {
      return;
    }
    switch (event.key) {
      case '?':
        toggleHelp();
        break;
      case 'j':
        move(1);
        break;
      case 'k':
        move(-1);
        break;
      case 'a':
        submit(byId('accept-form'));
        break;
      case 'm':
        openEditor();
        break;
      case 'r':
        openReject();
        break;
      case '1': case '2': case '3': case '4': case '5': case '6':
        pickReason(event.key);
        break;
      case 'u':
        var queue = byId('back-to-queue');
        if (queue) {
          queue.click();
        }
        break;
      default:
        return;
    }
    event.preventDefault();
  });

  document.addEventListener('click', function (event) {
    var opener = event.target.closest('[data-help-open]');
    if (opener) {
      toggleHelp();
      return;
    }
    if (event.target.closest('#open-editor')) {
      event.preventDefault();
      openEditor();
    }
  });

  document.addEventListener('change', function (event) {
    if (event.target.id === 'select-all') {
      document.querySelectorAll('input.select-review').forEach(function (box) {
        box.checked = event.target.checked;
      });
    }
  });

  // htmx sends the CSRF token as a header: the one of the form being sent, else the page's
  document.addEventListener('htmx:configRequest', function (event) {
    var form = event.detail.elt && event.detail.elt.closest ? event.detail.elt.closest('form') : null;
    var field = form ? form.querySelector('input[name="csrf-token"]') : null;
    var meta = document.querySelector('meta[name="csrf-token"]');
    var token = field ? field.value : meta ? meta.content : null;
    if (token && event.detail.verb !== 'get') {
      event.detail.headers['X-CSRF-TOKEN'] = token;
    }
  });

  // a failed htmx request says so instead of doing nothing
  document.addEventListener('htmx:responseError', function (event) {
    var main = byId('main');
    if (!main) {
      return;
    }
    var notice = document.createElement('p');
    notice.className = 'notice notice-error';
    notice.setAttribute('role', 'alert');
    notice.textContent = 'That did not work (HTTP ' + event.detail.xhr.status + '). Reload the page and try again.';
    main.insertBefore(notice, main.firstChild);
  });

  // Acceptance over time (insights page): one uPlot line chart per [data-chart], data from the section's attribute
  var CHART_COLOURS = ['#1a7f37', '#0969da', '#bf3989', '#9a6700', '#8250df', '#cf222e'];

  function drawCharts(root) {
    if (!window.uPlot || !root.querySelectorAll) {
      return;
    }
    var holders = root.querySelectorAll('[data-chart]');
    if (holders.length === 0) {
      return;
    }
    var section = byId('acceptance-charts');
    var data = section ? JSON.parse(section.getAttribute('data-charts')) : null;
    Array.prototype.forEach.call(holders, function (holder) {
      var chart = data && data[holder.getAttribute('data-chart')];
      if (!chart || chart.series.length === 0 || holder.querySelector('.uplot')) {
        return;
      }
      var series = [{}].concat(chart.series.map(function (s, i) {
        return {
          label: s.name, stroke: CHART_COLOURS[i % CHART_COLOURS.length], width: 2, spanGaps: true,
          points: {show: true, size: 6},
          value: function (u, v) { return v == null ? '–' : Math.round(v * 100) + ' %'; }
        };
      }));
      var values = [chart.x].concat(chart.series.map(function (s) { return s.values; }));
      var width = Math.max(280, holder.clientWidth || 560);
      new window.uPlot({
        width: width, height: 220, series: series,
        scales: {y: {range: [0, 1]}},
        axes: [{}, {size: 56, values: function (u, ticks) { return ticks.map(function (t) { return Math.round(t * 100) + ' %'; }); }}]
      }, values, holder);
    });
  }

  function enhance(root) {
    drawCharts(root);
    var selectAll = root.querySelector ? root.querySelector('#select-all') : null;
    if (selectAll) {
      selectAll.hidden = false;
    }
    if (window.Prism) {
      window.Prism.highlightAllUnder(root);
    }
  }

  document.addEventListener('htmx:load', function (event) {
    enhance(event.detail.elt);
  });
  document.addEventListener('DOMContentLoaded', function () {
    if (!window.htmx) {
      enhance(document);
    }
  });
}());

// Sends the CSRF token with every htmx request.
document.addEventListener('htmx:configRequest', function (evt) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    evt.detail.headers[header.content] = token.content;
  }
});

// Page behaviour through listeners, never inline handlers (the Content-Security-Policy forbids them).
document.addEventListener('click', function (evt) {
  var el = evt.target instanceof Element ? evt.target : null;
  if (!el) {
    return;
  }
  // The menu button of small screens opens and closes the menu.
  if (el.closest('.menu-toggle')) {
    document.body.classList.toggle('menu-open');
    return;
  }
  // A button or link with data-confirm asks first.
  var confirming = el.closest('[data-confirm]');
  if (confirming && !evt.defaultPrevented) {
    if (!window.confirm(confirming.dataset.confirm)) {
      evt.preventDefault();
    }
    return;
  }
  // data-tick-all="#list": ticks every checkbox in the list.
  var tickAll = el.closest('[data-tick-all]');
  if (tickAll) {
    document.querySelectorAll(tickAll.dataset.tickAll + ' input[type=checkbox]').forEach(function (i) {
      i.checked = true;
    });
    return;
  }
  // data-print: print this page.
  if (el.closest('[data-print]')) {
    evt.preventDefault();
    window.print();
    return;
  }
  // data-back: back to the previous page (the link's own href when there is none).
  if (el.closest('[data-back]') && window.history.length > 1) {
    evt.preventDefault();
    window.history.back();
  }
});

// data-autosubmit: a filter (a select) submits its form when changed.
document.addEventListener('change', function (evt) {
  var el = evt.target instanceof Element ? evt.target.closest('[data-autosubmit]') : null;
  if (el && el.form) {
    el.form.submit();
  }
});

// data-width="42": a bar drawn to that percentage (set here: the CSP allows no style attributes).
function drawBars(root) {
  root.querySelectorAll('[data-width]').forEach(function (el) {
    el.style.width = Math.max(0, Math.min(100, parseFloat(el.dataset.width) || 0)) + '%';
  });
}
document.addEventListener('DOMContentLoaded', function () { drawBars(document); });
document.addEventListener('htmx:afterSwap', function (evt) { drawBars(evt.target); });

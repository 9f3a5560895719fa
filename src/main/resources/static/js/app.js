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
  // A button or link with data-confirm asks first (elements that still carry their own onclick
  // ask by themselves).
  var confirming = el.closest('[data-confirm]');
  if (confirming && !confirming.hasAttribute('onclick') && !evt.defaultPrevented) {
    if (!window.confirm(confirming.dataset.confirm)) {
      evt.preventDefault();
    }
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

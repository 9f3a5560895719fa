// A complaint handled on one page (htmx): each step's form swaps the page's main part in place.

// data-fill="#field" data-fill-value="…": puts a suggestion (or a quick time) into the field, for the
// staff member to go on from; nothing is filled in until they choose it.
document.addEventListener('click', function (evt) {
  var el = evt.target instanceof Element ? evt.target.closest('[data-fill]') : null;
  if (!el) {
    return;
  }
  evt.preventDefault();
  var field = document.querySelector(el.dataset.fill);
  if (field) {
    field.value = el.dataset.fillValue;
    field.focus();
    if (typeof field.setSelectionRange === 'function' && field.type !== 'datetime-local') {
      field.setSelectionRange(field.value.length, field.value.length);
    }
  }
});

// After a step is saved, the next step's first field gets the cursor (or the refusal is shown).
document.addEventListener('htmx:afterSettle', function () {
  var main = document.getElementById('complaint-main');
  if (!main) {
    return;
  }
  var alert = main.querySelector('.alert.error, .alert.danger');
  var field = main.querySelector(
    '#eight-steps li.current textarea, #eight-steps li.current input:not([type=hidden])');
  if (!field) {
    field = main.querySelector('#close-form #thanks');
  }
  var target = alert || field;
  if (target) {
    target.scrollIntoView({ block: 'center' });
  }
  if (field && !alert) {
    field.focus({ preventScroll: true });
  }
});

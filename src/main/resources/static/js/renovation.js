// Renovation forms: the community's rules shown are those of the chosen unit's (or community's)
// community; with one community there is nothing to choose.
(function () {
  function sync(select) {
    var option = select.options[select.selectedIndex];
    var community = option ? (option.dataset.community || option.value) : null;
    document.querySelectorAll('[data-rules-for]').forEach(function (el) {
      el.hidden = community !== null && el.dataset.rulesFor !== community;
    });
  }
  document.addEventListener('DOMContentLoaded', function () {
    var select = document.querySelector('[data-rules-select]');
    if (select) {
      sync(select);
      select.addEventListener('change', function () {
        sync(select);
      });
    }
  });
})();

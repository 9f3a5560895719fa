// Emergency pages: pick a unit from the search with one click; keep the time since the call ticking.
(function () {
  document.addEventListener('click', function (evt) {
    var pick = evt.target.closest('.unit-pick');
    if (!pick) {
      return;
    }
    document.getElementById('unitCode').value = pick.dataset.code;
    document.getElementById('unit-matches').innerHTML = '';
    document.getElementById('contactPhone').focus();
  });

  function format(total) {
    var h = Math.floor(total / 3600);
    var m = Math.floor((total % 3600) / 60);
    var s = total % 60;
    var mm = (m < 10 ? '0' : '') + m;
    var ss = (s < 10 ? '0' : '') + s;
    return (h > 0 ? h + ':' : '') + mm + ':' + ss;
  }

  // [data-elapsed] holds the seconds since the call when the server rendered it; count on from there.
  function tick() {
    var now = Date.now();
    document.querySelectorAll('[data-elapsed]').forEach(function (el) {
      if (!el.dataset.renderedAt) {
        el.dataset.renderedAt = String(now);
      }
      var seconds = parseInt(el.dataset.elapsed, 10) + Math.floor((now - parseInt(el.dataset.renderedAt, 10)) / 1000);
      el.textContent = format(seconds);
    });
  }
  setInterval(tick, 1000);
  document.addEventListener('DOMContentLoaded', tick);
  document.addEventListener('htmx:afterSwap', tick);
})();

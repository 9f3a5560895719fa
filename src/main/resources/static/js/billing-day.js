// The day close and the shift hand-over: the difference between counted and system cash, as the
// cashier types (the day counts the drawer plus what earlier shifts handed over).
(function () {
  function watch(inputId, systemId, differenceId, extraFen) {
    var counted = document.getElementById(inputId);
    if (!counted) return;
    var sys = parseInt(document.getElementById(systemId).dataset.fen, 10);
    function update() {
      var c = Math.round(parseFloat(counted.value) * 100);
      document.getElementById(differenceId).textContent =
        isNaN(c) ? '0.00' : ((c + extraFen(counted) - sys) / 100).toFixed(2);
    }
    counted.addEventListener('input', update);
    update();
  }
  watch('counted-cash', 'system-cash', 'difference', function (el) {
    return parseInt(el.dataset.handedFen || '0', 10);
  });
  watch('shift-cash', 'shift-system-cash', 'shift-difference', function () { return 0; });
})();

// The day close: the difference between counted and system cash, as the cashier types.
(function () {
  var counted = document.getElementById('counted-cash');
  if (!counted) return;
  var sys = parseInt(document.getElementById('system-cash').dataset.fen, 10);
  function update() {
    var c = Math.round(parseFloat(counted.value) * 100);
    document.getElementById('difference').textContent = isNaN(c) ? '0.00' : ((c - sys) / 100).toFixed(2);
  }
  counted.addEventListener('input', update);
  update();
})();

// The payment form of a unit account: amount due of the ticked charges, change for cash.
(function () {
  var form = document.getElementById('pay-form');
  if (!form || !document.getElementById('amount')) return;
  var amount = document.getElementById('amount'), tendered = document.getElementById('tendered');
  var channel = document.getElementById('channel'), due = document.getElementById('due'), change = document.getElementById('change');
  var edited = amount.value !== '';
  function fen(v) { var n = Math.round(parseFloat(v) * 100); return isNaN(n) ? null : n; }
  function show(n) { return (n / 100).toFixed(2); }
  function recompute() {
    var d = 0;
    form.querySelectorAll('input.charge:checked').forEach(function (c) { d += fen(c.dataset.amount); });
    due.textContent = show(d);
    if (!edited) amount.value = d > 0 ? show(d) : '';
    var cash = channel.value === 'CASH';
    document.getElementById('tendered-label').style.display = cash ? '' : 'none';
    var a = fen(amount.value), t = fen(tendered.value);
    change.textContent = cash && a !== null && t !== null && t >= a ? show(t - a) : '0.00';
  }
  form.addEventListener('change', recompute);
  amount.addEventListener('input', function () { edited = true; recompute(); });
  tendered.addEventListener('input', recompute);
  form.addEventListener('submit', function () { document.getElementById('pay-submit').disabled = true; });
  recompute();
})();

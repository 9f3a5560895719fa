// Fills in the listed price of the chosen service (staff read it out to the caller).
(function () {
  var service = document.getElementById('serviceId');
  if (!service) return;
  service.addEventListener('change', function () {
    var opt = this.options[this.selectedIndex];
    document.getElementById('price').value = opt && opt.dataset.price ? opt.dataset.price : '';
  });
})();

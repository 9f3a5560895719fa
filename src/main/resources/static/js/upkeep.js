// Upkeep pages: community and filter selects submit themselves, and the patrol phone page scans a
// checkpoint's QR code with the camera (the browser's BarcodeDetector, where the browser has it;
// otherwise the code is typed). No inline scripts: everything hangs on data attributes.
(function () {
  'use strict';

  document.addEventListener('change', function (evt) {
    var el = evt.target;
    if (el instanceof HTMLSelectElement && el.hasAttribute('data-autosubmit') && el.form) {
      el.form.submit();
    }
  });

  function setupScanner(box) {
    var form = box.closest('form');
    var button = box.querySelector('[data-scan-start]');
    var camera = box.querySelector('[data-scan-camera]');
    var video = box.querySelector('video');
    var hint = box.querySelector('[data-scan-unsupported]');
    var input = form.querySelector('input[name="code"]');
    var method = form.querySelector('input[name="method"]');
    var supported = 'BarcodeDetector' in window && navigator.mediaDevices
      && typeof navigator.mediaDevices.getUserMedia === 'function';
    if (!supported) {
      if (button) { button.hidden = true; }
      if (hint) { hint.hidden = false; }
      return;
    }
    var stream = null;
    var detector = null;
    function stop() {
      if (stream) { stream.getTracks().forEach(function (t) { t.stop(); }); }
      stream = null;
      camera.hidden = true;
    }
    function found(value) {
      stop();
      // a label encodes its code only; take the last code-shaped word of whatever was read
      var match = String(value).toUpperCase().match(/[EC][2-9A-HJ-NP-Z]{6}/g);
      input.value = match ? match[match.length - 1] : String(value).trim();
      if (method) { method.value = 'CAMERA'; }
      form.submit();
    }
    function tick() {
      if (!stream) { return; }
      detector.detect(video).then(function (codes) {
        if (codes.length > 0) { found(codes[0].rawValue); } else { window.requestAnimationFrame(tick); }
      }).catch(function () { window.requestAnimationFrame(tick); });
    }
    button.addEventListener('click', function () {
      detector = detector || new window.BarcodeDetector({ formats: ['qr_code'] });
      navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false })
        .then(function (s) {
          stream = s;
          video.srcObject = s;
          camera.hidden = false;
          return video.play();
        })
        .then(tick)
        .catch(function () {
          stop();
          if (hint) { hint.hidden = false; }
          input.focus();
        });
    });
    box.querySelectorAll('[data-scan-stop]').forEach(function (b) { b.addEventListener('click', stop); });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-scanner]').forEach(setupScanner);
    // a refused reading: its input is marked and focused (data-field from the alerts fragment)
    var refused = document.querySelector('#refused[data-field]');
    if (refused) {
      var field = refused.getAttribute('data-field');
      var target = document.querySelector('[data-field-name="' + field + '"]');
      if (target) {
        var row = target.closest('.reading');
        if (row) { row.classList.add('refused'); }
        target.focus();
      }
    }
  });
})();

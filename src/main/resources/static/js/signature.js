/*
 * Signature pad: a <canvas> to sign on with a finger, a stylus or the mouse; the drawing is put into
 * a hidden input as a PNG data URL (data:image/png;base64,...) that the server checks and stores.
 * Reusable by any page:
 *
 *   <div class="signature-pad" data-signature-input="signature">
 *     <canvas class="signature"></canvas>
 *     <button type="button" class="btn small" data-signature-clear>清除</button>
 *   </div>
 *   <input type="hidden" name="signature" id="signature">
 *   <script src="/js/signature.js" defer></script>
 *
 * The input keeps its value when a refused form is shown again: the pad redraws it.
 */
(function () {
  'use strict';

  function setup(pad) {
    var canvas = pad.querySelector('canvas');
    var input = document.getElementById(pad.getAttribute('data-signature-input'));
    if (!canvas || !input || pad.dataset.signatureReady) {
      return;
    }
    pad.dataset.signatureReady = 'true';
    var ctx = canvas.getContext('2d');
    var drawing = false;
    var inked = false;
    var last = null;

    function size() {
      var ratio = window.devicePixelRatio || 1;
      var rect = canvas.getBoundingClientRect();
      var w = Math.max(1, Math.round(rect.width * ratio));
      var h = Math.max(1, Math.round(rect.height * ratio));
      if (canvas.width === w && canvas.height === h) {
        return;
      }
      canvas.width = w;
      canvas.height = h;
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.lineWidth = 2.5;
      ctx.lineCap = 'round';
      ctx.lineJoin = 'round';
      ctx.strokeStyle = '#111';
      if (input.value) {
        redraw(input.value);
      }
    }

    function redraw(dataUrl) {
      var img = new Image();
      img.onload = function () {
        var rect = canvas.getBoundingClientRect();
        ctx.drawImage(img, 0, 0, rect.width, rect.height);
        inked = true;
      };
      img.src = dataUrl;
    }

    function point(evt) {
      var rect = canvas.getBoundingClientRect();
      return {x: evt.clientX - rect.left, y: evt.clientY - rect.top};
    }

    function save() {
      input.value = inked ? canvas.toDataURL('image/png') : '';
      input.dispatchEvent(new Event('change', {bubbles: true}));
    }

    canvas.addEventListener('pointerdown', function (evt) {
      evt.preventDefault();
      size();
      drawing = true;
      last = point(evt);
      if (canvas.setPointerCapture) {
        try { canvas.setPointerCapture(evt.pointerId); } catch (e) { /* not capturable */ }
      }
      ctx.beginPath();
      ctx.arc(last.x, last.y, ctx.lineWidth / 2, 0, Math.PI * 2);
      ctx.fillStyle = ctx.strokeStyle;
      ctx.fill();
    });
    canvas.addEventListener('pointermove', function (evt) {
      if (!drawing) {
        return;
      }
      evt.preventDefault();
      var p = point(evt);
      ctx.beginPath();
      ctx.moveTo(last.x, last.y);
      ctx.lineTo(p.x, p.y);
      ctx.stroke();
      last = p;
      inked = true;
    });
    function end() {
      if (drawing) {
        drawing = false;
        save();
      }
    }
    canvas.addEventListener('pointerup', end);
    canvas.addEventListener('pointercancel', end);
    canvas.addEventListener('pointerleave', end);

    var clear = pad.querySelector('[data-signature-clear]');
    if (clear) {
      clear.addEventListener('click', function () {
        ctx.clearRect(0, 0, canvas.width, canvas.height);
        inked = false;
        save();
      });
    }
    window.addEventListener('resize', function () {
      if (input.value) {
        var keep = input.value;
        canvas.width = 0;
        size();
        redraw(keep);
      } else {
        size();
      }
    });
    size();
  }

  function init(root) {
    (root || document).querySelectorAll('[data-signature-input]').forEach(setup);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { init(); });
  } else {
    init();
  }
  // pads that htmx swaps in
  document.addEventListener('htmx:load', function (evt) { init(evt.target); });
  window.SignaturePad = {init: init};
})();

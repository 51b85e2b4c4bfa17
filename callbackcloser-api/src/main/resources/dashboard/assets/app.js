// CallbackCloser dashboard: small enhancements on top of pages that work without JavaScript. No inline code
// anywhere (the Content-Security-Policy forbids it): everything is wired here, from data attributes.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // Characters a GSM-7 text can carry; anything else makes the text UCS-2 (70 characters a part, not 160).
  var GSM = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZ" +
    "ÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
  var GSM_EXTENDED = "^{}\\[~]|€";

  function segments(text) {
    var units = 0;
    var gsm = true;
    for (var i = 0; i < text.length; i++) {
      var c = text.charAt(i);
      if (GSM.indexOf(c) >= 0) { units += 1; } else if (GSM_EXTENDED.indexOf(c) >= 0) { units += 2; } else { gsm = false; break; }
    }
    if (!gsm) {
      units = Array.from(text).length;
      return { length: units, parts: units <= 70 ? 1 : Math.ceil(units / 67), encoding: "Unicode" };
    }
    return { length: units, parts: units <= 160 ? 1 : Math.ceil(units / 153), encoding: "GSM" };
  }

  function wireCounter(counter) {
    var field = document.getElementById(counter.getAttribute("data-counter-for"));
    if (!field || counter.dataset.wired) { return; }
    counter.dataset.wired = "yes";
    var update = function () {
      var s = segments(field.value);
      counter.textContent = s.length === 0 ? "" :
        s.length + " characters, " + s.parts + (s.parts === 1 ? " text. " : " texts. ");
    };
    field.addEventListener("input", update);
    update();
  }

  function wireAutosubmit(select) {
    if (select.dataset.wired) { return; }
    select.dataset.wired = "yes";
    select.addEventListener("change", function () {
      if (select.form) { select.form.requestSubmit ? select.form.requestSubmit() : select.form.submit(); }
    });
  }

  function init(root) {
    var scope = root && root.querySelectorAll ? root : document;
    scope.querySelectorAll("[data-counter-for]").forEach(wireCounter);
    scope.querySelectorAll("select[data-autosubmit]").forEach(wireAutosubmit);
  }

  document.addEventListener("DOMContentLoaded", function () { init(document); });
  document.addEventListener("htmx:load", function (event) { init(event.detail.elt); });

  // After a text is sent the reply box is new: put the cursor back in it, ready for the next one.
  document.addEventListener("htmx:afterSettle", function (event) {
    var source = event.detail.requestConfig && event.detail.requestConfig.elt;
    if (source && source.id === "reply-form") {
      var box = document.getElementById("reply-body");
      if (box) { box.focus(); }
    }
  });
})();

// Filter forms submit only the fields that are set, so URLs (and the JSON twin they link)
// stay short: /events?status=denied rather than /events?actor=&type=&status=denied&...
(function () {
  "use strict";
  document.querySelectorAll("form.filters").forEach((form) => {
    form.addEventListener("submit", () => {
      form.querySelectorAll("input, select").forEach((field) => {
        if (field.name && !field.value.trim()) field.disabled = true;
      });
    });
  });
  // Coming back through the history must not leave fields disabled.
  window.addEventListener("pageshow", () => {
    document.querySelectorAll("form.filters [disabled]").forEach((f) => { f.disabled = false; });
  });
})();

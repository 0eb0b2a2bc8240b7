// pathmine review: the only script besides htmx. No inline handlers (the CSP forbids them).
"use strict";
(function () {
  var meta = document.querySelector('meta[name="csrf-token"]');
  // htmx requests carry the session's CSRF token as a header as well as the form field
  document.addEventListener("htmx:configRequest", function (event) {
    if (meta) { event.detail.headers["X-CSRF-Token"] = meta.getAttribute("content"); }
  });
  // after a decision, the status badge at the top follows the decision panel
  document.addEventListener("htmx:afterSwap", function (event) {
    var panel = document.getElementById("decision");
    var badge = document.getElementById("flag-status");
    if (panel && badge && panel.dataset.status) {
      badge.textContent = panel.dataset.statusLabel || panel.dataset.status;
      badge.className = "status status-" + panel.dataset.status;
    }
  });
})();

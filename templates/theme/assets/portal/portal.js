/* Portal behaviour that needs no inline script (the pages' Content-Security-Policy forbids it):
 * the page's address in the print header, and the 打印 buttons of table pages. */
(function () {
  "use strict";
  function fill() {
    document.querySelectorAll(".print-url").forEach(function (el) { el.textContent = decodeURI(location.href); });
  }
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest(".print-button")) { window.print(); }
  });
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", fill); } else { fill(); }
})();

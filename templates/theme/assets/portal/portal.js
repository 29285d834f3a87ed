/* Portal behaviour that needs no inline script (the pages' Content-Security-Policy forbids it):
 * the page's address and the print date in the print header, and the 打印 buttons of table pages. */
(function () {
  "use strict";
  function fill() {
    var now = new Date();
    var today = now.getFullYear() + "年" + (now.getMonth() + 1) + "月" + now.getDate() + "日";
    document.querySelectorAll(".print-url").forEach(function (el) { el.textContent = decodeURI(location.href); });
    document.querySelectorAll(".print-date").forEach(function (el) { el.textContent = today; });
  }
  window.addEventListener("beforeprint", fill);
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest(".print-button")) { window.print(); }
  });
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", fill); } else { fill(); }
})();

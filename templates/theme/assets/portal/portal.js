/* Portal behaviour that needs no inline script (the pages' Content-Security-Policy forbids it):
 * the page's address and the print date in the print header, and the 打印 buttons of table pages. */
(function () {
  "use strict";
  /* mkdocs-material's hidden toggles (menu, search) get a name for screen readers (WCAG 4.1.2). */
  function labelToggles() {
    var names = { __drawer: "导航菜单", __search: "搜索" };
    Object.keys(names).forEach(function (id) {
      var input = document.getElementById(id);
      if (input && !input.getAttribute("aria-label")) {
        input.setAttribute("aria-label", names[id]);
      }
    });
  }
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
  function ready() { fill(); labelToggles(); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", ready); } else { ready(); }
})();

/* Portal behaviour that needs no inline script (the pages' Content-Security-Policy forbids it):
 * the page's address and the print date in the print header, the running head of printed pages
 * (title, print date) in the page margins, the column hints of printed tables, and the 打印 buttons
 * of table pages. */
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

  function today() {
    var now = new Date();
    return now.getFullYear() + "年" + (now.getMonth() + 1) + "月" + now.getDate() + "日";
  }

  /* The page's own title: its h1 as the reader sees it (no ¶ permalink), not the tab's "… - 规划参考门户". */
  function pageTitle() {
    var h1 = document.querySelector("article h1");
    if (!h1) { return ""; }
    var copy = h1.cloneNode(true);
    copy.querySelectorAll(".headerlink").forEach(function (el) { el.remove(); });
    var title = copy.textContent.replace(/\s+/g, " ").trim();
    return title.length > 60 ? title.slice(0, 59) + "…" : title;
  }

  function cssString(text) {
    return '"' + text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/[\r\n\f]+/g, " ") + '"';
  }

  /* Running head of every printed page: the title top left, the print date top right. A margin box's
   * `content` cannot read a custom property or the DOM, so the rule is written here; its font and size
   * are in portal.css (the page numbers at the foot need no script: counter(page) / counter(pages)). */
  function runningHead(date) {
    var id = "portal-print-margins";
    var style = document.getElementById(id);
    if (!style) {
      style = document.createElement("style");
      style.id = id;
      document.head.appendChild(style);
    }
    /* where margin boxes print (CSSMarginRule: Chromium 131+), the print head's own date line would repeat it */
    if (window.CSSMarginRule) { document.documentElement.classList.add("print-running-head"); }
    var title = pageTitle();
    style.textContent = "@page {" +
      (title ? " @top-left { content: " + cssString(title) + "; }" : "") +
      " @top-right { content: " + cssString("打印日期：" + date) + "; } }";
  }

  /* Printed tables: columns of short values (levels, dates, counts, scores) are kept on one line and as
   * narrow as their longest value, so the text columns get the width; numbers are centred. */
  var NUMBER = /^[\d\s.,%—–-]*$/;
  var SHORT = 12; // characters
  function markColumns() {
    document.querySelectorAll("article .wide-table table").forEach(function (table) {
      var rows = [].slice.call(table.rows);
      var body = [].slice.call(table.tBodies).reduce(function (all, tb) { return all.concat([].slice.call(tb.rows)); }, []);
      if (!body.length) { return; }
      var columns = Math.max.apply(null, rows.map(function (r) { return r.cells.length; }));
      for (var i = 0; i < columns; i++) {
        var texts = body.map(function (r) { return r.cells[i] ? r.cells[i].textContent.trim() : ""; });
        var numeric = texts.every(function (t) { return NUMBER.test(t); });
        var longest = Math.max.apply(null, texts.map(function (t) { return t.length; }));
        var kind = numeric ? "col-num" : longest <= SHORT ? "col-short" : "";
        rows.forEach(function (r) {
          var cell = r.cells[i];
          if (!cell) { return; }
          cell.classList.remove("col-num", "col-short");
          if (kind) { cell.classList.add(kind); }
        });
      }
    });
  }

  function fill() {
    var date = today();
    document.querySelectorAll(".print-url").forEach(function (el) { el.textContent = decodeURI(location.href); });
    document.querySelectorAll(".print-date").forEach(function (el) { el.textContent = date; });
    runningHead(date);
    markColumns();
  }
  /* filled at load (for printing that fires no beforeprint) and again at beforeprint (the day's date) */
  window.addEventListener("beforeprint", fill);
  /* a printed topic page shows each measure's whole text: folded texts open for printing, close again after */
  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = Array.prototype.filter.call(document.querySelectorAll("details.measure-full:not([open])"),
      function (el) { el.open = true; return true; });
  });
  window.addEventListener("afterprint", function () { opened.forEach(function (el) { el.open = false; }); opened = []; });
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest(".print-button")) { window.print(); }
  });
  function ready() { fill(); labelToggles(); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", ready); } else { ready(); }
})();

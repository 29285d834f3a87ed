"""Search benchmark (issue 7): the portal's sharded index against mkdocs-material's stock search.

For each size N (measures), on the same pages:

1. a synthetic corpus (benchmarks/synthetic_corpus.py) → a minimal MkDocs project in
   benchmarks/out/bench-N/ (one page per measure and per plan, the portal's theme dir,
   ``plugins: [search: {lang: zh}]``, the portal search page) and our index in docs/searchdata;
2. ``mkdocs build`` once — it writes both indexes; the stock plugin's own time is clocked by
   wrapping its hooks; our index time is ``write_search_index``'s (index files + the writer);
3. the site served from http://127.0.0.1:PORT/portal/ (HTTP/1.1, no compression); headless
   Chromium (Playwright, Debian's /usr/bin/chromium), a fresh context per measurement; bytes are
   the Resource Timing ``transferSize`` of the search files, times are taken in the page:
   - ours:  the header box as shipped (templates/theme/partials/search.html);
   - stock: the same page with the stock header partial put back (the HTML response is rewritten
     on the fly), so mkdocs-material fetches search/search_index.json and runs its lunr worker;
   cold = first query on a freshly opened page; warm = next queries on the same page;
   time = from the input event to the first results (ours: shown in the dropdown — a query
   typed after a pause runs at once, keystrokes in quick succession are debounced by 100 ms;
   meta.js is fetched when the box gets focus; stock: the worker's answer);
   cold bytes count every search file since page load (ours: search.js, meta.js, shards,
   chunks; stock: search_index.json, worker, lunr), warm bytes those fetched for that query;
4. recall and precision against a substring scan of the normalised page texts, in the browser:
   ours by running the query engine to exhaustion (window.PortalSearch.Search), stock by
   recording every result the lunr worker posts back.

    .venv/bin/python benchmarks/bench_search.py --sizes 300 3000 30000 [--skip-stock-over N]
    .venv/bin/python benchmarks/bench_search.py --sizes 30000 --reuse   # browser runs on an earlier build

Writes benchmarks/out/bench-results.json and prints a Markdown table. Big builds take long:
run with ``nohup … &`` and read benchmarks/out/bench-N/build.log.
"""

from __future__ import annotations

import argparse
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import synthetic_corpus  # noqa: E402

from generator.publish.writer import Writer  # noqa: E402
from generator.render.pages.search import PAGE as SEARCH_PAGE  # noqa: E402
from generator.search import SearchDoc, SearchMeta, index_files, index_stats  # noqa: E402
from generator.text.searchfold import normalize, query_words  # noqa: E402

OUT = ROOT / "benchmarks" / "out"


def write_search_index(docs, meta, out_dir: Path) -> dict:
    """Index files written by the build's writer; their figures and the time it took."""
    started = time.perf_counter()
    files = index_files(docs, meta)
    writer = Writer(out_dir)
    writer.write_all(files)
    writer.remove_stale()
    return index_stats(files) | {"seconds": round(time.perf_counter() - started, 3)}
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"]
COLD_QUERY = "三会一课"
WARM_QUERIES = ["党群服务中心", "软弱涣散 整顿", "基层党组织", "党"]
RECALL_QUERIES = ["三会一课", "党群服务中心", "软弱涣散", "软弱涣散 整顿", "组织生活", "发展党员", "持续整顿软弱涣散基层党组织", "1+10+N", "智慧党建"]
MAX_RECALL_TRUTH = 4000  # skip recall for queries matching more pages than this (loading it all is not a search)


# --------------------------------------------------------------------------- project


def load_plans(corpus: Path) -> list[dict]:
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((corpus / "plans").glob("*.yaml"))]


def topic_rules() -> tuple[list[tuple[str, str]], list[tuple[str, list[str]]]]:
    data = yaml.safe_load((ROOT / "site_config" / "topics.yaml").read_text(encoding="utf-8"))
    return [(t["id"], t["name"]) for t in data], [(t["id"], [normalize(w) for w in t["words"]]) for t in data]


def measures_of(plan: dict):
    def walk(sections):
        for s in sections:
            yield from s.get("measures", [])
            yield from walk(s.get("sections", []))

    yield from walk(plan["sections"])


def make_project(corpus: Path, project: Path, write: bool = True) -> tuple[list[SearchDoc], SearchMeta]:
    """Markdown pages + mkdocs.yml (unless write is false); returns the search docs of those pages."""
    docs_dir = project / "docs"
    if write:
        if project.exists():
            shutil.rmtree(project)
        (docs_dir / "search").mkdir(parents=True)
    topics, rules = topic_rules()
    meta = SearchMeta(levels=[("central", "中央"), ("province", "省"), ("city", "市"), ("district", "区县"), ("unit", "部门/单位")], topics=topics)
    docs: list[SearchDoc] = []

    def tag(text: str) -> tuple[str, ...]:
        n = normalize(text)
        return tuple(t for t, words in rules if any(w in n for w in words))

    for plan in load_plans(corpus):
        years = tuple(range(int(plan["period"]["start"]), int(plan["period"]["end"]) + 1))
        common = dict(plan=plan["short_title"], level=plan["level"], years=years)
        plan_parts = [plan["title"], plan["doc_number"], plan["issuer"], plan["notice"]]
        for m in measures_of(plan):
            url = f"plans/{plan['id']}/{m['number']}/"
            title = f"{m['number']}. {m['title']}"
            text = f"{title}。{m['text']}"
            plan_parts.append(text)
            if write:
                page = docs_dir / url / "index.md"
                page.parent.mkdir(parents=True, exist_ok=True)
                page.write_text(f"# {title}\n\n{m['title']}。{m['text']}\n", encoding="utf-8")
            docs.append(SearchDoc(url=url, title=title, kind="measure", text=text, topics=tag(text), **common))
        url = f"plans/{plan['id']}/"
        body = "\n\n".join(plan_parts[1:])
        if write:
            (docs_dir / url / "index.md").write_text(f"# {plan['title']}\n\n{body}\n", encoding="utf-8")
        docs.append(SearchDoc(url=url, title=plan["short_title"], kind="plan", text="\n".join(plan_parts), **common))
    if not write:
        return docs, meta
    (docs_dir / "index.md").write_text("# 规划参考门户（基准测试）\n\n搜索基准测试用的合成语料。\n", encoding="utf-8")
    (docs_dir / "search" / "index.md").write_text(SEARCH_PAGE, encoding="utf-8")
    config = {
        "site_name": "规划参考门户（基准）",
        "use_directory_urls": True,
        "theme": {"name": "material", "language": "zh", "font": False, "custom_dir": str(ROOT / "templates" / "theme")},
        "plugins": [{"search": {"lang": "zh", "jieba_dict_user": str(ROOT / "site_config" / "dictionary.txt")}}],
        "nav": ["index.md", "search/index.md"],
        "not_in_nav": "/plans/\n",
        "markdown_extensions": ["md_in_html", "attr_list"],
    }
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return docs, meta


TIMED_BUILD = r"""
import sys, time, json
from material.plugins.search import plugin as sp
spent = {"stock": 0.0}
def timed(name):
    orig = getattr(sp.SearchPlugin, name)
    def wrapper(self, *a, **k):
        t = time.perf_counter()
        try:
            return orig(self, *a, **k)
        finally:
            spent["stock"] += time.perf_counter() - t
    setattr(sp.SearchPlugin, name, wrapper)
for n in ("on_config", "on_page_context", "on_post_build"):
    timed(n)
from mkdocs.config import load_config
from mkdocs.commands.build import build
t = time.perf_counter()
build(load_config(sys.argv[1], site_dir=sys.argv[2]))
print(json.dumps({"mkdocs_seconds": time.perf_counter() - t, "stock_index_seconds": spent["stock"]}))
"""


def mkdocs_build(project: Path, site: Path, timeout: float) -> dict:
    log = project / "build.log"
    with open(log, "w", encoding="utf-8") as fh:
        proc = subprocess.run([sys.executable, "-c", TIMED_BUILD, str(project / "mkdocs.yml"), str(site)],
                              stdout=subprocess.PIPE, stderr=fh, text=True, timeout=timeout, cwd=project)
    if proc.returncode != 0:
        raise RuntimeError(f"mkdocs build failed, see {log}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


# --------------------------------------------------------------------------- serving and browsing


class Handler(http.server.SimpleHTTPRequestHandler):
    """Static files under /portal/, HTTP/1.1 keep-alive (as nginx or IIS would), no compression."""

    root = ""
    protocol_version = "HTTP/1.1"

    def __init__(self, *a, **k):
        super().__init__(*a, directory=self.root, **k)

    def translate_path(self, path):
        path = urllib.parse.unquote(path.split("?", 1)[0])
        if not path.startswith("/portal/"):
            return os.path.join(self.root, "\0missing")
        return super().translate_path(path[len("/portal"):])

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, *a):
        pass


def serve(site: Path):
    handler = type("H", (Handler,), {"root": str(site)})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/portal/"


def stock_partial() -> str:
    """mkdocs-material's own header search partial, rendered as it would be for this site."""
    import jinja2
    import material

    templates = Path(material.__file__).parent / "templates"
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates)))
    labels = {"search.placeholder": "搜索", "search": "搜索", "search.share": "分享", "search.reset": "清空当前内容",
              "search.result.initializer": "正在初始化搜索引擎"}
    lang = type("Lang", (), {"t": staticmethod(lambda key: labels.get(key, key))})
    return env.get_template("partials/search.html").render(lang=lang, config={"theme": {"icon": {}}}, features=[])


OURS_BLOCK = re.compile(r'<div class="md-search portal-search".*?</script>', re.S)
MEASURE = """
performance.setResourceTimingBufferSize(1000000);
window.__q0 = 0;
document.addEventListener("input", () => { window.__q0 = performance.now(); }, true);
"""
RECORD_WORKER = """
window.__stockMessages = [];
const NativeWorker = window.Worker;
window.Worker = class extends NativeWorker {
  constructor(...args) {
    super(...args);
    this.addEventListener("message", e => window.__stockMessages.push({at: performance.now(), type: e.data && e.data.type, data: e.data && e.data.data}));
  }
};
"""
RESOURCES = """([from, to, pattern]) => performance.getEntriesByType("resource")
  .filter(e => e.startTime >= from && e.startTime <= to && new RegExp(pattern).test(e.name))
  .reduce((sum, e) => sum + e.transferSize, 0)"""
OURS_FILES = r"/searchdata/|/assets/portal/"
STOCK_FILES = r"/search/search_index\.json|/workers/search\.|/lunr/"


def new_page(browser, stock: bool):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    page.add_init_script(MEASURE)
    if stock:
        partial = stock_partial()

        def rewrite(route):
            response = route.fetch()
            html = response.text()
            if "portal-search" in html:
                html = OURS_BLOCK.sub(lambda _: partial, html, count=1)
            route.fulfill(response=response, body=html, headers={**response.headers, "content-type": "text/html; charset=utf-8"})

        page.route(re.compile(r".*/portal/(?:[^?#]*/)?(?:index\.html)?(?:\?.*)?$"), rewrite)
        page.add_init_script(RECORD_WORKER)
    return context, page


def ours_query(page, query: str, since_navigation: bool = False) -> dict:
    """Fill the header box; {ms: input event → first results shown (incl. the 100 ms debounce), bytes: fetched meanwhile}."""
    box = page.locator(".portal-search__input")
    box.click()
    before = page.evaluate("document.querySelector('[data-portal-search]').portalHeader.seq")
    box.fill(query)
    page.wait_for_function(
        """prev => { const h = document.querySelector('[data-portal-search]');
             return h.portalHeader.seq > prev && h.getAttribute('data-portal-done') === String(h.portalHeader.seq); }""",
        arg=before,
        timeout=120_000,
        polling=10,
    )
    q0, done = page.evaluate("[window.__q0, document.querySelector('[data-portal-search]').portalDoneAt]")
    start = 0 if since_navigation else q0  # cold: includes search.js and meta.js (fetched on focus)
    return {"ms": round(done - q0), "bytes": page.evaluate(RESOURCES, [start, done, OURS_FILES])}


def stock_query(page, query: str, since_navigation: bool = False) -> dict:
    """Type into mkdocs-material's box (it searches on keyup); time to the worker's answer."""
    box = page.locator(".md-search__input")
    box.click()
    page.evaluate("window.__stockMessages.length = 0")
    box.fill(query)
    box.press("End")
    page.wait_for_function(
        """() => window.__stockMessages.some(m => m.type === 3) &&
             (document.querySelector('.md-search-result__list > li') || /没有/.test(document.querySelector('.md-search-result__meta').textContent))""",
        timeout=600_000,
        polling=10,
    )
    q0, done = page.evaluate("[window.__q0, window.__stockMessages.filter(m => m.type === 3)[0].at]")
    start = 0 if since_navigation else q0
    return {"ms": round(done - q0), "ms_from_navigation": round(done), "bytes": page.evaluate(RESOURCES, [start, done, STOCK_FILES])}


def engine_all(page, query: str) -> dict:
    """Run our engine to exhaustion in the page: every verified result and the time to the first 8."""
    return page.evaluate(
        """async q => {
             const t0 = performance.now();
             const s = new PortalSearch.Search(PortalSearch.site.index, q, {}, {});
             await s.start();
             const first = await s.more(8);
             const t1 = performance.now();
             while (s.hasMore()) await s.more(500);
             return {first_ms: t1 - t0, urls: s.results.map(h => h.rec[0]), n_first: first.length};
           }""",
        query,
    )


def stock_results(page, query: str) -> list[str]:
    """Every page the lunr worker returns for the query (all of them, not only those rendered)."""
    page.locator(".md-search__input").fill("")
    stock_query(page, query)
    items = page.evaluate("window.__stockMessages.filter(m => m.type === 3).pop().data.items")
    return sorted({doc["location"].split("#", 1)[0] for group in items for doc in group})


# --------------------------------------------------------------------------- one size


def truth_of(docs: list[SearchDoc], query: str, cache: dict) -> set[str]:
    words = query_words(query)
    out = set()
    for d in docs:
        title, text = cache.setdefault(d.url, (normalize(d.title), normalize(d.text)))
        if all(w in title or w in text for w in words):
            out.add(d.url)
    return out


def bench_size(n: int, browser, args) -> dict:
    corpus = OUT / f"corpus-{n}"
    project = OUT / f"bench-{n}"
    site = project / "site"
    row: dict = {"measures": n}
    previous = {r["measures"]: r for r in args.previous}.get(n)
    if args.reuse and previous and "stock_index_bytes" in previous and (site / "index.html").is_file():
        docs, meta = make_project(corpus, project, write=False)
        for key in ("pages", "ours_index", "build", "stock_index_bytes"):
            row[key] = previous[key]
        shutil.copytree(ROOT / "templates" / "theme" / "assets" / "portal", site / "assets" / "portal", dirs_exist_ok=True)
        row["ours_index"] = write_search_index(docs, meta, site / "searchdata")  # the current index code
        print(f"[{n}] reusing {site} (theme assets refreshed, our index rewritten: {row['ours_index']})", flush=True)
    else:
        synthetic_corpus.build(n, corpus)
        docs, meta = make_project(corpus, project)
        row["pages"] = len(docs) + 2
        stats = write_search_index(docs, meta, project / "docs" / "searchdata")
        row["ours_index"] = stats
        print(f"[{n}] our index: {stats}", flush=True)
        started = time.perf_counter()
        try:
            row["build"] = mkdocs_build(project, site, timeout=args.build_timeout)
        except subprocess.TimeoutExpired:
            row["build"] = {"timeout_seconds": args.build_timeout, "elapsed": time.perf_counter() - started}
            print(f"[{n}] mkdocs build exceeded {args.build_timeout} s", flush=True)
            return row
        row["stock_index_bytes"] = (site / "search" / "search_index.json").stat().st_size
        print(f"[{n}] mkdocs build: {row['build']}; stock index {row['stock_index_bytes']} bytes", flush=True)
    if args.build_only:
        return row
    server, base = serve(site)
    start_page = base + f"{docs[0].url}"
    try:
        # ours: the header box, cold then warm
        context, page = new_page(browser, stock=False)
        page.goto(start_page)
        page.wait_for_function("window.PortalSearch !== undefined")
        row["ours_cold"] = ours_query(page, COLD_QUERY, since_navigation=True)
        row["ours_warm"] = [{"query": q, **ours_query(page, q)} for q in WARM_QUERIES]
        context.close()
        # ours: the engine alone (no debounce, no rendering), cold
        context, page = new_page(browser, stock=False)
        page.goto(start_page)
        page.wait_for_function("window.PortalSearch !== undefined")
        row["ours_engine_cold"] = page.evaluate(
            """async ([q, pattern]) => { const t0 = performance.now(); const s = new PortalSearch.Search(PortalSearch.site.index, q, {}, {fullChunks: 10});
                 await s.start(); await s.more(8); const t1 = performance.now();
                 const bytes = performance.getEntriesByType("resource").filter(e => e.startTime >= t0 && new RegExp(pattern).test(e.name))
                   .reduce((sum, e) => sum + e.transferSize, 0);
                 return {ms: Math.round(t1 - t0), bytes}; }""",
            [COLD_QUERY, OURS_FILES],
        )
        context.close()
        # stock: mkdocs-material's header box on the same page; its index download starts at page load
        if n <= args.skip_stock_over:
            context, page = new_page(browser, stock=True)
            page.goto(start_page, wait_until="domcontentloaded")
            row["stock_cold"] = stock_query(page, COLD_QUERY, since_navigation=True)
            row["stock_warm"] = [{"query": q, **stock_query(page, q)} for q in WARM_QUERIES]
        # recall
        cache: dict = {}
        row["recall"] = []
        ours_page = new_page(browser, stock=False)
        ours_page[1].goto(start_page)
        ours_page[1].wait_for_function("window.PortalSearch !== undefined")
        for q in RECALL_QUERIES:
            truth = truth_of(docs, q, cache)
            entry = {"query": q, "truth": len(truth)}
            if len(truth) <= MAX_RECALL_TRUTH:
                got = set(engine_all(ours_page[1], q)["urls"])
                entry["ours_found"] = len(got & truth)
                entry["ours_extra"] = len(got - truth)
                if n <= args.skip_stock_over:
                    stock = set(stock_results(page, q))
                    entry["stock_found"] = len(stock & truth)
                    entry["stock_extra"] = len(stock - truth)
            row["recall"].append(entry)
            print(f"[{n}] recall {entry}", flush=True)
        ours_page[0].close()
        if n <= args.skip_stock_over:
            context.close()
    finally:
        server.shutdown()
        server.server_close()
    return row


def table(rows: list[dict]) -> str:
    kb = lambda b: f"{b / 1024:,.0f} KB" if b < 10 * 1024 * 1024 else f"{b / 1024 / 1024:,.1f} MB"  # noqa: E731
    lines = [
        "| measures (pages) | index build: ours / stock | index size: ours (files) / stock | cold query 三会一课: bytes ours / stock | cold: first result ours (engine only) / stock | warm (median of 4): ours / stock | recall ours / stock (precision stock) |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        b = r.get("build", {})
        st = b.get("stock_index_seconds")
        oc, sc = r.get("ours_cold", {}), r.get("stock_cold", {})
        ow = sorted(x["ms"] for x in r.get("ours_warm", []))
        sw = sorted(x["ms"] for x in r.get("stock_warm", []))
        rec = [e for e in r.get("recall", []) if "ours_found" in e]
        truth = sum(e["truth"] for e in rec)
        ours_found = sum(e["ours_found"] for e in rec)
        stock_found = sum(e.get("stock_found", 0) for e in rec)
        stock_extra = sum(e.get("stock_extra", 0) for e in rec)
        stock_recall = f"{stock_found / truth:.1%}" if truth and "stock_cold" in r else "—"
        stock_prec = f"{stock_found / (stock_found + stock_extra):.1%}" if stock_found + stock_extra and "stock_cold" in r else "—"
        lines.append(
            f"| {r['measures']:,} ({r.get('pages', 0):,}) "
            f"| {r['ours_index']['seconds']:.1f} s / {f'{st:.1f} s' if st is not None else 'timeout'} "
            f"| {kb(r['ours_index']['bytes'])} ({r['ours_index']['files']:,}) / {kb(r['stock_index_bytes']) if 'stock_index_bytes' in r else '—'} "
            f"| {kb(oc.get('bytes', 0))} / {kb(sc['bytes']) if sc else '—'} "
            f"| {oc.get('ms', '—')} ms ({r.get('ours_engine_cold', {}).get('ms', '—')} ms) / {str(sc['ms']) + ' ms' if sc else '—'} "
            f"| {ow[len(ow) // 2] if ow else '—'} ms / {str(sw[len(sw) // 2]) + ' ms' if sw else '—'} "
            f"| {ours_found}/{truth} / {stock_recall} ({stock_prec}) |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description="search benchmark: ours vs mkdocs-material's")
    parser.add_argument("--sizes", type=int, nargs="+", default=[300, 3000, 30000])
    parser.add_argument("--build-timeout", type=float, default=3600)
    parser.add_argument("--skip-stock-over", type=int, default=10**9, help="skip browser runs of the stock search above this size")
    parser.add_argument("--results", type=Path, default=OUT / "bench-results.json")
    parser.add_argument("--reuse", action="store_true", help="reuse an earlier build of a size (browser runs only)")
    parser.add_argument("--build-only", action="store_true", help="build, do not run the browser")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    rows = json.loads(args.results.read_text(encoding="utf-8")) if args.results.exists() else []
    args.previous = rows
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for n in args.sizes:
            row = bench_size(n, browser, args)
            rows = [r for r in rows if r["measures"] != n] + [row]
            rows.sort(key=lambda r: r["measures"])
            args.results.write_text(json.dumps(rows, ensure_ascii=False, indent=2), encoding="utf-8")
        browser.close()
    print(table(rows))


if __name__ == "__main__":
    main()

"""The built portal as a whole: a page for everything, links that resolve, no outside hosts, open data."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

from tests.conftest import CONTENT

PLAN_IDS = sorted(p.stem for p in (CONTENT / "plans").glob("*.yaml"))
SEED_PLAN = {"000": "guangdong-2020-points", "001": "haizhu-cgj-2018-2020", "002": "shenzhen-2018-2020",
             "003": "city-2020-opinion", "004": "national-2020-key-tasks"}


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.links.append(value)
            if name == "id" and value:
                self.ids.add(value)


def parse(path: Path) -> Links:
    parser = Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def corpus(portal: Path) -> dict:
    return json.loads((portal / "data" / "corpus.json").read_text(encoding="utf-8"))


def test_a_page_for_every_plan_measure_year_and_level(portal: Path) -> None:
    data = corpus(portal)
    assert sorted(p["id"] for p in data["plans"]) == PLAN_IDS
    measures = [m for p in data["plans"] for m in p["measures"]]
    assert len(measures) >= 150
    for m in measures:
        assert (portal / m["url"] / "index.html").is_file(), m["url"]
    for plan_id in PLAN_IDS:
        assert (portal / "plans" / plan_id / "index.html").is_file()
    for year in (2018, 2019, 2020):
        assert (portal / "years" / str(year) / "index.html").is_file()
    levels = yaml.safe_load((CONTENT.parent / "site_config" / "levels.yaml").read_text(encoding="utf-8"))
    for level in levels:
        assert (portal / "levels" / level["key"] / "index.html").is_file()


def test_every_internal_link_resolves(portal: Path) -> None:
    broken = []
    # 404.html is served by the web server for any path, so MkDocs writes it with root-absolute links
    pages = sorted(p for p in portal.rglob("*.html") if p.name != "404.html")
    ids = {}
    for page in pages:
        for link in parse(page).links:
            parts = urlsplit(link)
            if parts.scheme or link.startswith(("#", "//", "mailto:")):
                continue
            target = (page.parent / unquote(parts.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(portal)} → {link}")
                continue
            if parts.fragment and target.suffix == ".html" and target.is_relative_to(portal / "plans"):
                ids.setdefault(target, parse(target).ids)
                if unquote(parts.fragment) not in ids[target]:
                    broken.append(f"{page.relative_to(portal)} → {link} (anchor)")
    assert not broken, broken[:20]
    assert len(pages) > 200


HOST = re.compile(r"""(?:https?:)?//([a-z0-9.-]+\.[a-z]{2,})""", re.I)
NAMESPACES = {"www.w3.org"}  # XML namespaces, never fetched


def test_no_file_references_another_host(portal: Path) -> None:
    offenders = {}
    for path in portal.rglob("*"):
        if path.suffix not in (".html", ".css", ".js") or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        if path.suffix == ".js":
            # code may mention URLs in comments/licences; what matters is what it loads
            hits = re.findall(r"""(?:src|href|import|fetch|url)\s*[=(:]\s*["'`]((?:https?:)?//[^"'`]+)""", text)
        elif path.suffix == ".css":
            hits = re.findall(r"""url\(\s*["']?((?:https?:)?//[^)"']+)""", text) + re.findall(r"""@import\s+["']((?:https?:)?//[^"']+)""", text)
        else:
            hits = re.findall(r"""(?:src|href|action|content)\s*=\s*["']((?:https?:)?//[^"']+)""", text)
        hosts = {h for hit in hits for h in HOST.findall(hit)} - NAMESPACES
        if hosts:
            offenders[str(path.relative_to(portal))] = sorted(hosts)
    assert not offenders, offenders


def test_measures_stay_out_of_the_navigation(portal: Path) -> None:
    home = (portal / "index.html").read_text(encoding="utf-8")
    nav = home[home.index('class="md-nav md-nav--primary"'):]
    nav = nav[: nav.index("</nav>")] if "</nav>" in nav else nav
    assert not re.search(r'href="[^"]*plans/[a-z0-9-]+/[a-z0-9-]+/"', nav)
    assert re.search(r'href="[^"]*plans/shenzhen-2018-2020/"', home)


def test_the_portal_search_finds_a_term_in_the_measures_of_every_seed_plan(portal: Path) -> None:
    """The index the portal's own search loads (searchdata/): 软弱涣散 in a measure of each seed that has it."""
    from generator.search.query import StaticIndex

    index = StaticIndex(portal / "searchdata")
    found = {hit.url.split("/")[1] for hit in index.search("软弱涣散") if re.match(r"plans/[^/]+/[^/#]+/", hit.url)}
    for seed in ("000", "001", "002", "004"):
        assert SEED_PLAN[seed] in found, (seed, found)
    assert index.search("三会一课")


def test_the_stock_search_is_gone_and_the_portal_search_stays(portal: Path) -> None:
    """No search/search_index.json (the portal never loads it), and every page still has the search box."""
    assert not (portal / "search" / "search_index.json").exists()
    for page in ("index.html", "plans/shenzhen-2018-2020/index.html"):
        html = (portal / page).read_text(encoding="utf-8")
        assert "data-portal-search" in html and 'for="__search"' in html, page


def test_corpus_json_follows_the_contract(portal: Path) -> None:
    data = corpus(portal)
    for plan in data["plans"]:
        for key in ("id", "source", "title", "doc_number", "issuer", "tier", "body_kind", "region_path", "issued",
                    "year_themes", "measures"):
            assert key in plan, key
        assert plan["tier"] in {lv["key"] for lv in data["levels"]}
        assert isinstance(plan["region_path"], list) and all(isinstance(r, str) and r for r in plan["region_path"])
        for theme in plan["year_themes"]:
            assert isinstance(theme["year"], int) and theme["theme"]
        for m in plan["measures"]:
            for key in ("id", "number", "title", "text", "url", "years", "topics", "related"):
                assert key in m, key
            assert m["id"].startswith(plan["id"] + "/") and m["url"].startswith(f"plans/{plan['id']}/")
            assert all(isinstance(y, int) for y in m["years"])
            scores = [r["score"] for r in m["related"]]
            assert scores == sorted(scores, reverse=True)
            assert all(not r["id"].startswith(plan["id"] + "/") for r in m["related"])
    shenzhen = next(p for p in data["plans"] if p["id"] == "shenzhen-2018-2020")
    assert shenzhen["doc_number"] == "深办发〔2018〕33号" and shenzhen["issued"] == "2018-10-29"
    assert [t["theme"] for t in shenzhen["year_themes"]] == ["规范化建设", "组织力提升", "基层党建全面进步全面过硬"]
    for plan_id in PLAN_IDS:
        assert (portal / "data" / "plans" / f"{plan_id}.csv").is_file()


def test_plan_page_has_card_notice_text_and_an_anchor_per_measure(portal: Path) -> None:
    html = (portal / "plans" / "shenzhen-2018-2020" / "index.html").read_text(encoding="utf-8")
    for label in ("发文机关", "文号", "深办发〔2018〕33号", "中共深圳市委办公厅", "依据", "粤办发〔2018〕19号", "主送", "印发通知"):
        assert label in html, label
    ids = parse(portal / "plans" / "shenzhen-2018-2020" / "index.html").ids
    assert {f"m-{n}" for n in range(1, 43)} <= ids
    assert {f"m-a1-{n}" for n in range(1, 28)} <= ids


def test_measure_page_has_breadcrumbs_years_topics_and_neighbours(portal: Path) -> None:
    page = (portal / "plans" / "shenzhen-2018-2020" / "37" / "index.html").read_text(encoding="utf-8")
    html = article(page)  # the nav links every year and topic: look at the page's own content only
    assert 'class="crumbs"' in html and "深圳市" in html
    assert "2018年年底前全面完成挂牌、开班" in html
    assert re.search(r'href="(\.\./)+years/2018/"', html)  # the year it names
    assert re.search(r'href="(\.\./)+topics/[a-z0-9-]+/"', html)
    assert "上一条" in html and "下一条" in html
    assert "其他层级的相关举措" in html


def article(html: str) -> str:
    start = html.index('<article class="md-content__inner')
    return html[start:html.index("</article>", start)]


def test_every_page_carries_a_policy_that_allows_no_inline_or_outside_script(portal: Path) -> None:
    pages = sorted(portal.rglob("*.html"))
    for page in pages:
        html = page.read_text(encoding="utf-8")
        policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
        assert policy, page
        rules = dict(rule.strip().split(" ", 1) for rule in policy.group(1).split(";"))
        assert rules["default-src"] == "'self'" and rules["base-uri"] == "'none'" and rules["object-src"] == "'none'"
        assert "unsafe-inline" not in rules["script-src"] and "http" not in rules["script-src"], page
        assert html.index("Content-Security-Policy") < html.index("<script"), page  # before the first script
        assert not re.search(r"<[a-z]+[^>]*\son[a-z]+=", html), page  # no inline event handlers


def test_corpus_json_carries_the_implementation_graph(portal: Path) -> None:
    data = corpus(portal)
    by_id = {p["id"]: p for p in data["plans"]}
    references = {r["id"]: r for r in data["references"]}
    for plan in data["plans"]:
        for doc in plan["implements"]:
            assert doc["kind"] in ("plan", "reference", "unresolved")
            if doc["kind"] == "plan":
                assert doc["id"] in by_id and doc["url"] == by_id[doc["id"]]["url"]
            elif doc["kind"] == "reference":
                assert plan["id"] in references[doc["id"]]["implemented_by"]
                assert (portal / doc["url"] / "index.html").is_file()
    for comparison in data["comparisons"]:
        assert comparison["relation"] in ("implements", "configured", "same-basis")
        assert (portal / comparison["url"] / "index.html").is_file()
        upper, lower = by_id[comparison["upper"]], by_id[comparison["lower"]]
        assert upper["measures"] and lower["measures"]
        if comparison["relation"] == "implements":  # the upper is up the lower's chain of collected plans
            chain, todo = set(), [lower["id"]]
            while todo:
                for doc in by_id[todo.pop()]["implements"]:
                    if doc["kind"] == "plan" and doc["id"] not in chain:
                        chain.add(doc["id"])
                        todo.append(doc["id"])
            assert comparison["upper"] in chain
            order = {lv["key"]: lv["order"] for lv in data["levels"]}
            assert order[upper["tier"]] < order[lower["tier"]]  # never the same tier or below
            up, low = upper["region_path"], lower["region_path"]
            assert up == ["全国"] or not up or not low or low[: len(up)] == up  # its region contains the lower one's


def test_one_entry_per_cited_document_listing_every_plan_that_implements_it(portal: Path) -> None:
    data = corpus(portal)
    numbers = [r["doc_number"] for r in data["references"] if r["doc_number"]]
    assert len(numbers) == len(set(numbers))
    page = (portal / "citations" / "index.html").read_text(encoding="utf-8")
    for ref in data["references"]:
        entries = re.findall(rf"<h2[^>]*>《{re.escape(ref['title'])}》", page)
        assert len(entries) <= 1, ref["title"]
        if ref["implemented_by"]:
            listing = (portal / ref["url"] / "index.html").read_text(encoding="utf-8")
            for plan_id in ref["implemented_by"]:
                assert f"plans/{plan_id}/" in listing


def test_titles_are_not_doubled_and_plan_pages_show_no_source_file_name(portal: Path) -> None:
    home = (portal / "index.html").read_text(encoding="utf-8")
    site_name = re.search(r"<title>(.*?)</title>", home).group(1)
    assert " - " not in site_name, site_name
    plan = (portal / "plans" / "shenzhen-2018-2020" / "index.html").read_text(encoding="utf-8")
    assert re.search(r"<title>(.*?)</title>", plan).group(1).endswith(f" - {site_name}")
    for plan_data in corpus(portal)["plans"]:
        page = (portal / plan_data["url"] / "index.html").read_text(encoding="utf-8")
        assert not plan_data["source"] or plan_data["source"] not in article(page), plan_data["id"]


def test_search_snippets_of_overview_pages_are_not_digit_soup(portal: Path) -> None:
    for chunk in sorted((portal / "searchdata" / "d").glob("*.js")):
        text = chunk.read_text(encoding="utf-8")
        for url, _title, _plan, body in json.loads(text[text.index("[["):text.rindex("]]") + 2]):
            assert not re.search(r"(?:(?<!\S)[\d.%]+\s+){4}", body), (url, re.search(r"(?:(?<!\S)[\d.%]+\s+){4}", body))

"""A reader clicks through the portal: home → plan → measure → a related measure at another level →
back via breadcrumbs; home → year page; home → topics → a topic comparison; home → a plan-pair table.

Only clicks on what a reader sees (links by their Chinese text or role); every step asserts the URL
and the page heading. Expected texts come from the site's own open data (data/corpus.json).
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from .conftest import heading, load_corpus, text_of, url_path

pytestmark = pytest.mark.e2e

PLAN_ID = "shenzhen-2018-2020"
MEASURE_KEY = "23"  # 持续整顿软弱涣散基层党组织
YEAR = 2018


@pytest.fixture(scope="module")
def corpus(portal_dir):
    return load_corpus(portal_dir)


def plan_of(corpus, plan_id):
    return next(p for p in corpus["plans"] if p["id"] == plan_id)


def measure_of(corpus, measure_id):
    plan_id, _ = measure_id.split("/", 1)
    return next(m for m in plan_of(corpus, plan_id)["measures"] if m["id"] == measure_id)


def at(page: Page, path: str, title: str) -> None:
    """The page is at `path` below the site root and its h1 reads `title`."""
    expect(page).to_have_url(re.compile(re.escape(path) + r"(#.*)?$"))
    assert url_path(page.url) == path, page.url
    assert heading(page) == title


def article(page: Page):
    return page.locator("article.md-content__inner")


def test_home_plan_measure_related_and_back_by_breadcrumbs(page: Page, portal_site: str, corpus) -> None:
    plan = plan_of(corpus, PLAN_ID)
    measure = measure_of(corpus, f"{PLAN_ID}/{MEASURE_KEY}")
    measure_h1 = f"{measure['number']}. {measure['title']}"

    page.goto(portal_site)
    at(page, "", "规划参考门户")

    # home → plan (the list of documents by level)
    article(page).get_by_role("link", name=plan["title"], exact=True).click()
    at(page, f"plans/{PLAN_ID}/", plan["title"])

    # plan → the measure's own page ("单独查看第 23 条" under the measure's heading)
    block = article(page).get_by_role("heading", name=measure_h1)
    expect(block).to_have_count(1)
    block.locator("xpath=following-sibling::p[contains(@class,'measure-more')][1]").get_by_role(
        "link", name=f"单独查看第 {measure['number']} 条").click()
    at(page, f"plans/{PLAN_ID}/{MEASURE_KEY}/", measure_h1)

    crumbs = page.locator("nav.crumbs")
    expect(crumbs).to_contain_text(f"{plan['tier_name']} › ")
    expect(crumbs).to_contain_text(f"第 {measure['number']} 条")
    crumb_links = crumbs.get_by_role("link")
    assert crumb_links.nth(0).inner_text() == plan["tier_name"]
    short = plan["short_title"] or plan["title"]
    assert crumb_links.nth(1).inner_text() == short

    # measure → a related measure of another level (section 其他层级的相关举措)
    related = page.locator("h2#related")
    expect(related).to_have_text(re.compile("其他层级的相关举措"))
    groups = page.locator("h2#related ~ h3")
    names = [text_of(groups.nth(i)) for i in range(groups.count())]
    other_levels = [n for n in names if n != plan["tier_name"]]
    assert other_levels, f"no related measures at another level than {plan['tier_name']}: groups {names}"
    level_name = "省" if "省" in other_levels else other_levels[0]
    group = page.locator("h2#related ~ h3", has_text=level_name).first
    first_item = group.locator("xpath=following-sibling::ul[1]/li[1]")
    target_label = first_item.get_by_role("link").first.inner_text().strip()
    first_item.get_by_role("link", name=target_label, exact=True).click()
    expect(page).to_have_url(re.compile(r"/plans/[^/]+/[^/]+/$"))
    other_plan_id, other_key = url_path(page.url).strip("/").split("/")[1:]
    assert other_plan_id != PLAN_ID
    other_plan = plan_of(corpus, other_plan_id)
    assert other_plan["tier_name"] == level_name
    other = measure_of(corpus, f"{other_plan_id}/{other_key}")
    assert heading(page) == target_label == f"{other['number']}. {other['title']}"
    # the related list of the original measure really names this one
    assert any(r["id"] == other["id"] for r in measure["related"]), measure["related"]

    # back via breadcrumbs: the related measure's level, then its plan
    crumbs = page.locator("nav.crumbs")
    expect(crumbs.get_by_role("link").first).to_have_text(level_name)
    crumbs.get_by_role("link", name=other_plan["short_title"] or other_plan["title"], exact=True).click()
    at(page, f"plans/{other_plan_id}/", other_plan["title"])
    page.go_back()
    at(page, f"plans/{other_plan_id}/{other_key}/", target_label)
    page.locator("nav.crumbs").get_by_role("link", name=level_name, exact=True).click()
    level_key = next(lv["key"] for lv in corpus["levels"] if lv["name"] == level_name)
    at(page, f"levels/{level_key}/", level_name)
    expect(article(page).get_by_role("link", name=other_plan["title"], exact=True)).to_be_visible()

    # …and from the first measure, its section crumb leads to the section inside the plan
    page.goto(portal_site + f"plans/{PLAN_ID}/{MEASURE_KEY}/")
    section_crumb = page.locator("nav.crumbs").get_by_role("link").nth(2)
    section_label = section_crumb.inner_text().strip()
    section_crumb.click()
    expect(page).to_have_url(re.compile(rf"/plans/{PLAN_ID}/#"))
    anchor = page.url.split("#", 1)[1]
    target = page.locator(f"[id='{anchor}']")
    expect(target).to_be_in_viewport()
    assert text_of(target) == section_label
    assert not page.js_errors, page.js_errors


def test_home_to_year_page(page: Page, portal_site: str, corpus) -> None:
    page.goto(portal_site)
    article(page).get_by_role("link", name=f"{YEAR}年", exact=True).first.click()
    at(page, f"years/{YEAR}/", f"{YEAR}年")
    plans_of_year = [p for p in corpus["plans"] if p["issued"].startswith(str(YEAR))]
    assert plans_of_year
    for plan in plans_of_year:  # the documents issued that year are listed and lead to the plan
        expect(article(page).get_by_role("link", name=plan["title"], exact=True).first).to_be_visible()
    plan = plans_of_year[0]
    article(page).get_by_role("link", name=plan["title"], exact=True).first.click()
    at(page, plan["url"], plan["title"])


def test_home_to_topic_comparison(page: Page, portal_site: str, corpus) -> None:
    topic = next(t for t in corpus["topics"] if "软弱涣散" in t["name"])
    page.goto(portal_site)
    article(page).get_by_role("link", name="专题", exact=True).first.click()
    expect(page).to_have_url(re.compile(r"/topics/$"))
    article(page).get_by_role("link", name=topic["name"], exact=True).first.click()
    at(page, f"topics/{topic['id']}/", f"专题对照：{topic['name']}")
    expect(article(page).locator("h2").first).to_contain_text("条）")  # a section per tier: 省（3 条）
    table = article(page).locator("table").first
    expect(table.locator("thead")).to_contain_text("举措")
    expect(table.locator("thead")).to_contain_text("原文")
    assert article(page).locator("table tbody tr").count() >= 2
    # a row leads to its measure
    links = table.locator("tbody tr").first.get_by_role("link").all()
    link = next(a for a in links if re.search(r"plans/[^/]+/[^/]+/$", a.get_attribute("href") or ""))  # the measure
    label = link.inner_text().strip()
    link.click()
    expect(page).to_have_url(re.compile(r"/plans/[^/]+/[^/]+/$"))
    assert heading(page) == label


def test_home_to_plan_pair_comparison(page: Page, portal_site: str, corpus) -> None:
    page.goto(portal_site)
    article(page).get_by_role("link", name="对照上下级文件", exact=True).first.click()
    at(page, "compare/", "层级对照")
    pair_link = article(page).locator("table a[href*='--']").first
    pair_link.click()
    expect(page).to_have_url(re.compile(r"/compare/[a-z0-9-]+--[a-z0-9-]+/$"))
    upper, lower = url_path(page.url).strip("/").split("/")[1].split("--")
    titles = {p["id"]: p["short_title"] or p["title"] for p in corpus["plans"]}
    assert heading(page) in {f"对照：{titles[upper]} → {titles[lower]}", f"落实对照：{titles[upper]} ↔ {titles[lower]}"}
    expect(article(page).locator("table thead").first).to_contain_text("举措")


def test_sidebar_lists_every_plan_by_name(page: Page, portal_site: str, corpus) -> None:
    """Up to the nav's limit the sidebar names every plan; past it, the sidebar's level pages do."""
    from generator.config import DEFAULT

    page.goto(portal_site)
    nav = page.locator("nav.md-nav--primary")
    missing = []
    listed_in_nav = len(corpus["plans"]) <= DEFAULT.nav_plan_limit
    for plan in corpus["plans"]:
        name = plan["short_title"] or plan["title"]
        if not listed_in_nav:  # the level page's table names each plan by its full title
            page.goto(portal_site + f"levels/{plan['tier']}/")
            nav, name = page.locator("article"), plan["title"]
        links = nav.locator("a").filter(has_text=re.compile("^\\s*" + re.escape(name) + "\\s*$"))
        if not links.count():
            missing.append(name)
    assert not missing, f"plans not listed under their own name: {missing}"

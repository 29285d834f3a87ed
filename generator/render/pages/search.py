"""The full search page: the form, facets and result list that search.js fills (its index comes from generator.search)."""

from __future__ import annotations

from generator.render import urls
from generator.render.context import Site
from generator.render.environment import Page

PAGE = """\
---
title: 搜索
search:
  exclude: true
hide:
  - navigation
  - toc
---

# 搜索

<div class="portal-search-page" id="portal-search-page">
  <form class="portal-search-page__form" role="search" action="" method="get" autocomplete="off">
    <input class="portal-search-page__input" type="search" name="q" aria-label="搜索" placeholder="输入要查找的字词，多个词用空格分开">
    <button class="md-button md-button--primary portal-search-page__submit" type="submit">搜索</button>
  </form>
  <div class="portal-search-page__body">
    <aside class="portal-search-page__facets" aria-label="筛选">
      <section class="portal-facet" data-facet="level"><h2 class="portal-facet__title">层级</h2><ul class="portal-facet__list"></ul></section>
      <section class="portal-facet" data-facet="year"><h2 class="portal-facet__title">年份</h2><ul class="portal-facet__list"></ul></section>
      <section class="portal-facet" data-facet="topic"><h2 class="portal-facet__title">专题</h2><ul class="portal-facet__list"></ul></section>
      <p class="portal-facet__clear" hidden><a href="" data-clear>清除筛选</a></p>
    </aside>
    <div class="portal-search-page__main">
      <p class="portal-search-page__status" role="status" aria-live="polite"></p>
      <ol class="portal-search-page__results"></ol>
      <p><button class="md-button portal-search-page__more" type="button" hidden>加载更多</button></p>
    </div>
  </div>
  <noscript><p>搜索需要启用 JavaScript。</p></noscript>
</div>
"""


def pages(site: Site) -> list[Page]:
    return [Page(urls.SEARCH, "搜索", PAGE, kind="search", search_text="")]

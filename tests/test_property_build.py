"""Random plan documents through load → build: either every text is on its page, or a `path:line` message — never a traceback."""

from __future__ import annotations

import html
import re

import markdown
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.pipeline import generate
from generator.problems import ContentErrors
from tests.conftest import portal_config

# Printable text of any script (no control characters, which YAML cannot carry), or deliberately hostile snippets.
TEXT = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp", "Co", "Cn")), min_size=1, max_size=40),
    st.sampled_from(["<script>x</script>", "*a*", "[l](javascript:x)", "a|b", "{{ x }}", "`c`", "# h", "软弱涣散", "三会一课", "&amp;"]),
).filter(lambda s: s.strip() and not s.startswith((" ", "\t")) and s == s.strip())
NUMBER = st.one_of(st.integers(1, 60).map(str), st.sampled_from(["1.10", "一", "（1）", "x"]))

measure = st.fixed_dictionaries({"number": NUMBER, "title": TEXT, "text": TEXT})
section = st.deferred(lambda: st.fixed_dictionaries(
    {"number": st.sampled_from(["一、", "（二）", "3", ""]), "title": TEXT, "measures": st.lists(measure, max_size=3)},
    optional={"sections": st.lists(section, max_size=2)},
))
plan = st.fixed_dictionaries({
    "id": st.sampled_from(["p", "plan-1", "Bad Id", "a/b"]),
    "title": TEXT,
    "level": st.sampled_from(["city", "province", "nowhere"]),
    "issued": st.sampled_from(["", "2018", "2018-10-29", "2018-13-40", "yes"]),
    "sections": st.lists(section, max_size=3),
})

MD = markdown.Markdown(extensions=["tables", "attr_list", "md_in_html", "admonition", "toc"])


def page_text(md_source: str) -> str:
    body = md_source.split("---", 2)[2] if md_source.startswith("---") else md_source
    rendered = MD.reset().convert(body)
    return re.sub(r"\s+", "", html.unescape(re.sub(r"<[^>]+>", "", rendered)))


def texts_of(sections):
    for s in sections:
        yield s["title"]
        for m in s["measures"]:
            yield from (m["title"], m["text"])
        yield from texts_of(s.get("sections", []))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(doc=plan)
def test_random_plans_build_with_every_text_on_the_page_or_fail_with_a_position(tmp_path_factory, doc) -> None:
    root = tmp_path_factory.mktemp("prop")
    (root / "content" / "plans").mkdir(parents=True)
    path = root / "content" / "plans" / "random.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, default_style='"', width=10000), encoding="utf-8")
    try:
        generated = generate(portal_config(root / "content", docs_dir=root / "docs"))
    except ContentErrors as exc:
        assert exc.problems
        for problem in exc.problems:
            assert re.match(r".+random\.yaml:\d+:\d+: .+", problem.format()), problem.format()
        return
    plan_id = generated.corpus.plans[0].id
    page = (root / "docs" / "plans" / plan_id / "index.md").read_text(encoding="utf-8")
    shown = page_text(page)
    for text in [doc["title"], *texts_of(doc["sections"])]:
        assert re.sub(r"\s+", "", text) in shown, text

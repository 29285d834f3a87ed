"""Synthetic plan corpus for the search benchmark.

Recombines the seeds' real numbered measure paragraphs (../shared/seeds beside the repository) into
N plans in the content-model shape of ``generator/model.py`` and writes one YAML
file per plan (every scalar a double-quoted string, as ``generator.source``
expects). Deterministic: same arguments → byte-identical files.

    .venv/bin/python benchmarks/synthetic_corpus.py --measures 3000 --out benchmarks/out/corpus-3000

Each measure is one numbered paragraph of a seed (004's unnumbered lead-sentence
paragraphs are numbered here); plan ids, levels, regions, years and 文号 vary.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"

NUMBERED = re.compile(r"^\s*(\d{1,2})\s*[.．、]\s*(\S.*)$")
HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[（(]\s*[一二三四五六七八九十]+\s*[)）]|附\s*件|——\d{4}年|相关新闻)")
CHAPTER = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[（(]\s*[一二三四五六七八九十]+\s*[)）])\s*(\S.*)$")
INDENTED = re.compile(r"^ {2,}(\S.*)$")

# level key → (tier name of site_config/levels.yaml, body_kind, 文号 prefixes)
LEVELS = {
    "central": ("中央", "党委", ["中组发", "中办发"]),
    "province": ("省", "组织部门", ["粤组通", "粤办发", "粤组字"]),
    "city": ("市", "办公厅（室）", ["深办发", "穗办", "珠组通", "汕委办", "佛办发", "莞组通"]),
    "district": ("区县", "党委", ["海城管党组", "福田办发", "南山委", "天河组通", "越秀办"]),
    "unit": ("区县", "部门", ["市委直属机关工委", "市国资委党委", "区城管局党组"]),
}
PARENT = {"province": "central", "city": "province", "district": "city", "unit": "city"}
DISTRICTS = {
    "广州市": ["海珠区", "天河区", "越秀区", "番禺区", "白云区"],
    "深圳市": ["福田区", "南山区", "罗湖区", "宝安区", "龙岗区"],
    "珠海市": ["香洲区", "斗门区", "金湾区"],
    "佛山市": ["禅城区", "南海区", "顺德区"],
}
UNITS = ["城市管理局", "教育局", "卫生健康局", "国资委", "交通运输局", "市场监督管理局", "民政局", "住房和城乡建设局"]
KINDS = ["实施方案", "工作要点", "实施意见"]
THEMES = {2018: "规范化建设", 2019: "组织力提升", 2020: "基层党建全面进步全面过硬", 2021: "巩固提升", 2022: "高质量发展"}


@dataclass(frozen=True)
class SeedMeasure:
    source: str
    chapter: str
    title: str
    text: str


def split_lead(paragraph: str) -> tuple[str, str]:
    """Lead sentence (without 。) and the rest, as the content model stores them."""
    cut = paragraph.find("。")
    if 0 < cut <= 120 and paragraph[cut + 1 :].strip():
        return paragraph[:cut], paragraph[cut + 1 :].strip()
    return "", ""


def parse_seed(path: Path) -> list[SeedMeasure]:
    """Numbered paragraphs (hard line breaks inside words joined) with their chapter heading."""
    lines = path.read_text(encoding="utf-8").splitlines()
    out: list[SeedMeasure] = []
    chapter, current = "", None
    indented_mode = not any(NUMBERED.match(line) for line in lines)

    def flush() -> None:
        if current:
            title, text = split_lead("".join(current).strip())
            if title:
                out.append(SeedMeasure(path.name, chapter, title, text))

    for line in lines:
        if not line.strip():
            continue
        start = INDENTED.match(line) if indented_mode else NUMBERED.match(line)
        if HEADING.match(line) and not start:
            flush()
            current = None
            m = CHAPTER.match(line)
            if m:
                chapter = re.split(r"[。，]", m.group(1))[0][:40]
            if line.strip().startswith("相关新闻"):
                break
            continue
        if start:
            flush()
            current = [start.group(2 if not indented_mode else 1).strip()]
        elif current is not None and not indented_mode:
            current.append(line.strip())
    flush()
    return out


def seed_measures() -> list[SeedMeasure]:
    measures: list[SeedMeasure] = []
    for path in sorted(SEEDS.glob("*.txt")):
        measures.extend(parse_seed(path))
    return measures


def q(value: object) -> str:
    """A YAML double-quoted scalar (JSON string escapes are valid YAML escapes)."""
    return json.dumps(str(value), ensure_ascii=False)


def emit(value: object, indent: int = 0) -> list[str]:
    """Block YAML: mappings and lists as blocks, every scalar double-quoted."""
    pad = " " * indent
    lines: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, (dict, list)) and item:
                lines.append(f"{pad}{key}:")
                lines.extend(emit(item, indent + 2))
            elif isinstance(item, (dict, list)):
                lines.append(f"{pad}{key}: {'{}' if isinstance(item, dict) else '[]'}")
            else:
                lines.append(f"{pad}{key}: {q(item)}")
    else:
        for item in value:  # type: ignore[union-attr]
            if isinstance(item, dict):
                body = emit(item, indent + 2)
                lines.append(f"{pad}- {body[0].lstrip()}")
                lines.extend(body[1:])
            else:
                lines.append(f"{pad}- {q(item)}")
    return lines


def make_plan(index: int, count: int, pool: list[SeedMeasure], rng: random.Random, parents: dict[str, list[dict]]) -> dict:
    level = list(LEVELS)[index % len(LEVELS)]
    tier, body_kind, prefixes = LEVELS[level]
    start = rng.choice([2018, 2019, 2020, 2021])
    end = start + rng.choice([0, 2])
    kind = rng.choice(KINDS)
    picked = rng.sample(pool, min(count, len(pool))) if count <= len(pool) else [rng.choice(pool) for _ in range(count)]
    upper = rng.choice(parents[PARENT[level]]) if level in PARENT and parents.get(PARENT[level]) else None
    region, name = region_of(level, upper, rng)
    return {
        "id": f"synth-{level}-{index + 1:05d}",
        "source": "",
        "title": f"{name}加强党的基层组织建设{kind}（第{index + 1}号，{start if start == end else f'{start}—{end}'}年）",
        "short_title": f"{name}{kind}（第{index + 1}号）",
        "doc_number": f"{rng.choice(prefixes)}〔{start}〕{index + 101}号",  # past the real plans' numbers
        "issuer": f"中共{name}委员会" if level != "unit" else f"中共{name}党组",
        "tier": tier,
        "body_kind": body_kind,
        "region": region,
        "kind": kind,
        "issued": f"{start}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "period": {"start": str(start), "end": str(end)},
        "based_on": [{"doc_number": upper["doc_number"], "title": upper["title"]}] if upper else [],
        "recipients": "各有关单位党组织",
        "notice": f"现将《{name}加强党的基层组织建设{kind}》印发给你们，请结合实际认真贯彻落实。",
        "preamble": "",
        "year_themes": [{"year": str(y), "theme": THEMES.get(y, "巩固提升"), "text": ""} for y in range(start, end + 1)],
        "sections": sections_of(picked),
        "annexes": [],
        "closing": "",
        "footer": "",
    }


def region_of(level: str, upper: dict | None, rng: random.Random) -> tuple[str, str]:
    """(region, name in the title): a city inside Guangdong, a district or department inside its upper city."""
    if level == "central":
        return "全国", "全国"
    if level == "province":
        return "广东省", "广东省"
    if level == "city":
        city = rng.choice(sorted(DISTRICTS))
        return city, city
    city = upper["region"] if upper else "广州市"
    district = city + rng.choice(DISTRICTS[city])
    return (district, district) if level == "district" else (district, district + rng.choice(UNITS))


def sections_of(picked: list[SeedMeasure]) -> list[dict]:
    """The picked paragraphs grouped under their seed chapters, measures numbered through the plan."""
    chapters: dict[str, list[SeedMeasure]] = {}
    for m in picked:
        chapters.setdefault(m.chapter or "主要任务", []).append(m)
    sections, number = [], 0
    for ci, (chapter, items) in enumerate(chapters.items()):
        measures = []
        for m in items:
            number += 1
            measures.append({"number": str(number), "title": m.title, "text": m.text})
        sections.append({"number": "一二三四五六七八九十"[ci % 10] + "、", "title": chapter, "text": "", "measures": measures, "sections": []})
    return sections


def build(total_measures: int, out: Path, seed: int = 20180101) -> dict:
    """N measures in plans of 10–60 measures; each plan below the centre cites one plan of the tier above."""
    pool = seed_measures()
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    (out / "plans").mkdir(parents=True)
    made, index = 0, 0
    parents: dict[str, list[dict]] = {}
    while made < total_measures:
        count = min(rng.randint(10, 60), total_measures - made)
        plan = make_plan(index, count, pool, rng, parents)
        parents.setdefault(plan["id"].split("-")[1], []).append(plan)
        text = "\n".join(emit(plan)) + "\n"
        (out / "plans" / f"{plan['id']}.yaml").write_text(text, encoding="utf-8")
        made += sum(len(s["measures"]) for s in plan["sections"])
        index += 1
    return {"plans": index, "measures": made, "pool": len(pool)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--measures", type=int, default=300)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=20180101)
    parser.add_argument("--with-real", action="store_true", help="also copy the repository's own plans (content/plans)")
    args = parser.parse_args()
    print(build(args.measures, args.out, args.seed))
    if args.with_real:
        for plan in sorted((Path(__file__).resolve().parents[1] / "content" / "plans").glob("*.yaml")):
            shutil.copy(plan, args.out / "plans" / plan.name)


if __name__ == "__main__":
    main()

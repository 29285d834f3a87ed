"""Precision and recall of the topics assigned to the seed measures, against tests/fixtures/topics/gold.yaml.

    .venv/bin/python benchmarks/bench_topic_quality.py          # figures per part (dev, heldout)
    .venv/bin/python benchmarks/bench_topic_quality.py --misses # and every wrong or missing topic

Precision = assigned topics that are required or acceptable / assigned; recall = required topics
assigned / required (see the gold file's header). Not a test: tests/unit/test_topics.py asserts floors.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "unit"))

from seed_measures import load_measures, topics  # noqa: E402

from generator.enrich.topics import assign_topics  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list every wrong or missing topic")
    args = parser.parse_args()
    gold = yaml.safe_load((ROOT / "tests" / "fixtures" / "topics" / "gold.yaml").read_text(encoding="utf-8"))
    portal_topics, measures = topics(), {m.ref: m for m in load_measures()}
    for part, entries in gold.items():
        right = assigned = required = found = 0
        for ref, g in entries.items():
            m = measures[ref]
            got = assign_topics(m.title, m.text, portal_topics)
            ok, need = set(g["required"]) | set(g.get("acceptable", [])), set(g["required"])
            right, assigned = right + sum(t in ok for t in got), assigned + len(got)
            required, found = required + len(need), found + sum(t in got for t in need)
            if args.misses and (set(got) - ok or need - set(got)):
                print(f"  {ref} {m.title[:30]}: wrong {sorted(set(got) - ok)}, missing {sorted(need - set(got))}")
        print(f"{part}: {len(entries)} measures, precision {right}/{assigned} = {right / assigned:.3f}, "
              f"recall {found}/{required} = {found / required:.3f}")
    counts = [len(assign_topics(m.title, m.text, portal_topics)) for m in measures.values()]
    print(f"topics per measure: mean {sum(counts) / len(counts):.2f}, max {max(counts)} ({len(counts)} measures)")


if __name__ == "__main__":
    main()

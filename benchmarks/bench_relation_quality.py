"""Quality figures of the related measures and of the pair alignment (definitions: tests/unit/test_relation_quality.py).

    .venv/bin/python benchmarks/bench_relation_quality.py            # recall@5, top-1 precision, links, alignment
    .venv/bin/python benchmarks/bench_relation_quality.py --misses   # and every miss / wrong top-1, with titles
    .venv/bin/python benchmarks/bench_relation_quality.py --threshold 0.18   # another related threshold

Prints, for the dev and the held-out part of tests/fixtures/relations/gold.yaml and for both:
recall@1/@3/@5/@10 across tiers, the precision of the top-1, the mean number of related links per
measure; then the top-1 accuracy of ``align`` on the hand-reworded lower plan of
tests/fixtures/relations/reworded/ and whether its local specials (本级特色) stay unmatched.
Not a test: nothing here asserts.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "unit"))

from seed_measures import load_measures  # noqa: E402
from test_relation_quality import (  # noqa: E402
    build_related, gold, links_per_measure, precision_at_1, recall_at, tiers,
)


def _title(measure_id: str, titles: dict[str, str]) -> str:
    return f"{measure_id} {titles.get(measure_id, '')[:24]}"


def related_figures(show_misses: bool, threshold: float | None = None) -> None:
    related = build_related() if threshold is None else build_related(threshold=threshold)
    tier = tiers()
    titles = {m.id: m.title for m in load_measures()}
    pairs, also = gold()
    print(f"gold: {len(pairs)} pairs ({sum(p.split == 'dev' for p in pairs)} dev, "
          f"{sum(p.split == 'held_out' for p in pairs)} held out), {len(also)} also related")
    for split in ("dev", "held_out", "all"):
        chosen = [p for p in pairs if split in ("all", p.split)]
        cells = []
        for top in (1, 3, 5, 10):
            hits, total, _ = recall_at(related, chosen, tier, top)
            cells.append(f"@{top} {hits}/{total} = {hits / total:.1%}")
        right, judged, wrong = precision_at_1(related, chosen, tier)
        print(f"{split:9} recall {' · '.join(cells)}   top-1 precision {right}/{judged} = {right / judged:.1%}")
        if show_misses and split != "all":
            for a, b, rank in recall_at(related, chosen, tier)[2]:
                print(f"    miss  {_title(a, titles)} → {_title(b, titles)} (rank {rank})")
            for a, top1 in wrong:
                print(f"    top-1 {_title(a, titles)} → {_title(top1, titles)}")
    print(f"links per measure {links_per_measure(related):.2f}"
          f"   ({sum(1 for v in related.values() if not v)} measures without any)")


def alignment_figures() -> None:
    from test_alignment import reworded_alignment

    result = reworded_alignment()
    print(f"reworded fixture: top-1 alignment accuracy {result.right}/{result.sourced} = {result.accuracy:.1%}; "
          f"local specials unmatched {result.specials_unmatched}/{result.specials}; "
          f"wrongly paired: {result.wrong}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list every miss and wrong top-1")
    parser.add_argument("--threshold", type=float, default=None,
                        help="default: the build's (PortalConfig.related_threshold)")
    args = parser.parse_args(argv)
    related_figures(args.misses, args.threshold)
    alignment_figures()


if __name__ == "__main__":
    main()

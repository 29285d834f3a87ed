"""Benchmark of generator.enrich.related.compute_related on a province-sized corpus.

Builds N synthetic measures by recombining the real measure sentences of the
five seed documents (plan groups of 20–40 measures, random levels), assigns
their topics, runs compute_related and prints wall times, peak memory (RSS)
and the number of links. Not a test: nothing here asserts a time.

    .venv/bin/python benchmarks/bench_related.py            # 20,000 measures
    .venv/bin/python benchmarks/bench_related.py --n 30000
    .venv/bin/python benchmarks/bench_related.py --unique-clauses   # defeat the clause cache

Recombined seed sentences repeat clauses far more than a real corpus does, and
generator.text caches the segmentation of repeated clauses. ``--unique-clauses``
makes every clause unique (a random dictionary word and number are put in front of it),
which measures the worst case where jieba has to segment everything.
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "unit"))

from seed_measures import load_measures, topics as portal_topics  # noqa: E402

from generator.config import DEFAULT  # noqa: E402
from generator.enrich import vectors  # noqa: E402
from generator.enrich.related import RelItem, compute_related  # noqa: E402
from generator.enrich.topics import assign_topics  # noqa: E402
from generator.text.tokenize import tokenizer_for  # noqa: E402

_SENTENCE = re.compile(r"[^。；]+[。；]?")
_FILLERS = [w for w in (line.split()[0] for line in (ROOT / "site_config" / "dictionary.txt").read_text(encoding="utf-8").splitlines()) if len(w) == 2]


def synthetic_measures(n: int, rng: random.Random, unique_clauses: bool) -> list[tuple[str, str, str, int]]:
    """(id, group, title, text, level) tuples recombined from the seeds' measure sentences."""
    measures = load_measures()
    titles = [m.title for m in measures]
    sentences = [s for m in measures for s in _SENTENCE.findall(m.text.replace("\n", "")) if len(s) > 8]
    out = []
    plan = 0
    while len(out) < n:
        plan += 1
        group, level = f"plan-{plan:05d}", rng.randint(1, 5)
        for key in range(1, rng.randint(20, 40) + 1):
            if len(out) == n:
                break
            parts = rng.sample(sentences, rng.randint(2, 6))
            if unique_clauses:
                parts = [_uniquify(part, rng) for part in parts]
            out.append((f"{group}/{key}", group, rng.choice(titles), "".join(parts), level))
    return out


def _uniquify(sentence: str, rng: random.Random) -> str:
    """Put a random two-character dictionary word and a number at the head of every clause: no cache hits."""
    return re.sub(r"(^|[，、：])", lambda m: m.group(1) + rng.choice(_FILLERS) + str(rng.randint(1, 99)), sentence)


class Clock:
    """Wall and CPU time of a stretch (the machine may be shared: CPU time is the steadier figure)."""

    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def lap(self) -> tuple[float, float]:
        wall, cpu = time.perf_counter(), time.process_time()
        out = (wall - self.wall, cpu - self.cpu)
        self.wall, self.cpu = wall, cpu
        return out


def timed(original, spent: list[float]):
    """``original``, adding the wall time of each call to ``spent``."""

    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            spent.append(time.perf_counter() - start)

    return wrapper


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20000, help="number of synthetic measures (default 20000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed")
    parser.add_argument("--top-k", type=int, default=10)
    parser.add_argument("--threshold", type=float, default=None, help="default: the build's (PortalConfig.related_threshold)")
    parser.add_argument("--unique-clauses", action="store_true", help="make every clause unique (worst case for jieba)")
    parser.add_argument("--processes", type=int, default=None,
                        help="tokenising processes (default: generator.text decides; 1 = in this process only)")
    args = parser.parse_args(argv)

    config = DEFAULT.replace(tokenize_processes=args.processes)
    rng = random.Random(args.seed)
    clock = Clock()
    rows = synthetic_measures(args.n, rng, args.unique_clauses)
    chars = sum(len(title) + len(text) for _, _, title, text, _ in rows)
    t_corpus = clock.lap()
    tokenizer = tokenizer_for(config)
    tokenizer.jieba  # noqa: B018 - build it now, outside the timed part
    t_init = clock.lap()
    rss_before = peak_rss_mb()
    topics = portal_topics()
    items = [RelItem(item_id, group, title, text, tuple(assign_topics(title, text, topics)))
             for item_id, group, title, text, _ in rows]
    t_topics = clock.lap()
    threshold = config.related_threshold if args.threshold is None else args.threshold
    spent: list[float] = []
    vectors.vectorize_kinds = timed(vectors.vectorize_kinds, spent)
    vectors.passages = timed(vectors.passages, spent)
    result = compute_related(items, top_k=args.top_k, threshold=threshold, tokenizer=tokenizer)
    t_related = clock.lap()

    links = sum(len(v) for v in result.values())
    empty = sum(1 for v in result.values() if not v)
    groups = len({item.group for item in items})
    total = [sum(x) for x in zip(t_init, t_topics, t_related)]
    print(f"measures            {len(items):,} in {groups:,} plans, {chars / 1e6:.1f} M characters"
          f"{' (unique clauses)' if args.unique_clauses else ''}")
    print(f"{'':20}{'wall':>8}{'cpu':>8}")
    for label, (wall, cpu) in (("build corpus", t_corpus), ("jieba init", t_init), ("assign topics", t_topics),
                               ("compute_related", t_related), ("total (init..links)", total)):
        print(f"{label:20}{wall:7.2f}s{cpu:7.2f}s")
    print(f"  of which vectorise (tokenise, tf-idf, prune, passages): {sum(spent):.2f} s wall")
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    if children.ru_utime:
        print(f"  tokenising worker processes: {children.ru_utime + children.ru_stime:.2f} s cpu,"
              f" peak {children.ru_maxrss / 1024:.0f} MB each")
    print(f"peak memory (RSS)   {peak_rss_mb():.0f} MB   (before topics/related: {rss_before:.0f} MB)")
    print(f"links               {links:,}   ({links / len(items):.1f} per measure; {empty:,} measures without any)")


if __name__ == "__main__":
    main()

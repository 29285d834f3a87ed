"""What a person watching a build sees: each stage with its counts and elapsed time, then one summary line.

On a terminal the running stage shows its seconds ticking; otherwise (a log, CI) one plain line per
finished stage; with ``quiet`` only the summary. ``seconds`` keeps every stage's time for the summary
and for ``--timings`` (the JSON the benchmark reads).
"""

from __future__ import annotations

import json
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator

STAGES = {
    "load": "读取方案",
    "enrich": "分析",
    "render": "生成页面",
    "write": "写出文件",
    "mkdocs": "MkDocs 生成网站",
    "swap": "替换网站",
}
TICK = 0.5  # seconds between updates of a running stage on a terminal


class Stage:
    """One running stage; ``done`` says what it produced (“3000 条举措”)."""

    def __init__(self) -> None:
        self.done = ""


class Progress:
    def __init__(self, quiet: bool = False, stream: IO[str] | None = None) -> None:
        self.stream = stream or sys.stdout
        self.quiet = quiet
        self.live = not quiet and self.stream.isatty()
        self.seconds: dict[str, float] = {}
        self.counts: dict[str, int] = {}
        self.notes: list[str] = []  # facts the summary line repeats (“渲染 12 个页面（共 3213 个）”)
        self.started = time.perf_counter()

    @contextmanager
    def stage(self, key: str) -> Iterator[Stage]:
        stage, begun = Stage(), time.perf_counter()
        stop = threading.Event()
        ticker = threading.Thread(target=self._tick, args=(key, begun, stop), daemon=True) if self.live else None
        if ticker:
            ticker.start()
        try:
            yield stage
        finally:
            stop.set()
            if ticker:
                ticker.join()
            self.seconds[key] = self.seconds.get(key, 0.0) + time.perf_counter() - begun
        self._line(key, stage.done, self.seconds[key], final=True)

    def _tick(self, key: str, begun: float, stop: threading.Event) -> None:
        while not stop.wait(TICK):
            self._line(key, "", time.perf_counter() - begun, final=False)

    def _line(self, key: str, done: str, seconds: float, *, final: bool) -> None:
        if self.quiet or (not final and not self.live):
            return
        text = f"{STAGES[key]}{'：' + done if done else '……'}（{seconds:.1f} 秒）"
        end = "\n" if final else ""
        self.stream.write(("\r\033[K" if self.live else "") + text + end)
        self.stream.flush()

    def summary(self, pages: int, changed: int, removed: int) -> str:
        """One line: pages written, changed and removed, and the seconds of every stage."""
        self.counts.update(pages=pages, changed=changed, removed=removed)
        stages = " · ".join(f"{STAGES[k]} {s:.1f} 秒" for k, s in self.seconds.items())
        total = time.perf_counter() - self.started
        notes = "".join(f"{note}；" for note in self.notes)
        return f"共 {pages} 个页面（改动 {changed} 个文件，删除 {removed} 个过时文件）；{notes}{stages}；合计 {total:.1f} 秒。"

    def write_timings(self, path: Path) -> None:
        data = {"seconds": {k: round(s, 3) for k, s in self.seconds.items()},
                "total": round(time.perf_counter() - self.started, 3), **self.counts}
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

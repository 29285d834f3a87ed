"""`python -m generator serve`: build once, regenerate in a fresh process on each change, let mkdocs serve reload."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS_DIR = ROOT / "build" / "docs"


def regenerate(args) -> int:
    cmd = [sys.executable, "-m", "generator", "build", "--no-mkdocs", "--content", str(args.content),
           "--site-config", str(args.site_config), "--docs-dir", str(DOCS_DIR)]
    return subprocess.run(cmd, cwd=ROOT).returncode


def _watch(args, stop: threading.Event) -> None:
    from watchdog.events import FileSystemEventHandler
    from watchdog.observers import Observer

    changed = threading.Event()

    class Handler(FileSystemEventHandler):
        def on_any_event(self, event):  # noqa: D401 - watchdog callback
            # reading a file raises opened/closed events on Linux: only real changes count
            if event.event_type not in ("created", "modified", "deleted", "moved"):
                return
            if not event.is_directory and not str(event.src_path).endswith((".tmp", "~", ".swp")):
                changed.set()

    observer = Observer()
    for folder in (args.content, args.site_config, ROOT / "templates" / "pages"):
        observer.schedule(Handler(), str(folder), recursive=True)
    observer.start()
    try:
        while not stop.is_set():
            if changed.wait(0.5):
                time.sleep(0.3)  # let an editor finish saving
                changed.clear()
                print("检测到文件改动，重新生成……", flush=True)
                regenerate(args)
    finally:
        observer.stop()
        observer.join()


def run_serve(args) -> int:
    if regenerate(args) != 0:
        print("首次生成失败，请先修正上面的错误。", file=sys.stderr)
        return 1
    stop = threading.Event()
    watcher = threading.Thread(target=_watch, args=(args, stop), daemon=True)
    watcher.start()
    cmd = [sys.executable, "-m", "mkdocs", "serve", "-f", str(DOCS_DIR.parent / "mkdocs.yml"), "--dev-addr", args.dev_addr]
    try:
        return subprocess.call(cmd, cwd=ROOT)
    except KeyboardInterrupt:
        return 0
    finally:
        stop.set()

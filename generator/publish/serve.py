"""`python -m generator serve`: build once, regenerate in a fresh process on each change, let mkdocs serve reload."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time

from generator.config import PortalConfig
from generator.publish.mkdocs_run import mkdocs_command, mkdocs_env


def regenerate(config: PortalConfig) -> int:
    cmd = [sys.executable, "-m", "generator", "build", "--no-mkdocs", "--content", str(config.content),
           "--site-config", str(config.site_config), "--docs-dir", str(config.docs_dir)]
    return subprocess.run(cmd, cwd=config.repository).returncode


def _watch(config: PortalConfig, stop: threading.Event) -> None:
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
    for folder in (config.content, config.site_config, config.templates):
        observer.schedule(Handler(), str(folder), recursive=True)
    observer.start()
    try:
        while not stop.is_set():
            if changed.wait(0.5):
                time.sleep(0.3)  # let an editor finish saving
                changed.clear()
                print("检测到文件改动，重新生成……", flush=True)
                regenerate(config)
    finally:
        observer.stop()
        observer.join()


def port_problem(dev_addr: str) -> str | None:
    """A one-line Chinese message when ``host:port`` cannot be listened on (busy, or not an address)."""
    host, _, port = dev_addr.rpartition(":")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        return f"地址“{dev_addr}”写法不对：请写成 主机:端口，例如 --dev-addr 127.0.0.1:8001。"
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((host.strip("[]"), int(port)))
        except OSError:
            other = int(port) + 1
            return (f"端口 {port} 已被占用（可能另一个预览还在运行）。请换一个端口："
                    f"make serve PORT={other}，或 python -m generator serve --dev-addr {host}:{other}。")
    return None


def run_serve(config: PortalConfig, dev_addr: str) -> int:
    problem = port_problem(dev_addr)
    if problem:
        print(problem, file=sys.stderr)
        return 1
    if regenerate(config) != 0:
        print("首次生成失败，请先修正上面的错误。", file=sys.stderr)
        return 1
    stop = threading.Event()
    watcher = threading.Thread(target=_watch, args=(config, stop), daemon=True)
    watcher.start()
    try:
        # --dirty: after an edit MkDocs renders the pages whose Markdown the generator rewrote, not all
        return subprocess.call(mkdocs_command(config, "serve", "--dirty", "--dev-addr", dev_addr), cwd=config.repository,
                               env=mkdocs_env(config))
    except KeyboardInterrupt:
        return 0
    finally:
        stop.set()

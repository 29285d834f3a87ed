"""One MkDocs build process: ``python -m generator.publish.mkdocs_build CONFIG SITE_DIR [i/n]``.

``publish.mkdocs_run`` starts one per core, each rendering its shard (``mkdocs_hooks``) into the
same working copy of the site. The differences from ``mkdocs build --strict --dirty``:

* every file is written to a temporary name and renamed into place, never rewritten in place: the
  published site shares the working copy's unchanged files (hard links), so an in-place write would
  change the live site while a build is still running, or one that then fails;
* it is always a dirty build (MkDocs' warning about those is dropped by ``mkdocs_hooks``): the
  working copy is thrown away whenever the navigation, the theme or the configuration changed
  (``mkdocs_run.build_stamp``), so pages whose Markdown did not change are rendered as before;
* the last line of output is a JSON summary: how many pages this process rendered.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import sys

from generator.publish.mkdocs_hooks import SHARD_KEY

def _atomic(write):
    def wrapper(output_path: str, data: bytes | None = None, source: str | None = None) -> None:
        os.makedirs(os.path.dirname(output_path), exist_ok=True)
        tmp = f"{output_path}.{os.getpid()}.tmp"
        if source is not None:
            shutil.copyfile(source, tmp)
        else:
            with open(tmp, "wb") as out:
                out.write(data)
        os.replace(tmp, output_path)
        write(output_path)
    return wrapper


def install(rendered: list[str]) -> None:
    """MkDocs writes through temporary files; every HTML page written is noted in ``rendered``."""
    from mkdocs import utils

    def noted(path: str) -> None:
        if path.endswith(".html") and os.path.basename(path) != "404.html":
            rendered.append(path)

    put = _atomic(noted)

    def write_file(content: bytes, output_path: str) -> None:
        put(output_path, data=content)

    def copy_file(source_path: str, output_path: str) -> None:
        if os.path.isdir(output_path):
            output_path = os.path.join(output_path, os.path.basename(source_path))
        put(output_path, source=source_path)

    utils.write_file, utils.copy_file = write_file, copy_file


def main(argv: list[str]) -> int:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    config_file, site_dir, shard = argv[0], argv[1], argv[2] if len(argv) > 2 else "0/1"
    rendered: list[str] = []
    install(rendered)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s - %(message)s", stream=sys.stderr)
    try:
        config = load_config(config_file, site_dir=site_dir, strict=True)
        config.extra[SHARD_KEY] = shard
        build(config, dirty=True)
    except (Abort, ConfigurationError) as exc:
        print(f"Aborted: {exc}", file=sys.stderr)
        return 1
    print(json.dumps({"rendered": len(rendered)}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

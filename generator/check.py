"""`python -m generator check`: every problem of every file, then a summary."""

from __future__ import annotations

import sys
from pathlib import Path

from .loader import load


def run_check(content: Path, site_config: Path) -> int:
    result = load(content, site_config)
    for problem in result.problems:
        print(problem.format(), file=sys.stderr)
    corpus = result.corpus
    if corpus is not None:
        print(f"检查完毕：{len(corpus.plans)} 个方案，{len(corpus.measures)} 条举措；{len(result.warnings)} 个警告。")
    else:
        print(f"检查未通过：{len(result.errors)} 个错误，{len(result.warnings)} 个警告。请按上面每行开头的“文件:行:列”找到位置修改。", file=sys.stderr)
    return 1 if result.errors else 0

"""PyYAML's English syntax errors, explained in Chinese with what to write instead."""

from __future__ import annotations

import yaml

# (fragment of PyYAML's problem text, explanation)
_EXPLANATIONS: tuple[tuple[str, str], ...] = (
    ("mapping values are not allowed here", "这里不能出现冒号“: ”。若文字本身含有“: ”，请给整段文字加上双引号，或改用 |- 块写法；若是新的字段，请检查缩进是否与上一行对齐。"),
    ("could not find expected ':'", "缺少冒号。每个字段要写成“键: 值”（冒号后留一个空格），或检查上一行的引号是否配对。"),
    ("found unexpected end of stream", "文件在引号或括号还没有闭合时就结束了。请检查引号（\" 或 '）、方括号 [ ] 和花括号 { } 是否成对。"),
    ("found unknown escape character", "双引号里出现了无效的反斜杠转义。请把 \\ 写成 \\\\，或改用单引号、|- 块写法。"),
    ("expected a single document", "文件中只能有一个 YAML 文档：请删除多余的 --- 分隔线。"),
    ("found undefined alias", "不支持 YAML 锚点（&）和别名（*）。请把要重复的内容直接写出来。"),
    ("expected <block end>, but found '-'", "列表项（以 - 开头）的缩进不一致。同一列表的各项应左对齐。"),
    ("expected <block end>", "缩进不一致：这一行的缩进与同一层的其他行不同。请用空格对齐（每级两个空格）。"),
    ("did not find expected key", "缩进或格式有误，找不到字段名。请检查这一行与上一行的缩进，以及引号是否成对。"),
    ("did not find expected '-' indicator", "列表项的缩进不一致：请检查以 - 开头的各行是否左对齐。"),
    ("found character '\\t'", "出现了制表符（Tab）。YAML 只能用空格缩进：请把 Tab 换成空格。"),
    ("found character", "出现了 YAML 不允许放在开头的字符（如 @ 或 `）。请给整段文字加上双引号。"),
    ("did not find expected node content", "这里缺少内容。请检查是否多写了逗号、方括号或冒号。"),
    ("while scanning a block scalar", "块文字（| 或 |-）的写法有误：| 后面只能跟 - 或 +，正文需另起一行并缩进。"),
    ("special characters are not allowed", "文件中有不可见的控制字符（常见于从 Word 或网页粘贴的内容）。请删除这些字符后再保存。"),
)


def explain_yaml_problem(exc: yaml.YAMLError) -> str:
    problem = getattr(exc, "problem", None) or str(exc)
    for fragment, explanation in _EXPLANATIONS:
        if fragment in problem:
            return f"YAML 格式错误：{explanation}"
    return f"YAML 格式错误：无法读取这一处（{problem}）。请检查缩进、冒号和引号。"

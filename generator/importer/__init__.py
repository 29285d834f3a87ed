"""importer: the plain text of an official document → a YAML draft of a plan, copying, never rewriting.

breaks and spaces (line breaks lost in a paste: one long line cut back into lines) · chrome (web chrome, a leading
file name) · cleanup (artefact spaces, hard line breaks) · patterns (markers, 文号, dates) ·
front (header, 印发通知, title and its signer, 落款, 版记, annexes) · structure (sections and measures) · refs
(cited documents, year themes, period, kind) · fidelity (how much of the source is kept) · align
(counting kept characters in order, in about linear time) · document (``import_text``) · report (what the
draft's header comment says: 识别结果, to-dos, warnings) · draft (``ImportResult`` and its YAML) · command (the CLI).
"""

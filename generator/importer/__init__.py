"""importer: the plain text of an official document → a YAML draft of a plan, copying, never rewriting.

cleanup (web chrome, artefact spaces, hard line breaks) · patterns (markers, 文号, dates) ·
front (header, 印发通知, title, 版记, annexes) · structure (sections and measures) · refs
(cited documents, year themes, period, kind) · fidelity (how much of the source is kept) · align
(counting kept characters in order, in about linear time) · document (``import_text``) · draft
(``ImportResult`` and its YAML) · command (the CLI).
"""

"""load: content/plans/*.yaml and site_config/ → a typed, validated ``Corpus``, or every problem at once.

files (regular files only, inside their folder, bounded reads; editor files skipped) · characters
(control characters and line separators, with editor positions) · source (YAML as text, with
positions, nesting limited) · model (pydantic, frozen) · validation (pydantic's errors in Chinese) ·
site_config (levels, topics, references, comparisons) · wordlists (dictionary.txt, stopwords.txt) ·
references (the one resolver of 文号 and titles) · corpus (placement, the one walker) · checks
(across files) · loader (all of it) · schema (JSON Schemas for editors).
"""

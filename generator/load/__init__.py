"""load: content/plans/*.yaml and site_config/ → a typed, validated ``Corpus``, or every problem at once.

source (YAML as text, with positions) · model (pydantic, frozen) · validation (pydantic's errors
in Chinese) · site_config (levels, topics, references, comparisons) · references (the one
resolver of 文号 and titles) · corpus (placement, the one walker) · checks (across files) ·
loader (all of it) · schema (JSON Schemas for editors).
"""

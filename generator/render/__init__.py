"""render: the corpus and its enrichment → pages of Markdown (``Page``), and the nav.

urls (every path: the one place) · markup (escaping) · environment (Jinja2, filters, ``Page``) ·
context (``Site``: what every page family reads) · tables (table pages and their ``Table``) ·
nav · pages/ (one module per page family).
"""

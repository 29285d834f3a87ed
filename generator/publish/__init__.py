"""publish: pages and data → files, then MkDocs, then the live site.

writer (the one writer: write-if-changed, stale removal, paths claimed twice) · output (what
goes into the docs directory) · exports (CSV/XLSX/JSON) · opendata (corpus.json, plan CSVs) ·
search_data (the search index of the pages) · mkdocs_config (generated mkdocs.yml) ·
mkdocs_run (mkdocs build into a temporary folder, atomic swap) · serve (preview).
"""

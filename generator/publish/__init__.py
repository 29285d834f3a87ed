"""publish: pages and data → files, then MkDocs, then the live site.

writer (the one writer: write-if-changed, stale removal, paths claimed twice) · output (what
goes into the docs directory) · exports (CSV/XLSX/JSON), docx_table (Word tables) · opendata (corpus.json, plan CSVs) ·
search_data (the search index of the pages) · mkdocs_config (generated mkdocs.yml) ·
mkdocs_run (MkDocs in shards into a kept working copy) · mkdocs_build, mkdocs_hooks (inside MkDocs) · swap (atomic publish) · serve (preview).
"""

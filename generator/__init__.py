"""Static site generator for the plan reference portal (规划参考门户).

Pipeline: load (source, validation, loader) → enrich (enrich/) → render (pages/, render) → build.
"""

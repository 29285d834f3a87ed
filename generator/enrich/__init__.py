"""Enrichment: pure functions over measures that return data and render nothing.

- ``topics``: topics of a measure (site_config/topics.yaml), general measures.
- ``related``: related measures across plans (sparse TF-IDF, blockwise top-k) and
  best matches between two plans.
- ``targets``: quantitative targets (1%至2%, 10万元, 1:2, X万元 …).
- ``deadlines``: time expressions (2018年年底前, 到2020年, 年内, 每季度 …) and years named.
"""

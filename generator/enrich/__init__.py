"""enrich: pure functions over the corpus that return data and render nothing.

topics (marker words) · related + vectors (sparse TF-IDF across plans) · pairs (upper ↔ lower
plans and their best matches) · targets + target_phrases (数量要求) · deadlines (时间节点) ·
citations (《…》) · years · enrichment (runs them all once: ``enrich(corpus, config)``).
"""

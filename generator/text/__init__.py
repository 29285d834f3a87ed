"""text: Chinese text tools shared by the stages.

fold (width, whitespace, 文号/title keys for comparison) · searchfold (the fold of the search
index, mirrored by search.js) · tokenize (jieba with the configured dictionary and stop words) ·
diff (side-by-side wording of two measures).
"""

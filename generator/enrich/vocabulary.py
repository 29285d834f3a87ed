"""The words of the corpus, for the search page's fallback when a phrase has no exact hit.

The browser segments such a query by longest match against these words (书记抓党建述职评议 →
书记 / 党建 / 述职 / 评议) and searches for all of them, and suggests the nearest of them when even
that finds nothing. The words are the tokens of every measure (as tokenised for related measures,
so no extra jieba pass), the portal dictionary's and the topics' words, and the topic names.
"""

from __future__ import annotations

import re
from typing import Iterable, Sequence

from generator.enrich.features import RelItem, cached_words
from generator.load.model import Topic
from generator.text.tokenize import Tokenizer

_HAN_WORD = re.compile(r"^[\u3400-\u9fff]{2,12}$")


def vocabulary(items: Sequence[RelItem], tokenizer: Tokenizer, topics: Iterable[Topic],
               dictionary_words: Iterable[str]) -> list[str]:
    tokens: set[str] = set()
    for item in items:
        tokens.update(cached_words(tokenizer, item))
    words = {w for w in tokens if _HAN_WORD.match(w)}
    for topic in topics:
        words.update(w for w in (topic.name, *topic.words) if _HAN_WORD.match(w))
    words.update(w for w in dictionary_words if _HAN_WORD.match(w))
    return sorted(words)

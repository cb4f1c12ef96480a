"""Search for matters by Chinese, pinyin, pinyin initials and English.

    index = SearchIndex.build(catalogue.matters)   # once
    index.search("sbk", limit=20)                  # every keystroke: list[Hit]

The scoring is documented in :mod:`kiosk.search.index`. From the command line:
``python -m kiosk.search "QUERY" [--catalog FILE] [--limit N]``.
"""

from kiosk.search.index import Hit, SearchIndex, english_words, normalise

__all__ = ["Hit", "SearchIndex", "english_words", "normalise"]

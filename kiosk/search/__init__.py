"""Search for matters by Chinese, pinyin, pinyin initials and English.

    index = SearchIndex.build(catalogue.matters)   # once
    index.search("sbk", limit=20)                  # every keystroke: list[Hit]

The scoring is documented in :mod:`kiosk.search.index`. From the command line:
``python -m kiosk.search "QUERY" [--catalog FILE] [--limit N]``.

``index`` (the ranking), ``spelling_cache`` (pinyin of each matter, kept on disk),
``deferred`` (the index built when first needed or when the kiosk is idle),
``understanding`` (what a colloquial query means: ``lexicon`` the shared synonym
dictionary and traditional folding, ``sounds`` homophones, ``typos`` pinyin typos).

May import: ``kiosk.rules``. Never Qt or the UI.
"""

from kiosk.search.index import Hit, Leads, SearchIndex
from kiosk.search.words import english_words, normalise

__all__ = ["Hit", "Leads", "SearchIndex", "english_words", "normalise"]

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

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kiosk.search.index import Hit, Leads, SearchIndex
    from kiosk.search.words import english_words, normalise

__all__ = ["Hit", "Leads", "SearchIndex", "english_words", "normalise"]

#: where each name of the package lives: loaded when first asked for, so that importing
#: ``kiosk.search.deferred`` at start-up does not load the index and its dictionaries
_HOMES = {"Hit": "index", "Leads": "index", "SearchIndex": "index",
          "english_words": "words", "normalise": "words"}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{home}"), name)

"""A search index that is built when first needed, or when the kiosk is idle.

Building the pinyin index (and importing pypinyin's dictionaries) takes a good
part of a second; the first screen a resident sees needs none of it. The shell
asks for ``warm()`` once the home screen is painted; a search before that builds
the index there and then.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from kiosk.catalogue import Matter

if TYPE_CHECKING:
    from kiosk.search import Hit, SearchIndex


class DeferredIndex:
    def __init__(self, matters: Iterable[Matter]) -> None:
        self._matters = tuple(matters)
        self._index: SearchIndex | None = None
        self.builds = 0

    @property
    def built(self) -> bool:
        return self._index is not None

    def warm(self) -> SearchIndex:
        if self._index is None:
            from kiosk.search import SearchIndex

            self._index = SearchIndex.build(self._matters)
            self.builds += 1
        return self._index

    def search(self, query: str, limit: int = 20) -> list[Hit]:
        return self.warm().search(query, limit=limit)

"""A search index that is built when first needed, or when the kiosk is idle.

Building the pinyin index (and importing pypinyin's dictionaries) takes a good
part of a second; the first screen a resident sees needs none of it. The shell
asks for ``warm()`` once the home screen is painted; a search before that builds
the index there and then.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.rules.catalogue import Catalogue, Matter

if TYPE_CHECKING:
    from kiosk.search import Hit, SearchIndex


class DeferredIndex:
    """``spelling_cache``: a file of pinyin spellings (kiosk.search.spelling_cache);
    with it, a restart on the same catalogue does not load pypinyin at all.
    ``synonyms``: the hall's own synonym files, added to the bundled dictionary
    (kiosk.search.lexicon), read when the index is built."""

    def __init__(self, matters: Iterable[Matter], spelling_cache: Path | None = None,
                 synonyms: Iterable[Path] = ()) -> None:
        self._matters = tuple(matters)
        self._cache = spelling_cache
        self._synonyms = tuple(synonyms)
        self._index: SearchIndex | None = None
        self.builds = 0

    def for_catalogue(self, catalogue: Catalogue) -> DeferredIndex:
        """An index of another catalogue's matters (a newly pulled one), with the same
        spelling cache."""
        return DeferredIndex(catalogue.matters, self._cache, self._synonyms)

    @property
    def built(self) -> bool:
        return self._index is not None

    def warm(self) -> SearchIndex:
        if self._index is None:
            from kiosk.search import SearchIndex, spelling_cache
            from kiosk.search.lexicon import Lexicon

            known = spelling_cache.load(self._cache) if self._cache else {}
            lexicon = Lexicon.load(extra=self._synonyms) if self._synonyms else None
            self._index = SearchIndex.build(self._matters, known, lexicon)
            self.builds += 1
            if self._cache and (self._index.spelt_new or len(known) != len(self._index.spellings)):
                spelling_cache.save(self._cache, self._index.spellings)
        return self._index

    def search(self, query: str, limit: int = 20) -> list[Hit]:
        return self.warm().search(query, limit=limit)

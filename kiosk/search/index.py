"""The search index over matters: built once, queried on every keystroke.

How a query is matched
----------------------
The query and every searchable text are *normalised* the same way: NFKC (full-width
letters, digits and spaces become half-width), case-folded, and everything that is
not a letter or a digit removed (spaces, punctuation, emoji). "ＩＤ Card" and
"idcard" are the same query.

For every matter the index holds its Chinese name and aliases, their pinyin (with
pypinyin's phrase-aware reading, so 银行 is "yinhang") and initials ("社会保障卡" is
"shbzk": zh/ch/sh count as one letter, as on an A–Z keyboard), other readings of
polyphonic characters (提前还款 is also "tiqianhuankuan"; ü may be typed v or u),
and the English name and aliases.

Ranking (a hit's ``score``; higher first; each matter appears once, at its best)
-------------------------------------------------------------------------------
===== ========== ==============================================================
score ``why``    the query is …
===== ========== ==============================================================
100   name/code  the whole Chinese name, or the matter code (GA0001)
 90   name       the start of the Chinese name
 85   alias      a whole Chinese alias (身份证到期)
 80   alias      the start of an alias (身份证 → 身份证到期)
 75   initials   the start of the name's initials (shbzk) or pinyin (shehui) —
      /pinyin    typed on the A–Z keyboard
 70   initials   the start of an alias's initials (sbk → 社保卡丢了) or pinyin
      /pinyin    (shebaoka)
 60   name       inside the Chinese name (身份证 in 居民身份证换领)
 55   alias      inside an alias
 50   initials   initials or pinyin starting at a syllable inside the name or
      /pinyin    an alias (hz → 普通护照…)
 48   initials   the start of the name or an alias read with another reading of
      /pinyin    a polyphonic character (tiqianhuankuan → 提前还款, which
                 pypinyin reads "hai kuan")
 45   english    the start of the English name
 40   english    the start of a word in the English name or an alias; the words
                 may run on ("provident fund", "pass" → passport)
===== ========== ==============================================================

Ties are broken by ``popularity`` (higher first), then by code.

How it stays fast
-----------------
:meth:`SearchIndex.build` does all the pinyin work, once; a search computes nothing
from pinyin. Matters are numbered by rank (popularity, then code). Each tier maps
*grams* — the starts of its keys, cut to a few lengths (1–3 for Chinese, up to 6
for pinyin) — to the ranks of the matters that have them, in rank order. A query
that is a whole gram reads one list and takes its first matters not already found:
no scan, no sort. A longer query walks the list of its longest gram and confirms
each candidate with one ``in`` (or, for "starts at a syllable", an ``in`` and one
pattern) on a per-matter string, and stops as soon as it has enough. At 20,000
matters a keystroke takes well under a millisecond (``tests/bench/bench_search.py``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from kiosk.rules.catalogue import Matter
from kiosk.search.spelling import Spelling
from kiosk.search.tiers import Tiers
from kiosk.search.words import normalise


@dataclass(frozen=True, slots=True)
class Hit:
    """One search result: the matter, its score (see the module docs) and what matched:
    "name", "alias", "initials", "pinyin", "english" or "code"."""

    matter: Matter
    score: int
    why: str


# --- the index ---------------------------------------------------------------


class SearchIndex:
    """Matters searchable by Chinese, pinyin, initials and English. Build it once with
    :meth:`build` (it does all the pinyin work); :meth:`search` is cheap."""

    def __init__(self, matters: tuple[Matter, ...], tiers: Tiers) -> None:
        #: the matters, most used first (a matter's rank is its position here)
        self.matters = matters
        self._groups = tiers.groups
        #: the spelling of every Chinese text indexed, and how many were new
        self.spellings = tiers.spellings
        self.spelt_new = tiers.spelt_new

    @classmethod
    def build(cls, matters: Iterable[Matter],
              spellings: dict[str, Spelling] | None = None) -> SearchIndex:
        """Build the index; ``spellings`` (from a spelling cache) saves the pinyin work
        for every text it holds, and pypinyin is not even imported if it holds all."""
        ranked = tuple(sorted(matters, key=lambda m: (-m.popularity, m.code)))
        tiers = Tiers(spellings)
        for rank, matter in enumerate(ranked):
            tiers.add(rank, matter)
        tiers.done()
        return cls(ranked, tiers)

    def __len__(self) -> int:
        return len(self.matters)

    def search(self, query: str, limit: int = 20) -> list[Hit]:
        """The best matches for what the resident typed so far, best first; at most
        ``limit``. An empty query (or one of only spaces and punctuation) finds nothing."""
        q = normalise(query)
        if not q or limit <= 0:
            return []
        hits: list[Hit] = []
        seen: set[int] = set()
        matters = self.matters
        for score, tiers in self._groups:
            need = limit - len(hits)
            if need <= 0:
                break
            found: dict[int, str] = {}
            for tier in tiers:
                tier.collect(q, need, seen, found)
            for rank in sorted(found)[:need]:
                hits.append(Hit(matters[rank], score, found[rank]))
                seen.add(rank)
        return hits

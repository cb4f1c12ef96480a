"""The search index over matters: built once, queried on every keystroke.

How a query is matched
----------------------
The query and every searchable text are *normalised* the same way: NFKC (full-width
letters, digits and spaces become half-width), case-folded, and everything that is
not a letter or a digit removed (spaces, punctuation, emoji). "ＩＤ Card" and
"idcard" are the same query. Traditional characters in the query are folded to
simplified first (OpenCC's tables, kiosk.search.lexicon): 身份證 is 身份证.

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
           … and when those leave room, what the query *means*
           (kiosk.search.understanding; filler such as 我想/怎么办 dropped):
38–24 synonym    its words, or what the shared dictionary says they mean (掉了 →
                 丢了/补领, 驾照 ⇄ 驾驶证, lost → replace), in the names and aliases:
                 ``10 + 28 × coverage``, the share of the query's words held, from
                 one half up ("synonym: 身份证 + 掉了→丢了")
      homophone  a run of characters that sounds the same (社宝卡 ~ 社保卡) counts 0.9
      overlap    half or more of a run's characters, in any order (but never 证 or
                 登记 alone), count as that share; "overlap" is also the ``why``
                 when every word is held as typed, apart (驾照换证)
 34   typo       pinyin of six letters or more one edit from the start of a name's
                 or alias's pinyin (shebaoak → 社保卡…)
===== ========== ==============================================================

Ties are broken by ``popularity`` (higher first), then by code. A traditional query's
``why`` ends in ", traditional folded". When nothing is found, :meth:`SearchIndex.leads`
names the departments and life events whose matters share most with the query.

How it stays fast
-----------------
:meth:`SearchIndex.build` does all the pinyin work, once; a search computes nothing
from pinyin (a homophone's character that neither the catalogue nor the dictionary
holds is looked up in pypinyin's character table, once per process). What a query
means is only worked out when the tiers leave room in the list (``limit``). Matters are numbered by rank (popularity, then code). Each tier maps
*grams* — the starts of its keys, cut to a few lengths (1–3 for Chinese, up to 6
for pinyin) — to the ranks of the matters that have them, in rank order. A query
that is a whole gram reads one list and takes its first matters not already found:
no scan, no sort. A longer query walks the list of its longest gram and confirms
each candidate with one ``in`` (or, for "starts at a syllable", an ``in`` and one
pattern) on a per-matter string, and stops as soon as it has enough. At 20,000
matters a keystroke takes well under a millisecond (``tests/bench/bench_search.py``).
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from kiosk.rules.catalogue import Matter
from kiosk.search.lexicon import Lexicon
from kiosk.search.spelling import Spelling
from kiosk.search.tiers import Tiers
from kiosk.search.understanding import Understanding
from kiosk.search.words import normalise


@dataclass(frozen=True, slots=True)
class Leads:
    """Where to look when a query finds nothing: the codes of the departments and of the
    life events (themes) whose matters come closest to it, best first (may be empty)."""

    departments: tuple[str, ...]
    themes: tuple[str, ...]


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

    def __init__(self, matters: tuple[Matter, ...], tiers: Tiers,
                 understanding: Understanding | None = None) -> None:
        #: the matters, most used first (a matter's rank is its position here)
        self.matters = matters
        self._groups = tiers.groups
        self._understanding = understanding
        #: the spelling of every Chinese text indexed, and how many were new
        self.spellings = tiers.spellings
        self.spelt_new = tiers.spelt_new

    @classmethod
    def build(cls, matters: Iterable[Matter],
              spellings: dict[str, Spelling] | None = None,
              lexicon: Lexicon | None = None) -> SearchIndex:
        """Build the index; ``spellings`` (from a spelling cache) saves the pinyin work
        for every text it holds, and pypinyin is not even imported if it holds all.
        ``lexicon``: the synonym dictionary (default: the bundled one, read here)."""
        ranked = tuple(sorted(matters, key=lambda m: (-m.popularity, m.code)))
        tiers = Tiers(spellings)
        understanding = Understanding(lexicon if lexicon is not None else bundled_lexicon())
        for rank, matter in enumerate(ranked):
            tiers.add(rank, matter)
            texts = dict.fromkeys(t for t in map(normalise, (matter.name.zh, *matter.aliases_zh)) if t)
            understanding.add(rank, {t: tiers.spellings[t] for t in texts},
                              (matter.name.en, *matter.aliases_en))
        understanding.learn_words(tiers.spelling)
        tiers.done()
        understanding.done()
        return cls(ranked, tiers, understanding)

    def __len__(self) -> int:
        return len(self.matters)

    def search(self, query: str, limit: int = 20, understand: bool = True) -> list[Hit]:
        """The best matches for what the resident typed so far, best first; at most
        ``limit``. An empty query (or one of only spaces and punctuation) finds nothing.
        ``understand=False``: the tiers only (the query as typed, traditional folded)."""
        meaning = self._understanding
        folded = meaning.lexicon.fold(query) if meaning else query
        q = normalise(folded)
        if not q or limit <= 0:
            return []
        note = ", traditional folded" if folded != query else ""
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
                hits.append(Hit(matters[rank], score, found[rank] + note))
                seen.add(rank)
        if understand and meaning and len(hits) < limit:
            for rank, score, why in meaning.collect(folded, q, limit - len(hits), seen):
                hits.append(Hit(matters[rank], score, why + note))
        return hits

    def leads(self, query: str, limit: int = 3) -> Leads:
        """For the "no matches" screen: the departments and life events of the matters
        that share most with the query, even a single character or word ("办签证" →
        出入境). Nothing in common with any matter: no leads (show them all, and the
        call for staff)."""
        meaning = self._understanding
        if meaning is None or limit <= 0:
            return Leads((), ())
        folded = meaning.lexicon.fold(query)
        evidence = meaning.evidence(folded, normalise(folded))
        closest = heapq.nsmallest(20, ((-share, rank) for rank, share in evidence.items()))
        departments: dict[str, float] = {}
        themes: dict[str, float] = {}
        for minus_share, rank in closest:
            matter = self.matters[rank]
            departments[matter.department] = departments.get(matter.department, 0.0) - minus_share
            for theme in matter.themes:
                themes[theme] = themes.get(theme, 0.0) - minus_share
        return Leads(tuple(sorted(departments, key=lambda d: -departments[d])[:limit]),
                     tuple(sorted(themes, key=lambda t: -themes[t])[:limit]))


@cache
def bundled_lexicon() -> Lexicon:
    """The bundled synonym dictionary, read once (on the first build, not at import)."""
    return Lexicon.load()

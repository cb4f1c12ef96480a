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
Matters are numbered by rank (popularity, then code). Each tier keeps a map from
every *gram* — each start of each key, up to ``K`` characters — to the ranks of the
matters that have it, in rank order. A query no longer than ``K`` reads its posting
list and takes the first matters not already found: no scan and no sort. A longer
query walks the posting list of its first ``K`` characters and confirms each
candidate with one ``in`` over a per-matter string of keys (``\\0``-separated), and
stops as soon as it has enough. Nothing is computed from pinyin at query time.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from itertools import accumulate
from dataclasses import dataclass

from pypinyin import Style, lazy_pinyin, pinyin

from kiosk.catalogue import Matter

try:  # the segmenter lazy_pinyin itself uses; reached directly to cache per word
    from pypinyin.seg.mmseg import seg as _mmseg

    _segment: Callable[[str], Iterable[str]] = _mmseg.cut
except ImportError:  # pragma: no cover - other pypinyin layouts
    def _segment(run: str) -> Iterable[str]:
        return (run,)

#: characters that are neither letters nor digits (and the underscore)
_NOT_WORD = re.compile(r"[\W_]+")
#: runs of Chinese characters (CJK unified ideographs and extensions, 〇)
_HAN_RUN = re.compile(
    "([\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+)"
)
#: alternative readings kept per text, so a text full of polyphones stays cheap
_MAX_ALTERNATES = 4
_SEP = "\0"


def normalise(text: str) -> str:
    """The form every query and key is compared in: NFKC, case-folded, letters and
    digits only. ``normalise("ＩＤ Card！") == "idcard"``."""
    return _NOT_WORD.sub("", unicodedata.normalize("NFKC", text).casefold())


def english_words(text: str) -> list[str]:
    """The normalised words of an English text; "driver's" is one word."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("'", "").replace("’", "")
    return [w for w in _NOT_WORD.split(text) if w]


@dataclass(frozen=True, slots=True)
class Hit:
    """One search result: the matter, its score (see the module docs) and what matched:
    "name", "alias", "initials", "pinyin", "english" or "code"."""

    matter: Matter
    score: int
    why: str


# --- spelling Chinese out in pinyin ------------------------------------------

_readings_cache: dict[str, tuple[str, ...]] = {}


def _readings(char: str) -> tuple[str, ...]:
    """Every toneless reading of one character, the most common first."""
    found = _readings_cache.get(char)
    if found is None:
        found = tuple(dict.fromkeys(pinyin(char, style=Style.NORMAL, heteronym=True)[0]))
        found = tuple(normalise(r) or char for r in found) or (char,)
        _readings_cache[char] = found
    return found


@dataclass(frozen=True, slots=True)
class _Spelling:
    """A normalised text in pinyin, one unit per Chinese character (read in context)
    or per run of other letters and digits, which stands for itself."""

    pinyin: str
    initials: str
    #: the pinyin and initials from each later unit on ("huzhao…" of 普通护照…)
    pinyin_inside: tuple[str, ...]
    initials_inside: tuple[str, ...]
    #: the whole text read with another reading of one polyphonic character
    alt_pinyin: tuple[str, ...]
    alt_initials: tuple[str, ...]


def _spell(text: str, word_cache: dict[str, list[str]]) -> _Spelling:
    units: list[str] = []
    firsts: list[str] = []
    options: list[tuple[str, ...]] = []
    for i, run in enumerate(_HAN_RUN.split(text)):
        if not run:
            continue
        if i % 2 == 0:  # not Chinese: letters and digits, already normalised
            units.append(run)
            firsts.append(run)
            options.append(())
            continue
        readings = [_readings(c) for c in run]
        if all(len(r) == 1 for r in readings):
            primary = [r[0] for r in readings]
        else:  # a polyphone: read the run in context, word by word as pypinyin does
            primary = []
            for word in _segment(run):
                said = word_cache.get(word)
                if said is None:
                    said = [normalise(s) for s in lazy_pinyin(word, style=Style.NORMAL)]
                    if len(said) != len(word) or not all(said):
                        said = [_readings(c)[0] for c in word]
                    word_cache[word] = said
                primary.extend(said)
        units.extend(primary)
        firsts.extend(u[0] for u in primary)
        options.extend(readings)
    full, initials = "".join(units), "".join(firsts)
    at = [0, *accumulate(map(len, units))]  # where each unit starts in ``full``
    first_at = [0, *accumulate(map(len, firsts))]
    alt_pinyin: dict[str, None] = {}
    alt_initials: dict[str, None] = {}
    polyphones = [i for i, o in enumerate(options) if len(o) > 1]
    # one character read otherwise at a time; every character's second reading
    # (pypinyin lists the most common first) before any third
    for level in range(1, max((len(options[i]) for i in polyphones), default=1)):
        for i in polyphones:
            if level >= len(options[i]) or len(alt_pinyin) >= _MAX_ALTERNATES:
                continue
            other = options[i][level]
            if other == units[i]:
                continue
            alt_pinyin[full[: at[i]] + other + full[at[i + 1]:]] = None
            if other[0] != firsts[i]:
                alt_initials[initials[: first_at[i]] + other[0] + initials[first_at[i + 1]:]] = None
    if "v" in full and any(options[i] and "v" in u for i, u in enumerate(units)):  # ü: lv/lu
        alt_pinyin["".join(u.replace("v", "u") if options[i] else u
                           for i, u in enumerate(units))] = None
    alt_pinyin.pop(full, None)
    alt_initials.pop(initials, None)
    return _Spelling(
        pinyin=full,
        initials=initials,
        pinyin_inside=tuple(full[a:] for a in at[1:-1]),
        initials_inside=tuple(initials[a:] for a in first_at[1:-1]),
        alt_pinyin=tuple(alt_pinyin),
        alt_initials=tuple(alt_initials),
    )


# --- tiers -------------------------------------------------------------------


class _ExactTier:
    """Whole-key matches, by dictionary."""

    __slots__ = ("why", "keys")

    def __init__(self, why: str) -> None:
        self.why = why
        self.keys: dict[str, list[int]] = {}

    def add(self, rank: int, keys: Iterable[str]) -> None:
        for key in dict.fromkeys(keys):
            self.keys.setdefault(key, []).append(rank)

    def collect(self, q: str, need: int, seen: set[int], found: dict[int, str]) -> None:
        taken = 0
        for rank in self.keys.get(q, ()):
            if rank not in seen and rank not in found:
                found[rank] = self.why
                taken += 1
                if taken == need:
                    return


class _PrefixTier:
    """Queries that are the start of one of a matter's keys.

    ``grams`` maps each key start of ``shortest`` to ``k`` characters to the ranks that
    have it, in rank order; ``hay`` holds each matter's keys, ``\\0``-separated, to
    confirm queries longer than ``k``. Queries shorter than ``shortest`` find nothing
    here (a single letter matching inside a word is noise).
    """

    __slots__ = ("why", "k", "shortest", "anywhere", "grams", "hay")

    def __init__(self, why: str, k: int, shortest: int = 1, anywhere: bool = False) -> None:
        self.why = why
        self.k = k
        self.shortest = shortest
        #: keys are every suffix of the texts given: confirm with a plain ``in`` on those
        self.anywhere = anywhere
        self.grams: dict[str, list[int]] = {}
        self.hay: dict[int, str] = {}

    def add(self, rank: int, keys: list[str] | tuple[str, ...], texts: Iterable[str] = ()) -> None:
        k, grams = self.k, self.grams
        for gram in {key[:n] for key in keys for n in range(self.shortest, min(k, len(key)) + 1)}:
            ranks = grams.get(gram)
            if ranks is None:
                grams[gram] = [rank]
            else:
                ranks.append(rank)
        if any(len(key) > k for key in keys):
            self.hay[rank] = _SEP.join(texts) if self.anywhere else _SEP + _SEP.join(keys)

    def collect(self, q: str, need: int, seen: set[int], found: dict[int, str]) -> None:
        if len(q) < self.shortest:
            return
        ranks = self.grams.get(q[: self.k])
        if not ranks:
            return
        why, taken = self.why, 0
        if len(q) <= self.k:
            for rank in ranks:
                if rank not in seen and rank not in found:
                    found[rank] = why
                    taken += 1
                    if taken == need:
                        return
            return
        needle, hay = (q if self.anywhere else _SEP + q), self.hay
        for rank in ranks:
            if rank not in seen and rank not in found and needle in hay.get(rank, ""):
                found[rank] = why
                taken += 1
                if taken == need:
                    return


class _Tiers:
    """Every tier, grouped by score, filled one matter at a time."""

    def __init__(self) -> None:
        t = self
        t.code, t.name, t.alias = _ExactTier("code"), _ExactTier("name"), _ExactTier("alias")
        t.name_start, t.alias_start = _PrefixTier("name", 3), _PrefixTier("alias", 3)
        t.name_initials, t.name_pinyin = _PrefixTier("initials", 5), _PrefixTier("pinyin", 5)
        t.alias_initials, t.alias_pinyin = _PrefixTier("initials", 5), _PrefixTier("pinyin", 5)
        t.name_inside = _PrefixTier("name", 2, anywhere=True)
        t.alias_inside = _PrefixTier("alias", 2, anywhere=True)
        t.initials_inside = _PrefixTier("initials", 3, shortest=2, anywhere=True)
        t.pinyin_inside = _PrefixTier("pinyin", 3, shortest=2)
        t.alt_initials = _PrefixTier("initials", 3, shortest=2)
        t.alt_pinyin = _PrefixTier("pinyin", 3, shortest=2)
        t.english_start = _PrefixTier("english", 4)
        t.english_word = _PrefixTier("english", 3, shortest=2)
        self.groups: list[tuple[int, tuple[_ExactTier | _PrefixTier, ...]]] = [
            (100, (t.name, t.code)),
            (90, (t.name_start,)),
            (85, (t.alias,)),
            (80, (t.alias_start,)),
            (75, (t.name_initials, t.name_pinyin)),
            (70, (t.alias_initials, t.alias_pinyin)),
            (60, (t.name_inside,)),
            (55, (t.alias_inside,)),
            (50, (t.initials_inside, t.pinyin_inside)),
            (48, (t.alt_initials, t.alt_pinyin)),
            (45, (t.english_start,)),
            (40, (t.english_word,)),
        ]
        # texts recur across a catalogue (aliases, English phrases): spell each once
        self._words: dict[str, list[str]] = {}
        self._spelt: dict[str, _Spelling] = {}
        self._english: dict[str, tuple[str, ...]] = {}

    def _spell(self, text: str) -> _Spelling:
        spelt = self._spelt.get(text)
        if spelt is None:
            spelt = self._spelt[text] = _spell(text, self._words)
        return spelt

    def _word_starts(self, text: str) -> tuple[str, ...]:
        """An English text from each word on, normalised: "idcard", "card"."""
        starts = self._english.get(text)
        if starts is None:
            words = english_words(text)
            starts = self._english[text] = tuple("".join(words[i:]) for i in range(len(words)))
        return starts

    def add(self, rank: int, matter: Matter) -> None:
        name = normalise(matter.name.zh)
        aliases = [a for a in dict.fromkeys(normalise(a) for a in matter.aliases_zh) if a]
        self.code.add(rank, [code] if (code := normalise(matter.code)) else [])
        names = [name] if name else []
        self.name.add(rank, names)
        self.name_start.add(rank, names)
        self.alias.add(rank, aliases)
        self.alias_start.add(rank, aliases)
        spelt_name = self._spell(name)
        spelt_aliases = [self._spell(a) for a in aliases]
        spelt = (spelt_name, *spelt_aliases)
        self.name_initials.add(rank, [spelt_name.initials])
        self.name_pinyin.add(rank, [spelt_name.pinyin])
        self.alias_initials.add(rank, [s.initials for s in spelt_aliases])
        self.alias_pinyin.add(rank, [s.pinyin for s in spelt_aliases])
        self.name_inside.add(rank, [name[i:] for i in range(1, len(name))], [name])
        self.alias_inside.add(rank, [a[i:] for a in aliases for i in range(1, len(a))], aliases)
        self.initials_inside.add(rank, [x for s in spelt for x in s.initials_inside],
                                 [s.initials for s in spelt])
        self.pinyin_inside.add(rank, [x for s in spelt for x in s.pinyin_inside])
        self.alt_initials.add(rank, [x for s in spelt for x in s.alt_initials])
        self.alt_pinyin.add(rank, [x for s in spelt for x in s.alt_pinyin])
        en_name = self._word_starts(matter.name.en)
        self.english_start.add(rank, en_name[:1])
        self.english_word.add(rank, [
            x for text in (en_name, *map(self._word_starts, matter.aliases_en)) for x in text
        ])

    def done(self) -> None:
        """Drop what only the build needed."""
        self._words.clear()
        self._spelt.clear()
        self._english.clear()


# --- the index ---------------------------------------------------------------


class SearchIndex:
    """Matters searchable by Chinese, pinyin, initials and English. Build it once with
    :meth:`build` (it does all the pinyin work); :meth:`search` is cheap."""

    def __init__(self, matters: tuple[Matter, ...], tiers: _Tiers) -> None:
        #: the matters, most used first (a matter's rank is its position here)
        self.matters = matters
        self._groups = tiers.groups

    @classmethod
    def build(cls, matters: Iterable[Matter]) -> SearchIndex:
        ranked = tuple(sorted(matters, key=lambda m: (-m.popularity, m.code)))
        tiers = _Tiers()
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

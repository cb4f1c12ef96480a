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

import re
import unicodedata
from collections import defaultdict, deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import accumulate, repeat
from operator import itemgetter

from kiosk.rules.catalogue import Matter


class _Pypinyin:
    """pypinyin, imported on first use: its dictionaries take ~0.5 s and ~45 MB, and
    an index built from a spelling cache (kiosk.search.spelling_cache) needs none."""

    def __init__(self) -> None:
        from pypinyin import Style, lazy_pinyin, pinyin

        self.normal = Style.NORMAL
        self.lazy_pinyin = lazy_pinyin
        self.pinyin = pinyin
        try:  # the segmenter lazy_pinyin itself uses; reached directly to cache per word
            from pypinyin.seg.mmseg import seg as _mmseg

            self.segment: Callable[[str], Iterable[str]] = _mmseg.cut
        except ImportError:  # pragma: no cover - other pypinyin layouts
            self.segment = lambda run: (run,)


_loaded: list[_Pypinyin] = []


def _pp() -> _Pypinyin:
    if not _loaded:
        _loaded.append(_Pypinyin())
    return _loaded[0]

#: characters that are neither letters nor digits (and the underscore)
_NOT_WORD = re.compile(r"[\W_]+")
#: runs of Chinese characters (CJK unified ideographs and extensions, 〇)
_HAN_RUN = re.compile(
    "([\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+)"
)
#: alternative readings kept per text, so a text full of polyphones stays cheap
_MAX_ALTERNATES = 3
_SEP = "\0"
#: runs an iterator to its end, in C
_drain = deque[object](maxlen=0).extend


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
        pp = _pp()
        found = tuple(dict.fromkeys(pp.pinyin(char, style=pp.normal, heteronym=True)[0]))
        found = tuple(normalise(r) or char for r in found) or (char,)
        _readings_cache[char] = found
    return found


@dataclass(frozen=True, slots=True)
class _Spelling:
    """A normalised text in pinyin, one unit per Chinese character (read in context)
    or per run of other letters and digits, which stands for itself."""

    pinyin: str
    initials: str
    #: the pinyin, and again with \1 before each unit ("putong…\0\1pu\1tong…")
    plain_and_marked: str
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
            for word in _pp().segment(run):
                said = word_cache.get(word)
                if said is None:
                    said = [normalise(s) for s in _pp().lazy_pinyin(word, style=_pp().normal)]
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
        plain_and_marked=full + _SEP + "".join("\1" + u for u in units),
        pinyin_inside=tuple(full[a:] for a in at[1:-1]),
        initials_inside=tuple(initials[a:] for a in first_at[1:-1]),
        alt_pinyin=tuple(alt_pinyin),
        alt_initials=tuple(alt_initials),
    )


# --- tiers -------------------------------------------------------------------


#: a source text's keys, and its part of a hay (see _PrefixTier.confirm)
_KeysOf = Callable[[str], tuple["list[str] | tuple[str, ...]", str]]


class _ExactTier:
    """Whole-key matches, by dictionary."""

    __slots__ = ("why", "keys")

    def __init__(self, why: str) -> None:
        self.why = why
        self.keys: dict[str, list[int]] = {}

    def add(self, rank: int, keys: Iterable[str]) -> None:
        for key in dict.fromkeys(keys):
            self.keys.setdefault(key, []).append(rank)

    def done(self) -> None:
        pass

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

    ``grams`` maps each key start of the given ``lengths`` to the ranks that have it,
    in rank order. A query is looked up by its start of the longest length it has;
    when it is longer than that, each candidate is confirmed against ``hay``,
    each matter's keys in one string, as ``confirm`` says: "start" (the keys,
    ``\\0``-separated: the query follows a ``\\0``), "anywhere" (the keys are every
    suffix of the texts in the hay: a plain ``in``), "boundary" (the keys are the
    texts from each unit on; the hay has the texts plain, for a quick ``in``, and
    with ``\\1`` before each unit, where a pattern checks the query starts at one).
    Queries shorter than the shortest length find nothing here (a single letter
    matching inside a word is noise).
    """

    __slots__ = ("why", "lengths", "confirm", "longest", "grams", "hay", "_parts", "_building",
                 "_needs_hay", "_cuts")

    def __init__(self, why: str, lengths: tuple[int, ...], confirm: str = "start") -> None:
        self.why = why
        self.lengths = lengths
        self.confirm = confirm
        self.longest = max(lengths)  # the longest key: no longer query can match
        #: keys this long or longer can match a query that is not a whole gram
        self._needs_hay = next(n for n in range(lengths[0], 999) if n not in lengths)
        self._cuts = [itemgetter(slice(None, n)) for n in lengths]
        self.grams: dict[str, tuple[int, ...]] = {}
        self._building: defaultdict[str, list[int]] = defaultdict(list)
        self.hay: dict[int, str] = {}
        # per recurring source text: (its grams, its part of a hay, its longest key)
        self._parts: dict[str, tuple[Iterable[str], str, int]] = {}

    def _part(self, source: str, keys_of: _KeysOf) -> tuple[Iterable[str], str, int]:
        keys, text = keys_of(source)
        # every key cut to every length (a key shorter than a length is its own gram)
        grams = set().union(*[map(cut, keys) for cut in self._cuts])
        if self.confirm == "start":
            text = _SEP + _SEP.join(keys)
        return grams, text, max(map(len, keys), default=0)

    def add(self, rank: int, keys_of: _KeysOf, once: Iterable[str] = (),
            often: Iterable[str] = ()) -> None:
        """Index a matter's source texts (its name, aliases, English texts); ``keys_of``
        gives a source's keys and, unless ``confirm`` is "start", its text for the hay.
        Sources ``often`` met across a catalogue (aliases) are worked out once."""
        parts = [self._part(source, keys_of) for source in once]
        for source in often:
            part = self._parts.get(source)
            if part is None:
                grams, text, longest = self._part(source, keys_of)
                part = self._parts[source] = (tuple(grams), text, longest)
            parts.append(part)
        if not parts:
            return
        if len(parts) == 1:
            grams, text, longest = parts[0]
        else:
            grams = set().union(*[p[0] for p in parts])
            text = (_SEP if self.confirm != "start" else "").join([p[1] for p in parts])
            longest = max([p[2] for p in parts])
        # posting[gram].append(rank) for each gram, looped in C: the build's hot spot
        _drain(map(list.append, map(self._building.__getitem__, grams), repeat(rank)))
        if longest >= self._needs_hay:
            self.hay[rank] = text
            self.longest = max(self.longest, longest)

    def done(self) -> None:
        self._parts.clear()
        self.grams = {gram: tuple(ranks) for gram, ranks in self._building.items()}
        self._building.clear()

    def collect(self, q: str, need: int, seen: set[int], found: dict[int, str]) -> None:
        n = len(q)
        if n < self.lengths[0] or n > self.longest:
            return
        if n not in self.lengths:
            n = max(length for length in self.lengths if length < n)
        ranks = self.grams.get(q[:n])
        if not ranks:
            return
        why, taken = self.why, 0
        if n == len(q):
            for rank in ranks:
                if rank not in seen and rank not in found:
                    found[rank] = why
                    taken += 1
                    if taken == need:
                        return
            return
        hay = self.hay
        if self.confirm == "boundary":  # the query starts at a unit, may run over more
            at_unit = re.compile("\1" + "\1?".join(map(re.escape, q))).search
            for rank in ranks:
                if rank in seen or rank in found:
                    continue
                text = hay.get(rank, "")
                if q in text and at_unit(text):
                    found[rank] = why
                    taken += 1
                    if taken == need:
                        return
            return
        needle = q if self.confirm == "anywhere" else _SEP + q
        for rank in ranks:
            if rank not in seen and rank not in found and needle in hay.get(rank, ""):
                found[rank] = why
                taken += 1
                if taken == need:
                    return


class _Tiers:
    """Every tier, grouped by score, filled one matter at a time."""

    code: _ExactTier
    name: _ExactTier
    alias: _ExactTier
    name_start: _PrefixTier
    alias_start: _PrefixTier
    name_initials: _PrefixTier
    name_pinyin: _PrefixTier
    alias_initials: _PrefixTier
    alias_pinyin: _PrefixTier
    name_inside: _PrefixTier
    alias_inside: _PrefixTier
    initials_inside: _PrefixTier
    pinyin_inside: _PrefixTier
    alt_initials: _PrefixTier
    alt_pinyin: _PrefixTier
    english_start: _PrefixTier
    english_word: _PrefixTier

    def __init__(self, spellings: dict[str, _Spelling] | None = None) -> None:
        t = self
        t.code, t.name, t.alias = _ExactTier("code"), _ExactTier("name"), _ExactTier("alias")
        # gram lengths: Chinese says more per character; long pinyin grams keep the
        # candidates for a long query few
        zh, letters, pinyin = (1, 2, 3), (1, 2, 3, 4, 5), (1, 2, 3, 4, 6)
        t.name_start, t.alias_start = _PrefixTier("name", zh), _PrefixTier("alias", zh)
        t.name_initials, t.name_pinyin = _PrefixTier("initials", letters), _PrefixTier("pinyin", pinyin)
        t.alias_initials, t.alias_pinyin = _PrefixTier("initials", letters), _PrefixTier("pinyin", pinyin)
        t.name_inside = _PrefixTier("name", (1, 2), confirm="anywhere")
        t.alias_inside = _PrefixTier("alias", (1, 2), confirm="anywhere")
        t.initials_inside = _PrefixTier("initials", (2, 3), confirm="anywhere")
        t.pinyin_inside = _PrefixTier("pinyin", (2, 3, 6), confirm="boundary")
        t.alt_initials = _PrefixTier("initials", (2, 3))
        t.alt_pinyin = _PrefixTier("pinyin", (2, 3, 6))
        t.english_start = _PrefixTier("english", (1, 2, 3, 4))
        t.english_word = _PrefixTier("english", (2, 3, 6), confirm="boundary")
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
        # aliases recur across a catalogue: spell each once
        self._words: dict[str, list[str]] = {}
        self._spelt: dict[str, _Spelling] = {}
        self._known = spellings if spellings is not None else {}
        #: every text spelt for this index (to keep in a spelling cache)
        self.spellings: dict[str, _Spelling] = {}
        #: how many texts had to be spelt with pypinyin
        self.spelt_new = 0

    def _spelling(self, text: str) -> _Spelling:
        found = self._spelt.get(text) or self._known.get(text)
        if found is None:
            found = _spell(text, self._words)
            self.spelt_new += 1
        self._spelt[text] = found
        self.spellings[text] = found
        return found

    def add(self, rank: int, matter: Matter) -> None:
        name = normalise(matter.name.zh)
        names = [name] if name else []
        aliases = [a for a in dict.fromkeys(normalise(a) for a in matter.aliases_zh) if a]
        spelt = {a: self._spelling(a) for a in aliases}
        spelt[name] = self._spelling(name)
        self.code.add(rank, [code] if (code := normalise(matter.code)) else [])
        self.name.add(rank, names)
        self.alias.add(rank, aliases)
        self.name_start.add(rank, _itself, names)
        self.alias_start.add(rank, _itself, often=aliases)
        self.name_initials.add(rank, lambda t: ((spelt[t].initials,), ""), names)
        self.name_pinyin.add(rank, lambda t: ((spelt[t].pinyin,), ""), names)
        self.alias_initials.add(rank, lambda t: ((spelt[t].initials,), ""), often=aliases)
        self.alias_pinyin.add(rank, lambda t: ((spelt[t].pinyin,), ""), often=aliases)
        self.name_inside.add(rank, _inside, names)
        self.alias_inside.add(rank, _inside, often=aliases)
        self.initials_inside.add(rank, lambda t: (spelt[t].initials_inside, spelt[t].initials),
                                 names, aliases)
        self.pinyin_inside.add(rank, lambda t: (spelt[t].pinyin_inside, spelt[t].plain_and_marked),
                               names, aliases)
        if any(s.alt_pinyin for s in spelt.values()):  # only texts with polyphones have any
            self.alt_initials.add(rank, lambda t: (spelt[t].alt_initials, ""), names, aliases)
            self.alt_pinyin.add(rank, lambda t: (spelt[t].alt_pinyin, ""), names, aliases)
        self.english_start.add(rank, _english_whole, [matter.name.en])
        self.english_word.add(rank, _english_words, [matter.name.en], matter.aliases_en)

    def done(self) -> None:
        """Drop what only the build needed."""
        self._words.clear()
        self._spelt.clear()
        for _, tiers in self.groups:
            for tier in tiers:
                tier.done()


def _itself(text: str) -> tuple[tuple[str], str]:
    return (text,), ""


def _inside(text: str) -> tuple[list[str], str]:
    return [text[i:] for i in range(1, len(text))], text


def _english_whole(text: str) -> tuple[tuple[str], str]:
    return ("".join(english_words(text)),), ""


def _english_words(text: str) -> tuple[list[str], str]:
    """An English text from each word on, normalised ("idcard", "card"), and the
    text plain and with each word marked ("idcard\0\1id\1card")."""
    words = english_words(text)
    return (["".join(words[i:]) for i in range(len(words))],
            "".join(words) + _SEP + "".join("\1" + w for w in words))


# --- the index ---------------------------------------------------------------


class SearchIndex:
    """Matters searchable by Chinese, pinyin, initials and English. Build it once with
    :meth:`build` (it does all the pinyin work); :meth:`search` is cheap."""

    def __init__(self, matters: tuple[Matter, ...], tiers: _Tiers) -> None:
        #: the matters, most used first (a matter's rank is its position here)
        self.matters = matters
        self._groups = tiers.groups
        #: the spelling of every Chinese text indexed, and how many were new
        self.spellings = tiers.spellings
        self.spelt_new = tiers.spelt_new

    @classmethod
    def build(cls, matters: Iterable[Matter],
              spellings: dict[str, _Spelling] | None = None) -> SearchIndex:
        """Build the index; ``spellings`` (from a spelling cache) saves the pinyin work
        for every text it holds, and pypinyin is not even imported if it holds all."""
        ranked = tuple(sorted(matters, key=lambda m: (-m.popularity, m.code)))
        tiers = _Tiers(spellings)
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

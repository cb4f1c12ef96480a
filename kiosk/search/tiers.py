"""The tiers of the ranking (``kiosk.search.index``): each finds the matters whose keys
match a query wholly or by prefix, in the order of the table there."""

from __future__ import annotations

import re
from collections import defaultdict, deque
from collections.abc import Callable, Iterable
from itertools import repeat
from operator import itemgetter

from kiosk.rules.catalogue import Matter
from kiosk.search.spelling import SEP, Spelling, spell
from kiosk.search.words import english_words, normalise

#: runs an iterator to its end, in C
_drain = deque[object](maxlen=0).extend


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
            text = SEP + SEP.join(keys)
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
            text = (SEP if self.confirm != "start" else "").join([p[1] for p in parts])
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
        needle = q if self.confirm == "anywhere" else SEP + q
        for rank in ranks:
            if rank not in seen and rank not in found and needle in hay.get(rank, ""):
                found[rank] = why
                taken += 1
                if taken == need:
                    return


class Tiers:
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

    def __init__(self, spellings: dict[str, Spelling] | None = None) -> None:
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
        self._spelt: dict[str, Spelling] = {}
        self._known = spellings if spellings is not None else {}
        #: every text spelt for this index (to keep in a spelling cache)
        self.spellings: dict[str, Spelling] = {}
        #: how many texts had to be spelt with pypinyin
        self.spelt_new = 0

    def _spelling(self, text: str) -> Spelling:
        found = self._spelt.get(text) or self._known.get(text)
        if found is None:
            found = spell(text, self._words)
            self.spelt_new += 1
        self._spelt[text] = found
        self.spellings[text] = found
        return found

    def spelling(self, text: str) -> Spelling:
        """The spelling of a text that is not a matter's (the synonym dictionary's words),
        from the spelling cache when it has it, and kept for it."""
        return self._spelling(text)

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
            "".join(words) + SEP + "".join("\1" + w for w in words))

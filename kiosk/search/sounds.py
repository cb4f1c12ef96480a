"""How single characters sound (toneless pinyin), for homophones: 社宝卡 sounds like
社保卡, 公基金 like 公积金.

Characters of the catalogue are read as the index read them in context (from the
spellings it already has: no pypinyin). A character the catalogue does not hold is
looked up in pypinyin's character table on first need, once per process.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from itertools import islice, product

from kiosk.search.spelling import SEP, Spelling

#: syllable sequences tried per text (polyphones multiply them)
_MAX_SEQUENCES = 4


def units(spelling: Spelling) -> list[str]:
    """The spelling's units: one toneless syllable per Chinese character, one run per
    stretch of letters and digits."""
    return spelling.plain_and_marked.split(SEP, 1)[1].split("\1")[1:]


def _toneless(reading: str) -> str:
    plain = "".join(c for c in unicodedata.normalize("NFD", reading)
                    if not unicodedata.combining(c))
    return plain.replace("ü", "v").replace("u\u0308", "v").casefold()


_table: list[dict[int, str]] = []


def _pypinyin_readings(char: str) -> tuple[str, ...]:
    if not _table:
        try:
            from pypinyin.pinyin_dict import pinyin_dict
        except ImportError:  # pragma: no cover - pypinyin is a dependency
            pinyin_dict = {}
        _table.append(pinyin_dict)
    raw = _table[0].get(ord(char), "")
    return tuple(dict.fromkeys(_toneless(r) for r in raw.split(",") if r))


class Sounds:
    """``of(char)``: the char's toneless readings, most likely first."""

    def __init__(self) -> None:
        self._known: dict[str, dict[str, None]] = {}
        self._learnt: set[str] = set()

    def learn(self, text: str, spelling: Spelling) -> None:
        """Remember how each character of ``text`` was read (when it is all characters)."""
        if text in self._learnt:  # aliases recur across a catalogue
            return
        self._learnt.add(text)
        said = units(spelling)
        if len(said) == len(text):
            for char, syllable in zip(text, said, strict=True):
                if char != syllable:
                    self._known.setdefault(char, {})[syllable] = None

    def of(self, char: str) -> tuple[str, ...]:
        found = self._known.get(char)
        if found is None:
            found = dict.fromkeys(_pypinyin_readings(char))
            self._known[char] = found
        return tuple(found)

    def patterns(self, text: str) -> tuple[str, ...]:
        """``|she|bao|ka|`` for 社宝卡 (and its polyphones' other readings): what to look
        for in a matter's syllables (:func:`syllables`). () if a character is unknown."""
        readings = [self.of(c) for c in text]
        if not all(readings):
            return ()
        return tuple("|" + "|".join(seq) + "|"
                     for seq in islice(product(*readings), _MAX_SEQUENCES))


def syllables(spellings: Iterable[Spelling]) -> str:
    """A matter's texts as syllables, ``|she|bao|ka|diu|le|#|…``: what patterns match."""
    return "|" + "|#|".join("|".join(units(s)) for s in spellings) + "|"

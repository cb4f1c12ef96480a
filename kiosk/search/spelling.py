"""Spelling Chinese out in pinyin: every reading of a text, in full and as initials,
with pypinyin (imported on first use: a spelling cache can spare it)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import accumulate

from kiosk.search.words import normalise

#: runs of Chinese characters (CJK unified ideographs and extensions, 〇)
_HAN_RUN = re.compile(
    "([\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+)"
)
#: alternative readings kept per text, so a text full of polyphones stays cheap
_MAX_ALTERNATES = 3
#: separates a text's parts in a hay (see tiers.PrefixTier.confirm)
SEP = "\0"


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
class Spelling:
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


def spell(text: str, word_cache: dict[str, list[str]]) -> Spelling:
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
    return Spelling(
        pinyin=full,
        initials=initials,
        plain_and_marked=full + SEP + "".join("\1" + u for u in units),
        pinyin_inside=tuple(full[a:] for a in at[1:-1]),
        initials_inside=tuple(initials[a:] for a in first_at[1:-1]),
        alt_pinyin=tuple(alt_pinyin),
        alt_initials=tuple(alt_initials),
    )

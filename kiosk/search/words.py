"""The form queries and keys are compared in: normalised text and English words."""

from __future__ import annotations

import re
import unicodedata

_NOT_WORD = re.compile(r"[\W_]+")


def normalise(text: str) -> str:
    """The form every query and key is compared in: NFKC, case-folded, letters and
    digits only. ``normalise("ＩＤ Card！") == "idcard"``."""
    return _NOT_WORD.sub("", unicodedata.normalize("NFKC", text).casefold())


def english_words(text: str) -> list[str]:
    """The normalised words of an English text; "driver's" is one word."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("'", "").replace("’", "")
    return [w for w in _NOT_WORD.split(text) if w]

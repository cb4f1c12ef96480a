"""Resident ID numbers (GB 11643-1999): check digit, birth date, masking.

The 18th character is an ISO 7064 MOD 11-2 check digit over the first 17.
Masking keeps the first six (the issuing area) and last four characters, as
printed slips do: 110105********1234.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"
#: ASCII only: str.isdigit() also takes fullwidth, Arabic-Indic, Devanagari … digits,
#: which would make one person several (issue 12)
_SHAPE = re.compile(r"[0-9]{17}[0-9X]")


class IdNumberError(ValueError):
    """Why a string is not a valid ID number; ``code`` is stable, for messages."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def normalise(text: str) -> str:
    """Strip spaces and make a trailing x upper case."""
    return "".join(text.split()).upper()


def check_digit(first17: str) -> str:
    return _CHECK[sum(int(c) * w for c, w in zip(first17, _WEIGHTS, strict=True)) % 11]


def validate(text: str) -> str:
    """The normalised ID number, or IdNumberError saying what is wrong."""
    number = normalise(text)
    if len(number) != 18:
        raise IdNumberError("length", f"an ID number has 18 characters, this one has {len(number)}")
    if not _SHAPE.fullmatch(number):
        raise IdNumberError("characters", "an ID number is 17 digits and a digit or X")
    try:
        birth_date(number)
    except ValueError as exc:
        raise IdNumberError("birth_date", "the birth date in this ID number does not exist") from exc
    if check_digit(number[:17]) != number[17]:
        raise IdNumberError("check_digit", "the last character does not match: please check each digit")
    return number


def from_typed(text: str) -> str:
    """What a resident typed (or pasted), NFKC-normalised (fullwidth １ and Ｘ become 1 and
    X), then validated: the wire takes the result only."""
    return validate(unicodedata.normalize("NFKC", text))


def birth_date(number: str) -> date:
    return date(int(number[6:10]), int(number[10:12]), int(number[12:14]))


def age_on(number: str, day: date) -> int:
    born = birth_date(number)
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def mask(number: str) -> str:
    """110105********1234 — never more than the area code and last four."""
    number = normalise(number)
    if len(number) <= 10:
        return "*" * len(number)
    return number[:6] + "*" * (len(number) - 10) + number[-4:]


def with_check_digit(first17: str) -> str:
    """A valid number from its first 17 digits (for sample data and tests)."""
    return first17 + check_digit(first17)

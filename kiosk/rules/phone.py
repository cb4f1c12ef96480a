"""Mainland mobile numbers: 11 digits starting 1[3-9]; masking for slips and screens, and
whether a number fits a masked one."""

from __future__ import annotations

import re
import unicodedata

_MOBILE = re.compile(r"1[3-9][0-9]{9}")
_ASCII_DIGITS = re.compile(r"[0-9]+")


class PhoneError(ValueError):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def validate(text: str) -> str:
    """The number in ASCII digits (spaces and dashes dropped), or PhoneError saying why;
    other scripts' digits are refused: the wire takes ASCII only."""
    number = "".join(ch for ch in text if not ch.isspace() and ch != "-")
    if not _ASCII_DIGITS.fullmatch(number):
        raise PhoneError("characters", "a mobile number has digits only")
    if len(number) != 11:
        raise PhoneError("length", f"a mobile number has 11 digits, this one has {len(number)}")
    if not _MOBILE.fullmatch(number):
        raise PhoneError("prefix", "a mobile number starts with 13 to 19")
    return number


def from_typed(text: str) -> str:
    """What a resident typed, NFKC-normalised (fullwidth digits become ASCII), validated."""
    return validate(unicodedata.normalize("NFKC", text))


def mask(number: str) -> str:
    """138****8000"""
    return number[:3] + "*" * max(0, len(number) - 7) + number[-4:] if len(number) > 7 else "*" * len(number)


def fits_mask(number: str, masked: str) -> bool:
    """Whether ``number`` (digits) could be the one ``mask`` shows as ``masked``: as long,
    and the same digits where the mask shows them (138****8000: the first three, the
    last four)."""
    return len(number) == len(masked) and all(
        m == "*" or m == n for n, m in zip(number, masked, strict=True))

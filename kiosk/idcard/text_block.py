"""The card's 256-byte text block ("文字信息"), UCS-2 little-endian, fields space-padded.

=================  =====  ======================================================
field              bytes  what it holds
=================  =====  ======================================================
name               30     up to 15 characters (a longer name is cut by the card)
sex                2      GB/T 2261.1 code: 1 male, 2 female (0, 9 rare)
nation             4      GB 3304 code, two digits: 01 汉 … 56 基诺
birth date         16     YYYYMMDD
address            70     up to 35 characters (a longer one goes on in the
                          card's appended address, which this kiosk does not read)
ID number          36     18 characters, GB 11643 check digit
issuing authority  30     签发机关, up to 15 characters
valid from         16     YYYYMMDD
valid to           16     YYYYMMDD, or 长期 (no end date)
reserved           36     blank on a resident ID card; its character at byte 248
                          marks other cards read through the same SAM: I or Y a
                          foreigner's permanent residence card, J a residence
                          permit for Hong Kong, Macao and Taiwan residents
=================  =====  ======================================================

``decode`` checks every field it keeps (the ID number with kiosk.rules.idnumber, the
birth date against the number's) and says what is wrong without repeating the value:
the message may reach a log. ``encode`` is the reverse, for the simulator and tests.
"""

from __future__ import annotations

from datetime import date

from kiosk.idcard.card import IdCard, Sex
from kiosk.rules import idnumber

SIZE = 256
LONG_TERM = "长期"

#: (field, bytes), in order; they add up to SIZE
LAYOUT: tuple[tuple[str, int], ...] = (
    ("name", 30), ("sex", 2), ("nation", 4), ("birth_date", 16), ("address", 70),
    ("id_number", 36), ("issuing_authority", 30), ("valid_from", 16), ("valid_to", 16),
    ("reserved", 36),
)
#: where the card-type mark of non-resident cards sits (a field of their own layouts)
TYPE_MARK_AT = 248
OTHER_CARDS = {
    "I": "a foreigner's permanent residence card",
    "Y": "a foreigner's permanent residence card (2023 edition)",
    "J": "a residence permit for Hong Kong, Macao or Taiwan residents",
}
_PAD = " \x00"


class CardDataError(ValueError):
    """The text block does not hold a resident ID card this kiosk can use; the message
    names the field and never its value."""


class OtherCardError(CardDataError):
    """The block is another card the SAM reads (permanent residence, residence permit)."""


def fields(block: bytes) -> dict[str, str]:
    """Every field of the layout as text, padding stripped (no checks)."""
    if len(block) != SIZE:
        raise CardDataError(f"the text block has {len(block)} bytes, not {SIZE}")
    out, at = {}, 0
    for name, size in LAYOUT:
        out[name] = block[at:at + size].decode("utf-16-le", errors="replace").strip(_PAD)
        at += size
    return out


def _date(text: str, field: str) -> date:
    if len(text) != 8 or not text.isascii() or not text.isdigit():
        raise CardDataError(f"{field} is not a date (YYYYMMDD)")
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        raise CardDataError(f"{field} is not a date that exists") from None


def decode(block: bytes) -> IdCard:
    """The card in a 256-byte text block, or CardDataError saying which field is wrong."""
    mark = block[TYPE_MARK_AT:TYPE_MARK_AT + 2].decode("utf-16-le", errors="replace")
    if len(block) == SIZE and mark in OTHER_CARDS:
        raise OtherCardError(f"this is {OTHER_CARDS[mark]}, not a resident ID card")
    raw = fields(block)
    if not raw["name"]:
        raise CardDataError("the name is empty")
    try:
        sex = Sex(raw["sex"])
    except ValueError:
        raise CardDataError("the sex code is not one of GB/T 2261.1") from None
    nation = raw["nation"]
    if len(nation) != 2 or not nation.isascii() or not nation.isdigit():
        raise CardDataError("the nation is not a two-digit code")
    try:
        number = idnumber.validate(raw["id_number"])
    except idnumber.IdNumberError as exc:
        raise CardDataError(f"the ID number is not valid: {exc}") from None
    born = _date(raw["birth_date"], "the birth date")
    if born != idnumber.birth_date(number):
        raise CardDataError("the birth date and the ID number's birth date differ")
    valid_to = None if raw["valid_to"] == LONG_TERM else _date(raw["valid_to"], "valid-to")
    valid_from = _date(raw["valid_from"], "valid-from")
    if valid_to is not None and valid_to < valid_from:
        raise CardDataError("valid-to is before valid-from")
    return IdCard(
        name=raw["name"], sex=sex, nation_code=nation, birth_date=born, address=raw["address"],
        id_number=number, issuing_authority=raw["issuing_authority"], valid_from=valid_from,
        valid_to=valid_to,
    )


def _field(text: str, size: int, name: str) -> bytes:
    if any(ord(ch) > 0xFFFF for ch in text):
        raise ValueError(f"{name}: UCS-2 has no characters beyond U+FFFF")
    data = text.encode("utf-16-le")
    if len(data) > size:
        raise ValueError(f"{name}: {len(text)} characters do not fit in {size} bytes")
    return data + " ".encode("utf-16-le") * ((size - len(data)) // 2)


def encode(card: IdCard, reserved: str = "") -> bytes:
    """The text block a reader would give for ``card`` (for the simulator and tests)."""
    values = {
        "name": card.name, "sex": card.sex.value, "nation": card.nation_code,
        "birth_date": card.birth_date.strftime("%Y%m%d"), "address": card.address,
        "id_number": card.id_number, "issuing_authority": card.issuing_authority,
        "valid_from": card.valid_from.strftime("%Y%m%d"),
        "valid_to": card.valid_to.strftime("%Y%m%d") if card.valid_to else LONG_TERM,
        "reserved": reserved,
    }
    return b"".join(_field(values[name], size, name) for name, size in LAYOUT)

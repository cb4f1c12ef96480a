"""What a resident ID card gives the kiosk: one value, personal, never printed in full.

Name, address and ID number are personal data: ``repr`` (and so every log line, every
assertion message) shows them masked as screens do (张*三, 110105********002X), the
address cut to its first characters, the birth date not at all. The card's photo is
never here: the driver drops it undecoded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from kiosk.idcard.nations import Nation, nation
from kiosk.rules.idnumber import mask
from kiosk.rules.names import mask_name

#: characters of an address a masked form keeps (the province and city, as a rule)
ADDRESS_KEPT = 6


class Sex(StrEnum):
    """GB/T 2261.1 codes, as the card's text block holds them."""

    UNKNOWN = "0"
    MALE = "1"
    FEMALE = "2"
    UNSTATED = "9"

    @property
    def zh(self) -> str:
        return _SEX_ZH[self]

    @property
    def en(self) -> str:
        return _SEX_EN[self]


_SEX_ZH = {Sex.UNKNOWN: "未知", Sex.MALE: "男", Sex.FEMALE: "女", Sex.UNSTATED: "未说明"}
_SEX_EN = {Sex.UNKNOWN: "unknown", Sex.MALE: "male", Sex.FEMALE: "female",
           Sex.UNSTATED: "not stated"}


#: what stands for the rest of an address: always as many, so the length says nothing
#: and a long address does not run onto a line of stars
ADDRESS_STARS = "****"


def mask_address(address: str) -> str:
    """河南省郑州市****: the first ``ADDRESS_KEPT`` characters, then ``ADDRESS_STARS``."""
    address = address.strip()
    if not address:
        return ""
    if len(address) <= ADDRESS_KEPT:
        return ADDRESS_STARS
    return address[:ADDRESS_KEPT] + ADDRESS_STARS


@dataclass(frozen=True, slots=True, repr=False)
class IdCard:
    name: str
    sex: Sex
    #: GB 3304 two-digit code ("01" 汉); ``nation`` gives its name
    nation_code: str
    birth_date: date
    address: str
    #: validated (kiosk.rules.idnumber): 18 characters, check digit right
    id_number: str
    issuing_authority: str
    valid_from: date
    #: None: 长期 (no end date)
    valid_to: date | None

    @property
    def nation(self) -> Nation | None:
        return nation(self.nation_code)

    @property
    def long_term(self) -> bool:
        return self.valid_to is None

    def expired(self, today: date) -> bool:
        """Past its last valid day (the card is valid through ``valid_to``); 长期 never is."""
        return self.valid_to is not None and today > self.valid_to

    def __repr__(self) -> str:
        found = self.nation
        return (
            f"IdCard(name={mask_name(self.name)!r}, sex={self.sex.name}, "
            f"nation={found.en if found else self.nation_code}, birth_date='****-**-**', "
            f"address={mask_address(self.address)!r}, id_number={mask(self.id_number)!r}, "
            f"issuing_authority={self.issuing_authority!r}, valid_from={self.valid_from}, "
            f"valid_to={self.valid_to or '长期'})"
        )

    __str__ = __repr__

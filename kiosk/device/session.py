"""One resident's session: everything personal that the wipe must drop.

A new ``ResidentSession`` is made for every resident; nothing personal is kept
in class attributes or module globals, so nothing can leak to the next person.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.booking.appointments import Appointment
    from kiosk.booking.draft import BookingDraft
    from kiosk.idcard.card import IdCard


class ResidentSession:
    """A plain class (not a dataclass: made at import without code generation, and with
    no ``repr`` that could print an ID number into a log)."""

    __slots__ = ("appointments", "booking", "checklists", "elderly", "id_card", "language",
                 "lookup_id")

    def __init__(self, language: str, elderly: bool) -> None:
        self.language = language
        self.elderly = elderly
        #: per matter code: the indices of the materials the resident says they have
        self.checklists: dict[str, set[int]] = {}
        #: the appointment being booked (ID and mobile number included)
        self.booking: BookingDraft | None = None
        #: "my appointments": the ID number looked up and what was found
        self.lookup_id = ""
        self.appointments: list[Appointment] = []
        #: the ID card read on the reader (name and address shown masked), None if typed
        self.id_card: IdCard | None = None

    def has(self, matter_code: str) -> set[int]:
        return self.checklists.setdefault(matter_code, set())

    def set_have(self, matter_code: str, index: int, have: bool) -> None:
        ticks = self.has(matter_code)
        if have:
            ticks.add(index)
        else:
            ticks.discard(index)

"""One resident's session: everything personal that the wipe must drop.

A new ``ResidentSession`` is made for every resident; nothing personal is kept
in class attributes or module globals, so nothing can leak to the next person.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.booking.appointments import Appointment
    from kiosk.booking.draft import BookingDraft
    from kiosk.idcard.card import IdCard


@dataclass
class ResidentSession:
    language: str
    elderly: bool
    #: per matter code: the indices of the materials the resident says they have
    checklists: dict[str, set[int]] = field(default_factory=dict)
    #: the appointment being booked (ID and mobile number included)
    booking: BookingDraft | None = None
    #: "my appointments": the ID number looked up and what was found
    lookup_id: str = ""
    appointments: list[Appointment] = field(default_factory=list)
    #: the ID card read on the reader (name and address shown masked), None if typed
    id_card: IdCard | None = None

    def has(self, matter_code: str) -> set[int]:
        return self.checklists.setdefault(matter_code, set())

    def set_have(self, matter_code: str, index: int, have: bool) -> None:
        ticks = self.has(matter_code)
        if have:
            ticks.add(index)
        else:
            ticks.discard(index)

"""The ID-card reader's states for the gallery: waiting for a card, a card read, an
expired card, a failed read; on the booking's "who" step and on My appointments.

The gallery has no reader: the panel is shown as a card or a failure would leave it,
with the sample cards (kiosk.idcard.samples: invented people).
"""

from __future__ import annotations

from collections.abc import Callable

from kiosk.idcard import samples
from kiosk.idcard.reader import FailureReason, ReadFailure
from ui.gallery import as_screen
from ui.gallery.booking import _draft, _go, gallery_central
from ui.screens.appointments import AppointmentsScreen
from ui.screens.booking.who import BookWhoScreen
from ui.shell import KioskWindow

FAILED = ReadFailure(FailureReason.CARD_REMOVED, "the card left the reader")


def _who(state: str) -> Callable[[KioskWindow], None]:
    def reach(w: KioskWindow) -> None:
        draft = _draft(w, "time")
        _go(w, "book_who")
        who = as_screen(w.screens["book_who"], BookWhoScreen)
        if state == "read":  # the card fills the number and the mobile step follows
            w.session.id_card = samples.VALID
            draft.id_number = samples.VALID.id_number
            who.part = "mobile"
            who._show_part()
        else:
            card = samples.EXPIRED if state == "expired" else None
            who.cards.show_panel(state, card=card, failure=FAILED)
        who.retranslate()
    return reach


def _appointments(state: str) -> Callable[[KioskWindow], None]:
    def reach(w: KioskWindow) -> None:
        gallery_central(w)
        w.home()
        w.go("appointments")
        screen = as_screen(w.screens["appointments"], AppointmentsScreen)
        card = samples.LONG_TERM if state == "read" else samples.EXPIRED
        screen.cards.show_panel(state, card=card, failure=FAILED)
        screen.retranslate()
    return reach


def idcard_states() -> dict[str, Callable[[KioskWindow], None]]:
    states: dict[str, Callable[[KioskWindow], None]] = {}
    for state in ("waiting", "read", "expired", "failed"):
        states[f"book_who-card-{state}"] = _who(state)
        states[f"appointments-card-{state}"] = _appointments(state)
    return states

"""The queue loop's kiosk screens for the gallery: "前面还有 N 人" on a walk-in number
(and the honest words when it cannot be asked), and the rating's steps: the faces, the
reasons of a bad rating, the comment, the phone number, the thank-you (sent, or saved
while the network is down).

The window terminal and the hall display are windows of their own roles: rendered by
``ui.gallery.roles``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from kiosk.booking.draft import Outcome, OutcomeState
from kiosk.queue.model import Ahead, TicketState
from kiosk.rules.ratings import Level
from kiosk.rules.wire_time import utc_iso
from ui.gallery import as_screen
from ui.gallery.booking import gallery_central
from ui.screens.rating import RatingScreen, thanks_words
from ui.screens.walk_in import WalkInScreen
from ui.shell import KioskWindow

SAMPLE_MATTER = "GA-0001"


def sample_ticket() -> dict:
    return {"ticket_id": "gallery-t1", "number": "GA012", "priority": False,
            "hall": "city_centre", "matter": SAMPLE_MATTER, "category": "GA",
            "issued_at": utc_iso(datetime.now(UTC))}


def _walk_in_ahead(w: KioskWindow, ahead: int | None) -> None:
    gallery_central(w)
    w.home()
    w.go("walk_in")
    screen = as_screen(w.screens["walk_in"], WalkInScreen)
    screen._answered(Outcome(OutcomeState.CONFIRMED, booking=sample_ticket()))
    # the gallery's platform cannot be reached: the answer is given, not asked
    if ahead is None:
        screen.ahead.show(None, failed=True)
    else:
        screen.ahead.show(Ahead("gallery-t1", "GA012", "GA", TicketState.WAITING, ahead, None))


def _rating(w: KioskWindow, step: str) -> None:
    gallery_central(w)
    w.home()
    w.go("rating", matter=SAMPLE_MATTER, ticket_id="gallery-t1")
    screen = as_screen(w.screens["rating"], RatingScreen)
    panel = screen.panel
    if step == "faces":
        return
    if step == "good":
        panel.face_buttons[Level.SATISFIED].click()
        return
    panel.face_buttons[Level.DISSATISFIED].click()
    if step == "bad":
        return
    panel.next_button.click()
    panel.reason_buttons["long_wait"].click()
    panel.reason_buttons["unclear_guide"].click()
    if step == "reasons":
        return
    panel.next_button.click()
    panel.comment.field.setText("窗口太少")
    if step == "comment":
        return
    panel.next_button.click()
    for ch in "13800138000":
        panel.keypad.keys[ch].click()
    if step == "phone":
        return
    # the thank-you as the screen says it: sent, or saved while the network is down
    state = OutcomeState.CONFIRMED if step == "sent" else OutcomeState.LATE
    panel.show_thanks(*thanks_words(state))
    screen._titles()


def queue_states() -> dict[str, Callable[[KioskWindow], None]]:
    return {
        "walk_in-ahead": lambda w: _walk_in_ahead(w, 2),
        "walk_in-ahead_offline": lambda w: _walk_in_ahead(w, None),
        "rating": lambda w: _rating(w, "faces"),
        "rating-good": lambda w: _rating(w, "good"),
        "rating-bad": lambda w: _rating(w, "bad"),
        "rating-reasons": lambda w: _rating(w, "reasons"),
        "rating-comment": lambda w: _rating(w, "comment"),
        "rating-phone": lambda w: _rating(w, "phone"),
        "rating-sent": lambda w: _rating(w, "sent"),
        "rating-saved": lambda w: _rating(w, "saved"),
    }

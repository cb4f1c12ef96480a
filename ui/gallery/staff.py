"""Staff and assisted mode for the gallery: the PIN pad (empty, wrong PIN, waiting,
locked), the staff panel with a dead letter (and its discard reasons), the
resident's consent, an assisted screen with the banner, and the hand-back.

The gallery's windows get a staff desk on a temporary database with an
in-memory credential store and one sample account, 0371 王芳 (assistant).
"""

from __future__ import annotations

import tempfile
import weakref
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from kiosk.booking import appointments
from kiosk.staff.desk import StaffDesk
from kiosk.staff.help_calls import HallCalls
from kiosk.sync.enrolment import CredentialStore, MemoryKeyring
from ui.gallery import as_screen
from ui.screens.assist import ConsentScreen
from ui.screens.staff_panel import StaffPanelScreen
from ui.screens.staff_sign_in import StaffSignInScreen
from ui.shell import KioskWindow

NUMBER, PIN = "0371", "246810"


def gallery_desk(w: KioskWindow) -> StaffDesk:
    desk = w.staff.desk()
    if desk is None:
        folder = tempfile.TemporaryDirectory(prefix="kiosk-gallery-staff-")
        made = StaffDesk.open(Path(folder.name) / "kiosk.db", CredentialStore(MemoryKeyring()))
        weakref.finalize(made, folder.cleanup)  # the folder is removed with the desk
        made.roster.add_local(NUMBER, "王芳", "assistant", PIN, datetime.now(UTC))
        w.staff.use_desk(lambda: made)
        desk = made
    desk.guard.unlock()
    return desk


def _pin_pad(w: KioskWindow, failures: int = 0, wrong_typed: bool = False) -> None:
    desk = gallery_desk(w)
    for _ in range(failures):
        desk.guard.record_failure()
    w.enter_staff()
    screen = as_screen(w.current, StaffSignInScreen)
    if wrong_typed:
        for ch in NUMBER:
            screen.keypad.key.emit(ch)
        screen.next_button.click()
        for ch in "111111":
            screen.keypad.key.emit(ch)
        screen.next_button.click()


def _signed_in(w: KioskWindow) -> None:
    gallery_desk(w)
    w.staff.sign_in(NUMBER, PIN)


def _panel(w: KioskWindow, discarding: bool = False) -> None:
    desk = gallery_desk(w)
    if not desk.outbox.items("dead"):
        now = datetime.now(UTC)
        item = appointments.walk_in(desk.outbox, "city_centre", "x", False, now)
        desk.outbox.mark_dead(item.id, 422, {"code": "unknown_matter"}, "unknown_matter", now)
    _signed_in(w)
    w.go("staff_panel")
    screen = as_screen(w.current, StaffPanelScreen)
    # the gallery's platform cannot be reached: no answer of it may change a picture; the
    # hall has no calls (``ui.gallery.help`` shows some)
    screen.help_list.watch.stop()
    screen.help_list.show_calls(HallCalls(None, 90, ()))
    if discarding:
        screen.dead_rows[0][3].click()


def _consent(w: KioskWindow) -> None:
    _signed_in(w)
    w.go("assist_consent")


def _assisted(w: KioskWindow) -> None:
    _signed_in(w)
    w.go("staff_panel")
    as_screen(w.current, StaffPanelScreen).assist_button.click()
    as_screen(w.current, ConsentScreen).yes.click()


def _hand_back(w: KioskWindow) -> None:
    _assisted(w)
    w.banner.button.click()


def staff_states() -> dict[str, Callable[[KioskWindow], None]]:
    return {
        "staff_sign_in": lambda w: _pin_pad(w),
        "staff_sign_in-wrong": lambda w: _pin_pad(w, wrong_typed=True),
        "staff_sign_in-wait": lambda w: _pin_pad(w, failures=5),
        "staff_sign_in-locked": lambda w: _pin_pad(w, failures=10),
        "staff_panel": lambda w: _panel(w),
        "staff_panel-discard": lambda w: _panel(w, discarding=True),
        "assist_consent": _consent,
        "assisted": _assisted,
        "hand_back": _hand_back,
    }

"""The booking screens for the gallery, reached as a resident reaches them.

The gallery has no central server: the window gets a central access whose
server cannot be reached, so the day and time steps show what a kiosk shows
offline (the hall calendar, places unknown). The result screen's three
outcomes are shown from outbox items finished with sample answers, the way the
sync engine finishes them.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.booking.draft import BookingDraft, offline_days, offline_slots, submit
from kiosk.rules.wire_time import utc_iso
from kiosk.sync.enrolment import DeviceCredentials
from ui.central_access import CentralAccess
from ui.gallery import as_screen
from ui.qt_app import qt_app
from ui.screens.appointments import AppointmentScreen, AppointmentsScreen
from ui.screens.base import Screen
from ui.screens.booking.when import BookDayScreen
from ui.screens.booking.who import BookWhoScreen
from ui.screens.matter import MatterScreen
from ui.screens.scan import ScanScreen
from ui.screens.walk_in import WalkInScreen
from ui.shell import KioskWindow

if TYPE_CHECKING:
    from kiosk.ecert import verify

SAMPLE_ID = "11010519491231002X"
SAMPLE_MOBILE = "13800138000"
UNREACHABLE = "http://127.0.0.1:9"  # the discard port: refused at once


def gallery_central(w: KioskWindow) -> CentralAccess:
    if w.central is None:
        folder = tempfile.TemporaryDirectory(prefix="kiosk-gallery-")
        creds = DeviceCredentials("gallery", "gallery", "city_centre", UNREACHABLE)
        w.attach_central(CentralAccess(creds, Path(folder.name) / "kiosk.db", lambda: None,
                                       timeout=(0.2, 0.2), folder=folder))
    assert w.central is not None
    return w.central


def _wait(screen: Screen, seconds: float = 5.0) -> None:
    app = qt_app()
    deadline = time.monotonic() + seconds
    while getattr(screen, "busy", False) and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.005)
    app.processEvents()


def _draft(w: KioskWindow, step: str) -> BookingDraft:
    gallery_central(w)
    w.home()
    draft = BookingDraft("GA-0001", hall=w.settings.hall_code)
    w.session.booking = draft
    if step == "day":
        return draft
    cal = as_screen(w.screens["book_day"], BookDayScreen).calendar()
    assert cal is not None  # the sample hall has a calendar
    now = datetime.now(UTC)
    draft.day = offline_days(cal, now)[0].day
    if step == "time":
        return draft
    draft.slot = offline_slots(cal, draft.day, now)[0]
    draft.id_number, draft.phone = SAMPLE_ID, SAMPLE_MOBILE
    return draft


def _go(w: KioskWindow, name: str, **kwargs: Any) -> None:
    w.go(name, **kwargs)
    _wait(w.screens[name])


def _step(step: str, name: str, **kwargs: Any) -> Callable[[KioskWindow], None]:
    """The booking step ``name`` with a draft filled up to ``step`` (see ``_draft``)."""
    def reach(w: KioskWindow) -> None:
        _draft(w, step)
        _go(w, name, **kwargs)
    return reach


def not_served_here(w: KioskWindow) -> str:
    """A bookable matter this kiosk's hall does not serve (the first in the catalogue)."""
    here = w.settings.hall_code
    return next(m.code for m in w.reference.catalogue.matters
                if m.bookable and here not in m.halls)


def _other_halls(w: KioskWindow) -> None:
    """A matter served elsewhere, as a resident reaches it: its "Where to book" button."""
    w.home()
    w.go("matter", code=not_served_here(w))
    as_screen(w.screens["matter"], MatterScreen).book_button.click()


def _who_with_errors(w: KioskWindow) -> None:
    _draft(w, "time")
    _go(w, "book_who")
    who = as_screen(w.screens["book_who"], BookWhoScreen)
    for ch in "1101051949":
        who.keypad.keys[ch].click()
    who.next_button.click()  # the error is shown next to the box


def _result(w: KioskWindow, outcome: str) -> None:
    draft = _draft(w, "who")
    central = gallery_central(w)
    assert draft.slot is not None and draft.day is not None  # _draft chose them for "who"
    item = submit(central.outbox, draft, datetime.now(UTC))
    now = datetime.now(UTC)
    if outcome == "confirmed":
        central.outbox.mark_sent(item.id, 201, {
            "booking_id": "sample", "reference": "SAMPLE01", "status": "confirmed",
            "hall": draft.hall, "matter": draft.matter, "start": utc_iso(draft.slot.start),
        }, now)
    elif outcome == "refused":
        cal = as_screen(w.screens["book_day"], BookDayScreen).calendar()
        assert cal is not None  # the sample hall has a calendar
        alternatives = [{"start": utc_iso(s.start), "end": utc_iso(s.end), "capacity": 4,
                         "remaining": 1} for s in offline_slots(cal, draft.day, now)[1:4]]
        central.outbox.mark_refused(item.id, 409,
                                    {"code": "slot_full", "alternatives": alternatives},
                                    "slot_full", now)
    w.go("book_result", wait_ms=0)


def booking_states() -> dict[str, Callable[[KioskWindow], None]]:
    return {
        "matter-other_hall": lambda w: w.go("matter", code=not_served_here(w)),
        "book_hall": _other_halls,
        "book_day": _step("day", "book_day"),
        "book_time": _step("time", "book_time", offline=True),
        "book_who": _who_with_errors,
        "book_review": _step("who", "book_review"),
        "book_result-confirmed": lambda w: _result(w, "confirmed"),
        "book_result-request": lambda w: _result(w, "request"),
        "book_result-refused": lambda w: _result(w, "refused"),
    }


def _sample_appointments(w: KioskWindow) -> None:
    from kiosk.booking.appointments import Appointment

    gallery_central(w)
    w.home()
    now = datetime.now(UTC)
    start = now.replace(minute=0, second=0, microsecond=0)
    session = w.session
    session.lookup_id = SAMPLE_ID
    session.appointments = [
        Appointment("confirmed", "city_centre", "GA-0001", start, reference="SAMPLE01",
                    booking_id="sample-1", phone_masked="138****8000"),
        Appointment("waiting", "city_centre", "RS-0001", start.replace(hour=(start.hour + 2) % 24)),
        Appointment("refused", "city_centre", "JG-0001", start, reason="slot_full"),
    ]


def _appointment(w: KioskWindow, step: str) -> None:
    from kiosk.booking.draft import Outcome, OutcomeState

    _sample_appointments(w)
    if step == "no-phone":  # booked without a phone number: no cancel at a kiosk
        w.session.appointments[0] = replace(w.session.appointments[0], phone_masked="")
    w.go("appointment", index=0)
    screen = as_screen(w.screens["appointment"], AppointmentScreen)
    if step == "confirm-cancel":
        screen.cancel_button.click()
    elif step.startswith("cancel-"):
        screen.cancel_button.click()
        screen.cancel_button.click()  # yes: now the phone number given when booking
        for ch in SAMPLE_MOBILE[:7]:
            screen.phone.keypad.keys[ch].click()
        refused = {"cancel-wrong_phone": "phone_mismatch", "cancel-locked": "cancel_locked"}
        if step in refused:  # as the sync engine finishes the item with the platform's answer
            screen.action = "cancel"
            screen._answered(Outcome(OutcomeState.REFUSED, reason=refused[step]))
    elif step.startswith("checked-in"):
        priority = "priority" in step  # the sample ID was born in 1949: the green channel
        screen.check_in_button.click()
        screen._answered(Outcome(OutcomeState.CONFIRMED, booking={
            "booking": {"status": "checked_in", "hall": "city_centre", "matter": "GA-0001",
                        "start": utc_iso(w.session.appointments[0].start),
                        "reference": "SAMPLE01", "booking_id": "sample-1"},
            "ticket": {"number": "PGA003" if priority else "GA003", "priority": priority,
                       "hall": "city_centre", "matter": "GA-0001",
                       "issued_at": utc_iso(datetime.now(UTC))},
        }))
        if step.endswith("-phone"):
            screen.phone_button.click()


def _walk_in(w: KioskWindow, numbered: bool) -> None:
    from kiosk.booking.draft import Outcome, OutcomeState

    gallery_central(w)
    w.home()
    w.go("walk_in")
    if numbered:
        screen = as_screen(w.screens["walk_in"], WalkInScreen)
        screen._answered(Outcome(OutcomeState.CONFIRMED, booking={
            "number": "GA012", "priority": False, "hall": "city_centre", "matter": "GA-0001",
            "issued_at": utc_iso(datetime.now(UTC))}))


def _walk_in_refused(w: KioskWindow) -> None:
    """The platform gave no number: the failure panel above the services."""
    from kiosk.booking.draft import Outcome, OutcomeState

    gallery_central(w)
    w.home()
    w.go("walk_in")
    screen = as_screen(w.screens["walk_in"], WalkInScreen)
    screen._answered(Outcome(OutcomeState.REFUSED, reason="hall_closed"))


def _appointment_list(w: KioskWindow) -> None:
    _sample_appointments(w)
    w.go("appointment_list")


def appointment_states() -> dict[str, Callable[[KioskWindow], None]]:
    def lookup_error(w: KioskWindow) -> None:
        gallery_central(w)
        w.home()
        w.go("appointments")
        screen = as_screen(w.screens["appointments"], AppointmentsScreen)
        for ch in "1101051949":
            screen.keypad.keys[ch].click()
        screen.find_button.click()

    return {
        "appointments": lookup_error,
        "appointment_list": _appointment_list,
        "appointment": lambda w: _appointment(w, "details"),
        "appointment-no_phone": lambda w: _appointment(w, "no-phone"),
        "appointment-cancel": lambda w: _appointment(w, "confirm-cancel"),
        "appointment-cancel_phone": lambda w: _appointment(w, "cancel-phone"),
        "appointment-cancel_wrong_phone": lambda w: _appointment(w, "cancel-wrong_phone"),
        "appointment-cancel_locked": lambda w: _appointment(w, "cancel-locked"),
        "appointment-checked_in": lambda w: _appointment(w, "checked-in"),
        "appointment-checked_in_priority": lambda w: _appointment(w, "checked-in-priority"),
        "appointment-checked_in_priority-phone":
            lambda w: _appointment(w, "checked-in-priority-phone"),
        "walk_in": lambda w: _walk_in(w, False),
        "walk_in-number": lambda w: _walk_in(w, True),
        "walk_in-refused": _walk_in_refused,
    }


def _sample_result(ctype: str, outcome, status: str = "valid"):
    """A card as the checker would give it, with the sample holder (gallery only)."""
    from kiosk.ecert.verify import Certificate, Result

    now = datetime.now(UTC)
    issuer = {"e_id": ("公安部", "Ministry of Public Security"),
              "e_driving_licence": ("公安部交通管理局", "Traffic Management Bureau, MPS"),
              "e_social_security": ("人力资源和社会保障部", "Ministry of Human Resources and Social Security")}
    zh, en = issuer[ctype]
    cert = Certificate(ctype, "张小三", SAMPLE_ID, "E-110105-0001", "sample", None, None, status)
    return Result(outcome, cert, {"zh": zh, "en": en}, now, now.replace(hour=0, minute=0))


def _scan(w: KioskWindow, camera_works: bool) -> None:
    from ui.widgets.qr import code_scene

    w.home()
    w.go("scan")
    screen = as_screen(w.screens["scan"], ScanScreen)
    if camera_works:  # what the camera would show: a code held up in the frame
        screen.stop_camera()
        screen.preview.show_image(code_scene("SHK-GALLERY-SAMPLE-CODE " * 8))
        screen.message.hide()
    else:
        _wait_for(lambda: screen.message.isVisible())


def _scan_refused(w: KioskWindow) -> None:
    """A code that has expired: the warning panel under the camera picture."""
    from kiosk.ecert.verify import Outcome, Result

    _scan(w, True)
    as_screen(w.screens["scan"], ScanScreen).show_result(Result(Outcome.EXPIRED))


def _wait_for(condition: Callable[[], bool], seconds: float = 5.0) -> None:
    app = qt_app()
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)


def _card(ctype: str, outcome: verify.Outcome,
          status: str = "valid") -> Callable[[KioskWindow], None]:
    """The card screen with a sample card (``_sample_result``)."""
    def reach(w: KioskWindow) -> None:
        w.home()
        w.go("card", result=_sample_result(ctype, outcome, status))
    return reach


def scan_states() -> dict[str, Callable[[KioskWindow], None]]:
    from kiosk.ecert.verify import Outcome

    return {
        "scan": lambda w: _scan(w, True),
        "scan-no_camera": lambda w: _scan(w, False),
        "scan-refused": _scan_refused,
        "card": _card("e_id", Outcome.VERIFIED_OFFLINE),
        "card-abnormal": _card("e_driving_licence", Outcome.VERIFIED_OFFLINE, "abnormal"),
        "card-revoked": _card("e_social_security", Outcome.REVOKED, "revoked"),
    }

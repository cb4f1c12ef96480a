"""My appointments, check-in, cancel and walk-in numbers through the real widgets,
against the real server on loopback."""

from __future__ import annotations

import json
import subprocess
import uuid
from datetime import UTC, datetime, timedelta

import pytest

from kiosk.rules import idnumber
from kiosk.rules.wire_time import utc_iso
from kiosk.sync.api_client import CentralClient
from kiosk.sync.backoff import Backoff
from kiosk.sync.enrolment import DeviceCredentials
from kiosk.sync.outbox import Identity
from tests.helpers.central_server import dev_credentials, running_central
from tests.helpers.fault_server import Fault
from tests.helpers.journeys import type_on_keypad
from tests.helpers.utc_clock import FakeUtcClock
from ui.central_access import CentralAccess
from ui.central_link import make_worker

SENIOR = "11010519491231002X"
YOUNG = idnumber.with_check_digit("11010519900101001")


@pytest.fixture
def hall(tmp_path, make_window):
    """A window connected to a server whose clock stands 50 minutes before a booked
    09:00 appointment (check-in open) in the hall's zone."""
    now = datetime.now(UTC)
    # the next weekday morning, 08:10 local (00:10 UTC), as the server's "now"
    day = (now + timedelta(days=1)).date()
    while day.isoweekday() > 5:
        day += timedelta(days=1)
    clock = FakeUtcClock(datetime(day.year, day.month, day.day, 0, 10, tzinfo=UTC))
    made = []
    with running_central(f"sqlite:///{tmp_path / 'c.db'}", clock=clock) as url:
        def connect(**settings):
            w = make_window(**settings)
            w.home()
            creds = dev_credentials(url)
            worker = make_worker(creds, tmp_path / "k.db",
                                 backoff=Backoff(base_s=0.05, cap_s=0.3), pull_every_s=3600)
            w.attach_sync(worker)
            worker.start()
            w.attach_central(CentralAccess(creds, tmp_path / "k.db", worker.urge, timeout=(0.5, 5.0)))
            made.append((w, worker))
            return w

        yield connect, url, clock, day
        for w, worker in made:
            w.detach_central()
            worker.stop()


def book(url, clock, day, person, hour_utc=1):
    start = datetime(day.year, day.month, day.day, hour_utc, 0, tzinfo=UTC)
    return CentralClient(url, "test-token").post("/v1/bookings", {
        "hall": "city_centre", "matter": "GA-0001", "start": utc_iso(start), "hold_id": None,
        "person": {"id_number": person, "phone": "13800138000"}, "requested_at": utc_iso(clock()),
    }, idempotency_key=str(uuid.uuid4())).body


def find(w, qtbot, number):
    w.home()
    w.go("appointments")
    screen = w.screens["appointments"]
    for ch in number:
        screen.keypad.keys[ch].click()
    screen.find_button.click()
    qtbot.waitUntil(lambda: w.current.name == "appointment_list", timeout=10_000)
    return w.screens["appointment_list"]


def test_check_in_gives_a_green_channel_number_to_a_senior(hall, qtbot, tmp_path):
    """The check-in result is the number to take away: large, where to wait, the green
    channel; printed (a PDF without a printer), as a QR code, and Done ends the session."""
    connect, url, clock, day = hall
    w = connect(default_language="en", slip_pdf_dir=str(tmp_path / "slips"))
    booked = book(url, clock, day, SENIOR)
    clock.advance(minutes=40)  # 08:50: check-in is open for 09:00
    listing = find(w, qtbot, SENIOR)
    rows = listing.grid.items_on_page()
    assert len(rows) == 1 and "Confirmed" in rows[0].text_content()
    rows[0].click()
    screen = w.screens["appointment"]
    assert booked["reference"] in screen.details.text()
    screen.check_in_button.click()
    qtbot.waitUntil(lambda: screen.number.isVisible(), timeout=10_000)
    view = screen.ticket_view
    number = screen.number.text()
    assert number.startswith("P") and number == screen.ticket()["number"]  # born 1949
    assert view.caption.text() == "Your queue number"
    assert view.priority.isVisible() and "aged 60 and over" in view.priority.text()
    assert "Household Registration, Zone A" in view.where.text()  # GA-0001's window
    assert not screen.check_in_button.isVisible() and not screen.cancel_button.isVisible()
    assert view.print_button.isVisible() and view.done_button.isVisible()
    assert view.phone_button.text_content() == "Scan with your phone"
    screen.print_button.click()  # no printer here: the slip is a PDF
    out = subprocess.run(["pdftotext", screen.printed_to, "-"], capture_output=True, text=True)
    assert f"Queue number {number}" in out.stdout and "Green channel" in out.stdout
    assert not screen.qr.isVisible()
    screen.phone_button.click()
    assert screen.qr.isVisible()
    assert screen.qr.text.splitlines()[0] == f"Queue number {number}"
    assert "Hall: Sample City Citizen Service Centre" in screen.qr.text
    assert SENIOR not in screen.qr.text
    screen.done_button.click()
    assert w.current.name == "home"
    assert w.session.lookup_id == "" and w.session.appointments == []  # a new session
    assert screen.number.text() == "" and screen.qr.text == ""


def test_a_young_resident_checks_in_without_the_green_channel(hall, qtbot):
    connect, url, clock, day = hall
    w = connect(default_language="zh_CN")
    book(url, clock, day, YOUNG)
    clock.advance(minutes=40)
    find(w, qtbot, YOUNG).grid.items_on_page()[0].click()
    screen = w.screens["appointment"]
    screen.check_in_button.click()
    qtbot.waitUntil(lambda: screen.number.isVisible(), timeout=10_000)
    assert not screen.number.text().startswith("P")
    assert not screen.ticket_view.priority.isVisible()
    assert screen.ticket_view.where.text().startswith("请到这里等候：")
    assert screen.ticket_view.phone_button.text_content() == "用手机扫码带走"
    assert screen.ticket_view.done_button.text_content() == "完成"


def test_the_ticket_says_watch_the_calling_screen_where_the_catalogue_names_no_window(
        make_window):
    from ui.widgets.queue_ticket import QueueTicket

    w = make_window(default_language="en")
    view = QueueTicket(w)
    view.show_ticket("GA001", False, "")
    assert view.where.text() == "Please watch the calling screen for your number."
    assert view.priority.isHidden()


def test_too_early_to_check_in_is_said_plainly(hall, qtbot):
    connect, url, clock, day = hall
    w = connect(default_language="en")
    book(url, clock, day, YOUNG, hour_utc=6)  # 14:00 local; it is 08:10
    find(w, qtbot, YOUNG).grid.items_on_page()[0].click()
    screen = w.screens["appointment"]
    screen.check_in_button.click()
    qtbot.waitUntil(lambda: "not time to check in" in screen.message.text(), timeout=10_000)
    assert not screen.number.isVisible()


def test_cancel_asks_first_then_takes_the_phone_number_and_frees_the_place(hall, qtbot):
    connect, url, clock, day = hall
    w = connect(default_language="en")
    book(url, clock, day, YOUNG)
    find(w, qtbot, YOUNG).grid.items_on_page()[0].click()
    screen = w.screens["appointment"]

    def roles():
        return {b.objectName(): b.property("role") for b in
                (screen.check_in_button, screen.cancel_button, screen.keep_button) if b.isVisible()}

    # one strong choice at each stage; red only for the last tap of cancelling
    assert roles() == {"check-in": "primary", "cancel-appointment": "secondary"}
    screen.cancel_button.click()
    assert screen.confirming and screen.keep_button.isVisible()
    assert "Cancel this appointment?" in screen.instruction.text()
    assert roles() == {"cancel-appointment": "secondary", "keep-appointment": "primary"}
    screen.keep_button.click()
    assert not screen.confirming and screen.check_in_button.isVisible()
    screen.cancel_button.click()
    screen.cancel_button.click()  # "Yes, cancel it": now the phone number given when booking
    assert screen.stage == "phone" and screen.pages.currentWidget() is screen.phone
    assert "phone number you gave when booking" in screen.instruction.text()
    assert screen.phone.hint.text() == "The number given when booking: 138****8000"
    assert not screen.phone.keypad.keys["X"].isEnabled() and not screen.check_in_button.isVisible()
    assert screen.cancel_button.text_content() == "Cancel it now"
    assert roles() == {"cancel-appointment": "danger", "keep-appointment": "secondary"}
    assert screen.phone.button_row.indexOf(screen.cancel_button) >= 0  # beside the keypad
    box = w.central.outbox
    type_on_keypad(screen.phone, "13900138000")  # not the number shown: caught here
    screen.cancel_button.click()
    assert screen.phone.error.isVisible() and "not the number given" in screen.phone.error.text()
    assert box.counts().pending == 0 and box.counts().sent == 0  # none of the 5 tries used
    screen.phone.keypad.clear.emit()
    type_on_keypad(screen.phone, "138001380001")  # one too many: the box stops at 11
    assert screen.phone.field.text() == "13800138000"
    screen.cancel_button.click()
    qtbot.waitUntil(lambda: "Cancelled" in screen.details.text(), timeout=10_000)
    # said once, in the success panel (not a red message, not the title as well)
    assert screen.outcome.tone() == "success"
    assert screen.outcome.text().startswith("Your appointment is cancelled")
    assert not screen.title.isVisible()
    assert screen.phone.field.text() == "" and screen.pages.currentWidget() is screen.area
    found = CentralClient(url, "test-token").post(
        "/v1/booking-lookups", {"id_number": YOUNG}).body["bookings"]
    assert found[0]["status"] == "cancelled"
    [sent] = box.items("sent")
    assert sent.kind == "cancel" and sent.body == {"phone": "138****8000"}  # masked once sent


@pytest.fixture
def scripted(tmp_path, make_window):
    """A window whose platform is a scripted HTTP server (tests.helpers.fault_server): the
    test sends the outbox itself with a sync engine of its own, so each answer is the one
    it scripted — the platform's refusals of a cancel, which the reference server gives
    only after 1 or 5 wrong numbers."""
    from kiosk.sync.engine import SyncEngine
    from kiosk.sync.outbox import Outbox
    from kiosk.sync.pulled import PulledCache
    from kiosk.sync.store import LocalStore
    from tests.helpers.fault_server import fault_server

    made = []

    def connect(**settings):
        w = make_window(**settings)
        w.home()
        creds = DeviceCredentials("dev", "test-token", "city_centre", url)
        w.attach_central(CentralAccess(creds, tmp_path / "k.db", lambda: None,
                                       timeout=(0.5, 5.0)))
        made.append(w)
        return w

    with fault_server() as (state, url), LocalStore(tmp_path / "k.db") as store:
        engine = SyncEngine(CentralClient(url, "test-token", timeout=(0.5, 5.0)), Outbox(store),
                            PulledCache(store), pulls=())
        yield connect, state, engine
        for w in made:
            w.detach_central()


def scripted_booking(status="confirmed"):
    start = datetime.now(UTC).replace(microsecond=0) + timedelta(days=2)
    return {"booking_id": "b-1", "reference": "ABCD2345", "status": status,
            "hall": "city_centre", "matter": "GA-0001", "start": utc_iso(start),
            "end": utc_iso(start + timedelta(minutes=30)), "timezone": "Asia/Shanghai",
            "person": {"id_masked": idnumber.mask(YOUNG), "phone_masked": "138****8000"},
            "created_at": utc_iso(start - timedelta(days=3)), "ticket": None}


def to_phone_step(w, qtbot, state):
    """Look up (the scripted platform answers one booking), open it, Cancel, Yes."""
    state.answer(Fault.json(200, {"bookings": [scripted_booking()]}))
    find(w, qtbot, YOUNG).grid.items_on_page()[0].click()
    screen = w.screens["appointment"]
    screen.cancel_button.click()
    screen.cancel_button.click()
    assert screen.stage == "phone"
    return screen


def cancel_answered(qtbot, screen, state, engine, fault):
    """Tap "Cancel the appointment now"; the platform answers ``fault``; the JSON sent."""
    state.answer(fault)
    sent = len(state.requests)
    screen.cancel_button.click()
    assert engine.drain() == 1
    qtbot.waitUntil(lambda: screen.answer is not None
                    and screen.answer.state.value in ("confirmed", "refused"), timeout=10_000)
    [request] = state.requests[sent:]
    assert request.method == "POST" and request.path == "/v1/bookings/b-1/cancel"
    return json.loads(request.body)


def test_a_wrong_phone_number_is_said_and_can_be_typed_again(scripted, qtbot):
    from tests.ui.privacy_sweep import Resident, sweep

    connect, state, engine = scripted
    w = connect(default_language="en")
    screen = to_phone_step(w, qtbot, state)
    wrong = "13899998000"  # fits 138****8000: only the platform can say it is wrong
    type_on_keypad(screen.phone, wrong)
    body = cancel_answered(qtbot, screen, state, engine, Fault.json(
        422, {"code": "phone_mismatch", "detail": "the phone number is not the one given"}))
    assert body == {"phone": wrong}
    # said beside the box, with what was typed there to correct; nothing lost
    assert "NOT cancelled" in screen.phone.error.text() and screen.phone.error.isVisible()
    assert not screen.phone.hint.isVisible()  # its digits were right: the message has the room
    assert screen.stage == "phone" and screen.pages.currentWidget() is screen.phone
    assert screen.phone.field.text() == wrong and screen.cancel_button.isVisible()
    assert "Confirmed" in screen.details.text()
    assert w.central.outbox.counts().refused == 1 and w.central.outbox.counts().dead == 0
    assert w.central.outbox.items("refused")[0].body == {"phone": "138****8000"}  # masked at once
    for _ in wrong:
        screen.phone.keypad.backspace.emit()
    type_on_keypad(screen.phone, "13800138000")
    body = cancel_answered(qtbot, screen, state, engine,
                           Fault.json(200, scripted_booking("cancelled")))
    assert body == {"phone": "13800138000"}
    qtbot.waitUntil(lambda: "Cancelled" in screen.details.text(), timeout=5000)
    assert not screen.phone.error.isVisible() and not screen.cancel_button.isVisible()
    assert screen.row.indexOf(screen.cancel_button) >= 0  # back in the row
    w.wipe()
    findings = sweep(w, Resident(YOUNG, wrong)) + sweep(w, Resident(YOUNG, "13800138000"))
    assert not findings, findings


@pytest.mark.parametrize(("language", "said"), [
    ("en", "can no longer be cancelled at the kiosk"), ("zh_CN", "请到服务窗口")])
def test_too_many_wrong_numbers_send_the_resident_to_a_window(scripted, qtbot, language, said):
    connect, state, engine = scripted
    w = connect(default_language=language)
    screen = to_phone_step(w, qtbot, state)
    type_on_keypad(screen.phone, "13811118000")
    cancel_answered(qtbot, screen, state, engine, Fault.json(
        409, {"code": "cancel_locked", "detail": "cancel at the hall's window"}))
    assert said in screen.message.text()
    assert screen.stage == "" and screen.pages.currentWidget() is screen.area
    assert screen.phone.field.text() == ""
    assert not screen.cancel_button.isVisible()  # no more tries here: it would only fail
    assert screen.check_in_button.isVisible()  # the appointment stands
    w.back()
    w.screens["appointment_list"].grid.items_on_page()[0].click()
    assert not screen.cancel_button.isVisible()  # still, on coming back to it


def test_a_refused_offline_request_is_shown_in_my_appointments(hall, qtbot, tmp_path):
    connect, url, clock, day = hall
    w = connect(default_language="en")
    taken = book(url, clock, day, SENIOR)  # someone already has the same person-day
    assert taken["status"] == "confirmed"
    # an offline request from this kiosk for the same matter and day: the server refuses it
    start = datetime(day.year, day.month, day.day, 2, 0, tzinfo=UTC)
    w.central.outbox.enqueue("booking", "POST", "/v1/bookings", {
        "hall": "city_centre", "matter": "GA-0001", "start": utc_iso(start), "hold_id": None,
        "person": {"id_number": SENIOR, "phone": "13800138000"}, "requested_at": utc_iso(clock()),
    }, Identity(), clock())
    w.central.urge()
    qtbot.waitUntil(lambda: w.central.outbox.counts().refused == 1, timeout=10_000)
    texts = [r.text_content() for r in find(w, qtbot, SENIOR).grid.items_on_page()]
    assert any("Confirmed" in t for t in texts)
    assert any("Request refused" in t and "already have an appointment" in t for t in texts)


@pytest.mark.parametrize(("elderly", "priority"), [(False, False), (True, True)])
def test_walk_in_number_with_and_without_priority(hall, qtbot, tmp_path, elderly, priority,
                                                  clock):
    connect, _url, server_clock, _day = hall
    server_clock.advance(minutes=50)  # 09:00: the hall gives numbers only while it is open
    w = connect(default_language="en", default_elderly=elderly,
                slip_pdf_dir=str(tmp_path / "slips"))
    w.go("appointments")
    w.screens["appointments"].walk_in_button.click()
    screen = w.screens["walk_in"]
    assert screen.priority_button.isChecked() is priority  # 长辈版 asks for the green channel
    screen.grid.items_on_page()[0].click()
    qtbot.waitUntil(lambda: screen.number.isVisible(), timeout=10_000)
    from ui.widgets.queue_ticket import QueueTicket
    assert isinstance(screen.ticket_view, QueueTicket)  # the check-in result's component
    number = screen.ticket()["number"]
    assert screen.number.text() == number
    assert number.startswith("P") is priority
    assert screen.ticket_view.priority.isVisible() is priority
    screen.print_button.click()
    out = subprocess.run(["pdftotext", screen.printed_to, "-"], capture_output=True, text=True)
    assert f"Queue number {number}" in out.stdout
    screen.phone_button.click()
    assert screen.qr.isVisible() and number in screen.qr.text
    # a number to copy down and wait with: 5 minutes before "are you still there?"
    # (``idle_seconds_number``), not the usual 90 s (180 s in 长辈版)
    w.check_idle()
    assert w.idle.idle_seconds == 300
    clock.advance(299)
    w.check_idle()
    assert not w.overlay.isVisible()
    clock.advance(1)
    w.check_idle()
    assert w.overlay.isVisible()
    w.overlay.button.click()
    assert screen.message.isVisible()  # where the slip went
    w.footer.back_button.click()  # the number taken: Back goes home, the number stays taken
    assert w.current.name == "home"
    w.go("walk_in")
    assert not screen.message.isVisible()  # said on the last visit: not said again
    screen.done_button.click()
    assert w.current.name == "home" and screen.number.text() == ""
    w.check_idle()
    assert w.idle.idle_seconds == (180 if elderly else 90)

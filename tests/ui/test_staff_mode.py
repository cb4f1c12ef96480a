"""Staff mode and assisted mode through the real widgets: the hidden entry, the PIN
pad (right, wrong, waiting, locked, across a restart), consent, the banner, the
staff session's idle time, hand-back, the staff panel's dead letters, and an
assisted booking whose audit trail reaches the real reference server."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QLabel

from central import operators
from central.db import Database
from kiosk.staff import cli as staff_cli
from kiosk.staff.desk import StaffDesk
from kiosk.sync.api_client import CentralClient
from kiosk.sync.backoff import Backoff
from kiosk.sync.enrolment import CredentialStore, MemoryKeyring
from kiosk.sync.outbox import Identity
from tests.helpers.central_server import dev_credentials, running_central
from tests.helpers.journeys import first_enabled, type_on_keypad
from ui.central_access import CentralAccess
from ui.central_link import make_worker

NUMBER, PIN = "0371", "246810"


class Wall:
    """The PIN guard's wall clock, moved by the test."""

    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def keys():
    return CredentialStore(MemoryKeyring())


@pytest.fixture
def wall():
    return Wall()


@pytest.fixture
def open_desk(tmp_path, keys, wall):
    opened = []

    def make() -> StaffDesk:
        desk = StaffDesk.open(tmp_path / "kiosk.db", keys, wall=wall)
        opened.append(desk)
        return desk

    desk = make()
    desk.roster.add_local(NUMBER, "王芳", "assistant", PIN, datetime.now(UTC))
    desk.roster.add_local("0001", "李强", "administrator", "135790", datetime.now(UTC))
    return make  # the stores close with the windows that use them (a retranslation may still read)


def staff_window(make_window, open_desk, **settings):
    desk = open_desk()
    w = make_window(default_language="en", window_options={"staff_desk": lambda: desk}, **settings)
    return w, desk


def type_pin(w, number=NUMBER, pin=PIN):
    screen = w.current
    assert screen.name == "staff_sign_in"
    if screen.part == "number":
        type_on_keypad(screen, number)
        screen.next_button.click()
    type_on_keypad(screen, pin)
    screen.next_button.click()


def sign_in(w, number=NUMBER, pin=PIN):
    """From the home screen through the hidden entry and the PIN pad, to the staff panel."""
    w.home()
    w.enter_staff()
    type_pin(w, number=number, pin=pin)


def audit_events(desk):
    return [(i.body["payload"]["event"], i.identity) for i in desk.outbox.items("pending", 1000)
            if i.kind == "audit"]


def test_long_press_on_the_hall_name_opens_the_pin_pad(make_window, open_desk, qtbot):
    w, _desk = staff_window(make_window, open_desk)
    w.home()
    hall = w.header.hall
    w.staff_press.timer.setInterval(50)  # the real press is 3 s; the mechanism is the same
    press = QMouseEvent(QEvent.Type.MouseButtonPress, QPointF(5, 5), QPointF(5, 5),
                        Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    release = QMouseEvent(QEvent.Type.MouseButtonRelease, QPointF(5, 5), QPointF(5, 5),
                          Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    # a short tap does nothing: the release stops the timer
    qtbot.mousePress(hall, Qt.MouseButton.LeftButton)
    assert w.staff_press.timer.isActive()
    qtbot.mouseRelease(hall, Qt.MouseButton.LeftButton)
    assert not w.staff_press.timer.isActive() and w.current.name == "home"
    from PySide6.QtWidgets import QApplication
    QApplication.sendEvent(hall, press)
    qtbot.waitUntil(lambda: w.current.name == "staff_sign_in", timeout=2000)
    QApplication.sendEvent(hall, release)
    # and the key combination
    w.home()
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    qtbot.keyClick(w, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    assert w.current.name == "staff_sign_in"


def test_right_pin_signs_in_and_shows_the_panel_and_banner(make_window, open_desk):
    from kiosk.sync.engine import SyncStatus

    w, desk = staff_window(make_window, open_desk)
    w.header.status.show_status(SyncStatus(online=False, pending=2))
    assert "2" not in w.header.status.text()  # a resident's words: no staff matters
    sign_in(w)
    assert w.current.name == "staff_panel"
    assert "2" in w.header.status.text()  # staff read how many wait to be sent
    assert w.banner.isVisible() and "0371" in w.banner.who.text() and "王芳" in w.banner.who.text()
    assert not w.screens["staff_sign_in"].pin_field.text()  # the PIN is not kept
    assert ("staff_signed_in", Identity(staff=NUMBER)) in audit_events(desk)
    assert w.current.exit_button.isHidden()  # an assistant may not exit the kiosk
    w.banner.button.click()  # Sign out
    assert w.current.name == "attract" and not w.staff.signed_in and not w.banner.isVisible()
    assert "2" not in w.header.status.text()
    assert audit_events(desk)[-1][0] == "staff_signed_out"


def test_wrong_pins_wait_then_lock_and_the_lock_outlives_a_restart(make_window, open_desk, wall, keys,
                                                                    tmp_path):
    w, desk = staff_window(make_window, open_desk)
    w.home()
    w.enter_staff()
    screen = w.current
    for n in range(1, 5):
        type_pin(w, pin="111111")
        assert screen.outcome.result == "wrong" and screen.keypad.isEnabled()
        assert f"{5 - n} more tries" in screen.message.text()
    type_pin(w, pin="111111")  # the fifth: a 30 s wait
    assert "Wait 30 s" in screen.message.text()
    assert not screen.keypad.isVisible() and not screen.next_button.isEnabled()
    wall.now += 10
    screen._tick()
    assert "Wait 20 s" in screen.message.text()
    # the right PIN while waiting is not even checked
    assert w.staff.sign_in(NUMBER, PIN).result == "wait"
    wall.now += 21
    screen._tick()
    assert screen.keypad.isVisible() and "try again" in screen.message.text()
    waits = []
    for _ in range(4):  # failures 6 to 9: 60, 120, 240, 480 s
        type_pin(w, pin="222222")
        waits.append(screen.outcome.seconds)
        wall.now += screen.outcome.seconds + 1
        screen._tick()
    assert waits == [60, 120, 240, 480]
    type_pin(w, pin="333333")  # the tenth: locked
    assert screen.outcome.result == "locked" and "kiosk staff unlock" in screen.message.text()
    failed = [e for e, _ in audit_events(desk) if e == "staff_sign_in_failed"]
    assert len(failed) == 10

    # a restart: a new window on the same database is still locked
    w.exit_allowed = True
    w.close()
    w2, _desk2 = staff_window(make_window, open_desk)
    w2.home()
    w2.enter_staff()
    assert w2.current.outcome.result == "locked" and not w2.current.keypad.isVisible()
    assert w2.staff.sign_in(NUMBER, PIN).result == "locked"
    # the installer unlocks it on the command line
    assert staff_cli.main(["--data", str(tmp_path), "unlock"], keys) == 0
    w2.home()
    w2.enter_staff()
    type_pin(w2)
    assert w2.current.name == "staff_panel"


def test_consent_banner_everywhere_and_hand_back_wipes(make_window, open_desk, clock):
    w, desk = staff_window(make_window, open_desk)
    sign_in(w)
    w.current.assist_button.click()
    assert w.current.name == "assist_consent"
    assert "0371" in w.current.title.text()
    w.current.yes.click()
    assert w.current.name == "home" and w.staff.assisting
    resident = w.staff.resident
    for name in ("services", "search", "appointments"):
        w.go(name)
        assert w.banner.isVisible() and "helping you" in w.banner.who.text()
    assert w.banner.yourself.isVisible()  # the ID lookup is the resident's own to type
    # the resident's idle timeout is suspended while assisted
    clock.now += w.idle.idle_seconds + w.settings.idle_countdown_seconds + 5
    w.check_idle()
    assert w.current.name == "appointments" and not w.overlay.isVisible()
    w.screens["appointments"].field.setText("11010519491231002X")
    w.banner.button.click()
    assert w.current.name == "hand_back"
    w.current.no.click()  # Continue: nothing lost
    assert w.current.name == "appointments" and w.staff.assisting
    w.banner.button.click()
    w.current.yes.click()
    assert w.current.name == "attract" and not w.staff.signed_in and not w.banner.isVisible()
    assert w.screens["appointments"].field.text() == ""
    events = audit_events(desk)
    names = [e for e, _ in events]
    assert names[names.index("assist_consent_given"):] == [
        "assist_consent_given", *["assist_step"] * 7, "assist_ended"]
    screens = [i.body["payload"].get("screen") for i in desk.outbox.items("pending", 1000)
               if i.kind == "audit" and i.body["payload"]["event"] == "assist_step"]
    assert screens == ["home", "services", "search", "appointments", "hand_back", "appointments",
                       "hand_back"]
    assert all(ident == Identity(resident=resident, staff=NUMBER)
               for e, ident in events if e.startswith("assist_"))


def test_refused_consent_goes_back_to_the_panel(make_window, open_desk):
    w, desk = staff_window(make_window, open_desk)
    sign_in(w)
    w.current.assist_button.click()
    w.current.no.click()
    assert w.current.name == "staff_panel" and not w.staff.assisting
    assert [e for e, _ in audit_events(desk)][-2:] == ["assist_consent_refused", "staff_step"]


def test_the_staff_session_has_its_own_idle_time_with_a_warning(make_window, open_desk, clock):
    w, desk = staff_window(make_window, open_desk, staff_idle_seconds=600, staff_idle_countdown_seconds=60)
    sign_in(w)
    w.current.assist_button.click()
    w.current.yes.click()
    clock.now += 599
    w.check_idle()
    assert not w.overlay.isVisible()
    clock.now += 2
    w.check_idle()
    assert w.overlay.isVisible()
    clock.now += 61
    w.check_idle()
    assert w.current.name == "attract" and not w.staff.signed_in
    assert audit_events(desk)[-1][0] == "assist_ended"
    assert desk.outbox.items("pending", 1000)[-1].body["payload"]["how"] == "timed_out"


def test_dead_letters_retry_and_discard_with_a_reason(make_window, open_desk):
    w, desk = staff_window(make_window, open_desk)
    now = datetime.now(UTC)
    items = []
    for matter in ("A", "B"):
        item = desk.outbox.enqueue("ticket", "POST", "/v1/tickets",
                                   {"hall": "city_centre", "matter": matter, "priority": False}, Identity(), now)
        desk.outbox.mark_dead(item.id, 422, {"code": "unknown_matter"}, "unknown_matter", now)
        items.append(item)
    sign_in(w)
    panel = w.current
    assert "Needs staff: 2" in panel.dead_title.text()
    assert [row[0].id for row in panel.dead_rows] == [i.id for i in items]
    # in words, never the codes: "a queue number, made …: this hall does not handle that service"
    assert "a queue number" in panel.dead_rows[0][1].text()
    assert "this hall does not handle that service" in panel.dead_rows[0][1].text()
    w.set_language("zh_CN")
    row = panel.dead_rows[0][1].text()
    assert row.startswith("取号（") and row.endswith("提交）：本大厅不办理这项事项"), row
    assert "ticket" not in row and "unknown_matter" not in row
    w.set_language("en")
    panel.dead_rows[0][2].click()  # Retry
    assert desk.outbox.get(items[0].id).state == "pending"
    assert "Needs staff: 1" in panel.dead_title.text()
    panel.dead_rows[0][3].click()  # Discard… asks why, naming the item
    assert panel.reason_buttons and not panel.dead_rows
    [which] = [w for w in panel.findChildren(QLabel, "discarding") if w.isVisible()]
    assert "a queue number" in which.text() and "this hall does not handle" in which.text()
    [keep] = [b for b in panel.reason_buttons if b.objectName() == "discard-reason-cancel"]
    keep.click()  # changed their mind: nothing discarded
    assert desk.outbox.get(items[1].id).state == "dead"
    panel.dead_rows[0][3].click()
    [why] = [b for b in panel.reason_buttons if b.objectName() == "discard-reason-done_at_counter"]
    why.click()
    gone = desk.outbox.get(items[1].id)
    assert gone.state == "discarded" and "done_at_counter" in gone.last_error
    assert "Needs staff: 0" in panel.dead_title.text()
    events = [i.body["payload"] for i in desk.outbox.items("pending", 1000) if i.kind == "audit"]
    assert {"event": "dead_letter_retried", "item": items[0].id, "submission": "ticket"} in events
    assert {"event": "dead_letter_discarded", "item": items[1].id, "submission": "ticket",
            "reason": "done_at_counter", "by": NUMBER} in events


def test_hall_defaults_set_by_staff_apply_after_the_wipe(make_window, open_desk):
    w, desk = staff_window(make_window, open_desk)
    sign_in(w)
    panel = w.current
    panel.elderly_button.click()
    assert w.settings.default_elderly is True
    panel.language_button.click()
    assert w.settings.default_language == "zh_CN"
    w.hand_back()
    assert w.presentation.elderly is True and w.presentation.language == "zh_CN"
    events = [i.body["payload"] for i in desk.outbox.items("pending", 1000) if i.kind == "audit"]
    assert {"event": "hall_default_changed", "setting": "default_elderly", "value": True} in events


def test_an_administrator_may_exit_and_the_window_then_closes(make_window, open_desk, qtbot, monkeypatch):
    w, desk = staff_window(make_window, open_desk)
    quit_called = []
    monkeypatch.setattr("PySide6.QtWidgets.QApplication.quit", lambda *_: quit_called.append(True))
    w.home()
    w.enter_staff()
    type_pin(w, number="0001", pin="135790")
    assert not w.current.exit_button.isHidden()
    w.current.exit_button.click()
    assert w.exit_allowed and quit_called and not w.isVisible()
    assert audit_events(desk)[-1][0] == "kiosk_exit"


def utc_now() -> datetime:
    return datetime.now(UTC)


def test_an_assisted_booking_and_its_audit_trail_reach_the_server(make_window, open_desk, qtbot,
                                                                 tmp_path):
    w, desk = staff_window(make_window, open_desk)
    w.home()
    with running_central(f"sqlite:///{tmp_path / 'central.db'}") as url:
        creds = dev_credentials(url)
        store = tmp_path / "kiosk.db"  # the desk's database: one outbox for all
        worker = make_worker(creds, store, backoff=Backoff(base_s=0.05, cap_s=0.3), pull_every_s=3600)
        w.attach_sync(worker)
        worker.start()
        w.attach_central(CentralAccess(creds, store, worker.urge, timeout=(0.5, 5.0), acting=w.acting))
        try:
            w.enter_staff()
            type_pin(w)
            w.current.assist_button.click()
            w.current.yes.click()
            resident = w.staff.resident
            w.go("matter", code="GA-0001")
            w.screens["matter"].book_button.click()  # at the kiosk's hall: no hall to choose
            first_enabled(qtbot, w.screens["book_day"].grid, "day-").click()
            first_enabled(qtbot, w.screens["book_time"].grid, "slot-").click()
            qtbot.waitUntil(lambda: w.current.name == "book_who", timeout=10_000)
            assert w.banner.yourself.isVisible()  # the resident types their own ID
            who = w.screens["book_who"]
            type_on_keypad(who, "11010519491231002X")
            who.next_button.click()
            type_on_keypad(who, "13800138000")
            who.next_button.click()
            assert w.current.name == "book_review" and w.banner.yourself.isVisible()
            w.screens["book_review"].confirm_button.click()
            qtbot.waitUntil(lambda: w.current.name == "book_result"
                            and w.screens["book_result"].state == "confirmed", timeout=15_000)
            w.banner.button.click()
            w.current.yes.click()
            assert not w.staff.signed_in

            db = Database.connect(f"sqlite:///{tmp_path / 'central.db'}")
            try:  # only an operator reads the audit trail
                _id, operator_token = operators.add(db, "hall IT", "city_centre", utc_now())
            finally:
                db.dispose()
            client = CentralClient(url, operator_token)

            def delivered():
                worker.urge()
                body = client.get(f"/v1/audit-events?staff={NUMBER}").body
                return [e for e in body["events"] if e["resident"] == resident]

            qtbot.waitUntil(lambda: any(e["payload"]["event"] == "assist_ended" for e in delivered()),
                            timeout=20_000)
            events = delivered()
            kinds = [e["payload"]["event"] for e in events]
            assert kinds[0] == "assist_consent_given" and kinds[-1] == "assist_ended"
            assert "assisted_submission" in kinds
            [sub] = [e for e in events if e["payload"]["event"] == "assisted_submission"]
            assert sub["payload"]["submission"] == "booking" and sub["staff"] == NUMBER
            assert all(e["staff"] == NUMBER for e in events)
            assert not any("11010519491231002X" in str(e) or "13800138000" in str(e) for e in events)
        finally:
            w.detach_central()
            worker.stop()


def test_a_keyboard_types_the_number_and_pin_too(make_window, open_desk, qtbot):
    w, _desk = staff_window(make_window, open_desk)
    w.home()
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)  # a shortcut reaches only the active window
    qtbot.keyClick(w, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    screen = w.current
    qtbot.keyClicks(screen, "03712")
    qtbot.keyClick(screen, Qt.Key.Key_Backspace)
    assert screen.number_field.text() == "0371"
    qtbot.keyClick(screen, Qt.Key.Key_Return)
    qtbot.keyClicks(screen, PIN)
    assert screen.pin_field.text() == PIN and screen.pin_field.echoMode() == screen.pin_field.EchoMode.Password
    qtbot.keyClick(screen, Qt.Key.Key_Enter)
    assert w.current.name == "staff_panel"


def test_the_panel_exports_diagnostics_without_personal_data(make_window, open_desk, tmp_path,
                                                              caplog):
    import zipfile

    from kiosk.ops.diagnostics import export_bundle

    w, desk = staff_window(make_window, open_desk)
    # a booking the resident made earlier, still waiting: its body holds the full numbers
    desk.outbox.enqueue("booking", "POST", "/v1/bookings",
                        {"person": {"id_number": "11010519491231002X", "phone": "13800138000"}},
                        Identity(resident="110105********002X"), datetime.now(UTC))
    (tmp_path / "logs").mkdir()
    (tmp_path / "logs" / "kiosk.log").write_text("lookup for 11010519491231002X\n", encoding="utf-8")
    w.use_diagnostics(lambda: export_bundle(
        tmp_path / "diagnostics", log_dir=tmp_path / "logs", store_path=tmp_path / "kiosk.db",
        settings=w.settings, versions={"test": "1"}, now=datetime.now(UTC)))
    sign_in(w)
    w.current.export_button.click()
    [bundle] = list((tmp_path / "diagnostics").glob("*.zip"))
    assert str(bundle) in w.current.message.text()
    with zipfile.ZipFile(bundle) as z:
        everything = b"".join(z.read(n) for n in z.namelist())
    assert b"11010519491231002X" not in everything and b"13800138000" not in everything
    assert b"pending" in everything  # the outbox counts are there
    payloads = [i.body["payload"] for i in desk.outbox.items("pending", 1000) if i.kind == "audit"]
    assert {"event": "diagnostics_exported", "file": bundle.name} in payloads
    # a failure to write is said on the screen in the staff's words, not raised; the
    # error's own (English) words go to the log
    w.use_diagnostics(lambda: (_ for _ in ()).throw(OSError("disk full")))
    with caplog.at_level(logging.ERROR, logger="ui.screens.staff_panel"):
        w.current.export_button.click()
    assert w.current.message.text() == ("The diagnostics could not be saved (the disk may be "
                                        "full or not writable). Please tell IT.")
    assert "disk full" in caplog.text


def test_the_panel_health_follows_the_kiosk_while_it_is_up(make_window, open_desk):
    w, desk = staff_window(make_window, open_desk)
    sign_in(w)
    panel = w.current
    assert panel.health_timer.isActive()
    before = panel.health.text()
    desk.outbox.enqueue("ticket", "POST", "/v1/tickets", {"hall": "h", "matter": "m", "priority": False},
                        Identity(), datetime.now(UTC))
    panel.tick_health()  # what the timer does every 5 s
    assert panel.health.text() != before
    w.hand_back()
    assert not panel.health_timer.isActive()


def test_a_database_that_cannot_be_read_is_said_and_the_language_still_changes(
        make_window, open_desk, monkeypatch):
    """The shell re-translates every built screen on a language change: the panel's
    ``retranslate`` sets texts only; reading the database is ``refresh``, which says
    what is wrong instead of raising."""
    from kiosk.sync.store import StoreError

    w, desk = staff_window(make_window, open_desk)
    sign_in(w)
    panel = w.current
    assert panel.name == "staff_panel" and panel.title.text() == "Staff panel"

    def busy(*_args, **_kwargs):
        raise StoreError("database is locked")

    monkeypatch.setattr(desk.outbox, "counts", busy)
    w.set_language("zh_CN")
    assert panel.title.text() == "工作人员面板"
    panel.refresh()
    # in the staff's language only: the error's own words are in the log
    assert panel.message.text() == ("暂时无法读取本机数据库。请稍后再试；如果一直这样，"
                                    "请导出诊断信息交给技术人员。")
    assert w.current is panel and w.staff.signed_in

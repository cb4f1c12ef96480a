"""Calling staff through the real widgets against the real reference server: a resident
calls, another kiosk's staff panel (staff signed in) sees the call and answers it, and
the resident's screen says who is coming; the resident cancels; an offline call says so
and names the service desk, goes when the network is back while the resident is still
there, and is never sent once the idle wipe has ended the session."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

import pytest

from central.auth import new_enrolment_code
from central.db import Database
from kiosk.staff.desk import StaffDesk
from kiosk.staff.help_calls import CallState
from kiosk.sync.api_client import CentralClient
from kiosk.sync.backoff import Backoff
from kiosk.sync.enrolment import CredentialStore, DeviceCredentials, MemoryKeyring
from tests.helpers.central_server import TEST_PLATFORM_KEY, running_central
from tests.helpers.journeys import type_on_keypad
from ui.central_access import CentralAccess
from ui.central_link import make_worker

HALL = "city_centre"  # the dev token's hall, and the demo staff's
NUMBER, PIN = "0371", "246810"
DESK = "服务台在一楼大厅入口左侧。"
WAIT = 15_000


@pytest.fixture
def central_db(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'central.db'}"


@pytest.fixture
def staff_kiosk(tmp_path, make_window):
    """A second kiosk of the hall, enrolled with the server as a device of its own, with
    王芳 able to sign in on it."""
    made = []

    def make(url: str, central_db: str):
        db = Database.connect(central_db)
        try:
            code = new_enrolment_code(db, HALL, datetime.now(UTC))
        finally:
            db.dispose()
        enrolled = CentralClient(url).enrol(code, "service desk").body
        creds = DeviceCredentials(enrolled["device_id"], enrolled["token"], HALL, url,
                                  TEST_PLATFORM_KEY)
        store = tmp_path / "staff-kiosk.db"
        desk = StaffDesk.open(store, CredentialStore(MemoryKeyring()))
        desk.roster.add_local(NUMBER, "王芳", "assistant", PIN, datetime.now(UTC))
        w = make_window(default_language="en", window_options={"staff_desk": lambda: desk})
        worker = make_worker(creds, store, backoff=Backoff(base_s=0.05, cap_s=0.3),
                             pull_every_s=3600)
        w.attach_sync(worker)
        worker.start()
        w.attach_central(CentralAccess(creds, store, worker.urge, timeout=(0.5, 5.0)))
        made.append((w, worker))
        return w, desk

    yield make
    for w, worker in made:
        w.detach_central()
        worker.stop()


def sign_in(w) -> None:
    w.enter_staff()
    screen = w.current
    assert screen.name == "staff_sign_in"
    type_on_keypad(screen, NUMBER)
    screen.next_button.click()
    type_on_keypad(screen, PIN)
    screen.next_button.click()
    assert w.current.name == "staff_panel"


def call_from_footer(w, qtbot):
    w.home()
    w.go("search")
    w.footer.staff_button.click()
    screen = w.current
    assert screen.name == "call_staff"
    return screen


def server_calls(central_db: str) -> dict[str, str]:
    with sqlite3.connect(central_db.removeprefix("sqlite:///")) as db:
        return dict(db.execute("SELECT help_id, state FROM help_requests").fetchall())


def row_of(panel, help_id):
    rows = [r for r in panel.help_list.rows if r[0].help_id == help_id]
    return rows[0] if rows else None


def test_a_call_is_answered_on_another_kiosk_and_the_resident_sees_who_comes(
        make_window, connect, staff_kiosk, central_db, qtbot):
    with running_central(central_db) as url:
        resident = make_window(default_language="zh_CN")
        connect(resident, url)
        screen = call_from_footer(resident, qtbot)
        qtbot.waitUntil(lambda: screen.state is CallState.OPEN, timeout=WAIT)
        assert screen.title.text() == "已通知工作人员，请稍候"
        assert "已发出呼叫" in screen.instruction.text()
        assert screen.message.isHidden()  # staff were told: no "go to the desk"
        help_id = screen.call.help_id

        staff, desk = staff_kiosk(url, central_db)
        sign_in(staff)
        panel = staff.current
        qtbot.waitUntil(lambda: row_of(panel, help_id) is not None, timeout=WAIT)
        request, go, _done = row_of(panel, help_id)
        assert "screen: search" in panel.help_list.row_widgets[0].findChildren(
            type(panel.title))[0].text()
        assert go is not None and go.isVisible()
        go.click()
        qtbot.waitUntil(lambda: "王芳 is on the way" in panel.help_list.message.text(),
                        timeout=WAIT)

        # the resident's screen follows the call: who is coming (in English now: the two
        # windows share the application's one translator, and the staff window's is English)
        qtbot.waitUntil(lambda: screen.state is CallState.ACKNOWLEDGED, timeout=WAIT)
        assert screen.title.text() == "王芳 is on the way"
        resident.set_language("zh_CN")
        assert screen.title.text() == "王芳 正在赶来"
        assert screen.cancel_button.isVisible()

        # 王芳 has helped: she closes the call, and the resident's screen says so
        qtbot.waitUntil(lambda: row_of(panel, help_id) is not None
                        and row_of(panel, help_id)[1] is None, timeout=WAIT)
        row_of(panel, help_id)[2].click()
        qtbot.waitUntil(lambda: screen.state is CallState.CLOSED, timeout=WAIT)
        assert screen.again_button.isVisible() and not screen.cancel_button.isVisible()
        assert server_calls(central_db) == {help_id: "closed"}
        qtbot.waitUntil(lambda: row_of(panel, help_id) is None, timeout=WAIT)
        # every answer is in the audit trail, in 王芳's name
        audited = [i.body["payload"]["event"] for i in desk.outbox.items("pending")
                   + desk.outbox.items("sent") if i.kind == "audit"]
        assert "help_acknowledged" in audited and "help_closed" in audited


def test_the_resident_cancels_and_the_call_leaves_the_panels(
        make_window, connect, staff_kiosk, central_db, qtbot):
    with running_central(central_db) as url:
        resident = make_window(default_language="en")
        connect(resident, url)
        staff, _desk = staff_kiosk(url, central_db)
        sign_in(staff)
        panel = staff.current
        screen = call_from_footer(resident, qtbot)
        qtbot.waitUntil(lambda: screen.state is CallState.OPEN, timeout=WAIT)
        help_id = screen.call.help_id
        qtbot.waitUntil(lambda: row_of(panel, help_id) is not None, timeout=WAIT)
        screen.cancel_button.click()
        assert screen.title.text() == "Your call is cancelled"
        assert screen.again_button.isVisible()
        qtbot.waitUntil(lambda: server_calls(central_db) == {help_id: "cancelled"}, timeout=WAIT)
        qtbot.waitUntil(lambda: row_of(panel, help_id) is None, timeout=WAIT)
        # calling again is one tap
        screen.again_button.click()
        qtbot.waitUntil(lambda: screen.state is CallState.OPEN, timeout=WAIT)
        assert screen.call.help_id != help_id


def test_an_offline_call_names_the_service_desk_and_goes_once_the_network_is_back(
        make_window, connect, central_db, qtbot):
    with running_central(central_db) as url:
        port = int(url.rsplit(":", 1)[1])
    resident = make_window(default_language="zh_CN", default_elderly=True)
    connect(resident, url)  # the server is down
    screen = call_from_footer(resident, qtbot)
    qtbot.waitUntil(lambda: screen.state is CallState.NOT_SENT, timeout=WAIT)
    assert screen.title.text() == "没能叫到工作人员"
    assert DESK in screen.message.text() and not screen.message.isHidden()
    assert "只要您还在这里" in screen.instruction.text()
    assert DESK in screen.spoken_text()  # read aloud too
    with running_central(central_db, port=port):
        # the resident is still here: the call goes, and the screen says so
        qtbot.waitUntil(lambda: screen.state is CallState.OPEN, timeout=WAIT)
        assert screen.title.text() == "已通知工作人员，请稍候"
        assert screen.message.isHidden()
        assert server_calls(central_db) == {screen.call.help_id: "open"}


def test_an_offline_call_is_dropped_when_the_idle_wipe_ends_the_session(
        make_window, connect, central_db, clock, qtbot):
    with running_central(central_db) as url:
        port = int(url.rsplit(":", 1)[1])
    resident = make_window(default_language="zh_CN")
    access = connect(resident, url)  # the server is down
    screen = call_from_footer(resident, qtbot)
    qtbot.waitUntil(lambda: screen.state is CallState.NOT_SENT, timeout=WAIT)
    item_id = screen.call.item_id
    # the resident walks away: "您还在吗?", then the wipe
    clock.advance(resident.idle.idle_seconds + 1)
    resident.check_idle()
    clock.advance(resident.settings.idle_countdown_seconds + 1)
    resident.check_idle()
    assert resident.current.name == "attract" and screen.call is None
    assert access.outbox.get(item_id).state == "discarded"
    with running_central(central_db, port=port):
        # the platform is back: nothing of that call goes (its cancel finds nothing)
        qtbot.waitUntil(lambda: access.outbox.counts().pending == 0, timeout=WAIT)
        assert server_calls(central_db) == {}
        assert access.outbox.counts().dead == 0

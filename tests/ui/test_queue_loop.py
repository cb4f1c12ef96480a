"""The hall's queue loop closed, against the real central server on loopback (issue 18's
"Done when"): a walk-in number from the kiosk → "前面还有 2 人" → the window terminal calls
it → the hall display shows it and speaks it (Qt's "mock" speech engine) → served →
rated 不满意 with a reason on the kiosk → a follow-up case exists; and the same with the
kiosk's network down for the rating: saved, said honestly, delivered later, exactly once.
The window terminal and the display are enrolled with codes of their roles (window,
display); one enrolled as a resident's kiosk is refused, and says so plainly.
"""

from __future__ import annotations

import sqlite3
import uuid
from contextlib import ExitStack
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.rules.ratings import Level
from kiosk.staff.desk import StaffDesk
from kiosk.sync.api_client import CentralClient
from kiosk.sync.enrolment import CredentialStore, MemoryKeyring
from tests.helpers.central_server import enrolled_credentials, running_central
from tests.helpers.utc_clock import FakeUtcClock
from ui.central_access import CentralAccess
from ui.gallery.speech import SilentSpeech
from ui.queue.announcer import DIGITS_ZH, CallAnnouncer, spelled
from ui.queue.display import HallDisplay
from ui.queue.roles import hall_name_of
from ui.queue.terminal import WindowTerminal
from ui.theme import pick_font_family

HALL = "city_centre"
STAFF, PIN = "0371", "246810"  # the demo server's staff account of the hall
OPEN = datetime(2026, 11, 23, 1, 30, tzinfo=UTC)  # Monday 09:30 in Shanghai


class Hall:
    """The server (stoppable, restarted on the same port and database), and the three
    roles in this process: the kiosk window, the window terminal, the hall display."""

    def __init__(self, tmp_path: Path, stack: ExitStack) -> None:
        self.tmp_path, self.stack = tmp_path, stack
        self.db = tmp_path / "central.db"
        self.clock = FakeUtcClock(OPEN)
        self.server = ExitStack()
        self.url = self.server.enter_context(
            running_central(f"sqlite:///{self.db}", clock=self.clock))
        self.port = int(self.url.rsplit(":", 1)[1])

    def stop(self) -> None:
        self.server.close()

    def start(self) -> None:
        self.server = ExitStack()
        self.server.enter_context(running_central(f"sqlite:///{self.db}", clock=self.clock,
                                                  port=self.port))

    def enrolled(self, role: str):
        """The credentials of a device of the hall enrolled as ``role``."""
        return enrolled_credentials(self.url, f"sqlite:///{self.db}", self.clock(), role, HALL)

    def rows(self, sql: str, *args) -> list[tuple]:
        with sqlite3.connect(self.db) as db:
            return db.execute(sql, args).fetchall()

    def walk_in_elsewhere(self, matter: str) -> None:
        """A resident before ours took a number at another kiosk."""
        resp = CentralClient(self.url, "test-token").post(
            "/v1/tickets", {"hall": HALL, "matter": matter, "priority": False},
            idempotency_key=str(uuid.uuid4()))
        assert resp.status == 201


@pytest.fixture
def hall(tmp_path):
    with ExitStack() as stack:
        h = Hall(tmp_path, stack)
        yield h
        h.server.close()


@pytest.fixture
def roles(hall, make_window, connect, qtbot, demo_catalogue, demo_index, qapp):
    made: list = []

    def make(window_role: str = "window", display_role: str = "display"):
        kiosk = make_window(default_language="zh_CN")
        connect(kiosk, hall.url)  # the kiosk's sync worker and outbox, as ui.app connects

        desk = StaffDesk.open(hall.tmp_path / "window.db", CredentialStore(MemoryKeyring()))
        desk.roster.add_local(STAFF, "王芳", "assistant", PIN, datetime.now(UTC))
        terminal = WindowTerminal(demo_catalogue, demo_index, kiosk.settings, kiosk.languages,
                                  "3", staff_desk=lambda: desk)
        terminal.attach_central(CentralAccess(hall.enrolled(window_role),
                                              hall.tmp_path / "window.db", lambda: None,
                                              timeout=(0.5, 5.0)))
        speech = SilentSpeech()
        display = HallDisplay(HALL, hall_name_of(demo_catalogue, kiosk.settings),
                              CallAnnouncer(speech), pick_font_family(), wait_s=1.0)
        speech.setParent(display)
        display.attach_central(CentralAccess(hall.enrolled(display_role),
                                             hall.tmp_path / "display.db", lambda: None,
                                             timeout=(0.5, 5.0)))
        heard: list[str] = []
        speech.said.connect(heard.append)
        for widget, size in ((terminal, (1920, 1080)), (display, (1920, 1080))):
            qtbot.addWidget(widget)
            widget.resize(*size)
            widget.show()
        made.extend((terminal, display))
        return kiosk, terminal, display, heard

    yield make
    for widget in made:
        widget.detach_central()
        widget.close()


def take_number(kiosk, hall, qtbot, ahead_of_us: int):
    kiosk.go("walk_in")
    screen = kiosk.screens["walk_in"]
    first = screen.grid.items_on_page()[0]
    matter = first.objectName().removeprefix("walk-in-")
    for _ in range(ahead_of_us):
        hall.walk_in_elsewhere(matter)
    first.click()
    qtbot.waitUntil(lambda: screen.number.isVisible(), timeout=10_000)
    return screen, screen.ticket()


def sign_in(terminal, qtbot):
    for ch in STAFF:
        terminal.sign_in.keypad.key.emit(ch)
    terminal.sign_in.next_button.click()
    for ch in PIN:
        terminal.sign_in.keypad.key.emit(ch)
    terminal.sign_in.next_button.click()
    assert terminal.pages.currentWidget() is terminal.calling
    qtbot.waitUntil(lambda: not terminal.steps.busy, timeout=15_000)


def press(terminal, button, qtbot):
    assert button.isEnabled(), terminal.calling.message.text()
    button.click()
    qtbot.waitUntil(lambda: not terminal.steps.busy, timeout=10_000)
    assert not terminal.calling.message.text().startswith("网络中断"), terminal.calling.message.text()


def call_ours_and_serve(terminal, display, heard, number, qtbot):
    """The two before ours are called and served; then ours, shown and spoken."""
    page = terminal.calling
    for _ in range(3):
        press(terminal, page.next_button, qtbot)
        called = page.number.text()
        qtbot.waitUntil(lambda called=called: display.call_number.text() == called, timeout=15_000)
        if called == number:
            break
        press(terminal, page.served_button, qtbot)
        terminal.rating.skip_button.click()  # that resident did not rate
    assert page.number.text() == number
    said = f"请 {spelled(number, DIGITS_ZH)} 号到 3 号窗口办理"
    qtbot.waitUntil(lambda: said in heard, timeout=10_000)
    assert display.call_window.text() == "→ 3 号窗口"
    press(terminal, page.served_button, qtbot)
    assert terminal.pages.currentWidget() is terminal.rating_page
    terminal.rating.skip_button.click()  # our resident rates at the kiosk instead


def rate_dissatisfied(kiosk, walk_in):
    walk_in.rate_button.click()
    panel = kiosk.current.panel
    panel.face_buttons[Level.DISSATISFIED].click()
    panel.next_button.click()
    panel.reason_buttons["long_wait"].click()
    panel.next_button.click()
    panel.next_button.click()  # no comment
    panel.skip_button.click()  # no phone: anonymous
    return panel


def test_walk_in_called_shown_spoken_served_rated_and_followed_up(hall, roles, qtbot):
    kiosk, terminal, display, heard = roles()
    walk_in, ticket = take_number(kiosk, hall, qtbot, ahead_of_us=2)
    qtbot.waitUntil(lambda: walk_in.ticket_view.ahead.text() == "前面还有 2 人", timeout=10_000)
    sign_in(terminal, qtbot)
    call_ours_and_serve(terminal, display, heard, ticket["number"], qtbot)

    panel = rate_dissatisfied(kiosk, walk_in)
    qtbot.waitUntil(lambda: "评价已送达服务中心。" in panel.result.text(), timeout=10_000)
    visit = f"ticket:{ticket['ticket_id']}"
    (rating,) = hall.rows("SELECT rating_id, level, reasons FROM ratings WHERE visit = ?", visit)
    assert rating[1] == "dissatisfied" and "long_wait" in rating[2]
    (case,) = hall.rows("SELECT state FROM rating_cases WHERE rating_id = ?", rating[0])
    assert case == ("open",)

    # one rating per matter and visit: a second one of the same ticket is kept out, and said
    kiosk.go("rating", matter=ticket["matter"], ticket_id=ticket["ticket_id"])
    again = kiosk.current.panel
    again.face_buttons[Level.VERY_SATISFIED].click()
    again.next_button.click()
    qtbot.waitUntil(lambda: "已经评价过了" in again.result.text(), timeout=10_000)
    assert hall.rows("SELECT level FROM ratings WHERE visit = ?", visit) == [("dissatisfied",)]


def test_the_rating_made_offline_is_delivered_later_exactly_once(hall, roles, qtbot):
    kiosk, terminal, display, heard = roles()
    walk_in, ticket = take_number(kiosk, hall, qtbot, ahead_of_us=2)
    qtbot.waitUntil(lambda: walk_in.ticket_view.ahead.text() == "前面还有 2 人", timeout=10_000)
    sign_in(terminal, qtbot)
    call_ours_and_serve(terminal, display, heard, ticket["number"], qtbot)

    hall.stop()  # the network is down for the kiosk (and for the whole hall)
    panel = rate_dissatisfied(kiosk, walk_in)
    qtbot.waitUntil(lambda: "网络暂时中断" in panel.result.text(), timeout=10_000)
    assert "已送达" not in panel.result.text()
    qtbot.waitUntil(lambda: display.offline.isVisible(), timeout=10_000)  # said on the board too
    panel.next_button.click()  # Done: the resident leaves; the rating stays in the outbox
    assert kiosk.current.name == "home"
    pending = [i for i in kiosk.central.outbox.items("pending") if i.kind == "rating"]
    assert len(pending) == 1

    hall.start()  # back: the kiosk's sync sends it by itself
    visit = f"ticket:{ticket['ticket_id']}"
    qtbot.waitUntil(lambda: hall.rows("SELECT count(*) FROM ratings WHERE visit = ?", visit)
                    == [(1,)], timeout=20_000)
    qtbot.waitUntil(lambda: not [i for i in kiosk.central.outbox.items("pending")
                                 if i.kind == "rating"], timeout=10_000)
    kiosk.urge_sync()  # and once more: nothing is sent twice
    qtbot.wait(500)
    assert hall.rows("SELECT count(*) FROM ratings WHERE visit = ?", visit) == [(1,)]
    assert hall.rows("SELECT count(*) FROM rating_cases c JOIN ratings r USING (rating_id) "
                     "WHERE r.visit = ?", visit) == [(1,)]
    qtbot.waitUntil(lambda: display.offline.isHidden(), timeout=20_000)


def test_a_terminal_and_a_display_enrolled_as_a_kiosk_say_they_are_refused(hall, roles, qtbot):
    """A resident's kiosk may not call numbers nor read the board (403
    ``wrong_device_role``): the window terminal and the display say so plainly, never as
    a network fault, and nothing is called."""
    _kiosk, terminal, display, _heard = roles(window_role="kiosk", display_role="kiosk")
    refused = "平台不接受本机：请重新登记本机"
    qtbot.waitUntil(lambda: display.offline.isVisible()
                    and display.offline.text() == refused, timeout=10_000)
    assert display.call_number.text() == ""
    hall.walk_in_elsewhere("GA-0002")
    sign_in(terminal, qtbot)
    terminal.calling.next_button.click()
    qtbot.waitUntil(lambda: not terminal.steps.busy, timeout=10_000)
    assert terminal.calling.message.text() == refused
    assert terminal.calling.number.text() == ""
    assert hall.rows("SELECT COUNT(*) FROM queue_calls") == [(0,)]

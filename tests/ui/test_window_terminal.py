"""The window terminal through its real widgets: the PIN pad, the five buttons, the ticket
(matter and checklist, never who the resident is), plain words when the network is down
(nothing lost, the same press retried with the same key), and the rating turned to the
resident after Served. The queue is a fake at our own boundary (``QueueClient``'s
methods); the whole loop against the real server is in test_queue_loop.py."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from kiosk.queue.model import ChecklistItem, QueueTicket, TicketState, WindowTicket
from kiosk.rules.catalogue import Text
from kiosk.rules.ratings import Level
from kiosk.staff.desk import StaffDesk
from kiosk.sync.api_client import Refused, Unreachable
from kiosk.sync.enrolment import CredentialStore, DeviceCredentials, MemoryKeyring
from ui.central_access import CentralAccess
from ui.queue.terminal import WindowTerminal

NOW = datetime(2026, 12, 7, 2, 30, tzinfo=UTC)
NUMBER, PIN = "0371", "246810"
ID_NUMBER = "11010519491231002X"


class FakeQueue:
    """Two tickets waiting; every step recorded with its Idempotency-Key."""

    def __init__(self) -> None:
        self.waiting = ["A012", "A013"]
        self.called: WindowTicket | None = None
        self.steps: list[tuple[str, str, str | None]] = []
        self.down = False

    def _ticket(self, number: str, recalls: int = 0, state=TicketState.CALLED) -> QueueTicket:
        return QueueTicket(f"t-{number}", number, "city_centre", "A", "GA-0001", False, False,
                           state, "3", NOW, NOW, recalls, None)

    def _step(self, name: str, staff: str, key: str | None) -> None:
        self.steps.append((name, staff, key))
        if self.down:
            raise Unreachable("connect", "connection refused")

    def call_next(self, staff, window, areas=(), *, key=None):
        self._step("next", staff, key)
        if self.called is not None:
            raise Refused(409, {"code": "window_busy", "detail": "busy"})
        if not self.waiting:
            return None
        number = self.waiting.pop(0)
        self.called = WindowTicket(
            self._ticket(number), Text("居民身份证换领", "Renew resident ID card"),
            (ChecklistItem(Text("居民身份证", "Resident ID card"), "original", 1, True, None),
             ChecklistItem(Text("户口簿", "Household register"), "copy", 2, False, None)), 2)
        return self.called

    def current(self, staff, window):
        if self.down:
            raise Unreachable("connect", "connection refused")
        return self.called

    def recall(self, staff, window, ticket_id, *, key=None):
        self._step("recall", staff, key)
        t = self.called
        self.called = replace(t, ticket=replace(t.ticket, recalls=t.ticket.recalls + 1))
        return self.called

    def _close(self, name, staff, key, state):
        self._step(name, staff, key)
        t = self.called.ticket
        self.called = None
        return replace(t, state=state)

    def served(self, staff, window, ticket_id, *, key=None):
        return self._close("served", staff, key, TicketState.SERVED)

    def no_show(self, staff, window, ticket_id, *, key=None):
        return self._close("no_show", staff, key, TicketState.NO_SHOW)

    def transfer(self, staff, window, ticket_id, *, to_window=None, to_area=None, key=None):
        t = self._close("transfer", staff, key, TicketState.WAITING)
        return replace(t, window=to_window, area=to_area or t.area)


@pytest.fixture
def terminal(qtbot, demo_catalogue, demo_index, built_translations, qapp, tmp_path):
    from kiosk.device.settings import Settings
    from ui.i18n import LanguageSwitch

    made = []

    def make(language="zh_CN", size=(1920, 1080), clock=None):
        switch = LanguageSwitch(qapp)
        switch.set_language(language)
        desk = StaffDesk.open(tmp_path / "desk.db", CredentialStore(MemoryKeyring()))
        desk.roster.add_local(NUMBER, "王芳", "assistant", PIN, datetime.now(UTC))
        settings = Settings.defaults().with_values(default_language=language)
        t = WindowTerminal(demo_catalogue, demo_index, settings, switch, "3",
                           staff_desk=lambda: desk, wall_clock=lambda: NOW,
                           **({"clock": clock} if clock is not None else {}))
        queue = FakeQueue()
        t.steps._queue = lambda: queue
        folder = tempfile.TemporaryDirectory(prefix="window-test-")
        creds = DeviceCredentials("w3", "token", "city_centre", "http://127.0.0.1:9")
        t.attach_central(CentralAccess(creds, Path(folder.name) / "k.db", lambda: None,
                                       timeout=(0.2, 0.2), folder=folder))
        qtbot.addWidget(t)
        t.resize(*size)
        t.show()
        qtbot.waitExposed(t)
        made.append(t)
        return t, queue
    yield make
    for t in made:
        t.detach_central()
        t.close()


def sign_in(t, pin=PIN):
    for ch in NUMBER:
        t.sign_in.keypad.key.emit(ch)
    t.sign_in.next_button.click()
    for ch in pin:
        t.sign_in.keypad.key.emit(ch)
    t.sign_in.next_button.click()


def wait_idle(qtbot, t):
    qtbot.waitUntil(lambda: not t.steps.busy, timeout=15_000)


def call_one(t, qtbot):
    """Sign in and call the next number."""
    sign_in(t)
    wait_idle(qtbot, t)
    t.calling.next_button.click()
    wait_idle(qtbot, t)


def serve_one(t, qtbot):
    """Sign in, call the next number and serve it: the screen turns to the resident."""
    call_one(t, qtbot)
    t.calling.served_button.click()
    wait_idle(qtbot, t)


def test_nothing_to_press_before_staff_sign_in(terminal):
    t, queue = terminal()
    assert t.pages.currentWidget() is t.sign_in
    sign_in(t, pin="111111")  # wrong: still the PIN pad, and it says so
    assert t.pages.currentWidget() is t.sign_in
    assert "工号或 PIN 码错误" in t.sign_in.message.text()
    assert queue.steps == []


def test_call_next_shows_the_number_matter_and_checklist_never_the_resident(terminal, qtbot):
    t, queue = terminal()
    sign_in(t)
    assert t.pages.currentWidget() is t.calling
    assert t.who.text() == "王芳" and "3 号窗口" in t.where.text()
    wait_idle(qtbot, t)
    page = t.calling
    assert page.next_button.isEnabled() and not page.served_button.isEnabled()
    page.next_button.click()
    wait_idle(qtbot, t)
    assert queue.steps[-1][:2] == ("next", NUMBER)  # the staff number goes with every step
    assert page.number.text() == "A012"
    assert page.matter.text() == "居民身份证换领"
    lines = page.checklist.text().splitlines()
    assert lines[0] == "群众应带的材料："
    assert lines[1].startswith("☐ 居民身份证（原件") and lines[2].startswith("☐ 户口簿（复印件")
    shown = " ".join(label.text() for label in t.findChildren(QLabel) if label.isVisible())
    assert ID_NUMBER not in shown and "身份证号" not in shown  # whose ticket: never said
    assert not page.next_button.isEnabled()  # one ticket at a time at a window
    assert not page.no_show_button.isEnabled()  # not before the hall's 2 recalls


def test_no_show_only_after_the_halls_recalls(terminal, qtbot):
    t, queue = terminal()
    call_one(t, qtbot)
    page = t.calling
    for _ in range(2):
        page.recall_button.click()
        wait_idle(qtbot, t)
    assert page.calls.text() == "已呼叫 3 次，可以标记过号。"
    assert page.no_show_button.isEnabled()
    page.no_show_button.click()
    wait_idle(qtbot, t)
    assert page.message.text() == "A012 已标记为过号。"
    assert page.next_button.isEnabled() and page.current is None


def test_network_down_says_so_loses_nothing_and_retries_with_the_same_key(terminal, qtbot):
    t, queue = terminal()
    call_one(t, qtbot)
    page = t.calling
    queue.down = True
    page.served_button.click()
    wait_idle(qtbot, t)
    assert page.message.text() == "网络中断，这一步没有执行。网络恢复后再按一次，信息不会丢失。"
    assert page.number.text() == "A012" and page.served_button.isEnabled()  # still there
    queue.down = False
    page.served_button.click()
    wait_idle(qtbot, t)
    tried, done = queue.steps[-2], queue.steps[-1]
    assert tried[0] == done[0] == "served" and tried[2] == done[2]  # one step, never two
    assert t.pages.currentWidget() is t.rating_page


def test_a_refusal_is_explained(terminal, qtbot):
    t, queue = terminal()
    sign_in(t)
    wait_idle(qtbot, t)
    queue.call_next(NUMBER, "3")  # called from another terminal: the window is busy
    t.calling.current = None
    t.calling.retranslate()
    t.calling.next_button.click()
    wait_idle(qtbot, t)
    assert t.calling.message.text().startswith("本窗口还有正在呼叫的号码")


def test_transfer_to_another_window(terminal, qtbot):
    t, queue = terminal()
    call_one(t, qtbot)
    page = t.calling
    page.transfer_button.click()
    assert page.transferring()
    assert not page.transfer.to_window.isEnabled()
    page.transfer.keypad.key.emit("5")
    page.transfer.to_window.click()
    wait_idle(qtbot, t)
    assert page.message.text() == "A012 已转到 5 号窗口。"
    assert not page.transferring() and page.current is None


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
def test_every_area_of_the_hall_can_be_chosen_for_a_transfer(terminal, qtbot, demo_catalogue, size):
    t, queue = terminal(size=size)
    call_one(t, qtbot)
    t.calling.transfer_button.click()
    grid = t.calling.transfer.area_grid
    seen = []
    for page in range(grid.page_count):
        grid.show_page(page)
        buttons = t.calling.transfer.area_buttons
        for b in buttons.values():  # on the screen, not under the cancel button
            assert b.isVisible()
            assert b.mapTo(t, b.rect().bottomLeft()).y() <= t.height()
        seen += list(buttons)
    assert seen == [d.code for d in demo_catalogue.departments]  # all 14, once each, in order
    next(iter(t.calling.transfer.area_buttons.values())).click()  # one of the last page
    wait_idle(qtbot, t)
    assert queue.steps[-1][0] == "transfer"


def test_served_turns_the_screen_to_the_resident_for_one_rating(terminal, qtbot):
    t, queue = terminal()
    serve_one(t, qtbot)
    assert t.pages.currentWidget() is t.rating_page
    assert not t.sign_out_button.isVisible() and not t.who.isVisible()  # no staff controls
    assert t.rating_title.text() == "您对本次服务满意吗？"
    # no face looks chosen before one is: the page holds the focus, not a face (its ring)
    assert t.focusWidget() is t.rating_page
    t.elderly_button.click()  # the resident may want it large
    assert t.presentation.elderly
    t.rating.face_buttons[Level.DISSATISFIED].click()
    t.rating.next_button.click()
    t.rating.reason_buttons["attitude"].click()
    t.rating.next_button.click()
    t.rating.next_button.click()
    t.rating.skip_button.click()  # anonymous
    items = t.central.outbox.items("pending")
    (item,) = [i for i in items if i.kind == "rating"]
    payload = item.body["payload"]
    assert payload["ticket_id"] == "t-A012" and payload["window"] == "3"
    assert payload["level"] == "dissatisfied" and payload["reasons"] == ["attitude"]
    t.rating.next_button.click()  # Done: back to staff, in the standard size
    assert t.pages.currentWidget() is t.calling and not t.presentation.elderly
    t.offer_rating(replace(queue._ticket("A012"), state=TicketState.SERVED), "居民身份证换领")
    assert t.pages.currentWidget() is t.calling  # the same visit is not rated twice


def test_after_sign_in_the_window_asks_which_ticket_it_has(terminal, qtbot):
    t, queue = terminal()
    queue.call_next(NUMBER, "3")  # called before a restart of the terminal
    sign_in(t)
    wait_idle(qtbot, t)
    assert t.calling.number.text() == "A012" and t.calling.served_button.isEnabled()


def test_offline_at_sign_in_says_the_window_cannot_be_checked(terminal, qtbot):
    t, queue = terminal()
    queue.down = True
    sign_in(t)
    wait_idle(qtbot, t)
    assert t.calling.message.text() == "网络中断，暂时查不到本窗口正在办理的号码。信息没有丢失。"


def test_sign_out_leaves_nothing_of_the_staff(terminal, qtbot):
    t, queue = terminal()
    sign_in(t)
    wait_idle(qtbot, t)
    t.sign_out_button.click()
    assert t.pages.currentWidget() is t.sign_in and not t.staff.signed_in
    assert t.steps.staff == "" and not t.who.isVisible()


def test_a_terminal_left_alone_counts_down_then_signs_out_and_the_ticket_stays(terminal, qtbot):
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    now = [1000.0]
    t, queue = terminal(clock=lambda: now[0])
    idle, countdown = t.settings.staff_idle_seconds, t.settings.staff_idle_countdown_seconds
    call_one(t, qtbot)
    assert t.calling.number.text() == "A012"
    now[0] += idle + 1
    t.check_idle()
    assert t.calling.message.text() == f"本终端已有一段时间无人操作，{countdown} 秒后将退出登录。触摸屏幕可继续使用。"
    QTest.mouseClick(t.calling, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))  # still here
    assert t.calling.message.isHidden()
    t.check_idle()
    assert t.staff.signed_in
    now[0] += idle + 1
    t.check_idle()  # the warning again; nobody touches it
    now[0] += countdown + 1
    t.check_idle()
    assert not t.staff.signed_in and t.pages.currentWidget() is t.sign_in
    assert t.steps.staff == "" and not t.who.isVisible()
    assert t.sign_in.message.text().startswith("已因长时间无人操作退出登录")
    sign_in(t)  # the ticket was kept by the platform: back after the next sign-in
    wait_idle(qtbot, t)
    assert t.calling.number.text() == "A012"


def test_a_rating_left_half_done_counts_down_on_its_page_then_signs_out(terminal, qtbot):
    """The resident's taps on the rating are use; a rating walked away from is not a way
    to keep the staff signed in for ever."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    now = [1000.0]
    t, queue = terminal(clock=lambda: now[0])
    idle = t.settings.staff_idle_seconds
    serve_one(t, qtbot)
    assert t.pages.currentWidget() is t.rating_page
    now[0] += idle / 2
    QTest.mouseClick(t.rating_page, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))  # the resident
    now[0] += idle / 2 + 1
    t.check_idle()
    assert t.staff.signed_in and t.rating_prompt.text() == t.rating.prompt()  # that tap counted
    now[0] += idle / 2
    t.check_idle()  # nobody for the whole idle time: the countdown, on the rating page
    assert t.rating_prompt.isVisible() and "秒后将退出登录" in t.rating_prompt.text()
    now[0] += t.settings.staff_idle_countdown_seconds + 1
    t.check_idle()
    assert not t.staff.signed_in and t.pages.currentWidget() is t.sign_in


def test_the_touch_that_answers_the_countdown_presses_nothing_else(terminal, qtbot):
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    now = [1000.0]
    t, queue = terminal(clock=lambda: now[0])
    call_one(t, qtbot)
    now[0] += t.settings.staff_idle_seconds + 1
    t.check_idle()
    served = t.calling.served_button
    QTest.mouseClick(served, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    assert t.calling.message.isHidden() and t.staff.signed_in  # still here
    assert [s for s, _staff, _key in queue.steps] == ["next"]  # 办结 was not pressed
    QTest.mouseClick(served, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))  # now it is
    wait_idle(qtbot, t)
    assert [s for s, _staff, _key in queue.steps] == ["next", "served"]


def test_signing_out_leaves_no_transfer_half_typed(terminal, qtbot):
    t, queue = terminal()
    call_one(t, qtbot)
    t.calling.transfer_button.click()
    t.calling.transfer.keypad.key.emit("5")
    t.sign_out_button.click()
    sign_in(t)
    wait_idle(qtbot, t)
    assert not t.calling.transferring() and t.calling.transfer.window_field.text() == ""


def test_after_an_outage_the_windows_number_comes_back_by_itself(terminal, qtbot):
    """Signed in while the network was down (the terminal restarted in an outage, with a
    number called here): the terminal keeps asking, and shows the number once it can."""
    t, queue = terminal()
    t.calling._ask_again.setInterval(50)  # 5 s in the hall
    queue.call_next(NUMBER, "3")
    queue.down = True
    sign_in(t)
    wait_idle(qtbot, t)
    assert t.calling.number.isHidden()
    queue.down = False
    qtbot.waitUntil(lambda: t.calling.number.text() == "A012" and t.calling.number.isVisible(),
                    timeout=10_000)
    assert t.calling.served_button.isEnabled()


def test_a_busy_answer_to_next_fetches_the_number_the_screen_did_not_show(terminal, qtbot):
    t, queue = terminal()
    sign_in(t)
    wait_idle(qtbot, t)
    queue.call_next(NUMBER, "3")  # called while this screen could not know (another run)
    t.calling.next_button.click()
    wait_idle(qtbot, t)
    assert t.calling.number.text() == "A012" and t.calling.served_button.isEnabled()
    assert t.calling.message.text() == "本窗口还有正在呼叫的号码，请先处理（办结、过号或转移）。"


def test_the_keypad_is_there_at_start_when_the_desk_comes_after_the_window(
        qtbot, demo_catalogue, demo_index, built_translations, qapp, tmp_path):
    """``kiosk window`` makes the terminal, then gives it the sync's staff desk: the
    sign-in screen, shown before, said sign-in was unavailable until a tap on Cancel."""
    from kiosk.device.settings import Settings
    from ui.i18n import LanguageSwitch

    LanguageSwitch(qapp).set_language("zh_CN")
    t = WindowTerminal(demo_catalogue, demo_index, Settings.defaults(), LanguageSwitch(qapp), "3",
                       wall_clock=lambda: NOW)
    qtbot.addWidget(t)
    t.resize(1920, 1080)
    t.show()
    assert t.sign_in.keypad.isHidden()  # no desk yet: unavailable, said so
    desk = StaffDesk.open(tmp_path / "desk.db", CredentialStore(MemoryKeyring()))
    desk.roster.add_local(NUMBER, "王芳", "assistant", PIN, datetime.now(UTC))
    t.use_desk(lambda: desk)
    assert t.sign_in.keypad.isVisible() and t.sign_in.message.isHidden()
    sign_in(t)
    assert t.staff.signed_in
    t.close()

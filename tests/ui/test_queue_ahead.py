""""前面还有 N 人" on the kiosk's tickets: asked off the GUI thread, asked again while the
ticket is shown, and honest when the platform cannot answer (a count from before the
network went is not shown as if it were still true)."""

from __future__ import annotations

import pytest

from kiosk.queue.model import Ahead, TicketState
from kiosk.sync.api_client import Unreachable
from ui.queue.ahead import AheadWatch, ahead_text


class FakeQueue:
    def __init__(self) -> None:
        self.answers: list[Ahead | Exception] = []
        self.asked: list[str] = []

    def ahead(self, ticket_id: str) -> Ahead:
        self.asked.append(ticket_id)
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer


def ahead(n: int, state=TicketState.WAITING, window=None) -> Ahead:
    return Ahead("t1", "A012", "A", state, n, window)


@pytest.fixture
def zh(qapp, built_translations):
    from ui.i18n import LanguageSwitch

    switch = LanguageSwitch(qapp)
    switch.set_language("zh_CN")
    yield
    switch.set_language("en")


def test_the_words_for_each_answer(zh):
    assert ahead_text(ahead(2), False) == "前面还有 2 人"
    assert ahead_text(ahead(1), False) == "前面还有 1 人"
    assert ahead_text(ahead(0), False) == "下一位就是您，请留意叫号屏"
    assert ahead_text(ahead(0, TicketState.CALLED, "3"), False) == "正在呼叫您的号码，请到 3 号窗口办理"
    assert ahead_text(ahead(0, TicketState.SERVED), False) == ""  # nothing to wait for
    assert ahead_text(None, True) == "网络中断，暂时无法查询排队人数"
    assert ahead_text(None, False) == "正在查询排队人数……"


def test_asked_again_while_shown_and_honest_when_the_network_goes(qtbot, zh):
    from PySide6.QtCore import QObject

    queue = FakeQueue()
    queue.answers = [ahead(2), Unreachable("connect", "refused"), ahead(1)]
    owner = QObject()
    watch = AheadWatch(owner, lambda: queue, refresh_ms=50)
    said: list[tuple[str, bool]] = []
    watch.changed.connect(lambda text, count: said.append((text, count)))
    watch.watch("t1")
    qtbot.waitUntil(lambda: ("前面还有 1 人", True) in said, timeout=15_000)
    watch.stop()
    assert said[0] == ("正在查询排队人数……", False)
    assert said[1:4] == [("前面还有 2 人", True), ("网络中断，暂时无法查询排队人数", False),
                         ("前面还有 1 人", True)]
    assert queue.asked == ["t1", "t1", "t1"]
    assert watch.ticket == "" and watch.text() == "正在查询排队人数……"  # stopped: forgotten


def test_not_connected_is_said_at_once(qtbot, zh):
    from PySide6.QtCore import QObject

    owner = QObject()
    watch = AheadWatch(owner, lambda: None)
    said: list[str] = []
    watch.changed.connect(lambda text, _count: said.append(text))
    watch.watch("t1")
    watch.stop()
    assert said[-1] == "网络中断，暂时无法查询排队人数"

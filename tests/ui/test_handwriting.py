"""The writing pad (手写) on the search screen: strokes drawn with the mouse (as Qt delivers
a touch screen's touches), candidates tapped into the search words, Undo, Rewrite and
Delete; not offered where no recogniser is installed; forgotten by the session wipe."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from kiosk.handwriting.recognizer import Candidate, find_model
from kiosk.handwriting.zinnia import find_library
from tests.helpers.strokes import pad_strokes

needs_zinnia = pytest.mark.skipif(
    find_model("") is None or find_library() is None,
    reason="no Zinnia handwriting recogniser here (apt-get install libzinnia0 "
           "tegaki-zinnia-simplified-chinese)",
)


class FakeRecognizer:
    """Answers the characters it is given, and keeps what it was asked (at our boundary)."""

    def __init__(self, answer: str) -> None:
        self.answer = answer
        self.asked: list[list] = []

    def recognize(self, strokes, limit=10):
        self.asked.append(strokes)
        return [Candidate(c, 1.0 - i / 10) for i, c in enumerate(self.answer[:limit])]


def draw(pad, strokes, size: float = 600.0) -> None:
    """Each stroke (on a ``size`` square) as a press, moves and a release on the pad."""
    scale = min(pad.width(), pad.height()) / size

    def at(x: float, y: float) -> QPoint:
        return QPoint(round(x * scale), round(y * scale))

    for stroke in strokes:
        QTest.mousePress(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         at(*stroke[0]))
        for x, y in stroke[1::2]:
            QTest.mouseMove(pad, at(x, y))
        QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                           at(*stroke[-1]))


@pytest.fixture
def make_panel(qtbot):
    """Panels as windows of their own (on the screen one has a parent), closed and deleted
    when the test ends, passed or failed."""
    import shiboken6

    from ui.widgets.handwriting import HandwritingPanel

    made = []

    def make(engine):
        widget = HandwritingPanel(lambda: engine)  # engine None: no recogniser
        widget.engine = engine
        widget.resize(700, 600)
        widget.show()
        qtbot.waitExposed(widget)
        made.append(widget)
        return widget

    yield make
    for widget in made:
        widget.reset()
        widget.close()
        shiboken6.delete(widget)


@pytest.fixture
def panel(make_panel):
    return make_panel(FakeRecognizer("十士干"))


def test_strokes_are_drawn_recognised_and_a_candidate_picked(panel, qtbot):
    draw(panel.pad, [[(100, 300), (300, 300), (500, 300)]])
    assert len(panel.pad.strokes()) == 1
    draw(panel.pad, [[(300, 100), (300, 300), (300, 500)]])
    qtbot.waitUntil(lambda: panel.candidates() == ["十", "士", "干"])
    asked = panel.engine.asked[-1]
    assert len(asked) == 2 and asked[0][0][1] == asked[0][-1][1]  # the horizontal first
    with qtbot.waitSignal(panel.picked) as picked:
        qtbot.mouseClick(panel.candidate_buttons[0], Qt.MouseButton.LeftButton)
    assert picked.args == ["十"]
    assert not panel.pad.has_strokes() and panel.candidates() == []  # ready for the next


def test_undo_takes_back_one_stroke_and_rewrite_all(panel, qtbot):
    draw(panel.pad, [[(100, 300), (500, 300)], [(300, 100), (300, 500)]])
    qtbot.waitUntil(lambda: bool(panel.candidates()))
    qtbot.mouseClick(panel.undo_button, Qt.MouseButton.LeftButton)
    assert len(panel.pad.strokes()) == 1
    qtbot.waitUntil(lambda: len(panel.engine.asked[-1]) == 1)  # recognised again
    qtbot.mouseClick(panel.clear_button, Qt.MouseButton.LeftButton)
    assert not panel.pad.has_strokes()
    assert panel.candidates() == []


def test_without_a_recogniser_nothing_is_offered_and_nothing_breaks(qtbot, make_panel):
    widget = make_panel(None)
    draw(widget.pad, [[(100, 300), (500, 300)]])
    qtbot.wait(50)
    assert widget.candidates() == []


def open_pad(qtbot, window):
    search = window.screens["search"]
    offered = search.input_toggle.text_content()  # 手写 / Handwriting
    qtbot.mouseClick(search.input_toggle, Qt.MouseButton.LeftButton)
    assert search.handwriting.isVisible() and not search.keyboard.isVisible()
    assert search.showing_handwriting()
    assert search.input_toggle.text_content() not in ("", offered)  # now 键盘 / Keyboard
    return search


@needs_zinnia
@pytest.mark.parametrize("elderly", [False, True], ids=["standard", "elderly"])
def test_write_she_bao_ka_on_the_search_screen(make_window, qtbot, elderly):
    """社, 保 and 卡 written stroke by stroke with the real model, each tapped among its
    candidates: the search words are 社保卡 and the social-security card is found."""
    w = make_window(default_elderly=elderly)
    w.go("search")
    search = open_pad(qtbot, w)
    panel = search.handwriting
    for char in "社保卡":
        draw(panel.pad, pad_strokes(char))
        qtbot.waitUntil(lambda char=char: char in panel.candidates(), timeout=3000)
        qtbot.mouseClick(panel.candidate_buttons[panel.candidates().index(char)],
                         Qt.MouseButton.LeftButton)
    assert search.field.text() == "社保卡"
    assert any("社会保障卡" in h.matter.name.zh for h in search.last_hits[:3])
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert search.field.text() == "社保"


@needs_zinnia
def test_back_to_the_keyboard_and_the_wipe_forget_the_strokes(make_window, qtbot):
    w = make_window()
    w.go("search")
    search = open_pad(qtbot, w)
    draw(search.handwriting.pad, pad_strokes("十"))
    qtbot.waitUntil(lambda: bool(search.handwriting.candidates()), timeout=3000)
    qtbot.mouseClick(search.input_toggle, Qt.MouseButton.LeftButton)
    assert search.keyboard.isVisible() and not search.handwriting.pad.has_strokes()
    open_pad(qtbot, w)
    draw(search.handwriting.pad, pad_strokes("十"))
    w.wipe()
    assert not search.handwriting.pad.has_strokes() and search.handwriting.candidates() == []
    assert search.inputs.currentWidget() is search.keyboard and not search.showing_handwriting()


@pytest.mark.parametrize("setting", ["off", "/nowhere/handwriting-zh_CN.model"])
def test_no_recogniser_no_pad(make_window, qtbot, setting):
    w = make_window(handwriting_model=setting)
    w.go("search")
    search = w.screens["search"]
    assert search.handwriting is None and search.input_toggle is None
    assert search.keyboard.isVisible()
    qtbot.mouseClick(search.keyboard.keys["s"], Qt.MouseButton.LeftButton)
    assert search.field.text() == "s"
    search.show_input("handwriting")  # asked for anyway: nothing happens
    assert search.keyboard.isVisible()


class HeldRecognizer(FakeRecognizer):
    """Answers only once released: recognition that takes as long as the test wants."""

    def __init__(self, answer: str) -> None:
        super().__init__(answer)
        import threading

        self.release = threading.Event()

    def recognize(self, strokes, limit=10):
        assert self.release.wait(5), "never released"
        found = super().recognize(strokes, limit)
        return found if len(strokes) > 1 else [Candidate("丨", 1.0)]  # one stroke: 丨


def test_slow_recognition_does_not_hold_the_pad(qtbot, make_panel):
    """Recognition runs off the GUI thread: the pad takes the next stroke while the first
    is still being recognised, and only the answer for the newer strokes is shown."""
    engine = HeldRecognizer("口日")
    widget = make_panel(engine)
    draw(widget.pad, [[(100, 100), (100, 500)]])
    draw(widget.pad, [[(100, 100), (500, 100), (500, 500)]])  # taken while the first waits
    assert len(widget.pad.strokes()) == 2 and widget.candidates() == []
    engine.release.set()
    qtbot.waitUntil(lambda: len(engine.asked) == 2)
    assert sorted(len(a) for a in engine.asked) == [1, 2]  # the two calls, in either order
    qtbot.waitUntil(lambda: widget.candidates() == ["口", "日"])
    qtbot.wait(50)
    assert widget.candidates() == ["口", "日"]  # never 丨, the answer for the first stroke

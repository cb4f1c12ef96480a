"""The writing pad's states for the gallery: the pad empty, and 卡 written after 社保 was
picked, with the recogniser's candidates (only where a recogniser is installed; without
one the search screen is shown as it is, with the keyboard alone).

The strokes are written as a finger does: mouse presses, moves and releases sent to
the pad (Qt delivers a touch screen's touches to it the same way).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from ui.gallery import as_screen
from ui.qt_app import qt_app
from ui.screens.search import SearchScreen
from ui.shell import KioskWindow
from ui.widgets.writing_pad import WritingPad

#: 卡 by hand, in writing order, on a 100 × 100 square: the upper vertical, the short
#: bar to its right, the long horizontal, the lower vertical, the dot
KA = (
    ((45, 8), (45, 46)),
    ((46, 27), (72, 27)),
    ((10, 50), (50, 49), (90, 48)),
    ((45, 50), (45, 95)),
    ((50, 60), (62, 69)),
)


def write(pad: WritingPad, strokes, steps: int = 8) -> None:
    """Draw ``strokes`` (on a 100 square) across the pad's middle square, as a finger would."""
    side = min(pad.width(), pad.height()) * 0.8
    left, top = (pad.width() - side) / 2, (pad.height() - side) / 2

    def at(x: float, y: float) -> QPointF:
        return QPointF(left + x * side / 100, top + y * side / 100)

    def send(kind: QMouseEvent.Type, point: QPointF, buttons: Qt.MouseButton) -> None:
        event = QMouseEvent(kind, point, pad.mapToGlobal(point), Qt.MouseButton.LeftButton
                            if kind != QMouseEvent.Type.MouseMove else Qt.MouseButton.NoButton,
                            buttons, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(pad, event)

    left_button = Qt.MouseButton.LeftButton
    for stroke in strokes:
        send(QMouseEvent.Type.MouseButtonPress, at(*stroke[0]), left_button)
        for (x0, y0), (x1, y1) in zip(stroke, stroke[1:], strict=False):
            for k in range(1, steps + 1):
                send(QMouseEvent.Type.MouseMove,
                     at(x0 + (x1 - x0) * k / steps, y0 + (y1 - y0) * k / steps), left_button)
        send(QMouseEvent.Type.MouseButtonRelease, at(*stroke[-1]), Qt.MouseButton.NoButton)


def _pad(state: str) -> Callable[[KioskWindow], None]:
    def reach(w: KioskWindow) -> None:
        w.go("search", query="社保" if state == "candidates" else "")
        screen = as_screen(w.screens["search"], SearchScreen)
        panel = screen.handwriting
        if panel is None:  # no recogniser here: the keyboard alone, as residents see it
            return
        screen.show_input("handwriting")  # as a tap on 手写 beside the field does
        qt_app().processEvents()  # the pad laid out at its size before it is written on
        if state == "candidates":
            write(panel.pad, KA)
            panel.recognise_now()
    return reach


def handwriting_states() -> dict[str, Callable[[KioskWindow], None]]:
    return {"search-handwriting": _pad("empty"), "search-handwriting-candidates": _pad("candidates")}

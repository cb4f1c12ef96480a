"""What counts as someone using the screen, for the idle clocks of the kiosk's sessions
and of a window terminal's signed-in staff: a press, a touch, a key, the wheel, typing
through an input method. Moves and releases do not (a cursor resting on the screen is
not a person)."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QInputEvent, QInputMethodEvent

INPUT_EVENTS = frozenset({
    QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin, QEvent.Type.KeyPress,
    QEvent.Type.Wheel, QEvent.Type.InputMethod,
})


def is_use(event: QEvent) -> bool:
    return isinstance(event, QInputEvent | QInputMethodEvent) and event.type() in INPUT_EVENTS

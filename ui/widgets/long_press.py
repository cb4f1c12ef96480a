"""A long press on a widget (about 3 s, by finger or mouse): the hidden way into staff
mode. Released early, moved off, or the widget hidden: nothing happens."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

PRESS = {QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin}
RELEASE = {QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd, QEvent.Type.TouchCancel,
           QEvent.Type.Leave, QEvent.Type.Hide}


class LongPress(QObject):
    held = Signal()

    def __init__(self, widget: QWidget, seconds: float = 3.0) -> None:
        super().__init__(widget)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(int(seconds * 1000))
        self.timer.timeout.connect(self.held.emit)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in PRESS:
            self.timer.start()
        elif event.type() in RELEASE:
            self.timer.stop()
        return False

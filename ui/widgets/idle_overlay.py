"""The "您还在吗？ / Are you still there?" overlay with its countdown and one big button."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ui.i18n import plural, translate
from ui.theme import set_role
from ui.widgets.buttons import TextButton


class IdleOverlay(QWidget):
    still_here = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("idle-overlay")
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        self.card = QFrame(self)
        set_role(self.card, "card")
        self.card.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        inner = self._inner = QVBoxLayout(self.card)
        self.question = QLabel(self.card)
        self.question.setWordWrap(True)
        self.question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        set_role(self.question, "display")
        self.countdown = QLabel(self.card)
        self.countdown.setWordWrap(True)
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.button = TextButton("primary", self.card)
        self.button.setObjectName("still-here")
        self.button.clicked.connect(self.still_here.emit)
        inner.addWidget(self.question)
        inner.addWidget(self.countdown)
        inner.addWidget(self.button)
        row = QHBoxLayout()  # centred without an alignment flag, which would lose the wrapping
        row.addStretch(1)
        row.addWidget(self.card, 100)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(1)
        self._seconds = 30
        self.hide()
        self.retranslate()

    def set_metrics(self, margin: int, gap: int, width: int) -> None:
        self._inner.setContentsMargins(margin, margin, margin, margin)
        self._inner.setSpacing(gap * 2)
        self.card.setMaximumWidth(width)

    def show_seconds(self, seconds: int) -> None:
        self._seconds = seconds
        self.retranslate()
        if not self.isVisible():
            parent = self.parentWidget()
            assert parent is not None  # made with a parent (the window), never taken off it
            self.setGeometry(parent.rect())
            self.show()
            self.raise_()

    def retranslate(self) -> None:
        self.question.setText("您还在吗？\nAre you still there?")
        self.countdown.setText(plural(
            self._seconds,
            translate("Idle", "To protect your privacy, the screen will be cleared in 1 second."),
            translate("Idle", "To protect your privacy, the screen will be cleared in %1 seconds."),
        ))
        self.button.set_texts("我还在", "I'm still here")

    def paintEvent(self, _event) -> None:  # noqa: N802 — dim what is behind
        QPainter(self).fillRect(self.rect(), QColor(0, 0, 0, 170))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

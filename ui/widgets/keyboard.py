"""The on-screen A–Z keyboard for typing pinyin initials or English.

Alphabetical rather than QWERTY: many residents have never typed on a
computer, and ABC order is the one they can find a letter in. Keys are at least
the touch-target token, with the gap token between them.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QGridLayout, QPushButton, QWidget

from ui.i18n import translate
from ui.theme import set_role
from ui.widgets.buttons import TextButton

ROWS = ("ABCDEFGH", "IJKLMNOP", "QRSTUVWX", "YZ")


class LetterKeyboard(QWidget):
    letter = Signal(str)
    backspace = Signal()
    space = Signal()
    clear = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self.keys: dict[str, QPushButton] = {}  # letters, backspace, space, clear
        for r, row in enumerate(ROWS):
            for c, ch in enumerate(row):
                key = self._key(ch.lower(), ch)
                key.clicked.connect(lambda _=False, ch=ch: self.letter.emit(ch.lower()))
                self._grid.addWidget(key, r, c)
        last = len(ROWS) - 1
        used = len(ROWS[last])
        self.space_key = self._wide_key("space")
        self.space_key.clicked.connect(self.space.emit)
        self._grid.addWidget(self.space_key, last, used, 1, 2)
        self.back_key = self._key("backspace", "⌫")
        self.back_key.clicked.connect(self.backspace.emit)
        self._grid.addWidget(self.back_key, last, used + 2, 1, 2)
        self.clear_key = self._wide_key("clear")
        self.clear_key.clicked.connect(self.clear.emit)
        self._grid.addWidget(self.clear_key, last, used + 4, 1, 2)
        self.retranslate()

    def _key(self, name: str, text: str) -> QPushButton:
        key = QPushButton(text, self)
        key.setObjectName(f"key-{name}")
        set_role(key, "key")
        key.setAccessibleName(text)
        self.keys[name] = key
        return key

    def _wide_key(self, name: str) -> TextButton:
        """A key with a word on it, which may wrap in long languages."""
        key = TextButton("key", self)
        key.setObjectName(f"key-{name}")
        self.keys[name] = key
        return key

    def set_gap(self, gap: int) -> None:
        self._grid.setSpacing(gap)

    def retranslate(self) -> None:
        self.space_key.set_texts(translate("Keyboard", "Space"))
        self.back_key.setText("⌫")
        self.back_key.setAccessibleName(translate("Keyboard", "Delete"))
        self.clear_key.set_texts(translate("Keyboard", "Clear"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

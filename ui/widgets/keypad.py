"""A big numeric keypad for ID and mobile numbers: 0–9, X (the ID check character),
delete and clear. Digits three a row like a telephone, delete and clear in a
column of their own: four rows, so it fits under the box even in 长辈版."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QGridLayout, QLineEdit, QPushButton, QWidget

from ui.i18n import translate
from ui.theme import set_role
from ui.widgets.buttons import TextButton

ROWS = ("123", "456", "789", "X0")
#: where each key sits: (row, column, row span, column span)
PLACES = {"X": (3, 0, 1, 1), "0": (3, 1, 1, 2)}


class NumericKeypad(QWidget):
    key = Signal(str)
    backspace = Signal()
    clear = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self.keys: dict[str, QPushButton] = {}
        for r, row_keys in enumerate(ROWS):
            for c, ch in enumerate(row_keys):
                key = QPushButton(ch, self)
                key.setObjectName(f"key-{ch}")
                set_role(key, "key")
                key.setAccessibleName(ch)
                key.clicked.connect(lambda _=False, ch=ch: self.key.emit(ch))
                self.keys[ch] = key
                self._grid.addWidget(key, *PLACES.get(ch, (r, c, 1, 1)))
        self.back_key = QPushButton("⌫", self)
        self.back_key.setObjectName("key-backspace")
        set_role(self.back_key, "key")
        self.back_key.clicked.connect(self.backspace.emit)
        self._grid.addWidget(self.back_key, 0, 3, 2, 1)
        self.clear_key = TextButton("key", self)
        self.clear_key.setObjectName("key-clear")
        self.clear_key.clicked.connect(self.clear.emit)
        self._grid.addWidget(self.clear_key, 2, 3, 2, 1)
        for row in range(4):
            self._grid.setRowStretch(row, 1)  # every row as tall as the others
        for column in range(4):
            self._grid.setColumnStretch(column, 1)
        self.retranslate()

    def set_gap(self, gap: int) -> None:
        self._grid.setSpacing(gap)

    def retranslate(self) -> None:
        self.back_key.setAccessibleName(translate("Keyboard", "Delete"))
        self.clear_key.set_texts(translate("Keyboard", "Clear"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def keypad_box(parent: QWidget, name: str) -> QLineEdit:
    """A box typed on the keypad: read-only (no system keyboard pops up), no context menu,
    drawn as the box being filled."""
    box = QLineEdit(parent)
    box.setObjectName(name)
    box.setReadOnly(True)
    box.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
    box.setProperty("active", True)
    return box


def lay_out_beside(body: QBoxLayout, keypad: NumericKeypad, presentation,
                   landscape: tuple[int, int] = (1, 1)) -> None:
    """The boxes (first in ``body``) beside the keypad in landscape, above it in portrait,
    where the boxes take the room they need and the keypad the rest."""
    s = presentation.theme.sizes
    keypad.set_gap(s.gap)
    body.setSpacing(s.gap * 2)
    portrait = presentation.portrait
    body.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)
    body.setStretch(0, 0 if portrait else landscape[0])
    body.setStretch(1, 1 if portrait else landscape[1])

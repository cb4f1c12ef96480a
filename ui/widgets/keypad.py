"""A big numeric keypad for ID and mobile numbers: 0–9, X (the ID check character),
delete and clear. Digits three a row like a telephone, delete and clear in a
column of their own: four rows, so it fits under the box even in 长辈版.

``IdNumberField`` is the box an ID number is typed into: shown grouped 6-8-4 (the
region, the birth date, the rest), with a count beside it ("已输入 11 位，还差 7 位"),
and ``X`` allowed only where it can go, as the 18th character."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QGridLayout, QLabel, QLineEdit, QPushButton, QWidget

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

    def show_x(self, shown: bool) -> None:
        """The X key there (an ID number), or gone with 0 across its place (a mobile
        number has no X): hidden and disabled, so it can be neither seen nor tapped."""
        x, zero = self.keys["X"], self.keys["0"]
        x.setVisible(shown)
        if not shown:
            x.setEnabled(False)
        self._grid.removeWidget(zero)
        self._grid.addWidget(zero, *(PLACES["0"] if shown else (3, 0, 1, 3)))

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


#: an ID number's length, and how it is grouped on screen: region, birth date, the rest
ID_LENGTH = 18
ID_GROUPS = (6, 8, 4)


#: a mainland mobile number as it is read out: 138 0013 8000
MOBILE_GROUPS = (3, 4, 4)


def _grouped(raw: str, groups: tuple[int, ...]) -> str:
    parts, start = [], 0
    for size in groups:
        if raw[start:start + size]:
            parts.append(raw[start:start + size])
        start += size
    return " ".join(parts)


def group_id(raw: str) -> str:
    """410105 19880316 0041: the groups typed so far, a space between them."""
    return _grouped(raw, ID_GROUPS)


def group_mobile(raw: str) -> str:
    """138 0013 8000 (an 11-digit mobile; anything else as it is)."""
    return _grouped(raw, MOBILE_GROUPS) if len(raw) == sum(MOBILE_GROUPS) else raw


def id_count_text(typed: int) -> str:
    if typed >= ID_LENGTH:
        return translate("Keyboard", "All 18 typed: please check them.")
    return translate("Keyboard", "%1 of 18 typed, %2 to go.").replace(
        "%1", str(typed)).replace("%2", str(ID_LENGTH - typed))


class IdNumberField(QLineEdit):
    """An ID number typed on the keypad, shown grouped; ``digits`` is what was typed.
    ``counter`` (a label of the same parent, placed by the screen) says how many are in."""

    def __init__(self, parent: QWidget, name: str) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setReadOnly(True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setProperty("active", True)
        self.counter = QLabel(parent)
        self.counter.setObjectName(f"{name}-count")
        self.counter.setWordWrap(True)
        self.textChanged.connect(lambda _t: self._count())
        self._count()

    def digits(self) -> str:
        return self.text().replace(" ", "")

    def set_digits(self, raw: str) -> None:
        """``raw`` shown grouped (setText(""), never clear(): its undo history would keep it)."""
        self.setText(group_id(raw.replace(" ", "")[:ID_LENGTH]))

    def add(self, ch: str) -> None:
        raw = self.digits()
        if len(raw) < ID_LENGTH and (ch != "X" or self.x_allowed()):
            self.set_digits(raw + ch)

    def remove_last(self) -> None:
        self.set_digits(self.digits()[:-1])

    def x_allowed(self) -> bool:
        """X is the check character: the 18th, nowhere else."""
        return len(self.digits()) == ID_LENGTH - 1

    def retranslate(self) -> None:
        self._count()

    def _count(self) -> None:
        self.counter.setText(id_count_text(len(self.digits())))


def attach_id_keypad(keypad: NumericKeypad, field: IdNumberField) -> None:
    """The keypad types into ``field``; X enabled only when the 18th character is next."""
    keypad.key.connect(field.add)
    keypad.backspace.connect(field.remove_last)
    keypad.clear.connect(lambda: field.set_digits(""))
    field.textChanged.connect(lambda _t: keypad.keys["X"].setEnabled(field.x_allowed()))
    keypad.keys["X"].setEnabled(field.x_allowed())

"""Buttons whose text wraps: a QPushButton holding word-wrapped labels.

Qt's own push button never wraps, and a 56 px English caption on a tile does
not fit on one line; elided or clipped text is a failure on a kiosk. The labels
ignore the mouse, so the whole button is the touch target, and the button's
accessible name is its text.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from ui.theme import set_role

#: the label tone for each button role (the stylesheet maps tones to colours)
_TONE = {"tile": "on_dark", "tile-danger": "on_dark", "primary": "on_dark", "danger": "on_dark", "bar": "on_dark"}


class TextButton(QPushButton):
    def __init__(self, role: str = "secondary", parent: QWidget | None = None,
                 align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignCenter, wrap: bool = True) -> None:
        super().__init__(parent)
        self._role = role
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(12, 8, 12, 8)
        self._layout.setSpacing(4)
        self._wrap = wrap
        self.title = self._label(align, bold=role in ("tile", "tile-danger", "row"))
        self.detail = self._label(align, bold=False)
        self.detail.hide()
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        # focus by the Tab key only: a touch leaves no focus frame behind
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        set_role(self, role)
        self.toggled.connect(lambda _checked: self._update_tone())
        self._update_tone()

    def _label(self, align: Qt.AlignmentFlag, bold: bool) -> QLabel:
        label = QLabel(self)
        label.setWordWrap(self._wrap)
        label.setAlignment(align | Qt.AlignmentFlag.AlignVCenter)
        label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        label.setTextFormat(Qt.TextFormat.PlainText)
        if bold:
            label.setProperty("weight", "bold")
        self._layout.addWidget(label)
        return label

    def set_texts(self, title: str, detail: str = "") -> None:
        self.title.setText(title)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        self.setAccessibleName(f"{title} {detail}".strip())
        self.updateGeometry()

    def text_content(self) -> str:
        return f"{self.title.text()} {self.detail.text()}".strip()

    def _update_tone(self) -> None:
        tone = "on_dark" if (self._role in _TONE or self.isChecked()) else "ink"
        for label in (self.title, self.detail):
            set_role(label, f"button-{tone}")

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt name)
        return self._wrap

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return max(self._layout.heightForWidth(width), self.minimumHeight())

    def sizeHint(self) -> QSize:  # noqa: N802
        hint = self._layout.sizeHint()
        return QSize(hint.width(), max(hint.height(), self.minimumHeight()))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        if not self._wrap:  # one line: as wide as the text
            return self.sizeHint()
        return QSize(self.minimumWidth(), self.minimumHeight())

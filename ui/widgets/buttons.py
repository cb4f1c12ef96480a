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
_TONE = {"tile": "on_dark", "primary": "on_dark", "danger": "on_dark", "bar": "on_dark"}


class TextButton(QPushButton):
    def __init__(self, role: str = "secondary", parent: QWidget | None = None,
                 align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignCenter) -> None:
        super().__init__(parent)
        self._role = role
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(16, 10, 16, 10)
        self._layout.setSpacing(4)
        self.title = self._label(align, bold=role in ("tile", "row"))
        self.detail = self._label(align, bold=False)
        self.detail.hide()
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        set_role(self, role)
        self.toggled.connect(lambda _checked: self._update_tone())
        self._update_tone()

    def _label(self, align: Qt.AlignmentFlag, bold: bool) -> QLabel:
        label = QLabel(self)
        label.setWordWrap(True)
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
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return max(self._layout.heightForWidth(width), self.minimumHeight())

    def sizeHint(self) -> QSize:  # noqa: N802
        hint = self._layout.sizeHint()
        return QSize(hint.width(), max(hint.height(), self.minimumHeight()))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(self.minimumWidth(), self.minimumHeight())

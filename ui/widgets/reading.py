"""A touch-scrollable area for text that wraps to the width it is given, and the plain
text labels that go in it (``plain_label``).

QScrollArea sizes its content from the minimum size, which for word-wrapped
labels is far too short; this one asks the layout how tall the content is at
the viewport's width, so nothing is squeezed and the scroll range is right.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QScroller, QVBoxLayout, QWidget

from ui.theme import set_role


def plain_label(parent: QWidget, role: str = "", wrap: bool = True) -> QLabel:
    """A label of plain text (never read as rich text: catalogue and card text is data),
    word-wrapped unless told, in the theme's ``role``."""
    label = QLabel(parent)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if role:
        set_role(label, role)
    return label


class ReadingArea(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        QScroller.grabGesture(self.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)

    def column(self) -> QVBoxLayout:
        """A content widget holding one column, set as what the area scrolls; add the
        column's widgets with ``column.parentWidget()`` as their parent."""
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        self.setWidget(content)
        return column

    def fit(self) -> None:
        content = self.widget()
        layout = content.layout() if content is not None else None
        if content is None or layout is None:
            return
        content.ensurePolished()
        layout.invalidate()  # labels may just have been replaced
        width = self.viewport().width()
        height = layout.heightForWidth(width)
        content.setMinimumHeight(max(0, height))

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.fit()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.fit()

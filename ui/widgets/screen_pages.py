"""The stack of screens in the kiosk window: it asks for the room of the screen shown.

A ``QStackedWidget`` sizes itself to the largest of all its pages: each time the window
lays out (every tap that shows another screen), Qt asks every screen ever made for its
minimum size and its height for the width, down to each label of each hidden screen.
With a dozen screens made, that walk was most of a tap's time. The kiosk window is the
screen and never grows for its content, so only the screen shown counts here.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QStackedWidget, QWidget


class ScreenPages(QStackedWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(lambda _index: self.updateGeometry())

    def sizeHint(self) -> QSize:  # noqa: N802
        page = self.currentWidget()
        return page.sizeHint() if page is not None else QSize(0, 0)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        page = self.currentWidget()
        return page.minimumSizeHint() if page is not None else QSize(0, 0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return False  # the window gives the stack the room left between header and footer

"""A QR code painted from its module matrix (kiosk.device.handoff.qr_matrix): crisp at any size."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.rules.qr_code import qr_matrix


class QrCode(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._matrix: list[list[bool]] = []
        self.text = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(240, 240)

    def set_text(self, text: str) -> None:
        self.text = text
        self._matrix = qr_matrix(text) if text else []
        self.update()

    def clear(self) -> None:
        self.set_text("")

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(420, 420)

    def paintEvent(self, _event) -> None:  # noqa: N802
        painter = QPainter(self)
        side = min(self.width(), self.height())
        x0, y0 = (self.width() - side) / 2, (self.height() - side) / 2
        painter.fillRect(QRectF(x0, y0, side, side), QColor("white"))
        if not self._matrix:
            return
        n = len(self._matrix)
        cell = side / n
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("black"))
        for r, row in enumerate(self._matrix):
            for c, dark in enumerate(row):
                if dark:
                    painter.drawRect(QRectF(x0 + c * cell, y0 + r * cell, cell + 0.5, cell + 0.5))


def code_scene(text: str, module_px: int = 6, size: tuple[int, int] = (1280, 720),
               fmt: QImage.Format = QImage.Format.Format_RGB32) -> QImage:
    """A camera's picture of the code held up in front of it: a grey scene with the code
    (black on white, its quiet zone included) in the middle. The gallery's scan screen
    shows it; the tests decode it."""
    matrix = qr_matrix(text)
    side = len(matrix) * module_px
    image = QImage(size[0], size[1], fmt)
    image.fill(QColor(110, 110, 110))
    painter = QPainter(image)
    x0, y0 = (size[0] - side) // 2, (size[1] - side) // 2
    painter.fillRect(x0, y0, side, side, QColor("white"))
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                painter.fillRect(x0 + x * module_px, y0 + y * module_px, module_px, module_px,
                                 QColor("black"))
    painter.end()
    return image

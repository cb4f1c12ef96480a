"""The writing pad (手写板): a square where a resident writes one character with a finger.

Each touch (a mouse press, move and release: Qt turns a touch screen's touches into
them) is one stroke, drawn thick and round as it is written, over a 田字格 guide (the
box with a cross that every Chinese exercise book has), so an elderly hand can see
where to write and how big. ``stroke_added`` fires when a finger lifts; ``strokes()``
is every stroke so far, in the pad's pixels; ``undo`` and ``clear`` take them back.
The strokes are the resident's: ``clear`` (the panel calls it after a pick, and on
the session wipe) forgets them.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.device.design_tokens import PALETTE

Point = tuple[float, float]


class WritingPad(QWidget):
    stroke_added = Signal()
    #: strokes taken back (undo, clear)
    strokes_removed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("writing-pad")
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._strokes: list[list[Point]] = []
        self._current: list[Point] | None = None
        self._pen_px = 10
        self._hint = ""

    # -- what the panel uses -------------------------------------------------

    def strokes(self) -> list[list[Point]]:
        """Every finished stroke, in writing order (copies: the caller may keep them)."""
        return [list(s) for s in self._strokes]

    def has_strokes(self) -> bool:
        return bool(self._strokes)

    def undo(self) -> None:
        if self._strokes:
            self._strokes.pop()
            self.update()
            self.strokes_removed.emit()

    def clear(self) -> None:
        self._current = None
        if self._strokes:
            self._strokes.clear()
            self.strokes_removed.emit()
        self.update()

    def set_pen_width(self, px: int) -> None:
        """The ink's width: from the touch-target token, thicker in 长辈版."""
        self._pen_px = max(4, px)
        self.update()

    def set_hint(self, text: str) -> None:
        """Shown faintly in the empty pad (where to write)."""
        self._hint = text
        self.setAccessibleName(text)
        self.update()

    # -- Qt ------------------------------------------------------------------

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(400, 400)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(160, 160)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton:
            return
        p = event.position()
        self._current = [(p.x(), p.y())]
        self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._current is None:
            return
        p = event.position()
        x = min(max(p.x(), 0.0), float(self.width()))
        y = min(max(p.y(), 0.0), float(self.height()))
        if (x, y) != self._current[-1]:
            self._current.append((x, y))
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._current is None or event.button() != Qt.MouseButton.LeftButton:
            return
        stroke, self._current = self._current, None
        self._strokes.append(stroke)
        self.update()
        self.stroke_added.emit()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(1.5, 1.5, -1.5, -1.5)
        painter.setPen(QPen(QColor(PALETTE.ink_muted), 3))
        painter.setBrush(QColor(PALETTE.surface))
        painter.drawRoundedRect(rect, 12, 12)
        self._paint_guide(painter, rect)
        if not self._strokes and self._current is None and self._hint:
            painter.setPen(QColor(PALETTE.ink_muted))
            hint_box = QRectF(rect.left(), rect.top() + rect.height() * 0.05,
                              rect.width(), rect.height() * 0.2)
            painter.drawText(hint_box, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                             | Qt.TextFlag.TextWordWrap, self._hint)
        pen = QPen(QColor(PALETTE.ink), self._pen_px, Qt.PenStyle.SolidLine,
                   Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for stroke in [*self._strokes, *([self._current] if self._current else [])]:
            if len(stroke) == 1:
                painter.drawPoint(QPointF(*stroke[0]))
                continue
            path = QPainterPath(QPointF(*stroke[0]))
            for x, y in stroke[1:]:
                path.lineTo(x, y)
            painter.drawPath(path)
        painter.end()

    def _paint_guide(self, painter: QPainter, rect: QRectF) -> None:
        """The 田字格: a centred square with its two middle lines, dashed and faint."""
        side = min(rect.width(), rect.height()) * 0.9
        square = QRectF(rect.center().x() - side / 2, rect.center().y() - side / 2, side, side)
        painter.setPen(QPen(QColor(PALETTE.secondary), 3, Qt.PenStyle.DashLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(square)
        c = square.center()
        painter.drawLine(QPointF(square.left(), c.y()), QPointF(square.right(), c.y()))
        painter.drawLine(QPointF(c.x(), square.top()), QPointF(c.x(), square.bottom()))

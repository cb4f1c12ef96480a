"""Five faces drawn with QPainter, from a broad smile to a frown with a tear: no emoji
font is needed (a kiosk's Linux image may have none) and they scale to any size.

Each face is a tinted disc with ink strokes (eyes, mouth, and for the two bad levels
brows); the mood (2 … -2) bends the mouth. The word under it says the level, so the
colour is never the only cue.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from ui.theme import set_role
from ui.widgets.text_lines import PhraseLabel

#: the disc's tint per mood: light, so the ink strokes keep their contrast on every one
FILLS = {2: "#c7f0d8", 1: "#dcf5e6", 0: "#fdf0c4", -1: "#fde0cf", -2: "#fbd0d0"}
INK = "#111827"


def paint_face(painter: QPainter, rect: QRectF, mood: int) -> None:
    """A face for ``mood`` (2: very happy … -2: very unhappy) filling the square ``rect``."""
    edge = min(rect.width(), rect.height())
    box = QRectF(rect.center().x() - edge / 2, rect.center().y() - edge / 2, edge, edge)
    stroke = max(2.0, edge * 0.06)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    ink = QColor(INK)
    painter.setPen(QPen(ink, stroke))
    painter.setBrush(QColor(FILLS.get(mood, FILLS[0])))
    inset = stroke / 2
    painter.drawEllipse(box.adjusted(inset, inset, -inset, -inset))
    cx, cy, r = box.center().x(), box.center().y(), edge / 2

    # eyes: dots; happy eyes are a little higher
    painter.setBrush(ink)
    painter.setPen(Qt.PenStyle.NoPen)
    eye_y = cy - r * (0.22 if mood >= 0 else 0.16)
    eye_r = r * 0.09
    for dx in (-0.33, 0.33):
        painter.drawEllipse(QPointF(cx + dx * r, eye_y), eye_r, eye_r)

    pen = QPen(ink, stroke)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if mood < 0:  # brows, slanting down to the middle
        slant = r * (0.08 if mood == -1 else 0.16)
        top = eye_y - r * 0.25
        painter.drawLine(QPointF(cx - r * 0.48, top), QPointF(cx - r * 0.18, top + slant))
        painter.drawLine(QPointF(cx + r * 0.48, top), QPointF(cx + r * 0.18, top + slant))

    # the mouth: a curve bent by the mood (a straight line at 0)
    half = r * (0.42 if mood == 2 else 0.36)
    mouth_y = cy + r * (0.30 if mood >= 0 else 0.42)
    bend = r * 0.22 * mood
    path = QPainterPath(QPointF(cx - half, mouth_y))
    path.quadTo(QPointF(cx, mouth_y + bend), QPointF(cx + half, mouth_y))
    if mood == 2:  # an open smile: the curve closed and filled
        path.closeSubpath()
        painter.setBrush(ink)
    painter.drawPath(path)
    if mood == -2:  # a tear under one eye
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#1d4ed8"))
        tear = QPainterPath(QPointF(cx + r * 0.33, eye_y + r * 0.12))
        tear.quadTo(QPointF(cx + r * 0.46, eye_y + r * 0.36), QPointF(cx + r * 0.33, eye_y + r * 0.40))
        tear.quadTo(QPointF(cx + r * 0.20, eye_y + r * 0.36), QPointF(cx + r * 0.33, eye_y + r * 0.12))
        painter.drawPath(tear)
    painter.restore()


class Face(QWidget):
    """A face alone, as large as its square allows (it ignores the mouse)."""

    def __init__(self, mood: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mood = mood
        self._edge = 96
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_edge(self, edge: int) -> None:
        self._edge = edge
        self.setFixedSize(edge, edge)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(self._edge, self._edge)

    def paintEvent(self, _event) -> None:  # noqa: N802
        painter = QPainter(self)
        paint_face(painter, QRectF(self.rect()), self.mood)
        painter.end()


class FaceButton(QPushButton):
    """A level to choose: its face and its word, in a column (or a row, ``set_across``).
    Checkable: the chosen one turns the primary colour, its word white."""

    def __init__(self, code: str, mood: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code = code
        self.setObjectName(f"rate-{code}")
        self.setCheckable(True)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        set_role(self, "secondary")
        self.face = Face(mood, self)
        self.word = PhraseLabel(self)
        self.word.setWordWrap(True)
        self.word.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.word.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.word.setProperty("weight", "bold")
        self._column = QVBoxLayout()
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(12, 12, 12, 12)
        self._across = False
        self._place()
        # as wide as the grid gives (equal columns), never as wide as the words ask
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.toggled.connect(lambda _on: self._tone())
        self._tone()

    def _place(self) -> None:
        for w in (self.face, self.word):
            self._row.removeWidget(w)
            self._column.removeWidget(w)
        while self._row.count():  # the column and the stretches
            self._row.takeAt(0)
        if self._across:  # the face first, the word beside it, the two in the middle
            self._row.addStretch(1)
            self._row.addWidget(self.face, 0, Qt.AlignmentFlag.AlignVCenter)
            self._row.addWidget(self.word, 2)
            self._row.addStretch(1)
            self.word.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        else:
            self._column.addWidget(self.face, 0, Qt.AlignmentFlag.AlignHCenter)
            self._column.addWidget(self.word)
            self._row.addLayout(self._column)
            self.word.setAlignment(Qt.AlignmentFlag.AlignCenter)

    def set_across(self, across: bool) -> None:
        if across != self._across:
            self._across = across
            self._place()

    def set_metrics(self, face_edge: int, gap: int, word_px: int) -> None:
        """The face's edge, the space around it, the word's size (the heading's)."""
        self.face.set_edge(face_edge)
        self.word.setStyleSheet(f"font-size: {word_px}px;")
        self._row.setSpacing(gap)
        self._column.setSpacing(gap // 2)

    def set_word(self, word: str) -> None:
        self.word.setText(word)
        self.setAccessibleName(word)

    def text_content(self) -> str:
        return self.word.text()

    def _tone(self) -> None:
        set_role(self.word, "button-on_dark" if self.isChecked() else "button-ink")

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return max(self._row.heightForWidth(width), self.minimumHeight())

    def sizeHint(self) -> QSize:  # noqa: N802
        return self._row.sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self._row.minimumSize()

"""Where the lines of a label's text stand, and where Chinese text may break.

``label_lines`` lays a plain-text label out the way Qt paints it (``QStyle.drawItemText``:
a ``QTextLayout`` with the label's font, word wrap and alignment), so a caller can
ask which line a rectangle cuts through (``ReadingArea`` pages between lines; the
clipping checks flag a line half hidden) and how the text broke (the checks flag
"办事须/知").

``phrase_text`` keeps the words of a short caption together: inside a button a line
breaks at spaces and punctuation, and a phrase too long for one line is cut into
balanced pieces, never leaving one character alone.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QFontMetricsF, QTextLayout, QTextOption
from PySide6.QtWidgets import QLabel, QWidget

#: a line must not start with these (避头点), nor end with the opening ones (避尾点)
CLOSING = "，。、；：？！）」』】》…—,.;:?!)]"
OPENING = "（「『【《([“‘"
#: U+2060 WORD JOINER: no line break on either side; zero width, never drawn
JOINER = "\u2060"


def _unbreakable(text: str) -> list[str]:
    """The pieces of ``text`` a label cannot wrap inside: it may wrap at spaces and
    beside any Chinese character or full-width form (U+3000–U+9FFF, U+FF00–U+FFEF).
    (A loop, not a regular expression: compiling one over those ranges took 5 ms of
    the kiosk's start-up.)"""
    pieces: list[str] = []
    run = ""
    for ch in text:
        if ch.isspace() or "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef":
            if run:
                pieces.append(run)
            run = ""
            if not ch.isspace():
                pieces.append(ch)
        else:
            run += ch
    if run:
        pieces.append(run)
    return pieces


def is_cjk(ch: str) -> bool:
    """A Chinese character (or kana, hangul): the text that wraps between characters."""
    code = ord(ch)
    return (0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0x3040 <= code <= 0x30FF
            or 0xAC00 <= code <= 0xD7AF or 0x20000 <= code <= 0x2FFFF)


class Line(NamedTuple):
    top: float  # in the label's coordinates
    bottom: float
    left: float
    right: float
    text: str  # without joiners
    hard_end: bool  # ends a paragraph ("\n" or the end of the text)


def label_lines(label: QLabel) -> list[Line]:
    """The lines a plain-text label paints, in the label's coordinates."""
    text = QLabel.text(label)  # as painted (a PhraseLabel's text() is the text given)
    if not text:
        return []
    m = label.margin()
    rect = label.contentsRect().adjusted(m, m, -m, -m)
    if label.indent() > 0:
        rect.adjust(label.indent(), 0, 0, 0)
    layout = QTextLayout(text.replace("\n", "\u2028"), label.font())
    option = QTextOption(label.alignment() & Qt.AlignmentFlag.AlignHorizontal_Mask)
    option.setWrapMode(QTextOption.WrapMode.WordWrap if label.wordWrap()
                       else QTextOption.WrapMode.ManualWrap)
    layout.setTextOption(option)
    leading = QFontMetricsF(label.font()).leading()
    height = 0.0
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(rect.width() if label.wordWrap() else 1e6)
        height = math.ceil(height + leading)
        line.setPosition(QPointF(0.0, float(height)))
        height += line.height()
    layout.endLayout()
    align = label.alignment()
    offset = 0.0
    if align & Qt.AlignmentFlag.AlignVCenter:
        offset = (rect.height() - height) / 2
    elif align & Qt.AlignmentFlag.AlignBottom:
        offset = rect.height() - height
    source = layout.text()
    lines = []
    for i in range(layout.lineCount()):
        line = layout.lineAt(i)
        start, length = line.textStart(), line.textLength()
        chunk = source[start:start + length]
        end = start + length
        hard = end >= len(source) or chunk.endswith("\u2028")
        natural: QRectF = line.naturalTextRect()
        if not label.wordWrap():  # aligned within the rectangle, not within 1e6 px
            shift = {Qt.AlignmentFlag.AlignRight: rect.width() - natural.width(),
                     Qt.AlignmentFlag.AlignHCenter: (rect.width() - natural.width()) / 2}
            dx = next((v for k, v in shift.items() if align & k), 0.0)
            natural.translate(dx - natural.left(), 0)
        top = rect.top() + offset + line.y()
        lines.append(Line(top, top + line.height(), rect.left() + natural.left(),
                          rect.left() + natural.right(),
                          chunk.replace("\u2028", "").replace(JOINER, "").replace("\u200b", ""), hard))
    return lines


def _pieces(run: str, count: int) -> list[str]:
    """``run`` cut into ``count`` pieces as even as can be, the longer ones first."""
    size, extra = divmod(len(run), count)
    pieces, at = [], 0
    for i in range(count):
        n = size + (1 if i < extra else 0)
        pieces.append(run[at:at + n])
        at += n
    return [p for p in pieces if p]


def phrase_text(text: str, metrics: QFontMetricsF, width: float) -> str:
    """``text`` with joiners that keep each phrase of Chinese characters on one line
    where it fits in ``width``; a longer phrase is cut into balanced pieces (so that
    "输入身份证号码" reads "输入身份/证号码", not "输入身份证号/码")."""
    if width <= 0 or not any(is_cjk(c) for c in text):
        return text
    out: list[str] = []
    run = ""

    def flush() -> None:
        nonlocal run
        if len(run) > 1:
            count = max(1, math.ceil(metrics.horizontalAdvance(run) / width))
            # a little room for the punctuation that stays with the run's last character
            while count < len(run) and max(
                    metrics.horizontalAdvance(p) for p in _pieces(run, count)) > width * 0.98:
                count += 1
            # joiners inside each piece; a zero-width space lets the line break between them
            out.append("\u200b".join(JOINER.join(p) for p in _pieces(run, count)))
        else:
            out.append(run)
        run = ""

    for ch in text:
        if is_cjk(ch):
            run += ch
        else:
            flush()
            out.append(ch)
    flush()
    return "".join(out)


class PhraseLabel(QLabel):
    """A word-wrapped label of plain text that breaks Chinese at phrases
    (``phrase_text`` at the width it has): for the captions of buttons and tabs.

    ``text()`` and ``setText()`` speak of the text as given; the label paints it with
    joiners, chosen again whenever its width changes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._source = ""
        #: the text as painted, by (inner width, font): layouts ask for the same few
        #: widths again and again; forgotten with the text
        self._phrased: dict[tuple[int, str], str] = {}
        self._heights: dict[tuple[int, str, int, int], int] = {}
        self._cjk = False  # the text holds Chinese (else it is shown as given)
        self._key: str | None = None  # the font's key (_font_key)

    def text(self) -> str:  # noqa: D102 (Qt name)
        return self._source

    def setText(self, text: str) -> None:  # noqa: N802
        if text != self._source:
            self._phrased.clear()
            self._heights.clear()
            self._cjk = any(is_cjk(c) for c in text)
        self._source = text
        if self.isVisible():
            self._show_for(self._inner(self.width()))
        else:  # phrased when shown, at its width and in its font (showEvent)
            QLabel.setText(self, text)

    def _font_key(self) -> str:
        """The font's key, kept until the font changes (asking Qt for it is not cheap, and
        layouts ask for heights many times a tap)."""
        if self._key is None:
            self._key = self.font().key()
        return self._key

    def _inner(self, width: int) -> int:
        m = self.contentsMargins()
        return width - m.left() - m.right() - 2 * self.margin()

    def _shown(self, inner: int) -> str:
        if not self._cjk or not self.wordWrap():
            return self._source  # nothing to keep together: shown as given
        key = (inner, self._font_key())
        shown = self._phrased.get(key)
        if shown is None:
            if len(self._phrased) >= 32:  # a bound: widths seen while windows resize
                self._phrased.clear()
            shown = self._phrased[key] = phrase_text(
                self._source, QFontMetricsF(self.font()), inner)
        return shown

    def _show_for(self, inner: int) -> None:
        shown = self._shown(inner)
        if shown != QLabel.text(self):
            QLabel.setText(self, shown)

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        if not self._cjk:
            return super().heightForWidth(width)
        shown = self._shown(self._inner(width))
        if shown == QLabel.text(self):
            return super().heightForWidth(width)
        key = (width, self._font_key(), int(self.alignment()), self.margin())
        height = self._heights.get(key)
        if height is None:
            m = self.contentsMargins()
            inner = max(1, self._inner(width))
            flags = int(self.alignment()) | int(Qt.TextFlag.TextWordWrap)
            box = self.fontMetrics().boundingRect(QRect(0, 0, inner, 100_000), flags, shown)
            if len(self._heights) >= 32:
                self._heights.clear()
            height = self._heights[key] = box.height() + m.top() + m.bottom() + 2 * self.margin()
        return height

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        """As narrow as the text given could wrap (the joiners follow the width)."""
        hint = super().minimumSizeHint()
        if not self.wordWrap():
            return hint
        fm = self.fontMetrics()
        words = _unbreakable(self._source)
        widest = max((fm.horizontalAdvance(w) for w in words), default=0)
        m = self.contentsMargins()
        return QSize(min(hint.width(), widest + m.left() + m.right() + 2 * self.margin()),
                     hint.height())

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self.isVisible():
            self._show_for(self._inner(self.width()))

    def showEvent(self, event) -> None:  # noqa: N802
        # a label made, given its text and resized while hidden is phrased once, here:
        # while a screen is built its font and width change several times
        self._show_for(self._inner(self.width()))
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._key = None
            if self.isVisible():
                self._show_for(self._inner(self.width()))

"""Checks that need no baseline images: touch targets, contrast and clipping.

Each returns a list of problems (empty when all is well), naming the widget and
the figures, so a failing test says exactly what is wrong where.
"""

from __future__ import annotations

import math
import re

import numpy as np
from PySide6.QtCore import QPoint, QRect, QRectF
from PySide6.QtGui import QFontMetricsF, QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QLabel,
    QLineEdit,
    QScrollBar,
    QWidget,
)

from kiosk.device.contrast import contrast_ratio
from tests.ui.typography_rules import shown_text_problems
from ui.widgets.text_lines import CLOSING, OPENING, is_cjk, label_lines

#: runs that cannot be broken: Chinese text may wrap between any two characters
_WORD = re.compile(r"[^\s\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]+")


def _visible(widget: QWidget, window: QWidget) -> bool:
    return widget.isVisibleTo(window) and widget.isVisible() and widget.width() > 0


def _name(widget: QWidget) -> str:
    text = ""
    if isinstance(widget, QLabel | QAbstractButton):
        text = widget.text()[:30]
    return f"{type(widget).__name__}#{widget.objectName() or '?'} {text!r}"


def _in_scroll_area(widget: QWidget) -> bool:
    """Inside what a scroll area scrolls (its own buttons, in its margins, are not)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return parent.viewport().isAncestorOf(widget)
        parent = parent.parentWidget()
    return False


def _window_rect(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def scope(window: QWidget) -> QWidget:
    """What the resident can reach: a visible overlay covers everything else."""
    overlay = window.findChild(QWidget, "idle-overlay")
    return overlay if overlay is not None and overlay.isVisible() else window


def tappables(window: QWidget) -> list[QWidget]:
    root = scope(window)
    found = root.findChildren(QAbstractButton) + root.findChildren(QLineEdit)
    return [w for w in found if _visible(w, window) and not _in_scroll_area(w)]


def touch_target_problems(window: QWidget, minimum: int, min_gap: int) -> list[str]:
    problems = []
    widgets = tappables(window)
    for w in widgets:
        if w.width() < minimum or w.height() < minimum:
            problems.append(f"{_name(w)} is {w.width()}×{w.height()} px, below {minimum} px")
    rects = [(w, _window_rect(w, window)) for w in widgets]
    for i, (a, ra) in enumerate(rects):
        for b, rb in rects[i + 1:]:
            if a.isAncestorOf(b) or b.isAncestorOf(a):
                continue
            dx = max(0, max(ra.left(), rb.left()) - min(ra.right(), rb.right()) - 1)
            dy = max(0, max(ra.top(), rb.top()) - min(ra.bottom(), rb.bottom()) - 1)
            gap = math.hypot(dx, dy)
            if gap < min_gap:
                problems.append(f"{_name(a)} and {_name(b)} are {gap:.0f} px apart, below {min_gap}")
    return problems


def text_widgets(window: QWidget) -> list[QWidget]:
    found: list[QWidget] = []
    root = scope(window)
    for label in root.findChildren(QLabel):
        if _visible(label, window) and label.text().strip():
            found.append(label)
    for button in root.findChildren(QAbstractButton):
        if _visible(button, window) and button.text().strip():
            found.append(button)
    for edit in root.findChildren(QLineEdit):
        if _visible(edit, window) and (edit.text() or edit.placeholderText()):
            found.append(edit)
    return found


def _shown_rect(widget: QWidget, window: QWidget) -> QRect:
    """The part of the widget the resident sees: inside the window, and inside the
    viewport of every scroll area it is in (the rest is scrolled out of sight)."""
    rect = _window_rect(widget, window).intersected(window.rect())
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea):
            rect = rect.intersected(_window_rect(parent.viewport(), window))
        parent = parent.parentWidget()
    return rect


def measured_contrast(window: QWidget, widget: QWidget) -> float | None:
    """Paint the widget in place and measure: the most common colour is the
    background, the pixel that differs most from it is the text."""
    rect = _shown_rect(widget, window)
    if rect.width() < 4 or rect.height() < 4:
        return None
    image = window.grab(rect).toImage().convertToFormat(QImage.Format.Format_RGB32)
    packed = np.frombuffer(image.constBits(), dtype=np.uint32,
                           count=image.bytesPerLine() // 4 * image.height())
    colours, counts = np.unique(packed & 0xFFFFFF, return_counts=True)
    def rgb(v: int) -> tuple[int, int, int]:
        return (v >> 16) & 255, (v >> 8) & 255, v & 255
    background = rgb(int(colours[counts.argmax()]))
    return max(contrast_ratio(rgb(int(c)), background) for c in colours)


def contrast_problems(window: QWidget, minimum: float) -> list[str]:
    problems = []
    for w in text_widgets(window):
        # scrolled (partly) out of sight: a slice less than a line high may hold no text at
        # all, only the widget's margin, and would measure 1:1; it is measured when shown
        if _in_scroll_area(w) and (_shown_rect(w, window).height()
                                   < min(w.height(), w.fontMetrics().height())):
            continue
        ratio = measured_contrast(window, w)
        if ratio is not None and ratio < minimum:
            problems.append(f"{_name(w)} measures {ratio:.2f}:1, below {minimum}:1")
    return problems


def clipping_problems(window: QWidget) -> list[str]:
    problems = []
    for w in text_widgets(window):
        if isinstance(w, QLabel):
            fm = w.fontMetrics()
            inner = w.contentsRect()
            if w.wordWrap():
                needed = w.heightForWidth(w.width())
                if needed > w.height() + 1:
                    problems.append(f"{_name(w)} needs {needed} px high, has {w.height()}")
                # a single word longer than the width is clipped even when wrapping
                longest = max((fm.horizontalAdvance(word) for word in _WORD.findall(w.text())),
                              default=0)
                if longest > inner.width() + 1:
                    problems.append(f"{_name(w)}: a word needs {longest} px, has {inner.width()}")
            else:
                for line in w.text().splitlines():
                    needed = fm.horizontalAdvance(line)
                    if needed > inner.width() + 1:
                        problems.append(f"{_name(w)} needs {needed} px wide, has {inner.width()}")
                lines = max(1, len(w.text().splitlines()))
                if fm.height() * lines > inner.height() + 1:
                    problems.append(f"{_name(w)} needs {fm.height() * lines} px high, has {inner.height()}")
        elif isinstance(w, QAbstractButton):
            needed = w.fontMetrics().horizontalAdvance(w.text())
            if needed > w.width() - 8:
                problems.append(f"{_name(w)} text needs {needed} px, button is {w.width()}")
        elif isinstance(w, QLineEdit) and w.fontMetrics().height() > w.contentsRect().height():
            problems.append(f"{_name(w)} text taller than the field")
        if not _in_scroll_area(w):
            r = _window_rect(w, window)
            if not window.rect().contains(r):
                problems.append(f"{_name(w)} at {r.getRect()} lies outside the window")
            parent = w.parentWidget()
            if (parent is not None and parent is not window
                    and not parent.rect().contains(w.geometry())):
                problems.append(f"{_name(w)} sticks out of its parent {_name(parent)}")
    return problems


# -- text cut by an ancestor, and Chinese broken in the wrong place -------------------


def _seen_rect(widget: QWidget, window: QWidget) -> tuple[QRect, QWidget | None]:
    """What is left of the widget inside every ancestor's rectangle (a scroll area's
    viewport, a card, a stacked page, the window), in window coordinates, and the
    nearest ancestor that cuts it (None when none does)."""
    rect = _window_rect(widget, window)
    cutter = None
    parent = widget.parentWidget()
    while parent is not None:
        outer = _window_rect(parent, window) if parent is not window else window.rect()
        if cutter is None and not outer.contains(rect):
            cutter = parent
        rect = rect.intersected(outer)
        if parent is window:
            break
        parent = parent.parentWidget()
    return rect, cutter


def cut_text_problems(window: QWidget) -> list[str]:
    """A line of text that an ancestor's rectangle cuts through: half a line under a
    scroll area's edge, a label cut by the card or the page it stands in. A line wholly
    out of a scroll area's view is not cut (it is on another page); outside a scroll
    area every line must be seen whole."""
    problems = []
    for w in text_widgets(window):
        seen, cutter = _seen_rect(w, window)
        if cutter is None:
            continue
        origin = w.mapTo(window, QPoint(0, 0))
        if isinstance(w, QLabel):
            bands = [(QRectF(line.left, line.top, max(1.0, line.right - line.left),
                             line.bottom - line.top).translated(origin.x(), origin.y()),
                      line.text) for line in label_lines(w)]
        else:
            bands = [(QRectF(_window_rect(w, window)), _name(w))]
        shown = QRectF(seen).adjusted(-1, -1, 1, 1)
        for band, text in bands:
            inside = shown.intersected(band)
            if shown.contains(band):
                continue
            if inside.isEmpty() or inside.height() < 2:  # a rounding, not a line
                if _in_scroll_area(w):
                    continue  # on another page of the scroll area
                problems.append(f"{_name(w)}: line {text!r} is hidden by {_name(cutter)}")
            else:
                problems.append(f"{_name(w)}: line {text!r} is cut by {_name(cutter)} "
                                f"({inside.height():.0f} of {band.height():.0f} px high seen)")
    return problems


def _in_button(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractButton):
            return True
        parent = parent.parentWidget()
    return False


def _core(text: str) -> str:
    return "".join(c for c in text if not c.isspace() and c not in CLOSING + OPENING)


def line_break_problems(window: QWidget) -> list[str]:
    """Chinese broken in the wrong place: a line that starts with closing punctuation
    or ends with opening punctuation; in a button (a tile, a tab) a character left alone
    on its line ("带", "员。"), and a phrase cut that fits on one line ("办事须/知",
    "带到手/机上") or is cut unevenly ("输入身份证/号码")."""
    problems = []
    for w in text_widgets(window):
        if not isinstance(w, QLabel) or not w.wordWrap():
            continue
        lines = label_lines(w)
        button = _in_button(w)
        fm = QFontMetricsF(w.font())
        width = w.contentsRect().width() - 2 * w.margin()
        broken = " / ".join(line.text for line in lines)
        for a, b in zip(lines, lines[1:], strict=False):
            if a.hard_end:
                continue
            head, tail = a.text.rstrip(), b.text.lstrip()
            if tail[:1] and tail[0] in CLOSING:
                problems.append(f"{_name(w)}: a line starts with {tail[0]!r}: {broken!r}")
            if head[-1:] and head[-1] in OPENING:
                problems.append(f"{_name(w)}: a line ends with {head[-1]!r}: {broken!r}")
            if not button or not (head[-1:] and tail[:1] and is_cjk(head[-1]) and is_cjk(tail[0])):
                continue
            # the phrase of Chinese characters the break falls in
            left = head[len(head) - _run_back(head):]
            right = tail[:_run_forward(tail)]
            phrase = left + right
            if fm.horizontalAdvance(phrase) <= width:
                problems.append(f"{_name(w)}: {left}/{right} broken though it fits on a line: "
                                f"{broken!r}")
            elif 2 * len(right) < len(left) and b.hard_end and len(right) == len(tail.rstrip()):
                problems.append(f"{_name(w)}: {left}/{right} broken unevenly: {broken!r}")
        if button and len(lines) > 1:
            for line in lines:
                core = _core(line.text)
                if len(core) == 1 and is_cjk(core):
                    problems.append(f"{_name(w)}: {line.text.strip()!r} alone on a line: "
                                    f"{broken!r}")
    return problems


def _run_back(text: str) -> int:
    n = 0
    while n < len(text) and is_cjk(text[len(text) - 1 - n]):
        n += 1
    return n


def _run_forward(text: str) -> int:
    n = 0
    while n < len(text) and is_cjk(text[n]):
        n += 1
    return n


def scrollbar_problems(window: QWidget) -> list[str]:
    """A scrollbar in sight: older residents do not scroll (长辈版 pages instead)."""
    return [f"a scrollbar {bar.width()}×{bar.height()} px in {_name(_scroll_area_of(bar))}"
            for bar in scope(window).findChildren(QScrollBar)
            if _visible(bar, window) and bar.maximum() > bar.minimum()]


def _scroll_area_of(widget: QWidget) -> QWidget:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QAbstractScrollArea):
        parent = parent.parentWidget()
    return parent or widget


def typography_problems(window: QWidget) -> list[str]:
    """The rules of Chinese typography that hold for data too
    (``tests.ui.typography_rules.shown_text_problems``) in every text the window shows:
    what the code puts together from data (dates, label lines, a matter's fee and note,
    an ID-card reader's message), which the catalogue test cannot see."""
    problems = []
    for w in text_widgets(window):
        text = w.text() if not isinstance(w, QLineEdit) else (w.text() or w.placeholderText())
        if any(is_cjk(c) for c in text):
            problems += [f"{_name(w)}: {p}: {text!r}" for p in shown_text_problems(text)]
    return problems

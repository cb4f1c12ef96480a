"""An area for text that wraps to the width it is given and turns pages instead of
scrolling, and the plain text labels that go in it (``plain_label``).

QScrollArea sizes its content from the minimum size, which for word-wrapped
labels is far too short; this one asks the layout how tall the content is at
the viewport's width, so nothing is squeezed. Older residents do not scroll, and a
thin scrollbar hid the end of a booking's details: when the content is taller than
the area, it shows one page at a time with big "Previous / Next page" buttons
under it (``ui.widgets.page_bar``), each page ending between two lines of text (never
through one).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui.theme import set_role
from ui.widgets.page_bar import PageBar
from ui.widgets.text_lines import label_lines


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
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._starts: list[int] = [0]  # where each page begins, in the content
        self._ends: list[int] = [0]
        self._page = 0
        self._pending = False
        self.pager = PageBar(self)  # over the area's foot, placed by _paginate
        self.pager.setObjectName("reading-pager")
        self.prev_button = self.pager.prev_button
        self.prev_button.setObjectName("reading-previous")
        self.next_button = self.pager.next_button
        self.next_button.setObjectName("reading-next")
        self.pager.hide()
        self.pager.turned.connect(self.show_page)

    def column(self) -> QVBoxLayout:
        """A content widget holding one column, set as what the area scrolls; add the
        column's widgets with ``column.parentWidget()`` as their parent."""
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        self.setWidget(content)
        return column

    @property
    def page(self) -> int:
        return self._page

    @property
    def page_count(self) -> int:
        return len(self._starts)

    def setWidget(self, widget: QWidget) -> None:  # noqa: N802
        super().setWidget(widget)
        widget.installEventFilter(self)  # its layout changed: the pages follow

    def fit(self) -> None:
        self._measure()
        self._paginate()
        self._later()  # again once the labels have their final geometry

    def _measure(self, invalidate: bool = True) -> None:
        content = self.widget()
        layout = content.layout() if content is not None else None
        if content is None or layout is None:
            return
        content.ensurePolished()
        if invalidate:
            layout.invalidate()  # labels may just have been replaced
        width = self.viewport().width()
        height = layout.heightForWidth(width)
        content.setMinimumHeight(max(0, height))

    def show_page(self, page: int) -> None:
        self._page = min(max(0, page), self.page_count - 1)
        start, end = self._starts[self._page], self._ends[self._page]
        full = self._full_height()
        # the view ends where the page does: the next line is not half shown under it
        self.setViewportMargins(0, 0, 0, max(0, full - (end - start)) if self.page_count > 1 else 0)
        self.verticalScrollBar().setValue(start)
        self.pager.show_page(self._page, self.page_count)

    # -- pages -----------------------------------------------------------------

    def _full_height(self) -> int:
        return self.height() - 2 * self.frameWidth()

    def _later(self) -> None:
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self, self._deferred)

    def _deferred(self) -> None:
        self._pending = False
        self._measure()
        self._paginate()

    def _paginate(self) -> None:
        content = self.widget()
        full = self._full_height()
        need = 0
        if content is not None:  # as tall as fit() found (the area makes it that tall)
            need = (content.minimumHeight() if content.layout() is not None
                    and content.minimumHeight() > 0 else content.sizeHint().height())
        if content is None or need <= full or full <= 0:
            self._starts, self._ends = [0], [max(need, full)]
            self.pager.hide()
            self._page = 0
            self.show_page(0)
            return
        pager_h = self.pager.bar_height(self.viewport().width())
        gap = max(self.pager.spacing(), 8)
        view = max(1, full - pager_h - gap)
        content.resize(self.viewport().width(), need)
        layout = content.layout()
        if layout is not None:
            layout.activate()
        lines, blocks = _bands(content)
        # a label, a button or a picture stays whole on a page where it fits on one;
        # a taller one (a long list of details) is broken between two of its lines
        whole = lines + [(t, b) for t, b in blocks if b - t <= view]
        starts: list[int] = []
        ends: list[int] = []
        start = 0
        last = max((b for _t, b in lines), default=need)
        while start < last and len(starts) < 200:
            limit = start + view
            end = (_page_end(start, limit, whole, need) or _page_end(start, limit, lines, need)
                   or limit)  # a line taller than the page is cut where it must be
            starts.append(start)
            ends.append(end)
            # the next page begins with the next line (not with the space above it)
            start = min((t for t, _b in lines if t >= end), default=need)
        self._starts, self._ends = starts or [0], ends or [need]
        self.pager.setGeometry(0, full - pager_h, self.viewport().width(), pager_h)
        self.pager.raise_()
        self.show_page(min(self._page, self.page_count - 1))

    # -- Qt ----------------------------------------------------------------------

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self._page = 0  # a screen shown again starts at its first page
        self.fit()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            # the content's layout has just been done again (Qt lays a widget out before
            # its event filters see the request): measure and page it as it is now
            self._measure(invalidate=False)
            self._paginate()
        return super().eventFilter(watched, event)


def _page_end(start: int, limit: int, bands: list[tuple[int, int]], need: int) -> int | None:
    """The lowest place in (start, limit] that cuts none of ``bands``, if any."""
    edges = {t for t, _b in bands} | {b for _t, b in bands} | {need}
    for edge in sorted(edges, reverse=True):
        if start < edge <= limit and not any(t < edge < b for t, b in bands):
            return edge
    return None


def _bands(content: QWidget) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The vertical extent, in ``content``'s coordinates, of each line of text (a page
    never ends inside one), and of each label's text, button, field or picture (a page
    ends between them where it can)."""
    lines: list[tuple[int, int]] = []
    blocks: list[tuple[int, int]] = []
    for child in content.findChildren(QWidget):
        if not child.isVisibleTo(content) or child.height() <= 0:
            continue
        if any(isinstance(a, QAbstractButton) for a in _ancestors(child, content)):
            continue  # a button is one band
        top = child.mapTo(content, child.rect().topLeft()).y()
        if isinstance(child, QLabel) and child.pixmap().isNull():
            own = [(top + int(line.top), top + math.ceil(line.bottom))
                   for line in label_lines(child)]
            lines += own
            if own:  # the whole label: a notice's padded background is not cut either
                blocks.append((min(top, own[0][0]), max(top + child.height(), own[-1][1])))
            continue
        leaf = not any(w.isVisibleTo(content) for w in child.findChildren(QWidget))
        if isinstance(child, QAbstractButton | QLineEdit) or leaf:
            lines.append((top, top + child.height()))
    return lines, blocks


def _ancestors(widget: QWidget, stop: QWidget) -> list[QWidget]:
    found = []
    parent = widget.parentWidget()
    while parent is not None and parent is not stop:
        found.append(parent)
        parent = parent.parentWidget()
    return found

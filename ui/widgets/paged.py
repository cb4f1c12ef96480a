"""A grid that pages instead of scrolling, under the page bar (``ui.widgets.page_bar``):
big "Previous / Next" buttons and "Page 1 of 3" in words. Elderly residents find paging
easier than flicking a list.

A page holds as many items as fit in the height available, measured at the column width
with the items styled as they will be shown, so nothing is clipped and nothing is sent to
the next page that had room on this one: a list (days, times, services) shows what fits,
in 长辈版 as in the standard mode, in either orientation. Tiles are the exception: a
screen of tiles holds no more than the theme allows (8, or 4 in 长辈版), however many fit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui.widgets.page_bar import PageBar

#: items a list is given before it has a height to measure (refitted once shown)
FIRST_GUESS = 8


class PagedGrid(QWidget):
    page_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._factories: Sequence[Callable[[], QWidget]] = ()
        self._columns = 1  # as shown
        self._narrowest, self._widest = 1, 1  # the columns it may take
        self._max_per_page: int | None = None
        self._gap = 12
        self._page = 0
        self._per_page = 1
        self._built: list[QWidget] = []
        #: items made to be measured, by index, not shown yet (the first page reuses them)
        self._samples: dict[int, QWidget] = {}
        self._heights: dict[int, list[int]] = {}
        self._dirty = False
        self._filling = False
        self._fill_height = False
        self._paged = True

        outer = self._outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self._grid_host = QWidget(self)
        self._grid = QGridLayout(self._grid_host)
        self._grid.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self._grid_host, 1)
        self._pager = PageBar(self)
        outer.addWidget(self._pager)
        self.prev_button = self._pager.prev_button
        self.next_button = self._pager.next_button
        self.page_label = self._pager.page_label
        self._pager.turned.connect(self.show_page)
        self._pager.hide()

    # -- configuration -------------------------------------------------------

    def configure(self, columns: int, max_per_page: int | None, gap: int, fill: bool = False,
                  paged: bool = True, widest: int = 0) -> None:
        """``max_per_page``: a limit for a page of tiles (the theme's ``max_tiles``); None for
        a list, whose page holds what fits. ``widest``: up to this many columns where the
        items keep their lines at the narrower width and more of them fit on a page (short
        items such as days: six a page, not four). ``fill``: items grow to share the
        height (tiles). ``paged=False``: every item on one page, sharing the height (a hub
        of a few tiles: nothing behind "Next page"), unless even their smallest height does
        not fit (a pseudo-locale's long text)."""
        self._narrowest = self._columns = max(1, columns)
        self._widest = max(self._narrowest, widest)
        self._gap = gap
        self._max_per_page = None if max_per_page is None else max(1, max_per_page)
        self._fill_height = fill
        self._paged = paged
        self._heights.clear()
        self._grid.setSpacing(gap)
        self._outer.setSpacing(gap)
        self._pager.set_spacing(gap)
        self._relayout()

    def set_items(self, factories: Sequence[Callable[[], QWidget]]) -> None:
        """Items as factories: only the widgets of the shown page exist."""
        self._factories = list(factories)
        self._heights.clear()
        self._page = 0
        self._relayout()

    @property
    def page(self) -> int:
        return self._page

    @property
    def page_count(self) -> int:
        return max(1, -(-len(self._factories) // self._per_page))

    def items_on_page(self) -> list[QWidget]:
        return list(self._built)

    def show_page(self, page: int) -> None:
        self._page = min(max(0, page), self.page_count - 1)
        self._fill()
        self.page_changed.emit(self._page)

    # -- layout --------------------------------------------------------------

    def _relayout(self) -> None:
        if not self.isVisible():
            # nobody sees it: build the page when it is shown, at its real size
            self._dirty = True
            return
        self._dirty = False
        self._per_page, self._columns = self._fit_per_page()
        self._page = min(self._page, self.page_count - 1)
        self._fill()

    def _limit(self, columns: int) -> int:
        """The most a page may hold: the tiles' limit (whole rows), or every item."""
        total = max(1, len(self._factories))
        if not self._paged or self._max_per_page is None:
            return total
        limit = self._max_per_page - self._max_per_page % columns or columns
        return min(limit, total)

    def _fit_per_page(self) -> tuple[int, int]:
        """Items a page holds, and in how many columns: the most items, in the fewest
        columns that give them, never with an item wrapping to more lines than it does in
        the narrowest number of columns."""
        best = (self._fit(self._narrowest), self._narrowest)
        if best[0] >= len(self._factories) or not self._measurable():
            return best
        for columns in range(self._narrowest + 1, self._widest + 1):
            fitted = self._fit(columns)
            count = min(fitted, len(self._factories))
            if count > best[0] and self._keeps_lines(count, columns):
                best = (fitted, columns)
        return best

    def _measurable(self) -> bool:
        return bool(self._factories) and self.height() > 0 and self.isVisible()

    def _fit(self, columns: int) -> int:
        limit = self._limit(columns)
        if not self._measurable():
            # not laid out yet: measured when it is shown
            return limit if self._max_per_page is not None or not self._paged \
                else min(limit, FIRST_GUESS)
        # as many rows as fit in the height we have, without the page bar if they are all
        # the items, else with it
        gap = self._gap
        available = self.height() + gap
        rows = self._rows_within(available, limit, columns)
        if rows * columns < len(self._factories):
            rows = max(1, self._rows_within(available - self._pager.bar_height(self.width())
                                            - gap, limit, columns))
        return max(1, min(limit, rows * columns))

    def _column_width(self, columns: int) -> int:
        return max(1, (self.width() - (columns - 1) * self._gap) // columns)

    def _keeps_lines(self, count: int, columns: int) -> bool:
        """The first ``count`` items are no taller in ``columns`` than in the narrowest."""
        narrow = self._item_heights(count, self._column_width(columns))[:count]
        wide = self._item_heights(count, self._column_width(self._narrowest))[:count]
        return all(n <= w for n, w in zip(narrow, wide, strict=True))

    def _rows_within(self, available: int, limit: int, columns: int) -> int:
        """How many rows of the first items fit in ``available`` (each with its gap)."""
        width = self._column_width(columns)
        rows, used = 0, 0
        for first in range(0, limit, columns):
            heights = self._item_heights(min(first + columns, limit), width)
            row_h = max(heights[first:first + columns])
            if used + row_h + self._gap > available:
                break
            used += row_h + self._gap
            rows += 1
        return rows

    def _item_heights(self, count: int, width: int) -> list[int]:
        """Heights of the first ``count`` items at a column width, measured as needed (they
        depend on the width only, so a change of height alone needs no new measurement)."""
        heights = self._heights.setdefault(width, [])
        for index in range(len(heights), count):
            sample = self._samples.get(index)
            if sample is None:
                sample = self._samples[index] = self._factories[index]()
                sample.setParent(self._grid_host)
                sample.hide()  # measured now, shown by _fill if it is on the first page
            sample.ensurePolished()
            h = sample.heightForWidth(width) if sample.hasHeightForWidth() else -1
            heights.append(max(h, sample.sizeHint().height(), sample.minimumHeight()))
        return heights

    def _drop_samples(self) -> None:
        for sample in self._samples.values():
            sample.deleteLater()
        self._samples = {}

    def _fill(self) -> None:
        for widget in self._built:
            self._grid.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        self._built = []
        start = self._page * self._per_page
        # the first page reuses the widgets made to measure it; taken out of the samples
        # first, so that a measurement while the page is built cannot drop one
        if start:
            self._drop_samples()
        reuse, self._samples = self._samples, {}
        self._filling = True
        try:
            for n, factory in enumerate(self._factories[start:start + self._per_page]):
                widget = reuse.pop(n) if n in reuse else factory()
                widget.setParent(self._grid_host)
                if self._fill_height:
                    widget.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
                self._grid.addWidget(widget, n // self._columns, n % self._columns)
                widget.show()
                self._built.append(widget)
        finally:
            self._filling = False
        for unused in reuse.values():
            unused.deleteLater()
        rows = -(-self._per_page // self._columns)
        for r in range(self._grid.rowCount()):
            self._grid.setRowStretch(r, 0)
        self._grid.setRowStretch(rows, 0 if self._fill_height else 1)
        for c in range(max(self._columns, self._grid.columnCount())):
            self._grid.setColumnStretch(c, 1 if c < self._columns else 0)
        self._pager.show_page(self._page, self.page_count)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self._dirty:
            self._relayout()
        else:
            self._refit()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._refit()

    def _refit(self) -> None:
        if self._dirty or self._filling:  # a page being built is not built again inside
            return
        fitted, columns = (self._fit_per_page() if self._factories
                           else (self._per_page, self._columns))
        if (fitted, columns) != (self._per_page, self._columns):
            first = self._page * self._per_page
            self._per_page, self._columns = fitted, columns
            self._page = first // self._per_page
            self._fill()
        else:
            self._drop_samples()

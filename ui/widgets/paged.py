"""A grid that pages instead of scrolling: big "Previous / Next" buttons and
"Page 1 of 3" in words. Elderly residents find paging easier than flicking a
list, and a page never holds more items than the theme allows (8, or 4 in
长辈版) or than fit in the height available, so nothing is clipped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import translate
from ui.widgets.buttons import TextButton


class PagedGrid(QWidget):
    page_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._factories: Sequence[Callable[[], QWidget]] = ()
        self._columns = 1
        self._max_per_page = 8
        self._gap = 12
        self._page = 0
        self._per_page = 1
        self._built: list[QWidget] = []
        self._samples: list[QWidget] = []
        self._heights: dict[int, list[int]] = {}
        self._dirty = False
        self._fill_height = False
        self._paged = True

        outer = self._outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self._grid_host = QWidget(self)
        self._grid = QGridLayout(self._grid_host)
        self._grid.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self._grid_host, 1)
        self._pager = QWidget(self)
        bar = QHBoxLayout(self._pager)
        bar.setContentsMargins(0, 0, 0, 0)
        self.prev_button = TextButton("secondary", self._pager)
        self.next_button = TextButton("secondary", self._pager)
        self.page_label = QLabel(self._pager)
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        bar.addWidget(self.prev_button, 1)
        bar.addWidget(self.page_label, 1)
        bar.addWidget(self.next_button, 1)
        outer.addWidget(self._pager)
        self.prev_button.clicked.connect(lambda: self.show_page(self._page - 1))
        self.next_button.clicked.connect(lambda: self.show_page(self._page + 1))
        self._retranslate()

    # -- configuration -------------------------------------------------------

    def configure(self, columns: int, max_per_page: int, gap: int, fill: bool = False,
                  paged: bool = True) -> None:
        """``fill``: items grow to share the height (tiles). ``paged=False``: every item on
        one page, sharing the height (a hub of a few tiles: nothing behind "Next page"),
        unless even their smallest height does not fit (a pseudo-locale's long text)."""
        self._columns, self._max_per_page, self._gap = max(1, columns), max(1, max_per_page), gap
        self._fill_height = fill
        self._paged = paged
        self._heights.clear()
        self._grid.setSpacing(gap)
        self._outer.setSpacing(gap)
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
        self._per_page = self._fit_per_page()
        self._page = min(self._page, self.page_count - 1)
        self._fill()

    def _fit_per_page(self) -> int:
        per_page = self._max_per_page - self._max_per_page % self._columns or self._columns
        if not self._paged:  # all of them, unless they truly cannot fit (then pages)
            per_page = max(1, len(self._factories))
        if not self._factories or self.height() <= 0 or not self.isVisible():
            return per_page  # not laid out yet: measured when it is shown
        # measure the items of the first page, styled as they will be shown, and
        # keep as many rows as fit in the height we have
        width = max(1, (self.width() - (self._columns - 1) * self._gap) // self._columns)
        heights = self._heights.get(width)
        if heights is None:
            heights = self._heights[width] = self._measure(per_page, width)
        return self._rows_that_fit(heights, per_page)

    def _measure(self, per_page: int, width: int) -> list[int]:
        """Heights of the first page's items at a column width (they depend on the
        width only, so a change of height alone needs no new measurement)."""
        heights = []
        self._drop_samples()
        for factory in self._factories[:per_page]:
            sample = factory()
            sample.setParent(self._grid_host)
            sample.hide()  # measured now, shown by _fill if it is on the first page
            sample.ensurePolished()
            h = sample.heightForWidth(width) if sample.hasHeightForWidth() else -1
            heights.append(max(h, sample.sizeHint().height(), sample.minimumHeight()))
            self._samples.append(sample)
        return heights

    def _rows_that_fit(self, heights: list[int], per_page: int) -> int:
        self._pager.ensurePolished()
        for button in (self.prev_button, self.next_button):
            button.ensurePolished()  # hidden ones do not count in the pager's own hint
        pager_h = max(self._pager.sizeHint().height(), self.next_button.sizeHint().height(),
                      self.prev_button.sizeHint().height()) + self._gap
        available = self.height() + self._gap
        if len(self._factories) > per_page:
            available -= pager_h
        rows, used = 0, 0
        row_heights = [max(heights[i:i + self._columns])
                       for i in range(0, len(heights), self._columns)]
        for row_h in row_heights:
            if used + row_h + self._gap > available:
                break
            used += row_h + self._gap
            rows += 1
        if rows < len(row_heights) and len(self._factories) <= per_page:
            # it will need a pager after all: make room for it
            while rows > 1 and used + pager_h > available:
                rows -= 1
                used -= row_heights[rows] + self._gap
        return max(1, min(per_page, max(1, rows) * self._columns))

    def _drop_samples(self) -> None:
        for sample in self._samples:
            sample.deleteLater()
        self._samples = []

    def _fill(self) -> None:
        for widget in self._built:
            self._grid.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        self._built = []
        start = self._page * self._per_page
        # the first page reuses the widgets made to measure it
        reuse = self._samples if start == 0 else []
        if start:
            self._drop_samples()
        self._samples = []
        for n, factory in enumerate(self._factories[start:start + self._per_page]):
            widget = reuse[n] if n < len(reuse) else factory()
            widget.setParent(self._grid_host)
            if self._fill_height:
                widget.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
            self._grid.addWidget(widget, n // self._columns, n % self._columns)
            widget.show()
            self._built.append(widget)
        for unused in reuse[len(self._built):] if start == 0 else []:
            unused.deleteLater()
        rows = -(-self._per_page // self._columns)
        for r in range(self._grid.rowCount()):
            self._grid.setRowStretch(r, 0)
        self._grid.setRowStretch(rows, 0 if self._fill_height else 1)
        for c in range(max(self._columns, self._grid.columnCount())):
            self._grid.setColumnStretch(c, 1 if c < self._columns else 0)
        multi = self.page_count > 1
        self._pager.setVisible(multi)
        self.prev_button.setVisible(multi and self._page > 0)
        self.next_button.setVisible(multi and self._page < self.page_count - 1)
        self._retranslate()

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
        if self._dirty:
            return
        fitted = self._fit_per_page() if self._factories else self._per_page
        if fitted != self._per_page:
            first = self._page * self._per_page
            self._per_page = fitted
            self._page = first // self._per_page
            self._fill()
        else:
            self._drop_samples()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.prev_button.set_texts(translate("Pager", "◀ Previous page"))
        self.next_button.set_texts(translate("Pager", "Next page ▶"))
        self.page_label.setText(
            translate("Pager", "Page %1 of %2").replace("%1", str(self._page + 1))
            .replace("%2", str(self.page_count))
        )

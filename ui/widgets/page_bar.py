"""The bar that turns pages: big "◀ Previous page" and "Next page ▶" buttons with
"Page 1 of 3" in words between them. One bar for everything that pages instead of
scrolling: the reading area (``ui.widgets.reading``) and the paged grid
(``ui.widgets.paged``).

The bar says where the resident is and offers only the way that goes somewhere: no
"Previous" on the first page, no "Next" on the last, and no bar at all for one page.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from ui.i18n import translate
from ui.widgets.buttons import TextButton


class PageBar(QWidget):
    #: the page asked for (the bar's owner shows it, then calls ``show_page``)
    turned = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._page, self._count = 0, 1
        bar = self._bar = QHBoxLayout(self)
        bar.setContentsMargins(0, 0, 0, 0)
        self.prev_button = TextButton("secondary", self)
        self.next_button = TextButton("secondary", self)
        self.page_label = QLabel(self)
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        bar.addWidget(self.prev_button, 1)
        bar.addWidget(self.page_label, 1)
        bar.addWidget(self.next_button, 1)
        self.prev_button.clicked.connect(lambda: self.turned.emit(self._page - 1))
        self.next_button.clicked.connect(lambda: self.turned.emit(self._page + 1))
        self._retranslate()

    def show_page(self, page: int, count: int) -> None:
        """Page ``page`` (from 0) of ``count``: the words, the buttons that lead somewhere,
        and the bar itself only where there is more than one page."""
        self._page, self._count = page, max(1, count)
        first, last = page <= 0, page >= self._count - 1
        for button, shown in ((self.prev_button, not first), (self.next_button, not last)):
            button.setEnabled(shown)
            button.setVisible(shown)
        self.setVisible(self._count > 1)
        self._retranslate()

    def set_spacing(self, gap: int) -> None:
        self._bar.setSpacing(gap)

    def spacing(self) -> int:
        return self._bar.spacing()

    def bar_height(self, width: int) -> int:
        """How tall the bar is at ``width`` (its buttons share the width in thirds), hidden
        buttons included: measured before the owner decides how much a page holds."""
        self.ensurePolished()
        third = max(1, (width - 2 * self._bar.spacing()) // 3)
        heights = [self.page_label.sizeHint().height()]
        for button in (self.prev_button, self.next_button):
            button.ensurePolished()  # a hidden one is not polished with the bar
            heights.append(max(button.heightForWidth(third), button.sizeHint().height()))
        return max(heights)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.prev_button.set_texts(translate("Pager", "◀ Previous page"))
        self.next_button.set_texts(translate("Pager", "Next page ▶"))
        self.page_label.setText(
            translate("Pager", "Page %1 of %2").replace("%1", str(self._page + 1))
            .replace("%2", str(self._count))
        )

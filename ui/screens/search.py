"""Search as you type: the on-screen A–Z keyboard or a hardware keyboard / IME.

The index is built once at start-up (kiosk.search); each keystroke runs one
query and shows the first page of results as big rows. Nothing found: the
most-used services and "call staff".
"""

from __future__ import annotations

from PySide6.QtWidgets import QBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ui.context import ScreenDeps
from ui.i18n import plural, translate
from ui.screens.base import Screen
from ui.theme import set_role
from ui.widgets.buttons import TextButton
from ui.widgets.keyboard import LetterKeyboard
from ui.widgets.matter_rows import matter_row_factory
from ui.widgets.paged import PagedGrid

RESULT_LIMIT = 40


class SearchScreen(Screen):
    name = "search"

    def __init__(self, deps: ScreenDeps) -> None:
        super().__init__(deps)
        self.split = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.root.addLayout(self.split, 1)
        results_host = QWidget(self)
        results = QVBoxLayout(results_host)
        results.setContentsMargins(0, 0, 0, 0)
        self.results = results
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        set_role(self.status, "muted")
        results.addWidget(self.status)
        self.grid = PagedGrid(results_host)
        results.addWidget(self.grid, 1)
        self.staff_button = TextButton("danger", results_host)
        self.staff_button.setObjectName("search-call-staff")
        self.staff_button.clicked.connect(
            lambda: self.deps.navigator.go("call_staff", from_screen=self.name))
        results.addWidget(self.staff_button)
        self.split.addWidget(results_host, 3)

        # the field sits on top of the keyboard: eyes and fingers in one place
        typing_host = QWidget(self)
        typing = QVBoxLayout(typing_host)
        typing.setContentsMargins(0, 0, 0, 0)
        self.typing = typing
        self.field = QLineEdit(typing_host)
        self.field.setObjectName("search-field")
        typing.addWidget(self.field)
        self.keyboard = LetterKeyboard(typing_host)
        typing.addWidget(self.keyboard, 1)
        self.split.addWidget(typing_host, 2)

        # the instruction is shown above the results while nothing is typed: the
        # keyboard needs the height
        self.instruction.hide()
        self.keyboard.letter.connect(self.field.insert)
        self.keyboard.space.connect(lambda: self.field.insert(" "))
        self.keyboard.backspace.connect(self.field.backspace)
        self.keyboard.clear.connect(self.field.clear)
        self.field.textChanged.connect(self._search)
        self.last_hits: list = []
        self.retranslate()

    def enter(self, query: str | None = None, **_kwargs) -> None:
        """Back to search keeps what the resident typed; a query argument replaces it."""
        if query is not None:
            self.field.setText(query)
        self._search(self.field.text())
        self.field.setFocus()

    def reset(self) -> None:
        self.field.clear()

    def apply_mode(self) -> None:
        super().apply_mode()
        p = self.deps.presentation
        s = p.theme.sizes
        self.split.setDirection(
            QBoxLayout.Direction.TopToBottom if p.portrait else QBoxLayout.Direction.LeftToRight
        )
        self.split.setSpacing(s.gap * 2)
        self.typing.setSpacing(s.gap)
        self.results.setSpacing(s.gap)
        self.keyboard.set_gap(s.gap)
        self.grid.configure(1, s.max_tiles, s.gap)

    def retranslate(self) -> None:
        self.title.setText(translate("Search", "Search for a service"))
        self.instruction.setText(
            translate("Search", "Type pinyin initials (sfz = 身份证), pinyin, Chinese or English.")
        )
        self.field.setPlaceholderText(translate("Search", "e.g. sbk, shebaoka, 社保卡, passport"))
        self.field.setAccessibleName(translate("Search", "Search words"))
        self.staff_button.set_texts(translate("Search", "Can't find it? Call staff"))
        self._search(self.field.text())

    def _search(self, text: str) -> None:
        c, open_matter = self.deps.catalogue, lambda code: self.deps.navigator.go("matter", code=code)
        query = text.strip()
        self.last_hits = self.deps.index.search(query, limit=RESULT_LIMIT) if query else []
        if not query:
            matters = c.most_used(RESULT_LIMIT)
            self.status.setText(self.instruction.text() + "\n" + translate("Search", "Most used services:"))
        elif self.last_hits:
            matters = [h.matter for h in self.last_hits]
            self.status.setText(plural(len(matters), translate("Search", "1 service found:"),
                                       translate("Search", "%1 services found:")))
        else:
            matters = c.most_used(RESULT_LIMIT)
            self.status.setText(
                translate("Search", "Nothing found for “%1”. Most used services:").replace("%1", query)
            )
        self.staff_button.setVisible(bool(query) and not self.last_hits)
        self.grid.set_items([matter_row_factory(m, c, self.lang, open_matter) for m in matters])

    def keyPressEvent(self, event) -> None:  # noqa: N802 — typing anywhere goes to the field
        if event.text() and event.text().isprintable() and not self.field.hasFocus():
            self.field.setFocus()
            self.field.insert(event.text())
            return
        super().keyPressEvent(event)



"""Search as you type: the on-screen A–Z keyboard, the writing pad (手写) or a hardware
keyboard / IME.

The index is built once at start-up (kiosk.search); each keystroke runs one
query and shows the first page of results as big rows. Nothing found: the
most-used services and "call staff".

The writing pad is offered (a button beside the field: 手写, then 键盘 to go back) only where a
handwriting recogniser is installed (kiosk.handwriting; the ``handwriting_model``
setting); a character tapped among its candidates is added to the search words as a
letter key's is.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.handwriting.recognizer import handwriting_available, open_recognizer
from ui.context import ScreenDeps
from ui.i18n import plural, translate
from ui.screens.base import Screen
from ui.theme import set_role
from ui.widgets.buttons import TextButton
from ui.widgets.handwriting import HandwritingPanel
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
        self.handwriting: HandwritingPanel | None = None
        self.input_toggle: TextButton | None = None
        model = deps.settings.handwriting_model
        if handwriting_available(model):
            self._add_handwriting(typing_host, lambda: open_recognizer(model))
        else:
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

    def _add_handwriting(self, host: QWidget, opener) -> None:
        """The button that swaps the keyboard and the writing pad, on a row of its own under
        the field (the field keeps its width for the hint) or, in 长辈版 on a landscape
        screen, beside it (a row there would squeeze the keyboard's keys together); and
        the keyboard and the pad in a stack."""
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        self.input_row = row
        self.typing.removeWidget(self.field)
        row.addWidget(self.field, 1)
        self.typing.insertLayout(0, row)
        toggle = TextButton("secondary", host)
        toggle.setObjectName("search-input-toggle")
        toggle.clicked.connect(
            lambda: self.show_input("keyboard" if self.showing_handwriting() else "handwriting"))
        self.toggle_row = QHBoxLayout()
        self.toggle_row.setContentsMargins(0, 0, 0, 0)
        self.toggle_row.addWidget(toggle)
        self.typing.insertLayout(1, self.toggle_row)
        self.input_toggle = toggle
        self.inputs = QStackedWidget(host)
        self.inputs.addWidget(self.keyboard)
        panel = HandwritingPanel(opener, host)
        panel.picked.connect(self.field.insert)
        panel.backspace.connect(self.field.backspace)
        self.inputs.addWidget(panel)
        self.handwriting = panel
        self.typing.addWidget(self.inputs, 1)
        self.show_input("keyboard")

    def show_input(self, key: str) -> None:
        """The keyboard or the writing pad ("keyboard", "handwriting"); the button beside the
        field then offers the other one."""
        if self.handwriting is None:
            return
        self.inputs.setCurrentWidget(self.handwriting if key == "handwriting" else self.keyboard)
        if key != "handwriting":
            self.handwriting.reset()
        self._name_toggle()

    def showing_handwriting(self) -> bool:
        return self.handwriting is not None and self.inputs.currentWidget() is self.handwriting

    def _name_toggle(self) -> None:
        if self.input_toggle is not None:
            self.input_toggle.set_texts(translate("Search", "Keyboard") if self.showing_handwriting()
                                        else translate("Search", "Handwriting"))

    def enter(self, query: str | None = None, **_kwargs) -> None:
        """Back to search keeps what the resident typed; a query argument replaces it."""
        if query is not None:
            self.field.setText(query)
        self._search(self.field.text())
        self.field.setFocus()

    def reset(self) -> None:
        self.field.clear()
        self.show_input("keyboard")  # and the strokes written are forgotten

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
        if self.handwriting is not None and self.input_toggle is not None:
            self.input_row.setSpacing(s.gap)
            beside = p.theme.elderly and not p.portrait
            self.input_row.removeWidget(self.input_toggle)
            self.toggle_row.removeWidget(self.input_toggle)
            (self.input_row if beside else self.toggle_row).addWidget(self.input_toggle)
            self.handwriting.set_sizes(s, p.theme.elderly)
            self.input_toggle.setMinimumSize(round(s.touch * 2.2), s.touch)
        self.grid.configure(1, None, s.gap)

    def retranslate(self) -> None:
        self.title.setText(translate("Search", "Search for a service"))
        self.instruction.setText(
            translate("Search", "Type pinyin initials (sfz = 身份证), pinyin, Chinese or English.")
        )
        self.field.setPlaceholderText(translate("Search", "e.g. sbk, shebaoka, 社保卡, passport"))
        self.field.setAccessibleName(translate("Search", "Search words"))
        self.staff_button.set_texts(translate("Search", "Can't find it? Call staff"))
        self._name_toggle()
        self._search(self.field.text())

    def _search(self, text: str) -> None:
        c, open_matter = self.deps.catalogue, lambda code: self.deps.navigator.go("matter", code=code)
        query = text.strip()
        self.last_hits = self.deps.search_index.search(query, limit=RESULT_LIMIT) if query else []
        if not query:
            matters = c.most_used(RESULT_LIMIT)
            self.status.setText(self.instruction.text() + "\n" + translate("Search", "Most used services:"))
        elif self.last_hits:
            matters = [h.matter for h in self.last_hits]
            self.status.setText(plural(len(matters), translate("Search", "1 service found:"),
                                       translate("Search", "%1 services found:")))
        else:  # somewhere to go on: the closest departments and life events, and staff
            self.status.setText(translate(
                "Search", "Nothing found for “%1”. These may have it, or call staff:",
            ).replace("%1", query))
            self.staff_button.setVisible(True)
            self.grid.set_items(self._lead_rows(query))
            return
        self.staff_button.setVisible(False)
        self.grid.set_items([matter_row_factory(m, c, self.lang, open_matter) for m in matters])

    def _lead_rows(self, query: str) -> list:
        """The departments and life events of the matters closest to what was typed (all
        of them when nothing is close), each opening its list of services."""
        c, nav = self.deps.catalogue, self.deps.navigator
        leads = self.deps.search_index.warm().leads(query)
        departments = [d for code in leads.departments for d in c.departments if d.code == code]
        themes = [t for code in leads.themes for t in c.themes if t.code == code]
        if not departments and not themes:
            departments, themes = list(c.departments), list(c.themes)

        def row(kind: str, group, detail: str, key: str):
            def make():
                b = TextButton("row", self)
                b.setObjectName(f"lead-{kind}-{group.code}")
                b.set_texts(group.name.get(self.lang), detail)
                b.clicked.connect(lambda _=False: nav.go("matter_list", **{key: group.code}))
                return b
            return make

        return ([row("department", d, translate("Search", "Department"), "department")
                 for d in departments]
                + [row("theme", t, translate("Search", "Life event"), "theme") for t in themes])

    def keyPressEvent(self, event) -> None:  # noqa: N802 — typing anywhere goes to the field
        if event.text() and event.text().isprintable() and not self.field.hasFocus():
            self.field.setFocus()
            self.field.insert(event.text())
            return
        super().keyPressEvent(event)



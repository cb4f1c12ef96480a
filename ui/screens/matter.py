"""One matter: what it takes, what to bring (a checklist the resident ticks), and a
QR code that carries the guide and the ticked checklist to their phone.

Three parts, one at a time (one task per screen in 长辈版): 办事须知 overview,
要带的材料 what to bring, 带到手机 take it with you.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.device.handoff import TemplateError, handoff_url
from kiosk.rules.catalogue import Material, Matter
from kiosk.rules.typography import aside
from ui.context import ScreenDeps
from ui.i18n import plural, translate
from ui.screens.base import Screen
from ui.theme import set_role
from ui.widgets.buttons import TextButton
from ui.widgets.matter_rows import visits_text
from ui.widgets.paged import PagedGrid
from ui.widgets.qr import QrCode
from ui.widgets.reading import ReadingArea, plain_label

PARTS = ("overview", "materials", "handoff")


def days_text(days: int) -> str:
    if days == 0:
        return translate("Matter", "On the spot")
    return plural(days, translate("Matter", "1 working day"),
                  translate("Matter", "%1 working days"))


def fee_text(matter: Matter, lang: str) -> str:
    amount = matter.fee.amount_yuan
    text = (translate("Matter", "Free") if amount == 0
            else translate("Matter", "%1 yuan").replace("%1", f"{amount:g}"))
    if matter.fee.note:
        text = aside(text, matter.fee.note.get(lang))
    return text


def form_text(material: Material) -> str:
    form = {
        "original": translate("Matter", "Original"),
        "copy": translate("Matter", "Copy"),
        "original_and_copy": translate("Matter", "Original and copy"),
        "electronic": translate("Matter", "Electronic"),
    }[material.form]
    if material.copies > 1:
        form += " × " + translate("Matter", "%1 copies").replace("%1", str(material.copies))
    need = (translate("Matter", "required") if material.required
            else translate("Matter", "if it applies"))
    return f"{form} · {need}"


class MatterScreen(Screen):
    name = "matter"

    def __init__(self, deps: ScreenDeps) -> None:
        super().__init__(deps)
        self.matter: Matter | None = None
        self._part = "overview"

        tabs = QHBoxLayout()
        self.tab_buttons: dict[str, TextButton] = {}
        for n, part in enumerate(PARTS, start=1):
            button = TextButton("secondary", self)
            button.setObjectName(f"part-{part}")
            button.setCheckable(True)
            button.setProperty("number", n)
            button.clicked.connect(lambda _=False, part=part: self.show_part(part))
            tabs.addWidget(button, 1)
            self.tab_buttons[part] = button
        self.tabs = tabs
        self.root.addLayout(tabs)

        self.parts = QStackedWidget(self)
        self.root.addWidget(self.parts, 1)

        # 1. overview: a card of facts, scrollable by touch
        self.overview_scroll = ReadingArea(self.parts)
        self.facts = QFrame()
        set_role(self.facts, "card")
        self.facts_grid = QGridLayout(self.facts)
        self.overview_scroll.setWidget(self.facts)
        self.parts.addWidget(self.overview_scroll)

        # 2. materials: tick what you have
        materials = QWidget(self.parts)
        mat_layout = QVBoxLayout(materials)
        mat_layout.setContentsMargins(0, 0, 0, 0)
        self.materials_summary = plain_label(materials, "muted")
        mat_layout.addWidget(self.materials_summary)
        self.materials_grid = PagedGrid(materials)
        mat_layout.addWidget(self.materials_grid, 1)
        self.parts.addWidget(materials)

        # 3. hand-off QR
        handoff = QWidget(self.parts)
        self.handoff_layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, handoff)
        self.handoff_layout.setContentsMargins(0, 0, 0, 0)
        self.qr = QrCode(handoff)
        self.handoff_text = plain_label(handoff)
        self.handoff_layout.addWidget(self.qr, 1)
        self.handoff_layout.addWidget(self.handoff_text, 1)
        self.parts.addWidget(handoff)

        # "book" is the screen's action, not a fourth part (in the row of parts it read as
        # a tab): a primary button with its icon, apart from the parts. In portrait under
        # them, at the right where a step's "next" is; in landscape, where 长辈版 needs the
        # height for the checklist, beside the title and description, as wide as a part
        self.head = QGridLayout()
        self.head.setContentsMargins(0, 0, 0, 0)
        for n, label in enumerate((self.title, self.instruction)):
            self.root.removeWidget(label)
            self.head.addWidget(label, n, 0)
        self.root.insertLayout(0, self.head)
        self.action_row = QHBoxLayout()
        self.action_row.addStretch(1)
        self.root.addLayout(self.action_row)
        self.book_button = TextButton("primary", self)
        self.book_button.setObjectName("book")
        self.book_button.set_icon("calendar-plus", "leading")
        self.book_button.clicked.connect(self._book)
        self.retranslate()

    # -- navigation ------------------------------------------------------------

    def enter(self, code: str = "", part: str = "overview", **_kw: Any) -> None:
        self.matter = self.deps.catalogue.find_matter(code)
        self._part = part if part in PARTS else "overview"
        self.retranslate()

    def reset(self) -> None:
        self.matter = None
        self._part = "overview"
        self.qr.clear()
        self.handoff_text.clear()
        self.materials_grid.set_items([])

    def show_part(self, part: str) -> None:
        self._part = part
        self.parts.setCurrentIndex(PARTS.index(part))
        # the description belongs to the overview; the other parts need the room
        self.instruction.setVisible(part == "overview")
        for name, button in self.tab_buttons.items():
            button.setChecked(name == part)
        if part == "handoff":
            self._fill_handoff()

    def apply_mode(self) -> None:
        super().apply_mode()
        p = self.deps.presentation
        s = p.theme.sizes
        self.tabs.setSpacing(s.gap)
        self.head.setSpacing(s.gap)
        self.action_row.setSpacing(s.gap)
        self.head.removeWidget(self.book_button)
        self.action_row.removeWidget(self.book_button)
        if p.portrait:
            self.action_row.addWidget(self.book_button, 1)
        else:
            self.head.addWidget(self.book_button, 0, 1, 2, 1, Qt.AlignmentFlag.AlignVCenter)
        self.head.setColumnStretch(0, 1 if p.portrait else 2)
        self.head.setColumnStretch(1, 0 if p.portrait else 1)
        self.facts_grid.setContentsMargins(s.margin, s.margin // 2, s.margin, s.margin // 2)
        self.facts_grid.setHorizontalSpacing(s.gap * 2)
        self.facts_grid.setVerticalSpacing(s.gap)
        if self.matter is not None:  # one column of facts or two, by orientation
            self._fill_facts(self.matter)
        self.overview_scroll.fit()
        # several materials a page: two across in landscape, where 长辈版 had room for one
        # row only ("第1页，共4页"); as many as fit
        self.materials_grid.configure(1 if p.portrait else 2, None, s.gap)
        self.handoff_layout.setDirection(
            QBoxLayout.Direction.TopToBottom if p.portrait else QBoxLayout.Direction.LeftToRight
        )
        self.handoff_layout.setSpacing(s.gap * 2)

    # -- content -------------------------------------------------------------

    def retranslate(self) -> None:
        labels = {
            "overview": translate("Matter", "① What it takes"),
            "materials": translate("Matter", "② What to bring"),
            "handoff": translate("Matter", "③ Take it with you"),
        }
        for part, button in self.tab_buttons.items():
            button.set_texts(labels[part])
        m = self.matter
        if m is None:
            self.title.setText(translate("Matter", "Service not found"))
            self.instruction.setText(translate("Matter", "Go back and choose another service."))
            self.book_button.hide()
            return
        self.title.setText(m.name.get(self.lang))
        self.instruction.setText(
            m.description.get(self.lang) if m.description
            else translate("Matter", "Read what it takes, then tick what you have.")
        )
        self._fill_facts(m)
        self._fill_materials(m)
        self.book_button.setVisible(m.bookable)
        # a matter not served here is booked at another hall: the button says where, and
        # does not pretend to book (``booking.other_halls``)
        here = self.deps.settings.hall_code in m.halls
        self.book_button.set_icon("calendar-plus" if here else "building", "leading")
        self.book_button.set_texts(
            translate("Matter", "Book a time") if here else translate("Matter", "Where to book"))
        self.show_part(self._part)

    def _fill_facts(self, m: Matter) -> None:
        while self.facts_grid.count():
            item = self.facts_grid.takeAt(0)
            assert item is not None  # count() > 0
            widget = item.widget()
            if widget:
                widget.hide()
                widget.deleteLater()
        c, lang = self.deps.catalogue, self.lang
        dept = c.department(m.department)
        here = self.deps.settings.hall_code
        halls = [translate("Matter", "%1 (this hall)").replace("%1", h.name.get(lang))
                 if code == here else h.name.get(lang) for code in m.halls if (h := c.hall(code))]
        yes, no = translate("Matter", "Yes"), translate("Matter", "No")
        bookable = (no if not m.bookable else yes if here in m.halls
                    else translate("Matter", "Not at this hall (see Halls)"))
        count = len(m.materials)
        rows = [
            (translate("Matter", "Department"), dept.name.get(lang) if dept else m.department),
            (translate("Matter", "Where"), m.window.get(lang)),
            (translate("Matter", "Visits"), visits_text(m.visits)),
            (translate("Matter", "Fee"), fee_text(m, lang)),
            (translate("Matter", "Done within"), days_text(m.promised_limit_days)),
            (translate("Matter", "Legal time limit"), days_text(m.legal_limit_days)),
            (translate("Matter", "Can be done online"), yes if m.online else no),
            (translate("Matter", "Can be booked"), bookable),
            (translate("Matter", "Staff can do it for you"), yes if m.proxy_allowed else no),
            (translate("Matter", "Halls"), "、".join(halls) if lang == "zh" else "; ".join(halls)),
            (translate("Matter", "Materials"),
             plural(count, translate("Matter", "1 item — see ② What to bring"),
                    translate("Matter", "%1 items — see ② What to bring"))),
        ]
        # in landscape two columns of facts (the first half on the left): half as many
        # lines, so that 长辈版 needs fewer pages to show them
        pairs = 1 if self.deps.presentation.portrait else 2
        per_column = -(-len(rows) // pairs)
        for r, (key, value) in enumerate(rows):
            k = plain_label(self.facts, "muted")
            k.setText(key)
            v = plain_label(self.facts)
            v.setText(value)
            v.setObjectName(f"fact-{r}")
            row, column = r % per_column, 2 * (r // per_column)
            self.facts_grid.addWidget(k, row, column, Qt.AlignmentFlag.AlignTop)
            self.facts_grid.addWidget(v, row, column + 1, Qt.AlignmentFlag.AlignTop)
            k.show()  # a layout ignores hidden widgets when it measures
            v.show()
        for column in range(4):
            self.facts_grid.setColumnStretch(column, 1 if column % 2 and column < 2 * pairs else 0)
        for row in range(len(rows) + 1):
            self.facts_grid.setRowStretch(row, 1 if row == per_column else 0)
        self.overview_scroll.fit()

    def _fill_materials(self, m: Matter) -> None:
        ticks = self.deps.session().has(m.code)
        # what to bring first, each a row to tick; then what the hall takes or looks up
        # itself (the photo taken at the window), said as such and never as a box to tick
        order = ([i for i, x in enumerate(m.materials) if x.brought]
                 + [i for i, x in enumerate(m.materials) if not x.brought])
        self.materials_grid.set_items([self._material_factory(m, i) for i in order])
        self._update_summary(m, ticks)

    def _material_factory(self, m: Matter, index: int):
        material = m.materials[index]
        if not material.brought:
            return lambda: self._not_brought(material, index)

        def make() -> TextButton:
            row = TextButton("row", align=Qt.AlignmentFlag.AlignLeft)
            row.setObjectName(f"material-{index}")
            row.setCheckable(True)
            have = index in self.deps.session().has(m.code)
            row.setChecked(have)
            self._material_texts(row, material, have)
            row.toggled.connect(lambda on: self._tick(m, index, row, on))
            return row

        return make

    def _not_brought(self, material: Material, index: int) -> QFrame:
        """A material the resident does not bring: its name, "无需自带" and the note; a card
        to read, not a row to tick."""
        card = QFrame()
        card.setObjectName(f"material-{index}")
        set_role(card, "card")
        column = QVBoxLayout(card)
        column.setContentsMargins(12, 11, 12, 11)  # where a row's texts sit in its border
        column.setSpacing(4)
        name = plain_label(card)
        name.setProperty("weight", "bold")
        name.setText(material.name.get(self.lang))
        state = plain_label(card)
        state.setObjectName("not-brought")
        state.setText(translate("Matter", "You need not bring this"))
        column.addWidget(name)
        column.addWidget(state)
        if material.note:
            note = plain_label(card, "muted")
            note.setText(material.note.get(self.lang))
            column.addWidget(note)
        return card

    def _material_texts(self, row: TextButton, material: Material, have: bool) -> None:
        state = (translate("Matter", "✓ I have it") if have
                 else translate("Matter", "☐ I still need it — tap when you have it"))
        detail = form_text(material)
        if material.note:
            detail += f" · {material.note.get(self.lang)}"
        row.set_texts(f"{material.name.get(self.lang)}", f"{detail}\n{state}")

    def _tick(self, m: Matter, index: int, row: TextButton, have: bool) -> None:
        session = self.deps.session()
        session.set_have(m.code, index, have)
        self._material_texts(row, m.materials[index], have)
        self._update_summary(m, session.has(m.code))

    def _update_summary(self, m: Matter, ticks: set[int]) -> None:
        brought = {i for i, x in enumerate(m.materials) if x.brought}
        if not brought:
            self.materials_summary.setText(
                translate("Matter", "There is nothing to bring for this service."))
            return
        self.materials_summary.setText(
            translate("Matter", "You have %1 of %2. Tap each item you have with you.")
            .replace("%1", str(len(ticks & brought))).replace("%2", str(len(brought)))
        )

    def _fill_handoff(self) -> None:
        m = self.matter
        if m is None:
            return
        ticks = self.deps.session().has(m.code)
        try:
            url = handoff_url(self.deps.settings.handoff_url_template, m.code, ticks,
                              self.deps.presentation.language)
        except TemplateError:
            self.qr.clear()
            self.handoff_text.setText(
                translate("Matter", "The phone link is not set up on this kiosk. Please ask staff.")
            )
            return
        self.qr.set_text(url)
        missing = [mat.name.get(self.lang) for i, mat in enumerate(m.materials)
                   if mat.required and mat.brought and i not in ticks]
        text = translate("Matter", "Scan this code with your phone camera or WeChat to take the "
                                   "guide and your checklist with you.")
        if missing:
            sep = "、" if self.lang == "zh" else "; "
            text += "\n\n" + translate("Matter", "Still to get: %1").replace("%1", sep.join(missing))
        else:
            text += "\n\n" + translate("Matter", "You have everything that is required.")
        self.handoff_text.setText(text)
        self.qr.setAccessibleName(translate("Matter", "QR code to take this guide to your phone"))

    def _book(self) -> None:
        if self.matter is not None:
            from ui.screens.booking.step import begin

            begin(self.deps, self.matter.code)

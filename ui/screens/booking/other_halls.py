"""A matter this kiosk's hall does not serve: it cannot be booked here, and where it can.

A kiosk books only at its own hall (the platform refuses a device anything at another
hall), so this screen books nothing: it says so plainly and lists the halls that serve
the matter — name, address, phone — as information to read, never as buttons, with
the 一网通办 app or website as the other way to book. Back and Home are the footer's.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFrame, QVBoxLayout

from kiosk.rules.catalogue import Hall
from ui.context import ScreenDeps
from ui.i18n import translate
from ui.screens.steps import Step
from ui.theme import set_role
from ui.widgets.reading import ReadingArea, plain_label


class OtherHallsScreen(Step):
    name = "book_hall"

    def __init__(self, deps: ScreenDeps) -> None:
        super().__init__(deps)
        self.matter_code = ""
        self.area = ReadingArea(self)
        self.column = self.area.column()
        self.cards: list[QFrame] = []
        self.root.addWidget(self.area, 1)
        self.retranslate()

    def apply_mode(self) -> None:
        super().apply_mode()
        self._space()

    def _space(self) -> None:
        s = self.deps.presentation.theme.sizes
        self.column.setSpacing(s.gap)
        for card in self.cards:
            layout = card.layout()
            assert layout is not None  # made with one (``_card``)
            layout.setContentsMargins(s.margin, s.margin // 2, s.margin, s.margin // 2)
        self.area.fit()

    def enter(self, matter: str = "", **_kw: Any) -> None:
        self.matter_code = matter
        self.retranslate()

    def halls(self) -> list[Hall]:
        """The halls that serve the matter, in the catalogue's order."""
        m = self.deps.catalogue.find_matter(self.matter_code)
        return [h for h in self.deps.catalogue.halls if m is not None and h.code in m.halls
                and h.code != self.deps.settings.hall_code]

    def _card(self, hall: Hall) -> QFrame:
        content = self.column.parentWidget()
        card = QFrame(content)
        card.setObjectName(f"other-hall-{hall.code}")
        set_role(card, "card")
        layout = QVBoxLayout(card)
        name, address, phone = plain_label(card), plain_label(card), plain_label(card, "muted")
        name.setProperty("weight", "bold")
        name.setText(hall.name.get(self.lang))
        address.setText(translate("Booking", "Address: %1").replace("%1", hall.address.get(self.lang)))
        phone.setText(translate("Booking", "Phone: %1").replace("%1", hall.phone))
        for label in (name, address, phone):
            layout.addWidget(label)
        return card

    def _fill(self) -> None:
        while self.column.count():
            item = self.column.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.cards = [self._card(h) for h in self.halls()]
        for card in self.cards:
            self.column.addWidget(card)
            card.show()  # a layout ignores hidden widgets when it measures
        self.column.addStretch(1)
        self._space()

    def reset(self) -> None:
        self.matter_code = ""
        self._fill()

    def retranslate(self) -> None:
        self.title.setText(translate("Booking", "This service cannot be booked here"))
        self.instruction.setText(self._explanation())
        self._fill()

    def _explanation(self) -> str:
        matter = self.matter_name(self.matter_code) if self.matter_code else ""
        if not self.halls():
            return translate(
                "Booking", "%1: not handled at this hall. Please ask staff where it is done."
            ).replace("%1", matter)
        return translate(
            "Booking",
            "%1: not handled at this hall, so this kiosk cannot book it. It is handled at the "
            "halls below: you can book a time there, or on the 一网通办 government services app "
            "or website.",
        ).replace("%1", matter)

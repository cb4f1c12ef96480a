"""A list of matters: one department, one life event, the elderly zone, or most used."""

from __future__ import annotations

from typing import Any

from ui.context import ScreenDeps
from ui.i18n import translate
from ui.screens.base import Screen
from ui.widgets.matter_rows import matter_row_factory
from ui.widgets.paged import PagedGrid


class MatterListScreen(Screen):
    name = "matter_list"

    def __init__(self, deps: ScreenDeps) -> None:
        super().__init__(deps)
        self.grid = PagedGrid(self)
        self.root.addWidget(self.grid, 1)
        self._args: dict[str, Any] = {"most_used": True}
        self._shown: tuple | None = None
        self.retranslate()

    def enter(self, **kwargs: Any) -> None:
        self._args = kwargs or {"most_used": True}
        self.retranslate()

    def reset(self) -> None:
        self._shown = None
        self.grid.show_page(0)

    def apply_mode(self) -> None:
        super().apply_mode()
        p = self.deps.presentation
        s = p.theme.sizes
        # most used first (the catalogue's order); two across in landscape, where 长辈版
        # had room for one row only ("第1页，共21页"), more where the rows keep their lines
        self.grid.configure(1 if p.portrait else 2, None, s.gap, widest=2 if p.portrait else 3)

    def matters(self):
        c = self.deps.catalogue
        if "department" in self._args:
            return c.matters_of_department(self._args["department"])
        if "theme" in self._args:
            return c.matters_of_theme(self._args["theme"])
        if self._args.get("bookable"):
            return [m for m in c.most_used(len(c.matters)) if m.bookable][:24]
        return c.most_used(16)

    def retranslate(self) -> None:
        c = self.deps.catalogue
        if "department" in self._args:
            dept = c.department(self._args["department"])
            self.title.setText(dept.name.get(self.lang) if dept else "")
        elif "theme" in self._args:
            theme = c.theme(self._args["theme"])
            self.title.setText(theme.name.get(self.lang) if theme else "")
        elif self._args.get("bookable"):
            self.title.setText(translate("MatterList", "Book an appointment"))
        else:
            self.title.setText(translate("MatterList", "Most used services"))
        if self._args.get("bookable"):
            self.instruction.setText(translate(
                "MatterList", "Choose the service, then tap “Book a time”."))
        else:
            self.instruction.setText(translate("MatterList", "Tap a service to see what to bring."))
        key = (tuple(sorted(self._args.items())), self.lang)
        if key == self._shown:
            return  # the same list in the same language: keep the rows (and the page)
        self._shown = key
        open_matter = lambda code: self.deps.navigator.go("matter", code=code)  # noqa: E731
        self.grid.set_items(
            [matter_row_factory(m, c, self.lang, open_matter) for m in self.matters()]
        )

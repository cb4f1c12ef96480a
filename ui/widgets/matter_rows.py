"""A matter shown as one big row: its name and a line of what it takes."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt

from kiosk.rules.catalogue import Catalogue, Matter
from ui.i18n import plural, translate
from ui.widgets.buttons import TextButton


def visits_text(visits: int) -> str:
    if visits == 0:
        return translate("Matter", "No visit needed")
    return plural(visits, translate("Matter", "1 visit to the hall"),
                  translate("Matter", "%1 visits to the hall"))


def matter_row_factory(matter: Matter, catalogue: Catalogue, lang: str,
                       on_open: Callable[[str], None]) -> Callable[[], TextButton]:
    def make() -> TextButton:
        row = TextButton("row", align=Qt.AlignmentFlag.AlignLeft)
        row.setObjectName(f"matter-{matter.code}")
        dept = catalogue.department(matter.department)
        detail = " · ".join(x for x in (dept.name.get(lang) if dept else "",
                                        visits_text(matter.visits)) if x)
        row.set_texts(matter.name.get(lang), detail)
        row.clicked.connect(lambda: on_open(matter.code))
        return row

    return make

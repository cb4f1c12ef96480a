"""The banner of staff and assisted mode, on every screen while staff are signed in.

Assisted: "工作人员 0371 王芳 正在协助您 / Staff member 0371 王芳 is helping you", and
where the resident's own entry or confirmation is needed, a second line asking
them to do it themselves. Staff mode without a resident: who is signed in.
The button ends it: "Finish" (hand-back) or "Sign out".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ui.i18n import translate
from ui.theme import set_role
from ui.widgets.buttons import TextButton

if TYPE_CHECKING:
    from kiosk.staff.roster import StaffMember


class AssistBanner(QWidget):
    finish = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("assist-banner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        set_role(self, "banner")
        row = QHBoxLayout(self)
        column = QVBoxLayout()
        self.who = QLabel(self)
        self.who.setObjectName("assist-who")
        self.who.setWordWrap(True)
        self.yourself = QLabel(self)
        self.yourself.setObjectName("assist-yourself")
        self.yourself.setWordWrap(True)
        self.yourself.hide()
        column.addWidget(self.who)
        column.addWidget(self.yourself)
        row.addLayout(column, 1)
        self.button = TextButton("bar", self)
        self.button.setObjectName("assist-finish")
        self.button.clicked.connect(self.finish.emit)
        row.addWidget(self.button)
        self._row = row
        self._member: StaffMember | None = None
        self._assisting = False
        self._resident_step = False
        self.hide()

    def set_metrics(self, margin: int, gap: int) -> None:
        self._row.setContentsMargins(margin, gap // 2, margin, gap // 2)
        self._row.setSpacing(gap)

    def show_state(self, member: StaffMember | None, assisting: bool, resident_step: bool) -> None:
        self._member, self._assisting, self._resident_step = member, assisting, resident_step
        self.setVisible(member is not None)
        self.retranslate()

    def retranslate(self) -> None:
        m = self._member
        if m is None:
            return
        if self._assisting:
            self.who.setText(translate("AssistBanner", "Staff member %1 %2 is helping you")
                             .replace("%1", m.number).replace("%2", m.name))
            self.button.set_texts(translate("AssistBanner", "Finish"))
        else:
            self.who.setText(translate("AssistBanner", "Staff mode: %1 %2")
                             .replace("%1", m.number).replace("%2", m.name))
            self.button.set_texts(translate("AssistBanner", "Sign out"))
        self.yourself.setText(translate(
            "AssistBanner", "Please type and confirm this step yourself; staff may only point."))
        self.yourself.setVisible(self._assisting and self._resident_step)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

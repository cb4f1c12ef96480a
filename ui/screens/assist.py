"""The two ends of assisted mode: the resident's consent, and the hand-back.

Consent (GOV.UK assisted digital; the national policy on older people and smart
technology): who will help, what is recorded, that the resident can stop at
any time and types their own ID and phone number. Hand-back clears the screen
of everything the resident entered and signs the staff member out.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel

from ui.context import ScreenDeps
from ui.i18n import translate
from ui.screens.base import Screen
from ui.theme import set_role
from ui.widgets.buttons import TextButton
from ui.widgets.reading import ReadingArea


class _Choice(Screen):
    """A screen of text and two big choices, side by side (stacked in portrait)."""

    def __init__(self, deps: ScreenDeps) -> None:
        super().__init__(deps)
        # the text scrolls if it must (长辈版, long languages); the choices stay in view
        # (not "scroll": that would hide QWidget.scroll())
        self.area = ReadingArea(self)
        box = self.area.column()
        self.text = QLabel(box.parentWidget())
        self.text.setWordWrap(True)
        set_role(self.text, "notice")
        box.addWidget(self.text)
        box.addStretch(1)
        self.root.addWidget(self.area, 1)
        self.row = QHBoxLayout()
        self.yes = TextButton("primary", self)
        self.no = TextButton("secondary", self)
        self.row.addWidget(self.no, 1)
        self.row.addWidget(self.yes, 1)
        self.root.addLayout(self.row)

    def apply_mode(self) -> None:
        super().apply_mode()
        self.row.setSpacing(self.deps.presentation.theme.sizes.gap * 2)
        self.row.setDirection(QBoxLayout.Direction.TopToBottom if self.deps.presentation.portrait
                              else QBoxLayout.Direction.LeftToRight)


class ConsentScreen(_Choice):
    name = "assist_consent"

    def __init__(self, deps: ScreenDeps) -> None:
        super().__init__(deps)
        self.yes.setObjectName("consent-yes")
        self.no.setObjectName("consent-no")
        self.yes.clicked.connect(self._agree)
        self.no.clicked.connect(self._refuse)
        self.retranslate()

    def enter(self, **_kw: Any) -> None:
        self.retranslate()

    def _agree(self) -> None:
        staff = self.deps.staff
        if staff is None or not staff.signed_in:
            self.deps.navigator.home()
            return
        self.deps.navigator.begin_assist()

    def _refuse(self) -> None:
        staff = self.deps.staff
        if staff is not None:
            staff.consent_refused()
        self.deps.navigator.go("staff_panel")

    def retranslate(self) -> None:
        staff = self.deps.staff
        member = staff.member if staff is not None else None
        who = f"{member.number} {member.name}" if member is not None else ""
        self.title.setText(translate("Consent", "May staff member %1 help you?").replace("%1", who))
        self.instruction.setText(translate(
            "Consent", "You decide. Both of you will see the screen. You can stop at any time "
                       "with Finish at the top."))
        self.text.setText(translate(
            "Consent",
            "What is recorded: that this staff member helped you, the time, and each step taken "
            "for you (for example: booking sent). Not recorded in that record: your ID number "
            "or phone number. You type your own ID number and phone number, and you confirm a "
            "booking yourself. When you finish, everything you entered is cleared from this kiosk."))
        self.area.fit()
        self.yes.set_texts(translate("Consent", "Yes, please help me"))
        self.no.set_texts(translate("Consent", "No, thank you"))


class HandBackScreen(_Choice):
    name = "hand_back"

    def __init__(self, deps: ScreenDeps) -> None:
        super().__init__(deps)
        self.yes.setObjectName("hand-back-finish")
        self.no.setObjectName("hand-back-continue")
        self.yes.clicked.connect(self._finish)
        self.no.clicked.connect(self.deps.navigator.back)
        self.retranslate()

    def enter(self, **_kw: Any) -> None:
        self.retranslate()

    def _finish(self) -> None:
        self.deps.navigator.hand_back()

    def retranslate(self) -> None:
        self.title.setText(translate("HandBack", "Finish and clear the screen?"))
        self.instruction.setText(translate(
            "HandBack", "Take any slip you printed. Then everything entered here is cleared, "
                        "and the staff member is signed out."))
        self.text.setText(translate(
            "HandBack", "If you are not finished, choose Continue: nothing is lost."))
        self.area.fit()
        self.yes.set_texts(translate("HandBack", "Finish and clear"))
        self.no.set_texts(translate("HandBack", "Continue"))

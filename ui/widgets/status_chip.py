"""The header's connection chip: online, or offline in words a resident can use.

It says the truth in words and a symbol, never by colour alone: ``●`` online,
``○`` offline, ``…`` not yet known. A resident reads what matters to them (the
network is down, looking things up still works); staff signed in (``set_staff``)
read the details: since when, how many submissions wait, how many need them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QSize
from PySide6.QtWidgets import QLabel, QWidget

from ui.i18n import plural, translate
from ui.theme import set_role

if TYPE_CHECKING:  # the sync engine (and requests) load only when the kiosk syncs
    from kiosk.sync.engine import SyncStatus


class StatusChip(QLabel):
    def __init__(self, timezone: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("status-chip")
        self.setWordWrap(True)
        self._zone = ZoneInfo(timezone)
        self._status: SyncStatus | None = None
        self._staff = False
        self.hide()

    def set_staff(self, staff: bool) -> None:
        """Staff signed in see the details; a resident only what they need."""
        if staff != self._staff:
            self._staff = staff
            self.retranslate()

    def sizeHint(self) -> QSize:  # noqa: N802
        """As wide as the text on one line: it wraps only where the header is too narrow.

        (A word-wrapped QLabel would otherwise hint a narrow, two-line shape.)"""
        hint = super().sizeHint()
        m = self.contentsMargins()
        fm = self.fontMetrics()
        one_line = fm.horizontalAdvance(self.text()) + m.left() + m.right() + fm.averageCharWidth()
        return QSize(max(hint.width(), one_line), hint.height())

    @property
    def status(self) -> SyncStatus | None:
        """The last status shown (None before the sync side reported)."""
        return self._status

    def show_status(self, status: SyncStatus) -> None:
        self._status = status
        self.retranslate()
        self.show()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        s = self._status
        if s is None:
            return
        if not self._staff:
            self._resident_words(s)
            return
        if s.problem == "unauthorized":
            # the platform answers but no longer accepts this kiosk: staff must re-enrol it
            text, role = translate("StatusChip", "⚠ Not accepted by the platform"), "chip-offline"
        elif s.online is None:
            text, role = translate("StatusChip", "… Connecting"), "chip"
        elif s.online:
            text, role = translate("StatusChip", "● Online"), "chip"
        elif s.offline_since is not None:
            since = s.offline_since.astimezone(self._zone).strftime("%H:%M")
            text = translate("StatusChip", "○ Offline since %1").replace("%1", since)
            role = "chip-offline"
        else:
            text, role = translate("StatusChip", "○ Offline"), "chip-offline"
        parts = [text]
        if s.pending:
            parts.append(plural(
                s.pending,
                translate("StatusChip", "1 waiting to send"),
                translate("StatusChip", "%1 waiting to send"),
            ))
        if s.dead:
            parts.append(plural(
                s.dead,
                translate("StatusChip", "1 needs staff"),
                translate("StatusChip", "%1 need staff"),
            ))
        self.setText(" · ".join(parts))
        self.setAccessibleName(self.text())
        if self.property("role") != role:
            set_role(self, role)

    def _resident_words(self, s: SyncStatus) -> None:
        """No counts, no times, no faults to fix: what works now, and whom to ask."""
        if s.problem == "unauthorized":
            text, role = translate(
                "StatusChip", "⚠ Some services are unavailable: please ask staff"), "chip-offline"
        elif s.online is None:
            text, role = translate("StatusChip", "… Connecting"), "chip"
        elif s.online:
            text, role = translate("StatusChip", "● Online"), "chip"
        else:
            text, role = translate(
                "StatusChip", "○ Network down: looking things up still works"), "chip-offline"
        self.setText(text)
        self.setAccessibleName(text)
        if self.property("role") != role:
            set_role(self, role)

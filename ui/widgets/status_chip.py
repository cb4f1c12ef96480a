"""The header's connection chip: online / offline since 10:42 / 3 waiting to send.

It says the truth in words and a symbol, never by colour alone: ``●`` online,
``○`` offline, ``…`` not yet known. Residents see whether what they send is
on its way; the count of items that need staff is shown too, in plain words.
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
        self.hide()

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

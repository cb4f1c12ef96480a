"""The header (hall, clock, status, language, 长辈版) and the footer (Home, Back,
Read aloud, Call staff): on every screen, one tap away."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ui.i18n import translate
from ui.theme import set_role
from ui.widgets.buttons import TextButton
from ui.widgets.status_chip import StatusChip


class Bar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        set_role(self, "bar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.row = QHBoxLayout(self)

    def set_metrics(self, margin: int, gap: int) -> None:
        self.row.setContentsMargins(margin, gap, margin, gap)
        self.row.setSpacing(gap)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        pass


class Header(Bar):
    language_requested = Signal(str)
    elderly_toggled = Signal(bool)

    def __init__(self, timezone: str = "Asia/Shanghai", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hall = QLabel(self)
        self.hall.setWordWrap(True)
        self.hall.setObjectName("hall-name")
        self.clock = QLabel(self)
        self.clock.setObjectName("clock")
        #: filled by the sync worker (online / offline since … / N waiting)
        self.status = StatusChip(timezone, self)
        self.language_button = TextButton("bar", self)
        self.language_button.setObjectName("language")
        self.elderly_button = TextButton("bar", self)
        self.elderly_button.setObjectName("elderly-toggle")
        self.elderly_button.setCheckable(True)
        # the hall's name with the status chip under it: the column takes the room
        # the buttons leave, and both wrap in a narrow (portrait, 长辈版) header
        column = QVBoxLayout()
        column.setSpacing(4)
        column.addWidget(self.hall)
        chip_row = QHBoxLayout()
        chip_row.addWidget(self.status)
        chip_row.addStretch(0)
        column.addLayout(chip_row)
        self.row.addLayout(column, 1)
        self.row.addWidget(self.clock)
        self.row.addWidget(self.language_button)
        self.row.addWidget(self.elderly_button)
        self._language = "zh_CN"
        self.language_button.clicked.connect(
            lambda: self.language_requested.emit("en" if self._language.startswith("zh") else "zh_CN")
        )
        self.elderly_button.toggled.connect(self.elderly_toggled.emit)

    def show_state(self, language: str, elderly: bool, hall: str) -> None:
        self._language = language
        self.hall.setText(hall)
        self.elderly_button.blockSignals(True)
        self.elderly_button.setChecked(elderly)
        self.elderly_button.blockSignals(False)
        self.retranslate()

    def retranslate(self) -> None:
        # the other language, named in itself, so a resident can always find it
        self.language_button.set_texts("English" if self._language.startswith("zh") else "中文")
        self.language_button.setAccessibleName(translate("Header", "Change language"))
        on = self.elderly_button.isChecked()
        self.elderly_button.set_texts(
            translate("Header", "长辈版: on") if on else translate("Header", "长辈版: off")
        )
        self.elderly_button.setAccessibleName(translate("Header", "Large text for older people"))
        self.status.retranslate()


class Footer(Bar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.home_button = TextButton("bar", self)
        self.home_button.setObjectName("footer-home")
        self.back_button = TextButton("bar", self)
        self.back_button.setObjectName("footer-back")
        self.read_button = TextButton("bar", self)
        self.read_button.setObjectName("footer-read")
        self.staff_button = TextButton("danger", self)
        self.staff_button.setObjectName("footer-staff")
        for b, share, icon in ((self.home_button, 2, "home"), (self.back_button, 2, "arrow-left"),
                               (self.read_button, 2, "volume"), (self.staff_button, 3, "headset")):
            b.set_icon(icon, "leading")
            self.row.addWidget(b, share)
        self.retranslate()

    def retranslate(self) -> None:
        self.home_button.set_texts(translate("Footer", "Home"))
        # the arrow icon says "back" now; the catalogue's "◀" would say it twice
        self.back_button.set_texts(translate("Footer", "◀ Back").removeprefix("◀").strip())
        self.read_button.set_texts(translate("Footer", "Read aloud"))
        self.staff_button.set_texts(translate("Footer", "Call staff"))

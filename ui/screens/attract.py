"""The attract screen: what the kiosk shows between residents. Tap anywhere."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from ui.context import ScreenDeps
from ui.i18n import translate
from ui.screens.base import Screen
from ui.theme import set_role
from ui.widgets.buttons import TextButton


class AttractScreen(Screen):
    name = "attract"

    def __init__(self, deps: ScreenDeps) -> None:
        super().__init__(deps)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.instruction.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.root.addStretch(1)
        # both languages, always: the resident has not chosen one yet
        self.start_button = TextButton("tile", self)
        self.start_button.setObjectName("start")
        self.root.addWidget(self.start_button, 3)
        self.root.addStretch(1)
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        set_role(self.notice, "notice")
        self.root.addWidget(self.notice)
        self.start_button.clicked.connect(self.deps.navigator.home)
        self.retranslate()

    def retranslate(self) -> None:
        s = self.deps.settings
        self.title.setText(s.hall_name_zh if self.lang == "zh" else s.hall_name_en)
        self.instruction.setText(translate("Attract", "Government services, self-service"))
        self.start_button.set_texts("点击屏幕开始", "Tap to start")
        notice = self.deps.catalogue.notice
        self.notice.setText(f"{notice.zh} · {notice.en}" if self.deps.catalogue.sample_data else "")
        self.notice.setVisible(self.deps.catalogue.sample_data)

    def mousePressEvent(self, event) -> None:  # noqa: N802 — tap anywhere starts
        self.deps.navigator.home()

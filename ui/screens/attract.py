"""The attract screen: what the kiosk shows between residents. Tap anywhere, or tap
长辈版 to start with very large type (the header's toggle, one tap earlier)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QLabel

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
        self.start_button.set_icon("hand-finger")
        # the way into 长辈版 before anything else: big, beside the start (under it in
        # portrait), in both languages like the start
        self.elderly_button = TextButton("tile", self)
        self.elderly_button.setObjectName("start-elderly")
        self.elderly_button.set_icon("text-increase")
        for button in (self.start_button, self.elderly_button):
            button.setProperty("hero", True)  # display type (ui/theme.py)
            assert button.icon_label is not None
            button.icon_label.set_kind("hero")
        self.buttons = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.buttons.addWidget(self.start_button, 3)
        self.buttons.addWidget(self.elderly_button, 2)
        self.root.addLayout(self.buttons, 3)
        self.root.addStretch(1)
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        set_role(self.notice, "notice")
        self.root.addWidget(self.notice)
        self.start_button.clicked.connect(self.deps.navigator.home)
        self.elderly_button.clicked.connect(self._start_elderly)
        self.retranslate()

    def _start_elderly(self) -> None:
        self.deps.navigator.set_elderly(True)
        self.deps.navigator.home()

    def apply_mode(self) -> None:
        super().apply_mode()
        p = self.deps.presentation
        self.buttons.setDirection(QBoxLayout.Direction.TopToBottom if p.portrait
                                  else QBoxLayout.Direction.LeftToRight)
        self.buttons.setSpacing(p.theme.sizes.gap * 2)
        # already in 长辈版 (the hall's default): nothing to switch on
        self.elderly_button.setVisible(not p.elderly)

    def retranslate(self) -> None:
        s = self.deps.settings
        self.title.setText(s.hall_name_zh if self.lang == "zh" else s.hall_name_en)
        self.instruction.setText(translate("Attract", "Government services, self-service"))
        self.start_button.set_texts("点击屏幕开始", "Tap to start")
        self.elderly_button.set_texts("长辈版", "大字体 · Large text")
        notice = self.deps.catalogue.notice
        self.notice.setText(f"{notice.zh} · {notice.en}" if self.deps.catalogue.sample_data else "")
        self.notice.setVisible(self.deps.catalogue.sample_data)

    def mousePressEvent(self, event) -> None:  # noqa: N802 — tap anywhere starts
        self.deps.navigator.home()

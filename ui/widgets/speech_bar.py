"""The read-aloud controls, shown above the footer once a screen is read: Stop,
Repeat, Quieter, Louder, and a line saying whether it is reading and how loud.

The bar stays until the screen changes, also when the reading has ended or was
stopped: a bar that vanished as the resident touched the screen would move
everything under their finger between press and release.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from ui.i18n import translate
from ui.theme import set_role
from ui.widgets.buttons import TextButton


class SpeechBar(QWidget):
    # the window's stylesheet changed (长辈版, orientation): margins and gaps follow
    restyled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("speech-bar")
        set_role(self, "bar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._grid = QGridLayout(self)
        self.status = QLabel(self)
        self.status.setObjectName("speech-status")
        self.status.setWordWrap(True)
        self.stop_button = self._button("speech-stop")
        self.repeat_button = self._button("speech-repeat")
        self.quieter_button = self._button("speech-quieter")
        self.louder_button = self._button("speech-louder")
        self._speaking = False
        self._volume = 0.0
        self._portrait = False
        self._place()
        self.retranslate()

    def _button(self, name: str) -> TextButton:
        button = TextButton("bar", self)
        button.setObjectName(name)
        return button

    @property
    def buttons(self) -> tuple[TextButton, ...]:
        return (self.stop_button, self.repeat_button, self.quieter_button, self.louder_button)

    def _place(self) -> None:
        """One row in landscape; in portrait the line of text above the four buttons."""
        grid = self._grid
        for column in range(5):
            grid.setColumnStretch(column, 0)
        if self._portrait:
            grid.addWidget(self.status, 0, 0, 1, 4)
            for column, button in enumerate(self.buttons):
                grid.addWidget(button, 1, column)
                grid.setColumnStretch(column, 1)
        else:
            grid.addWidget(self.status, 0, 0)
            grid.setColumnStretch(0, 3)
            for column, button in enumerate(self.buttons, start=1):
                grid.addWidget(button, 0, column)
                grid.setColumnStretch(column, 2)

    def set_metrics(self, margin: int, gap: int, portrait: bool) -> None:
        self._grid.setContentsMargins(margin, gap, margin, gap)
        self._grid.setSpacing(gap)
        if portrait != self._portrait:
            self._portrait = portrait
            self._place()

    def show_state(self, speaking: bool, volume: float) -> None:
        self._speaking, self._volume = speaking, volume
        self.retranslate()

    def retranslate(self) -> None:
        state = (translate("SpeechBar", "Reading aloud") if self._speaking
                 else translate("SpeechBar", "Reading stopped"))
        volume = translate("SpeechBar", "volume %1 %").replace("%1", str(round(self._volume * 100)))
        self.status.setText(f"{state} · {volume}")
        self.stop_button.set_texts(translate("SpeechBar", "■ Stop"))
        self.repeat_button.set_texts(translate("SpeechBar", "↻ Repeat"))
        self.quieter_button.set_texts(translate("SpeechBar", "− Quieter"))
        self.louder_button.set_texts(translate("SpeechBar", "+ Louder"))
        self.stop_button.setAccessibleName(translate("SpeechBar", "Stop reading aloud"))
        self.repeat_button.setAccessibleName(translate("SpeechBar", "Read again from the start"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.StyleChange:
            self.restyled.emit()
        super().changeEvent(event)

"""The optional comment of a bad rating: written by hand (Chinese, when the hall's
handwriting recogniser is installed) or typed on the A–Z keyboard, into one box."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QStackedWidget, QVBoxLayout, QWidget

from kiosk.device.design_tokens import Sizes
from ui.i18n import translate
from ui.widgets.buttons import TextButton
from ui.widgets.handwriting import HandwritingPanel
from ui.widgets.keyboard import LetterKeyboard

#: the longest comment kept (a few sentences; the follow-up calls the resident for more)
COMMENT_LIMIT = 200


class CommentInput(QWidget):
    """A box, and under it the keyboard or the writing pad (a button swaps them)."""

    def __init__(self, open_recognizer: Callable | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rating-comment")
        column = self._column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        row = self._row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        self.field = QLineEdit(self)
        self.field.setObjectName("rating-comment-field")
        self.field.setMaxLength(COMMENT_LIMIT)
        row.addWidget(self.field, 1)
        column.addLayout(row)
        self.keyboard = LetterKeyboard(self)
        self.keyboard.letter.connect(self.field.insert)
        self.keyboard.space.connect(lambda: self.field.insert(" "))
        self.keyboard.backspace.connect(self.field.backspace)
        self.keyboard.clear.connect(self.field.clear)
        self.inputs = QStackedWidget(self)
        self.inputs.addWidget(self.keyboard)
        self.handwriting: HandwritingPanel | None = None
        self.toggle: TextButton | None = None
        if open_recognizer is not None:
            panel = HandwritingPanel(open_recognizer, self)
            panel.picked.connect(self.field.insert)
            panel.backspace.connect(self.field.backspace)
            self.inputs.addWidget(panel)
            self.handwriting = panel
            self.toggle = TextButton("secondary", self)
            self.toggle.setObjectName("rating-comment-toggle")
            self.toggle.clicked.connect(self._swap)
            row.addWidget(self.toggle)
            self.inputs.setCurrentWidget(panel)  # Chinese by hand first: most residents write
        column.addWidget(self.inputs, 1)
        self.retranslate()

    def text(self) -> str:
        return self.field.text().strip()

    def writing(self) -> bool:
        return self.handwriting is not None and self.inputs.currentWidget() is self.handwriting

    def _swap(self) -> None:
        if self.handwriting is None:
            return
        if self.writing():
            self.handwriting.reset()
            self.inputs.setCurrentWidget(self.keyboard)
        else:
            self.inputs.setCurrentWidget(self.handwriting)
        self.retranslate()

    def set_sizes(self, sizes: Sizes, elderly: bool) -> None:
        self._column.setSpacing(sizes.gap)
        self._row.setSpacing(sizes.gap)
        self.keyboard.set_gap(sizes.gap)
        if self.handwriting is not None:
            self.handwriting.set_sizes(sizes, elderly)

    def clear(self) -> None:
        self.field.clear()
        if self.handwriting is not None:
            self.handwriting.reset()
            self.inputs.setCurrentWidget(self.handwriting)
        self.retranslate()

    def retranslate(self) -> None:
        self.field.setPlaceholderText(translate("Rating", "Write or type a few words (optional)"))
        self.field.setAccessibleName(translate("Rating", "Your comment"))
        if self.toggle is not None:
            self.toggle.set_texts(translate("Rating", "Keyboard") if self.writing()
                                  else translate("Rating", "Handwriting"))

"""The base of every screen: a title, an instruction, a body; retranslation on
``LanguageChange``; re-layout when 长辈版 or the orientation changes; ``reset()``
for the session wipe.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.context import ScreenDeps
from ui.i18n import content_language
from ui.theme import set_role


class Screen(QWidget):
    #: the id used by the navigator and in gallery file names
    name = "screen"

    def __init__(self, deps: ScreenDeps, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.deps = deps
        set_role(self, "screen")  # transparent: the window's background shows through
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.root = QVBoxLayout(self)
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        set_role(self.title, "title")
        self.instruction = QLabel(self)
        self.instruction.setWordWrap(True)
        set_role(self.instruction, "muted")
        self.root.addWidget(self.title)
        self.root.addWidget(self.instruction)

    # -- for subclasses ------------------------------------------------------

    @property
    def lang(self) -> str:
        """'zh' or 'en': which catalogue field to show."""
        return content_language(self.deps.presentation.language)

    def enter(self, **kwargs: Any) -> None:
        """Called when the navigator shows this screen, with its arguments."""

    def retranslate(self) -> None:
        """Set every text from the current language."""

    def apply_mode(self) -> None:
        """Re-layout for the current theme (长辈版 or not) and orientation."""
        s = self.deps.presentation.theme.sizes
        self.root.setContentsMargins(s.margin, s.margin // 2, s.margin, s.margin // 2)
        self.root.setSpacing(s.gap)

    def reset(self) -> None:
        """Forget everything about the resident (session wipe)."""

    def clear_messages(self) -> None:
        """Said on an earlier visit (a print's result, a refusal): gone before the screen
        shows again, so nothing outlives the visit it belonged to."""

    def is_outcome(self) -> bool:
        """The screen shows how something ended (a booking made, a number taken): Back
        then goes home, not to the steps that led here."""
        return False

    def spoken_text(self) -> str:
        """What "Read aloud" says: the title and the instruction, and nothing else: never
        what a resident typed or what the screen shows of them (the shell checks too)."""
        title, instruction = self.title.text().strip(), self.instruction.text().strip()
        if not (title and instruction):
            return title or instruction
        if title[-1] in "。．.！!？?：:；;…":
            return f"{title} {instruction}"
        return f"{title}{'。' if self.lang == 'zh' else '. '}{instruction}"

    # -- Qt ------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

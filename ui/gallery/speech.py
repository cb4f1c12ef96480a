"""Read-aloud for the gallery: Qt's silent "mock" engine, with a voice for every
language (it says nothing, so it cannot say anything in the wrong voice), so the
reading controls can be shown in Chinese too on a machine with no speech engine."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale

from ui.shell import KioskWindow
from ui.speech import ReadAloud


class SilentSpeech(ReadAloud):
    def __init__(self, parent=None) -> None:
        super().__init__(parent, engine="mock")

    def _voice_for(self, tts: Any, language: str) -> tuple[QLocale | None, Any | None]:
        return tts.locale(), None


def show_reading(w: KioskWindow, screen: str, **kwargs: Any) -> None:
    """``screen`` being read aloud, as after a tap on "Read aloud": the controls shown."""
    if not isinstance(w.speech, SilentSpeech):
        w.use_speech(SilentSpeech(w))
    w.home()
    w.go(screen, **kwargs)
    w.footer.read_button.click()

"""Read-aloud through QTextToSpeech, honest when the system has no speech engine."""

from __future__ import annotations

import logging

from PySide6.QtCore import QLocale, QObject

log = logging.getLogger(__name__)


class ReadAloud(QObject):
    def __init__(self, parent: QObject | None = None, engine: str | None = None) -> None:
        super().__init__(parent)
        self._tts = None
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError:  # pragma: no cover - Addons missing
            log.warning("QtTextToSpeech is not installed: read-aloud is off")
            return
        engines = QTextToSpeech.availableEngines()
        name = engine if engine is not None else ("speechd" if "speechd" in engines else "")
        if engine is None and not engines:
            log.info("no text-to-speech engine on this system: read-aloud is off")
            return
        tts = QTextToSpeech(name, self) if name else QTextToSpeech(self)
        if tts.state() == QTextToSpeech.State.Error:
            log.warning("text-to-speech engine %r failed: %s", name, tts.errorString())
            return
        self._tts = tts

    @property
    def available(self) -> bool:
        return self._tts is not None

    def say(self, text: str, language: str) -> bool:
        """Speak, in the voice of the UI language; False if there is no engine."""
        if self._tts is None:
            return False
        locale = QLocale(QLocale.Language.Chinese, QLocale.Territory.China) \
            if language.startswith("zh") else QLocale(QLocale.Language.English)
        if locale in self._tts.availableLocales():
            self._tts.setLocale(locale)
        self._tts.stop()
        self._tts.say(text)
        return True

    def stop(self) -> None:
        if self._tts is not None:
            self._tts.stop()

"""Read-aloud through QTextToSpeech, honest when the system has no speech engine.

The engine is opened on first use: connecting to speech-dispatcher can take
seconds, and most residents never press "Read aloud".
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QLocale, QObject

log = logging.getLogger(__name__)


class ReadAloud(QObject):
    def __init__(self, parent: QObject | None = None, engine: str | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self._tts = None
        self._opened = False

    def _open(self):
        if self._opened:
            return self._tts
        self._opened = True
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError:  # pragma: no cover - Addons missing
            log.warning("QtTextToSpeech is not installed: read-aloud is off")
            return None
        # "mock" is Qt's test engine: it says nothing, so it never counts as a voice
        # unless asked for by name
        engines = [e for e in QTextToSpeech.availableEngines() if e != "mock"]
        if self._engine is None and not engines:
            log.info("no text-to-speech engine on this system: read-aloud is off")
            return None
        name = self._engine if self._engine is not None else engines[0]
        tts = QTextToSpeech(name, self)
        if tts.state() == QTextToSpeech.State.Error:
            log.info("text-to-speech engine %r is not usable: %s", name, tts.errorString())
            return None
        self._tts = tts
        return tts

    @property
    def available(self) -> bool:
        return self._open() is not None

    def say(self, text: str, language: str) -> bool:
        """Speak, in the voice of the UI language; False if there is no engine."""
        tts = self._open()
        if tts is None:
            return False
        if language.startswith("zh"):
            locale = QLocale(QLocale.Language.Chinese, QLocale.Territory.China)
        else:
            locale = QLocale(QLocale.Language.English)
        if locale in tts.availableLocales():
            tts.setLocale(locale)
        tts.stop()
        tts.say(text)
        return True

    def stop(self) -> None:
        if self._tts is not None:
            self._tts.stop()

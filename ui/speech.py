"""Read-aloud through QTextToSpeech, honest when the system has no speech engine
or no voice for the language on the screen.

The engine is opened on first use: with speech-dispatcher it takes about two
seconds (the daemon lists every voice it has), and most residents never press
"Read aloud". ``warm_up()`` opens it ahead of time.

What is spoken is a screen's title and instruction, never what a resident typed:
``without_secrets`` drops every sentence that holds a typed value, a masked value
or a long run of digits, as a second line of defence behind the screens.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Iterable, Sequence
from enum import Enum
from typing import Any

from PySide6.QtCore import QLocale, QObject, Signal

from ui.i18n import translate

log = logging.getLogger(__name__)

# how much Louder and Quieter change the volume (0 to 1)
VOLUME_STEP = 0.1


class Said(Enum):
    SPOKEN = "spoken"
    NO_ENGINE = "no_engine"  # no speech engine on this system, or it failed
    NO_VOICE = "no_voice"  # an engine, but no voice for the UI language


def wanted_language(language: str) -> QLocale.Language:
    return QLocale.Language.Chinese if language.startswith("zh") else QLocale.Language.English


def pick_voice(language: str, locales: Sequence[QLocale], voices: Sequence[Any],
               current: QLocale | None = None) -> tuple[QLocale | None, Any | None]:
    """The locale (or, failing that, the voice) to read ``language`` with; (None, None)
    when the engine has none: Chinese text is never read with an English voice.

    Chinese prefers zh_CN (Mandarin, simplified); Cantonese is another QLocale
    language and never chosen. speech-dispatcher reports espeak-ng's Mandarin as
    "cmn", which QLocale does not know (locale C): that voice is found by its name.
    """
    want = wanted_language(language)
    matching = [loc for loc in locales if loc.language() == want]
    if current is not None and current.language() == want:
        matching.insert(0, current)
    if want == QLocale.Language.Chinese:
        matching.sort(key=lambda loc: (loc.territory() != QLocale.Country.China,
                                       loc.script() == QLocale.Script.TraditionalHanScript))
    if matching:
        return matching[0], None
    if want == QLocale.Language.Chinese:
        for voice in voices:
            if voice.locale().language() == QLocale.Language.C and "mandarin" in voice.name().lower():
                return None, voice
    return None, None


# patterns as text, compiled (and kept) by re at their first use, not at import:
# nothing is read aloud before the first screen is painted
# a sentence ends at these (Chinese and Western punctuation, a line break)
_SENTENCE = r"(?<=[。！？!?；;\n])|(?<=\.)(?=\s)"
# a masked value: 110105********002X, 138****8000, 张*三
_MASK = r"[*＊•●]"
# an ID or mobile number, whole or in part: a long run of digits (or X)
_LONG_NUMBER = r"\d[\dXx]{10,}"
_DIGIT_RUN = r"[\dXx]{4,}"
_NOT_ALNUM = r"[^0-9A-Za-z]"
_SPACE = r"\s"


def without_secrets(text: str, secrets: Iterable[str] = ()) -> str:
    """``text`` without any sentence that holds a secret: a value the resident typed
    (ID number, mobile, PIN; also four or more of its digits in a row), anything
    masked, or a number as long as a mobile number."""
    keys = [re.sub(_NOT_ALNUM, "", s).upper() for s in secrets]
    keys = [k for k in keys if len(k) >= 4]

    def leaks(sentence: str) -> bool:
        if re.search(_MASK, sentence) or re.search(_LONG_NUMBER, re.sub(_SPACE, "", sentence)):
            return True
        flat = re.sub(_NOT_ALNUM, "", sentence).upper()
        runs = [r.upper() for r in re.findall(_DIGIT_RUN, sentence)]
        return any(k in flat or any(r in k for r in runs) for k in keys)

    kept = [s for s in re.split(_SENTENCE, text) if s.strip() and not leaks(s)]
    return "".join(kept).strip()


class ReadAloud(QObject):
    """One speech engine for the kiosk: say, repeat, stop, volume; ``speaking_changed``
    for the controls shown while reading, ``said`` with every text handed to the engine."""

    speaking_changed = Signal(bool)
    said = Signal(str)

    def __init__(self, parent: QObject | None = None, engine: str | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self._tts: Any = None
        self._opened = False
        self._speaking = False
        self._volume: float | None = None
        # what was last read, for Repeat (forgotten at the session wipe)
        self.last_text = ""
        self.last_language = ""
        # how long opening the engine took, in seconds (None: not opened yet)
        self.open_seconds: float | None = None

    # -- the engine ------------------------------------------------------------------

    def _make_engine(self) -> Any:
        """A working QTextToSpeech, or None (a test's no-engine kiosk overrides this)."""
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
            tts.deleteLater()
            return None
        return tts

    def _open(self) -> Any:
        if self._opened:
            return self._tts
        self._opened = True
        started = time.perf_counter()
        tts = self._make_engine()
        self.open_seconds = time.perf_counter() - started
        if tts is None:
            return None
        log.info("text-to-speech engine %r opened in %.2f s", tts.engine(), self.open_seconds)
        tts.stateChanged.connect(self._state_changed)
        if self._volume is not None:
            tts.setVolume(self._volume)
        else:
            self._volume = tts.volume()
        self._tts = tts
        return tts

    def warm_up(self) -> None:
        """Open the engine now (at start-up, while nobody is at the kiosk)."""
        self._open()

    @property
    def available(self) -> bool:
        return self._open() is not None

    @property
    def engine_name(self) -> str:
        tts = self._open()
        return tts.engine() if tts is not None else ""

    def has_voice(self, language: str) -> bool:
        tts = self._open()
        if tts is None:
            return False
        locale, voice = self._voice_for(tts, language)
        return locale is not None or voice is not None

    def status(self) -> str:
        """For the staff panel: the engine and whether it has Chinese and English voices."""
        tts = self._open()
        if tts is None:
            return translate("Speech", "no speech engine")

        def yes_no(language: str) -> str:
            return translate("Speech", "yes") if self.has_voice(language) else translate("Speech", "no")

        return (translate("Speech", "engine %1, voices for Chinese: %2, English: %3")
                .replace("%1", tts.engine()).replace("%2", yes_no("zh_CN")).replace("%3", yes_no("en")))

    # -- speaking --------------------------------------------------------------------

    @property
    def speaking(self) -> bool:
        return self._speaking

    def _state_changed(self, state: Any) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        speaking = state in (QTextToSpeech.State.Speaking, QTextToSpeech.State.Synthesizing)
        if state == QTextToSpeech.State.Error:
            log.warning("text-to-speech failed: %s", self._tts.errorString())
        if speaking != self._speaking:
            self._speaking = speaking
            self.speaking_changed.emit(speaking)

    def _voice_for(self, tts: Any, language: str) -> tuple[QLocale | None, Any | None]:
        try:  # every voice, not only those of the current locale (Qt 6.6)
            voices = tts.allVoices(None)
        except (AttributeError, TypeError):  # pragma: no cover - an older Qt
            voices = tts.availableVoices()
        return pick_voice(language, tts.availableLocales(), voices, tts.locale())

    def _use_voice(self, tts: Any, language: str) -> bool:
        locale, voice = self._voice_for(tts, language)
        if locale is not None:
            if locale != tts.locale():
                tts.setLocale(locale)
            return True
        if voice is not None:
            tts.setVoice(voice)
            return True
        return False

    def say(self, text: str, language: str) -> Said:
        """Read ``text`` from the start in a voice of the UI language."""
        from PySide6.QtTextToSpeech import QTextToSpeech

        tts = self._open()
        if tts is None or tts.state() == QTextToSpeech.State.Error:
            return Said.NO_ENGINE
        tts.stop()
        if not self._use_voice(tts, language):
            log.info("no %s voice in text-to-speech engine %r", language, tts.engine())
            return Said.NO_VOICE
        self.last_text, self.last_language = text, language
        tts.say(text)
        self.said.emit(text)
        return Said.SPOKEN

    def repeat(self) -> Said | None:
        """Read the last text again, from the start (None: nothing read yet)."""
        if not self.last_text:
            return None
        return self.say(self.last_text, self.last_language)

    def stop(self) -> None:
        if self._tts is not None:
            self._tts.stop()

    # -- volume ----------------------------------------------------------------------

    @property
    def volume(self) -> float:
        if self._volume is None:
            tts = self._open()
            return tts.volume() if tts is not None else 0.0
        return self._volume

    def set_volume(self, volume: float) -> float:
        """0 (silent) to 1; kept until the engine opens when it is not open yet."""
        self._volume = round(min(1.0, max(0.0, volume)), 2)
        if self._tts is not None:
            self._tts.setVolume(self._volume)
        return self._volume

    def louder(self) -> float:
        return self.set_volume(self.volume + VOLUME_STEP)

    def quieter(self) -> float:
        # never all the way to silence: a resident who cannot hear it cannot find it again
        return self.set_volume(max(VOLUME_STEP, self.volume - VOLUME_STEP))

    def reset(self, volume: float) -> None:
        """The session wipe: stop, forget what was read, back to the hall's volume."""
        self.stop()
        self.last_text = self.last_language = ""
        self.set_volume(volume)

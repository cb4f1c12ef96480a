"""Saying each call in the hall: "请 A 零 一 二 号到 3 号窗口办理", and in English if the
hall wants it, one call after another (a call that comes while another is spoken waits
its turn; none is cut short).

The ticket number is read one character at a time ("A012" → "A 零 一 二"): a speech
engine reads "012" as a quantity ("十二") and residents listen for their number as it is
printed. The window is read as a number ("3 号窗口", "窗口 12": 十二 is right there).
"""

from __future__ import annotations

from collections import deque

from PySide6.QtCore import QObject, Signal

from ui.speech import ReadAloud, Said

DIGITS_ZH = dict(zip("0123456789", "零一二三四五六七八九", strict=True))
DIGITS_EN = dict(zip("0123456789", ("zero", "one", "two", "three", "four", "five", "six",
                                     "seven", "eight", "nine"), strict=True))


def spelled(number: str, digits: dict[str, str]) -> str:
    """"A012" → "A 零 一 二": each character on its own, letters as they are."""
    return " ".join(digits.get(ch, ch.upper()) for ch in number if not ch.isspace())


def call_words(number: str, window: str, language: str) -> str:
    """What is said for a call, in ``language`` ("zh…" or "en")."""
    if language.startswith("zh"):
        return f"请 {spelled(number, DIGITS_ZH)} 号到 {window} 号窗口办理"
    return f"Number {spelled(number, DIGITS_EN)}, please go to window {window}."


class CallAnnouncer(QObject):
    """Speaks calls in turn through ``speech``; ``announced`` with each text handed to it
    (also when the engine cannot say it: ``unsaid`` then tells why)."""

    announced = Signal(str)
    unsaid = Signal(object)  # Said.NO_ENGINE or Said.NO_VOICE
    #: whether calls can be heard: False when the engine could not say one (or has no
    #: voice for the first language), True again once one was spoken
    voice = Signal(bool)

    def __init__(self, speech: ReadAloud, languages: tuple[str, ...] = ("zh_CN",),
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.speech = speech
        self.languages = languages
        self._waiting: deque[tuple[str, str]] = deque()
        speech.speaking_changed.connect(self._speaking)

    def announce(self, number: str, window: str) -> None:
        for language in self.languages:
            self._waiting.append((call_words(number, window, language), language))
        if not self.speech.speaking:
            self._next()

    def check(self) -> bool:
        """Whether the engine can speak the first language; told through ``voice``."""
        ok = self.speech.has_voice(self.languages[0])
        self.voice.emit(ok)
        return ok

    def pending(self) -> int:
        return len(self._waiting)

    def clear(self) -> None:
        self._waiting.clear()
        self.speech.stop()

    def _speaking(self, speaking: bool) -> None:
        if not speaking:
            self._next()

    def _next(self) -> None:
        while self._waiting:
            text, language = self._waiting.popleft()
            said = self.speech.say(text, language)
            self.announced.emit(text)
            first = language == self.languages[0]  # the hall's language decides
            if said is Said.SPOKEN:
                if first:
                    self.voice.emit(True)
                return  # the next one when this one ends (speaking_changed)
            self.unsaid.emit(said)
            if first:
                self.voice.emit(False)

"""Languages: Qt Linguist catalogues (.qm built from translations/*.ts) and the switch.

Source strings in the code are English and are marked with
``translate(context, text)`` calls with literal strings, so that ``pyside6-lupdate`` finds them; they are
looked up when a widget retranslates (on ``QEvent.LanguageChange``), never at
import time. ``pseudo`` is a test locale that lengthens every string by about
40 % and brackets it, to catch clipped layouts.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

translate = QCoreApplication.translate

LANGUAGES = ("zh_CN", "en")
#: a test language: English source strings made longer, to find clipping
PSEUDO = "pseudo"


def translations_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    base = Path(frozen) if frozen else Path(__file__).resolve().parent.parent
    return base / "translations"


def qm_path(language: str) -> Path:
    return translations_dir() / f"kiosk_{language}.qm"


def plural(count: int, one: str, many: str) -> str:
    """English-style one/many, each already translated; ``%1`` in ``many`` is the count.

    (Qt's ``%n`` plurals need lupdate to see the count argument, which its Python
    parser does not; two plain strings work in every tool and language.)"""
    return one if count == 1 else many.replace("%1", str(count))


def content_language(language: str) -> str:
    """Which field of catalogue content (zh/en) a UI language reads."""
    return "zh" if language.startswith("zh") else "en"


def pseudo_text(text: str) -> str:
    """The pseudo-locale form: accented look-alikes, ~40 % longer, bracketed."""
    if not text:
        return text
    swapped = text.translate(_PSEUDO_MAP)
    return f"[{swapped}{_padding(text)}]"


def _padding(text: str) -> str:
    """About 40 % more, in short runs so that it wraps like words do."""
    n = max(2, int(len(text) * 0.4))
    runs = ["~" * min(4, n - i) for i in range(0, n, 4)]
    return " " + " ".join(runs)


_PSEUDO_MAP = str.maketrans("aeiouAEIOUcnsyCNSY", "áéíóúÁÉÍÓÚçñšýÇÑŠÝ")


class PseudoTranslator(QTranslator):
    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: D102
        if "%" in source_text or "{" in source_text:
            # keep placeholders intact: lengthen around them
            return source_text + " " + _padding(source_text).strip()
        return pseudo_text(source_text)

    def isEmpty(self) -> bool:  # noqa: N802 (Qt name)
        return False


class MemoryTranslator(QTranslator):
    """A catalogue loaded from bytes, which it keeps: Qt reads them for as long as the
    translator lives, so they must not go with whatever object loaded them (a
    ``LanguageSwitch`` collected while its translator was still installed left Qt
    reading freed memory: a crash in ``translate`` in the next test)."""

    def __init__(self, parent: QCoreApplication, data: bytes) -> None:
        super().__init__(parent)
        self.data = data

    def load_data(self) -> bool:
        return bool(self.data) and self.load(self.data)


class LanguageSwitch:
    """Installs the translator for one language at a time on the application."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._translator: QTranslator | None = None
        self.language = "en"

    def set_language(self, language: str) -> None:
        if self._translator is not None:
            self._app.removeTranslator(self._translator)
            self._translator.deleteLater()  # a session's switch each time: none pile up
            self._translator = None
        if language == PSEUDO:
            self._translator = PseudoTranslator(self._app)
        else:
            path = qm_path(language)
            # loaded from memory, not mapped from the file: an update that replaces
            # the file while the kiosk runs must not pull it from under Qt
            try:
                data = path.read_bytes()
            except OSError:
                data = b""
            translator = MemoryTranslator(self._app, data)  # keeps the bytes Qt points into
            if not translator.load_data():
                raise FileNotFoundError(
                    f"translation {path} is missing: run `python scripts/translations.py release`"
                )
            self._translator = translator
        self._app.installTranslator(self._translator)
        self.language = language

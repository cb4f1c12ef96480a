"""Zinnia (taku910/zinnia, BSD), through its C API with ctypes, and a Tegaki model.

Zinnia is a support-vector classifier over stroke features: it compares the strokes
in the order and direction they were written with those of each character of the
model. The model used is Tegaki's simplified Chinese one (6,763 characters, GB 2312's
level 1 and 2; LGPL-2.1; Debian: ``tegaki-zinnia-simplified-chinese``); the library is
Debian's ``libzinnia0``. Opening maps the 26 MB model (~8 ms; 25–50 ms with loading the
library); one character is classified in 10 ms (median; 25 ms p95) on the benchmark's
2-core machine, and the right one is among the first five for 87 % of the catalogue's
characters written neatly (tests/bench/bench_handwriting.py).

Chosen over: Tesseract's ``chi_sim`` OCR of the drawn strokes as an image (measured on
every fourth of the same characters: right 62 % neat and 37 % hurried, one answer and
no candidates, ~250 ms a call from its command line, and 40+ MB of data); engines whose
data is Make Me a Hanzi's own (HanziLookup, hanzi_lookup): our test strokes come from
that data, so they could not be measured honestly here; neural recognisers trained on
CASIA-HWDB: no packaged model to install offline. Zinnia reads strokes in writing order:
a resident who writes a stroke out of order gets poorer candidates.

The functions used (zinnia.h):

    zinnia_recognizer_t *zinnia_recognizer_new(void);
    int   zinnia_recognizer_open(zinnia_recognizer_t *, const char *filename);  /* 1: ok */
    const char *zinnia_recognizer_strerror(zinnia_recognizer_t *);
    void  zinnia_recognizer_destroy(zinnia_recognizer_t *);
    zinnia_result_t *zinnia_recognizer_classify(zinnia_recognizer_t *,
                                                const zinnia_character_t *, size_t nbest);
    zinnia_character_t *zinnia_character_new(void);
    void  zinnia_character_set_width(zinnia_character_t *, size_t);
    void  zinnia_character_set_height(zinnia_character_t *, size_t);
    int   zinnia_character_add(zinnia_character_t *, size_t stroke, int x, int y);
    void  zinnia_character_destroy(zinnia_character_t *);
    size_t zinnia_result_size(zinnia_result_t *);
    const char *zinnia_result_value(zinnia_result_t *, size_t);
    float zinnia_result_score(zinnia_result_t *, size_t);
    void  zinnia_result_destroy(zinnia_result_t *);
"""

from __future__ import annotations

import contextlib
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.handwriting.recognizer import BOX, Candidate, RecognizerMissing, Stroke, normalise

if TYPE_CHECKING:
    import ctypes

#: the library's file names, per system, tried after the bundle's copy
_NAMES = {
    "win32": ("zinnia.dll", "libzinnia.dll", "libzinnia-0.dll"),
    "darwin": ("libzinnia.0.dylib", "libzinnia.dylib"),
}
_DEFAULT_NAMES = ("libzinnia.so.0",)


def _system_folders() -> list[Path]:
    """Where Debian/Ubuntu (multiarch), other Linux systems and Homebrew put libraries."""
    multiarch = getattr(sys.implementation, "_multiarch", None)  # Debian: x86_64-linux-gnu
    folders = [Path("/usr/lib") / multiarch] if multiarch else []
    return folders + [Path(p) for p in ("/usr/lib", "/usr/lib64", "/usr/local/lib",
                                        "/opt/homebrew/lib")]


def find_library() -> str | None:
    """The path or name ctypes can load libzinnia by, or None: first the frozen bundle's
    ``zinnia/`` folder, then the usual system folders (a few ``stat`` calls: the search
    screen asks at start-up, before ctypes is imported), then ``ctypes.util.find_library``
    and the soname."""
    names = _NAMES.get(sys.platform, _DEFAULT_NAMES)
    bundle = getattr(sys, "_MEIPASS", None)
    folders = ([Path(bundle) / "zinnia"] if bundle else []) + _system_folders()
    for folder in folders:
        for name in names:
            path = folder / name
            if path.is_file():
                return str(path)
    import ctypes
    import ctypes.util

    found = ctypes.util.find_library("zinnia")
    if found:
        return found
    for name in names:
        try:
            ctypes.CDLL(name)
        except OSError:
            continue
        return name
    return None


def _bind(lib: ctypes.CDLL) -> ctypes.CDLL:
    """Declare the argument and result types of the functions used (ctypes would guess int,
    which truncates pointers on 64-bit systems)."""
    import ctypes

    p, size, text = ctypes.c_void_p, ctypes.c_size_t, ctypes.c_char_p
    signatures: dict[str, tuple[list[type], type | None]] = {
        "zinnia_recognizer_new": ([], p),
        "zinnia_recognizer_open": ([p, text], ctypes.c_int),
        "zinnia_recognizer_strerror": ([p], text),
        "zinnia_recognizer_destroy": ([p], None),
        "zinnia_recognizer_classify": ([p, p, size], p),
        "zinnia_character_new": ([], p),
        "zinnia_character_set_width": ([p, size], None),
        "zinnia_character_set_height": ([p, size], None),
        "zinnia_character_add": ([p, size, ctypes.c_int, ctypes.c_int], ctypes.c_int),
        "zinnia_character_destroy": ([p], None),
        "zinnia_result_size": ([p], size),
        "zinnia_result_value": ([p, size], text),
        "zinnia_result_score": ([p, size], ctypes.c_float),
        "zinnia_result_destroy": ([p], None),
    }
    for name, (args, result) in signatures.items():
        fn = getattr(lib, name)
        fn.argtypes = args
        fn.restype = result
    return lib


class ZinniaRecognizer:
    """Zinnia with one model, open for the life of the object (``close`` frees it)."""

    def __init__(self, model: Path, library: str | None = None) -> None:
        where = library or find_library()
        if where is None:
            raise RecognizerMissing("the Zinnia library (libzinnia) is not installed")
        import ctypes

        try:
            self._lib = _bind(ctypes.CDLL(where))
        except (OSError, AttributeError) as exc:
            raise RecognizerMissing(f"the Zinnia library {where} cannot be loaded: {exc}") from exc
        self._lock = threading.Lock()
        self._handle: int | None = self._lib.zinnia_recognizer_new()
        if not self._handle:
            raise RecognizerMissing("Zinnia could not make a recogniser")
        if self._lib.zinnia_recognizer_open(self._handle, str(model).encode()) != 1:
            why = (self._lib.zinnia_recognizer_strerror(self._handle) or b"").decode(errors="replace")
            self.close()
            raise RecognizerMissing(f"the handwriting model {model} cannot be opened: {why}")
        self.model = model

    def recognize(self, strokes: Sequence[Stroke], limit: int = 10) -> list[Candidate]:
        points = normalise(strokes)
        if not points or limit <= 0:
            return []
        lib = self._lib
        with self._lock:
            if self._handle is None:
                raise RecognizerMissing("the recogniser is closed")
            character = lib.zinnia_character_new()
            try:
                lib.zinnia_character_set_width(character, BOX)
                lib.zinnia_character_set_height(character, BOX)
                for index, stroke in enumerate(points):
                    for x, y in stroke:
                        lib.zinnia_character_add(character, index, x, y)
                result = lib.zinnia_recognizer_classify(self._handle, character, limit)
            finally:
                lib.zinnia_character_destroy(character)
            if not result:
                return []
            try:
                return [
                    Candidate(lib.zinnia_result_value(result, i).decode("utf-8", errors="replace"),
                              float(lib.zinnia_result_score(result, i)))
                    for i in range(lib.zinnia_result_size(result))
                ]
            finally:
                lib.zinnia_result_destroy(result)

    def close(self) -> None:
        with self._lock:
            if self._handle is not None:
                self._lib.zinnia_recognizer_destroy(self._handle)
                self._handle = None

    def __del__(self) -> None:
        with contextlib.suppress(Exception):  # the interpreter may be shutting down
            self.close()

"""A handwriting recogniser, behind one small interface: strokes in, candidates out.

A stroke is the points one finger drew between touching the pad and lifting it, in
the pad's own pixels (x to the right, y down). ``recognize`` takes every stroke of one
character in the order they were written and answers the likeliest characters, best
first. It is called from one thread at a time (the pad's background call), and may be
called from any one thread.

Implementations: ``ZinniaRecognizer`` (zinnia.py: Zinnia's C library through ctypes,
with the Tegaki simplified-Chinese model). Another engine fits behind the same method.

``open_recognizer(setting)`` is the factory the screens use: it answers ``None`` (and
logs why) where the library or the model is missing, so the pad is simply not
offered; ``find_model`` and ``handwriting_available`` answer the same question without
opening anything (a few ``stat`` calls, cheap enough for start-up).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

log = logging.getLogger(__name__)

#: one stroke: the points of one touch, in the pad's pixels (y down)
Stroke = Sequence[tuple[float, float]]

#: the setting that turns the pad off on a kiosk that has a model installed
OFF = "off"

#: the side of the square the strokes are scaled into before recognition
BOX = 1000

#: the space left around the scaled character, as a share of the box: the models were
#: trained on characters that did not touch the edges of their box
MARGIN = 0.15


@dataclass(frozen=True, slots=True)
class Candidate:
    """One character the strokes may be; a higher score is likelier (engine's own scale)."""

    text: str
    score: float


class RecognizerMissing(RuntimeError):
    """The engine's library or its model cannot be loaded; the message says which and where."""


class Recognizer(Protocol):
    def recognize(self, strokes: Sequence[Stroke], limit: int = 10) -> list[Candidate]:
        """The likeliest characters for ``strokes`` (written in this order), best first;
        at most ``limit``. No strokes, or strokes without a point: no candidates."""
        ...


def normalise(strokes: Sequence[Stroke], box: int = BOX,
              margin: float = MARGIN) -> list[list[tuple[int, int]]]:
    """The strokes moved and scaled (the same in x and y) so that the character fills a
    ``box``-sized square, centred, ``margin`` of the box free on its longer side.

    Residents write large or small, in the middle or in a corner of the pad; the
    engines compare shapes within a box of the size they are told, so a small
    character in a corner is read as a different one. Measured with Zinnia on the
    benchmark's 372 characters (tests/bench/bench_handwriting.py), written at half size
    in a corner of the pad: first candidate right 1.3 % of the time without this, 76 %
    with it; filling the pad: 76.6 % without, 76.1 % with. Empty strokes are dropped."""
    kept = [list(s) for s in strokes if len(s) > 0]
    if not kept:
        return []
    xs = [x for s in kept for x, _ in s]
    ys = [y for s in kept for _, y in s]
    left, right, top, bottom = min(xs), max(xs), min(ys), max(ys)
    span = max(right - left, bottom - top)
    scale = box * (1 - 2 * margin) / span if span > 0 else 1.0
    cx, cy = (left + right) / 2, (top + bottom) / 2
    half = box / 2
    return [[(round(half + (x - cx) * scale), round(half + (y - cy) * scale)) for x, y in s]
            for s in kept]


def model_candidates() -> list[Path]:
    """Where a model is looked for when the setting names none, first found wins: beside
    the frozen application (the PyInstaller bundle's ``zinnia/``), then where Debian's
    ``tegaki-zinnia-simplified-chinese`` and Tegaki's installers put it."""
    import sys

    name = "handwriting-zh_CN.model"
    places: list[Path] = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        places.append(Path(bundle) / "zinnia" / name)
    places += [
        Path("/usr/share/tegaki/models/zinnia") / name,
        Path("/usr/local/share/tegaki/models/zinnia") / name,
        Path("/Library/Application Support/tegaki/models/zinnia") / name,
        Path("C:/Program Files/tegaki-recognize/models/zinnia") / name,
    ]
    return places


def find_model(setting: str) -> Path | None:
    """The model file to use: the setting's path if it names one (and it exists), none
    if the setting is ``off``, else the first of ``model_candidates`` that exists."""
    setting = setting.strip()
    if setting.lower() == OFF:
        return None
    if setting:
        path = Path(setting).expanduser()
        return path if path.is_file() else None
    return next((p for p in model_candidates() if p.is_file()), None)


def handwriting_available(setting: str) -> bool:
    """A model is there and the engine's library can be found: the pad may be offered.
    Opens nothing (start-up calls this)."""
    from kiosk.handwriting.zinnia import find_library

    return find_model(setting) is not None and find_library() is not None


def open_recognizer(setting: str) -> Recognizer | None:
    """The recogniser the settings ask for, or ``None`` (logged) where there is none."""
    from kiosk.handwriting.zinnia import ZinniaRecognizer

    model = find_model(setting)
    if model is None:
        if setting.strip().lower() != OFF:
            log.info("handwriting: no model (%s); the pad is not offered",
                     setting.strip() or ", ".join(map(str, model_candidates())))
        return None
    try:
        return ZinniaRecognizer(model)
    except RecognizerMissing as exc:
        log.warning("handwriting: %s; the pad is not offered", exc)
        return None

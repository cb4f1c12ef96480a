"""Strokes for the handwriting tests and benchmark, made from characters' stroke medians.

``medians.txt`` holds, for 372 characters (the demo catalogue's matter names and
Chinese aliases, and 一 二 十 人 口 大 and a few colloquial ones), the centre line of
each stroke in writing order, from Make Me a Hanzi by way of hanzi-writer-data (Arphic
PL; ARPHICPL.TXT). A font outline's contour would not do: Zinnia, like every online
recogniser, compares strokes in the order and direction a hand writes them, and an
outline has neither.

``pad_strokes(char, size)`` is the character as a careful writer puts it on a pad of
``size`` pixels: the medians filling most of the pad, one point every ~6 px (a touch
screen's sampling along a stroke). ``written_strokes(char, size, rng)`` is a hurried
hand: the whole character smaller or larger, off-centre, tilted, sheared and squashed
at random, each stroke shifted, its ends drawn short or long, and every point wobbling.
Neither is a real resident's writing; the second is the harder and more honest of the two.
"""

from __future__ import annotations

import math
import random
from functools import cache
from pathlib import Path

Point = tuple[float, float]
Stroke = list[Point]

HERE = Path(__file__).parent
EM = 1024.0
TOP = 900.0  # the medians' y of the em square's top edge (y up)


@cache
def medians() -> dict[str, list[Stroke]]:
    """Every character's strokes on the 1024 em square, y down (as a screen's)."""
    found: dict[str, list[Stroke]] = {}
    for line in (HERE / "medians.txt").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        char, strokes = line.split("\t")
        found[char] = [
            [(float(x), TOP - float(y)) for x, y in (p.split(",") for p in stroke.split())]
            for stroke in strokes.split("|")
        ]
    return found


def characters() -> list[str]:
    return sorted(medians())


def _resample(stroke: Stroke, step: float) -> Stroke:
    """Points every ``step`` along the polyline, its corners kept."""
    out = [stroke[0]]
    for (x0, y0), (x1, y1) in zip(stroke, stroke[1:], strict=False):
        n = max(1, math.ceil(math.hypot(x1 - x0, y1 - y0) / step))
        out += [(x0 + (x1 - x0) * k / n, y0 + (y1 - y0) * k / n) for k in range(1, n + 1)]
    return out


def pad_strokes(char: str, size: int = 600) -> list[Stroke]:
    """``char`` written neatly on a square pad of ``size`` px: 90 % of it, centred."""
    scale = size * 0.9 / EM
    offset = size * 0.05
    return [_resample([(offset + x * scale, offset + y * scale) for x, y in s], 6.0)
            for s in medians()[char]]


def written_strokes(char: str, size: int, rng: random.Random) -> list[Stroke]:
    """``char`` in a hurried hand on a square pad of ``size`` px (see the module's text)."""
    scale = size * rng.uniform(0.45, 0.95) / EM
    angle = math.radians(rng.gauss(0, 5))
    shear = rng.gauss(0, 0.1)
    squash = rng.uniform(0.85, 1.15)
    extent = EM * scale
    left = rng.uniform(0, size - extent)
    top = rng.uniform(0, size - extent)
    cos, sin = math.cos(angle), math.sin(angle)

    def place(x: float, y: float) -> Point:
        x, y = (x - EM / 2) * squash, (y - EM / 2) / squash
        x += shear * y
        x, y = x * cos - y * sin, x * sin + y * cos
        return left + extent / 2 + x * scale, top + extent / 2 + y * scale

    strokes: list[Stroke] = []
    for stroke in medians()[char]:
        dx, dy = rng.gauss(0, 0.025 * EM), rng.gauss(0, 0.025 * EM)
        points = [(x + dx, y + dy) for x, y in stroke]
        points = _stretch_ends(points, rng.uniform(-0.08, 0.08), rng.uniform(-0.08, 0.08))
        points = _resample(points, 6.0 / scale)
        phase, wave = rng.uniform(0, math.tau), rng.uniform(0.005, 0.015) * EM
        wobbled = []
        for i, (x, y) in enumerate(points):
            drift = wave * math.sin(phase + i / 6)
            wobbled.append((x + drift + rng.gauss(0, 0.004 * EM),
                            y - drift + rng.gauss(0, 0.004 * EM)))
        strokes.append([place(x, y) for x, y in wobbled])
    return strokes


def _stretch_ends(stroke: Stroke, start: float, end: float) -> Stroke:
    """The stroke's first and last segments drawn longer (>0) or shorter (<0) by that share
    of the stroke's length."""
    if len(stroke) < 2:
        return stroke
    length = sum(math.hypot(b[0] - a[0], b[1] - a[1])
                 for a, b in zip(stroke, stroke[1:], strict=False))

    def moved(p: Point, towards: Point, share: float) -> Point:
        d = math.hypot(towards[0] - p[0], towards[1] - p[1]) or 1.0
        k = -share * length / d
        return p[0] + (towards[0] - p[0]) * k, p[1] + (towards[1] - p[1]) * k

    first = moved(stroke[0], stroke[1], start)
    last = moved(stroke[-1], stroke[-2], end)
    return [first, *stroke[1:-1], last]

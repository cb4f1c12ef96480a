"""Handwriting recognition: accuracy and latency of the installed recogniser (Zinnia with
Tegaki's simplified-Chinese model) on strokes made from characters' stroke medians.

    python tests/bench/bench_handwriting.py      (or tests/bench/run.py --only handwriting)

The characters: the 372 of the demo catalogue's matter names and Chinese aliases (and
一 二 十 人 口 大 and a few colloquial ones), tests/helpers/strokes. Each is written twice:
neatly (the medians filling 90 % of a 600 px pad, a point every ~6 px) and in a hurried
hand (smaller or larger, off-centre, tilted, sheared, squashed, each stroke shifted,
its ends long or short, every point wobbling; seeded). Neither is a real resident's
writing: the figures say how the engine reads well-ordered strokes, not how a hall's
residents write.

    handwriting_chars                how many characters
    handwriting_top1_neat / _top5_   share of neat ones whose right character is the first
                                     candidate / among the first five (the pad shows six,
                                     four in 长辈版)
    handwriting_top1_hurried / _top5_hurried   the same, hurried
    handwriting_ms_p50 / _p95 / _max one ``recognize`` call for a whole character (both
                                     sets), ten candidates: normalising, ctypes, Zinnia
    handwriting_open_ms              loading the library and opening the model (the pad
                                     does it once, off the GUI thread, on the first stroke)
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from kiosk.handwriting.recognizer import open_recognizer  # noqa: E402
from tests.helpers.strokes import characters, pad_strokes, written_strokes  # noqa: E402

PAD = 600


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def run() -> dict[str, float | int | str]:
    started = time.perf_counter()
    recognizer = open_recognizer("")
    opened_ms = (time.perf_counter() - started) * 1000
    if recognizer is None:
        return {"handwriting_skipped": "no recogniser installed (libzinnia0, "
                                       "tegaki-zinnia-simplified-chinese)"}
    chars = characters()
    rng = random.Random(2026)
    timings: list[float] = []
    hits: dict[str, list[int]] = {"neat": [0, 0], "hurried": [0, 0]}
    for char in chars:
        for kind, strokes in (("neat", pad_strokes(char, PAD)),
                              ("hurried", written_strokes(char, PAD, rng))):
            t0 = time.perf_counter()
            found = [c.text for c in recognizer.recognize(strokes, 10)]
            timings.append((time.perf_counter() - t0) * 1000)
            hits[kind][0] += found[:1] == [char]
            hits[kind][1] += char in found[:5]
    n = len(chars)
    return {
        "handwriting_chars": n,
        "handwriting_top1_neat": round(hits["neat"][0] / n, 3),
        "handwriting_top5_neat": round(hits["neat"][1] / n, 3),
        "handwriting_top1_hurried": round(hits["hurried"][0] / n, 3),
        "handwriting_top5_hurried": round(hits["hurried"][1] / n, 3),
        "handwriting_ms_p50": round(statistics.median(timings), 2),
        "handwriting_ms_p95": round(_percentile(timings, 0.95), 2),
        "handwriting_ms_max": round(max(timings), 2),
        "handwriting_open_ms": round(opened_ms, 1),
    }


if __name__ == "__main__":
    import json

    print(json.dumps(run(), indent=2, ensure_ascii=False))

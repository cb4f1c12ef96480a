"""One frame in, the texts of the QR codes in it out.

zxing-cpp first (QR only, plain text): it read the most of ZXing's real photographs
and is the fastest. Cheap retries where a miss is likely to be a near miss: another
binariser, and the frame scaled ×2 when it is small (a phone held far away). Each
step is kept only where the benchmark shows it earns its time
(tests/bench/bench_scanning.py); the steps are data here, so the benchmark
measures exactly this pipeline.

pyzbar (QR only) is measured but not in the live loop: on our 44 generated 720p
frames it read 34 to zxing-cpp's 38, none that zxing-cpp missed, and cost 14.7 ms a
frame to zxing-cpp's 1.3 — on a frame without a code it would have tripled the
cost of every frame. Photographs where it earns its place would put it back.

A frame is whatever its source has (``sources.Frame``): a QImage from QtMultimedia, which
zxing-cpp reads as it is, or a numpy array from the OpenCV extra. Nothing here imports
numpy or OpenCV (OpenCV's own detector, measured in the benchmark, is in ``opencv.py``).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import zxingcpp

from kiosk.ecert.scanning.sources import Frame

SMALL_SIDE = 480  # frames smaller than this are also tried at ×2


def zxing(frame: Frame, binarizer: zxingcpp.Binarizer = zxingcpp.Binarizer.LocalAverage
          ) -> list[str]:
    # zxingcpp's stub takes only BarcodeFormats, but one BarcodeFormat converts (as documented)
    found = zxingcpp.read_barcodes(frame.pixels(), formats=zxingcpp.BarcodeFormat.QRCode,  # type: ignore[arg-type]
                                   text_mode=zxingcpp.TextMode.Plain, binarizer=binarizer)
    return [b.text for b in found if b.valid and b.text]


def pyzbar(frame: Frame) -> list[str]:
    try:
        from pyzbar import pyzbar as zbar
    except (ImportError, OSError):  # the zbar library is missing: this step is skipped
        return []
    found = zbar.decode(frame.grey(), symbols=[zbar.ZBarSymbol.QRCODE])
    texts: list[str] = []
    for symbol in found:
        try:
            texts.append(symbol.data.decode("utf-8"))
        except UnicodeDecodeError:
            continue
    return texts


def _upscaled(frame: Frame) -> list[str]:
    if frame.small_side() >= SMALL_SIDE:
        return []
    return zxing(frame.enlarged())


#: a named way of reading a frame
Step = tuple[str, Callable[[Frame], list[str]]]

STEPS: tuple[Step, ...] = (
    ("zxing", zxing),
    ("zxing-histogram", lambda f: zxing(f, zxingcpp.Binarizer.GlobalHistogram)),
    ("zxing-x2", _upscaled),
)
#: for still images (the command line, a photo handed to staff): time matters less
STILL_STEPS: tuple[Step, ...] = (*STEPS, ("pyzbar", pyzbar))


@dataclass(frozen=True, slots=True)
class Decoded:
    texts: tuple[str, ...]
    step: str  # which step read it ("" when nothing was read)
    ms: float


def decode(frame: Frame, steps: Iterable[Step] = STEPS) -> Decoded:
    start = time.perf_counter()
    for name, step in steps:
        texts = step(frame)
        if texts:
            return Decoded(tuple(dict.fromkeys(texts)), name, (time.perf_counter() - start) * 1000)
    return Decoded((), "", (time.perf_counter() - start) * 1000)

"""Decoding figures on 1280×720 frames holding a phone-screen QR (and frames without one).

    decode_ms_720p_median / _p95     our pipeline, frames with and without a code
                                     (numpy frames, as the OpenCV extra's sources give)
    decode_ms_720p_{zxing,pyzbar,opencv}_median   each decoder alone, same frames
    decode_hits / decode_frames      how many of the frames with a code were read
    decode_ms_720p_qt_median / _p95  the QtMultimedia path, the kiosk's default: the same
                                     frames as a camera's NV12 QVideoFrame, read from its
                                     luma plane (ui.camera.frames.VideoFrame) and decoded
    decode_ms_720p_qt_nocode_median  the same, frames without a code
    decode_ms_720p_qimage_median     the same frames through QVideoFrame.toImage() (RGB32)
                                     and decoded as a QImage (formats without luma: RGB)
    qt_to_qimage_ms_720p_median      of which QVideoFrame.toImage() (NV12 → RGB32); the
                                     preview pays it ~15 times a second
    decode_hits_qt / _qimage         frames with a code read through each Qt path
    scan_to_card_ms / _max           scan screen shown → card painted (a QImage source)

Made with OpenCV and numpy (the ``[opencv]`` extra), like the frames of the tests.
"""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

import numpy as np

from central.mint import sign
from kiosk.ecert.scanning.decode import decode, pyzbar, zxing
from kiosk.ecert.scanning.opencv import ArrayFrame, opencv_detector, to_gray
from tests.helpers.qr_frames import DISTORTIONS, scene

ROOT = Path(__file__).resolve().parents[2]


def _frames() -> tuple[list[np.ndarray], list[np.ndarray]]:
    keys = json.loads((ROOT / "resources/demo/issuer_private_keys.json").read_text())["keys"]
    text = sign({"iss": "cn-mps", "jti": "bench-nonce-0001", "iat": 1, "exp": 100,
                 "ctype": "e_id", "name": "张小三", "idn": "11010519491231002X",
                 "cno": "E-110105-0001", "status": "valid"}, keys["cn-mps"])
    with_code = [f(scene(text, side, seed)) for side in (360, 260) for seed in (0, 1)
                 for f in DISTORTIONS.values()]
    without = [scene("x", 10, seed) for seed in range(len(with_code) // 2)]
    for frame in without:  # the same scenes with nothing held up
        frame[:] = np.where(frame > 200, 110, frame)
    return with_code, without


def _time(fn, frames, rounds=3) -> list[float]:
    out = []
    for _ in range(rounds):
        for f in frames:
            t = time.perf_counter()
            fn(f)
            out.append((time.perf_counter() - t) * 1000)
    return out


def run() -> dict:
    with_code, without = _frames()
    ours = _time(lambda f: decode(ArrayFrame(f)), with_code + without)
    hits = sum(bool(decode(ArrayFrame(f)).texts) for f in with_code)
    gray = [ArrayFrame(to_gray(f)) for f in with_code + without]
    res = {
        "decode_ms_720p_median": round(statistics.median(ours), 2),
        "decode_ms_720p_p95": round(sorted(ours)[int(len(ours) * 0.95)], 2),
        "decode_ms_720p_nocode_median": round(statistics.median(
            _time(lambda f: decode(ArrayFrame(f)), without)), 2),
        "decode_ms_720p_zxing_median": round(statistics.median(_time(zxing, gray)), 2),
        "decode_ms_720p_pyzbar_median": round(statistics.median(_time(pyzbar, gray)), 2),
        "decode_ms_720p_opencv_median": round(statistics.median(_time(opencv_detector, gray, 1)), 2),
        "decode_hits": hits,
        "decode_frames": len(with_code),
        "decode_hits_zxing": sum(bool(zxing(ArrayFrame(f))) for f in with_code),
        "decode_hits_pyzbar": sum(bool(pyzbar(ArrayFrame(f))) for f in with_code),
        "decode_hits_opencv": sum(bool(opencv_detector(ArrayFrame(f))) for f in with_code),
    }
    res.update(qt_path(with_code, without))
    res.update(scan_to_card())
    return res


def _nv12(luma: np.ndarray):
    """A grey frame as a camera gives it to QtMultimedia: an NV12 QVideoFrame (full-range,
    as MJPEG webcams give it; neutral chroma)."""
    from PySide6.QtCore import QSize
    from PySide6.QtMultimedia import QVideoFrame, QVideoFrameFormat

    h, w = luma.shape
    fmt = QVideoFrameFormat(QSize(w, h), QVideoFrameFormat.PixelFormat.Format_NV12)
    fmt.setColorRange(QVideoFrameFormat.ColorRange.ColorRange_Full)
    video = QVideoFrame(fmt)
    video.map(QVideoFrame.MapMode.WriteOnly)
    plane = np.frombuffer(video.bits(0), np.uint8).reshape(-1, video.bytesPerLine(0))
    plane[:h, :w] = luma
    np.frombuffer(video.bits(1), np.uint8)[:] = 128
    video.unmap()
    return video


def qt_path(with_code: list[np.ndarray], without: list[np.ndarray], rounds: int = 3) -> dict:
    """The kiosk's camera path: QVideoFrame → its luma (or toImage() → QImage) → zxing-cpp.
    A fresh QVideoFrame for every timing (a frame keeps the image it was converted to)."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from ui.camera.frames import QImageFrame, VideoFrame

    _app = QApplication.instance() or QApplication([])
    coded = [to_gray(f) for f in with_code]
    empty = [to_gray(f) for f in without]

    def timed(lumas: list[np.ndarray]) -> tuple[list[float], list[float], list[float], int, int]:
        luma_ms, image_ms, convert, hits, image_hits = [], [], [], 0, 0
        for _ in range(rounds):
            for luma in lumas:
                video = _nv12(luma)
                t = time.perf_counter()
                hits += bool(decode(VideoFrame(video)).texts)
                luma_ms.append((time.perf_counter() - t) * 1000)
                t = time.perf_counter()
                image = video.toImage()
                t1 = time.perf_counter()
                image_hits += bool(decode(QImageFrame(image)).texts)
                image_ms.append((time.perf_counter() - t) * 1000)
                convert.append((t1 - t) * 1000)
        return luma_ms, image_ms, convert, hits // rounds, image_hits // rounds

    with_ms, with_image, with_convert, hits, image_hits = timed(coded)
    without_ms, without_image, without_convert, _, _ = timed(empty)
    both = with_ms + without_ms
    return {
        "decode_ms_720p_qt_median": round(statistics.median(both), 2),
        "decode_ms_720p_qt_p95": round(sorted(both)[int(len(both) * 0.95)], 2),
        "decode_ms_720p_qt_nocode_median": round(statistics.median(without_ms), 2),
        "decode_ms_720p_qimage_median": round(statistics.median(with_image + without_image), 2),
        "qt_to_qimage_ms_720p_median": round(statistics.median(with_convert + without_convert), 2),
        "decode_hits_qt": hits,
        "decode_hits_qimage": image_hits,
    }


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))


def scan_to_card(rounds: int = 10) -> dict:
    """From the scan screen shown (camera opened on an image of a minted code, through
    QImage) to the card painted: ms, median of ``rounds``."""
    import os
    import tempfile
    from datetime import UTC, datetime

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from central.mint import mint
    from kiosk.device.settings import Settings
    from kiosk.rules.catalogue import load_catalogue
    from kiosk.search.deferred import DeferredIndex
    from kiosk.sync.enrolment import DeviceCredentials
    from tests.helpers.qr_images import write_code_png
    from ui.central_access import CentralAccess
    from ui.i18n import LanguageSwitch
    from ui.shell import KioskWindow

    app = QApplication.instance() or QApplication([])
    issuers = json.loads((ROOT / "resources/demo/issuers.json").read_text())
    issuers["issued_at"] = datetime.now(UTC).isoformat()
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        catalogue = load_catalogue()
        switch = LanguageSwitch(app)
        access = CentralAccess(DeviceCredentials("bench", "t", "city_centre", "http://127.0.0.1:9"),
                               Path(tmp) / "k.db", lambda: None)
        access.pulled.replace("trust_list", None, issuers, datetime.now(UTC))
        for n in range(rounds):
            png = Path(tmp) / f"code{n}.png"
            write_code_png(mint("eid"), png)  # a fresh code each time: each is accepted once
            settings = Settings.defaults().with_values(camera=str(png))
            w = KioskWindow(catalogue, DeferredIndex(catalogue.matters, None), settings, switch)
            w.attach_central(access)
            w.resize(1920, 1080)
            w.show()
            w.home()
            app.processEvents()
            start = time.perf_counter()
            w.go("scan")
            while w.current.name != "card" and time.perf_counter() - start < 10:
                app.processEvents()
                time.sleep(0.001)
            w.repaint()
            times.append((time.perf_counter() - start) * 1000)
            w.close()
            w.deleteLater()
            app.processEvents()
        access.close()
    return {"scan_to_card_ms": round(statistics.median(times), 1),
            "scan_to_card_ms_max": round(max(times), 1)}

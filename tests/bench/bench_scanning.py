"""Decoding figures on 1280×720 frames holding a phone-screen QR (and frames without one).

    decode_ms_720p_median / _p95     our pipeline, frames with and without a code
    decode_ms_720p_{zxing,pyzbar,opencv}_median   each decoder alone, same frames
    decode_hits / decode_frames      how many of the frames with a code were read
"""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

import numpy as np

from central.mint import sign
from kiosk.ecert.scanning.decode import decode, opencv, pyzbar, to_gray, zxing
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
    ours = _time(decode, with_code + without)
    hits = sum(bool(decode(f).texts) for f in with_code)
    gray = [to_gray(f) for f in with_code + without]
    res = {
        "decode_ms_720p_median": round(statistics.median(ours), 2),
        "decode_ms_720p_p95": round(sorted(ours)[int(len(ours) * 0.95)], 2),
        "decode_ms_720p_nocode_median": round(statistics.median(_time(decode, without)), 2),
        "decode_ms_720p_zxing_median": round(statistics.median(_time(zxing, gray)), 2),
        "decode_ms_720p_pyzbar_median": round(statistics.median(_time(pyzbar, gray)), 2),
        "decode_ms_720p_opencv_median": round(statistics.median(_time(opencv, gray, 1)), 2),
        "decode_hits": hits,
        "decode_frames": len(with_code),
        "decode_hits_zxing": sum(bool(zxing(to_gray(f))) for f in with_code),
        "decode_hits_pyzbar": sum(bool(pyzbar(to_gray(f))) for f in with_code),
        "decode_hits_opencv": sum(bool(opencv(to_gray(f))) for f in with_code),
    }
    res.update(scan_to_card())
    return res


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))


def scan_to_card(rounds: int = 10) -> dict:
    """From the scan screen shown (camera opened on an image of a minted code) to the
    card painted: ms, median of ``rounds``."""
    import os
    import tempfile
    from datetime import UTC, datetime

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from central.mint import mint, write_png
    from kiosk.device.settings import Settings
    from kiosk.rules.catalogue import load_catalogue
    from kiosk.search.deferred import DeferredIndex
    from kiosk.sync.enrolment import DeviceCredentials
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
            write_png(mint("eid"), png)  # a fresh code each time: each is accepted once
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

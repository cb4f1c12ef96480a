"""Start-up, memory and tap-to-paint, against a bare PySide6 window in the same run."""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_SHOWN = re.compile(r"shown_at=([\d.]+) rss_mb=([\d.]+)")


def _start(args: list[str]) -> tuple[float, float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    t0 = time.time()
    out = subprocess.run(args, env=env, capture_output=True, text=True, timeout=120, cwd=ROOT)
    m = _SHOWN.search(out.stdout)
    if out.returncode != 0 or m is None:
        raise RuntimeError(f"{args} failed: {out.stdout[-500:]} {out.stderr[-2000:]}")
    return float(m.group(1)) - t0, float(m.group(2))


def startup(rounds: int = 5) -> dict[str, float]:
    kiosk, bare = [], []
    for _ in range(rounds):  # interleaved, so both see the same machine
        kiosk.append(_start([sys.executable, "-m", "ui", "--smoke-test"]))
        bare.append(_start([sys.executable, str(ROOT / "tests/bench/bare_qt.py")]))
    k_s = statistics.median(t for t, _ in kiosk)
    b_s = statistics.median(t for t, _ in bare)
    return {
        "startup_s": round(k_s, 3),
        "bare_qt_startup_s": round(b_s, 3),
        "startup_ratio": round(k_s / b_s, 2),
        "idle_rss_mb": round(statistics.median(r for _, r in kiosk), 1),
        "bare_qt_rss_mb": round(statistics.median(r for _, r in bare), 1),
        "rss_ratio": round(statistics.median(r for _, r in kiosk)
                           / statistics.median(r for _, r in bare), 2),
    }


def kiosk_window(size: tuple[int, int] = (1920, 1080), **settings_values):
    """The kiosk's window offscreen, in Chinese, on the home screen: (app, window)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from kiosk.device.settings import Settings
    from kiosk.rules.catalogue import load_catalogue
    from kiosk.search.deferred import DeferredIndex
    from tests.scripts_path import release_if_stale
    from ui.i18n import LanguageSwitch
    from ui.shell import KioskWindow

    release_if_stale()
    app = QApplication.instance() or QApplication([])
    catalogue = load_catalogue()
    switch = LanguageSwitch(app)
    switch.set_language("zh_CN")
    settings = Settings.defaults().with_values(**settings_values)
    window = KioskWindow(catalogue, DeferredIndex(catalogue.matters), settings, switch)
    window.resize(*size)
    window.show()
    window.home()
    app.processEvents()
    return app, window


def tap_to_paint(taps: int = 60) -> dict[str, float]:
    """Tap a tile, the next screen painted (offscreen): synchronous repaint after the
    events the tap causes have been processed."""
    app, window = kiosk_window()
    samples = []
    tiles = ["services", "elderly", "certificate", "staff"]
    for i in range(taps):
        window.home()
        app.processEvents()
        window.repaint()
        button = window.screens["home"].button(tiles[i % len(tiles)])
        t0 = time.perf_counter()
        button.click()
        app.processEvents()
        window.repaint()
        samples.append((time.perf_counter() - t0) * 1000)
    window.close()
    samples.sort()
    return {
        "tap_to_paint_p95_ms": round(samples[int(len(samples) * 0.95) - 1], 2),
        "tap_to_paint_median_ms": round(statistics.median(samples), 2),
    }

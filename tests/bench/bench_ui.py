"""Start-up, memory and tap-to-paint, against a bare PySide6 window in the same run."""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject

ROOT = Path(__file__).resolve().parents[2]
_SHOWN = re.compile(r"shown_at=([\d.]+) rss_mb=([\d.]+)")


def _start(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    t0 = time.time()
    out = subprocess.run(args, env=env, capture_output=True, text=True, timeout=120, cwd=ROOT)
    m = _SHOWN.search(out.stdout)
    if out.returncode != 0 or m is None:
        raise RuntimeError(f"{args} failed: {out.stdout[-500:]} {out.stderr[-2000:]}")
    return float(m.group(1)) - t0, float(m.group(2))


def startup(rounds: int = 5) -> dict[str, float]:
    """The kiosk's ``--smoke-test`` from its start to the home screen painted, against a
    bare PySide6 window (``bare_qt.py``), interleaved so both see the same machine.

    Both run from compiled bytecode, as every installed kiosk does (a PyInstaller
    bundle holds .pyc files; pip compiles at install): the bytecode goes to a folder of
    this run (``PYTHONPYCACHEPREFIX``, also where PYTHONDONTWRITEBYTECODE is set), and a
    first round of each, not counted, writes it."""
    with tempfile.TemporaryDirectory(prefix="kiosk-pyc-") as pyc:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env.update(QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT), PYTHONPYCACHEPREFIX=pyc)
        kiosk_args = [sys.executable, "-m", "ui", "--smoke-test"]
        bare_args = [sys.executable, str(ROOT / "tests/bench/bare_qt.py")]
        _start(kiosk_args, env)  # writes the bytecode
        _start(bare_args, env)
        kiosk, bare = [], []
        for _ in range(rounds):  # interleaved, so both see the same machine
            kiosk.append(_start(kiosk_args, env))
            bare.append(_start(bare_args, env))
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


def startup_instructions() -> dict[str, float]:
    """Start-up in instructions, which do not depend on what else the machine does:
    callgrind counts those the kiosk runs from its start to the home screen painted
    (``first_paint.py`` ends the process there), and those of the bare window, once each
    (the counts repeat to within 0.1 %). Empty where valgrind is not installed."""
    if shutil.which("valgrind") is None:
        return {}
    counts = {}
    with tempfile.TemporaryDirectory(prefix="kiosk-pyc-") as pyc:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env.update(QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT), PYTHONPYCACHEPREFIX=pyc)
        for name, extra in (("kiosk", []), ("bare", ["bare"])):
            args = [sys.executable, str(ROOT / "tests/bench/first_paint.py"), *extra]
            subprocess.run(args, env=env, capture_output=True, timeout=120, cwd=ROOT)  # bytecode
            out = subprocess.run(
                ["valgrind", "--tool=callgrind", f"--callgrind-out-file={pyc}/{name}.out", *args],
                env=env, capture_output=True, text=True, timeout=900, cwd=ROOT)
            m = re.search(r"Collected : (\d+)", out.stderr)
            if out.returncode != 0 or m is None:
                raise RuntimeError(f"callgrind of {name}: {out.stdout[-500:]} {out.stderr[-1500:]}")
            counts[name] = int(m.group(1))
    return {
        "startup_instructions_m": round(counts["kiosk"] / 1e6, 1),
        "bare_qt_startup_instructions_m": round(counts["bare"] / 1e6, 1),
        "startup_instructions_ratio": round(counts["kiosk"] / counts["bare"], 3),
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


class _Paints(QObject):
    """Counts the paints of the window (an event filter)."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def _tap(app, window, tile: str) -> float:
    """From home, tap ``tile`` until the screen it leads to is painted once: ms. The
    events the tap causes paint the window (the update they ask for); where they did not,
    the window is repainted at once, and that paint counts."""
    window.home()
    app.processEvents()
    window.repaint()
    button = window.screens["home"].button(tile)
    paints = _Paints()
    window.installEventFilter(paints)
    t0 = time.perf_counter()
    button.click()
    app.processEvents()
    if paints.count == 0:
        window.repaint()
    elapsed = (time.perf_counter() - t0) * 1000
    window.removeEventFilter(paints)
    return elapsed


def tap_to_paint(taps: int = 60) -> dict[str, float]:
    """Tap a tile, the next screen painted once (offscreen).

    As in the hall, the taps come after the kiosk has had its idle time after start, in
    which it makes the screens the tiles lead to (``prepare_screens``); the first tap on
    each tile without that time is measured too (``tap_to_paint_cold_ms``: the slowest
    of the four tiles' first taps, from a window that prepared nothing)."""
    tiles = ["services", "elderly", "certificate", "staff"]
    app, window = kiosk_window()
    cold = [_tap(app, window, tile) for tile in tiles]  # each screen not yet made
    window.close()
    app, window = kiosk_window()
    window.prepare_screens(now=True)  # what the idle time after start makes
    app.processEvents()
    samples = [_tap(app, window, tiles[i % len(tiles)]) for i in range(taps)]
    window.close()
    samples.sort()
    return {
        "tap_to_paint_p95_ms": round(samples[int(len(samples) * 0.95) - 1], 2),
        "tap_to_paint_median_ms": round(statistics.median(samples), 2),
        "tap_to_paint_cold_ms": round(max(cold), 1),
    }

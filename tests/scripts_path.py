"""Build the .qm catalogues for the tests when they are missing or stale.

Several test processes (pytest-xdist workers, a second test run) may ask at once: the
check and the build happen under an exclusive lock on the translations folder, and each
catalogue is built under a temporary name and moved into place, so no process ever
loads a half-written .qm (Qt maps the file into memory) or builds it twice.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no flock; one test process at a time there
    fcntl = None  # type: ignore[assignment]

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "translations"


@contextmanager
def _locked(folder: Path):
    """An exclusive flock on the folder itself: nothing is written into the tree."""
    if fcntl is None:
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _stale(ts: Path) -> bool:
    qm = ts.with_suffix(".qm")
    return not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime


def release_if_stale() -> list[Path]:
    spec = importlib.util.spec_from_file_location("translations", ROOT / "scripts" / "translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    sources = sorted(TS_DIR / f"kiosk_{lang}.ts" for lang in module.LANGUAGES)
    with _locked(TS_DIR):
        for ts in sources:
            if _stale(ts):
                qm = ts.with_suffix(".qm")
                partial = qm.with_name(f".{qm.stem}.{os.getpid()}.qm")  # *.qm: git ignores it
                try:
                    subprocess.run([module.qt_tool("lrelease"), "-silent", str(ts), "-qm", str(partial)],
                                   check=True)
                    os.replace(partial, qm)
                finally:
                    partial.unlink(missing_ok=True)
    return [ts.with_suffix(".qm") for ts in sources]

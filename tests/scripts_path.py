"""Build the .qm catalogues for the tests when they are missing or stale."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def release_if_stale() -> list[Path]:
    spec = importlib.util.spec_from_file_location("translations", ROOT / "scripts" / "translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    stale = any(
        not (qm := ts.with_suffix(".qm")).exists() or qm.stat().st_mtime < ts.stat().st_mtime
        for ts in (ROOT / "translations").glob("*.ts")
    )
    return module.release() if stale else sorted((ROOT / "translations").glob("*.qm"))

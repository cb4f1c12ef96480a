"""The layers hold: the core (kiosk) imports neither Qt nor the UI (import-linter)."""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def lint_imports() -> str:
    exe = Path(sys.executable).with_name("lint-imports")
    return str(exe) if exe.exists() else (shutil.which("lint-imports") or "lint-imports")


def test_import_contracts_are_kept():
    out = subprocess.run([lint_imports()], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "Contracts: 2 kept, 0 broken" in out.stdout


def test_contract_would_catch_a_qt_import(tmp_path):
    """The contract is not vacuous: a core module importing PySide6 breaks it."""
    bad = ROOT / "kiosk" / "_contract_probe.py"
    bad.write_text("import PySide6.QtCore  # noqa\n", encoding="utf-8")
    try:
        out = subprocess.run([lint_imports(), "--no-cache"], cwd=ROOT, capture_output=True,
                             text=True, timeout=120)
    finally:
        bad.unlink()
    assert out.returncode != 0 and "kiosk._contract_probe" in out.stdout

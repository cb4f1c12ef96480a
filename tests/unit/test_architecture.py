"""The layers hold (import-linter): the core imports neither Qt nor the UI nor the server,
the server imports neither the UI nor Qt, and the server imports only the core's shared rules.

The probes that show the contracts are not vacuous write into a temporary copy of the
packages, never into the working tree.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("kiosk", "ui", "central")


def lint_imports() -> str:
    exe = Path(sys.executable).with_name("lint-imports")
    return str(exe) if exe.exists() else (shutil.which("lint-imports") or "lint-imports")


def run_lint(cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([lint_imports(), "--no-cache"], cwd=cwd, capture_output=True,
                          text=True, timeout=180)


def test_import_contracts_are_kept():
    out = run_lint(ROOT)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "Contracts: 5 kept, 0 broken" in out.stdout


@pytest.fixture(scope="module")
def tree_copy(tmp_path_factory) -> Path:
    """The three packages and pyproject.toml, copied: probes go in here."""
    top = tmp_path_factory.mktemp("architecture")
    for name in PACKAGES:
        shutil.copytree(ROOT / name, top / name,
                        ignore=shutil.ignore_patterns("__pycache__", "*.json", "*.qm"))
    shutil.copy(ROOT / "pyproject.toml", top / "pyproject.toml")
    return top


@pytest.mark.parametrize(("probe", "line", "contract"), [
    ("kiosk/_contract_probe.py", "import PySide6.QtCore  # noqa\n",
     "The core (kiosk) never imports Qt, the UI or the server"),
    ("kiosk/device/_contract_probe.py", "import central.app  # noqa\n",
     "The core (kiosk) never imports Qt, the UI or the server"),
    ("central/_contract_probe.py", "import ui.shell  # noqa\n",
     "The server (central) never imports the UI or Qt"),
    ("central/_contract_probe.py", "import kiosk.sync.outbox  # noqa\n",
     "The server (central) imports only the shared rules of the core"),
    ("kiosk/rules/_contract_probe.py", "import kiosk.staff.roster  # noqa\n",
     "The shared rules stand on their own (the server imports them)"),
])
def test_each_contract_catches_a_forbidden_import(tree_copy, probe, line, contract):
    """A contract is not vacuous: one forbidden import in the copy breaks it, and only there."""
    bad = tree_copy / probe
    bad.write_text(line, encoding="utf-8")
    try:
        out = run_lint(tree_copy)
    finally:
        bad.unlink()
    assert out.returncode != 0, out.stdout
    assert f"{contract} BROKEN" in out.stdout
    module = probe.removesuffix(".py").replace("/", ".")
    assert module in out.stdout
    assert not (ROOT / probe).exists()

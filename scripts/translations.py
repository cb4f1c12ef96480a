"""Translation targets (as in Vorta's Makefile): extract strings, build catalogues.

    python scripts/translations.py update    # pyside6-lupdate: ui/**/*.py -> translations/*.ts
    python scripts/translations.py release   # pyside6-lrelease: translations/*.ts -> *.qm

The .ts files are the sources and are committed; the .qm files are built.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "translations"
LANGUAGES = ("zh_CN", "en")


def qt_tool(name: str) -> str:
    import PySide6

    bundled = Path(PySide6.__file__).parent / (name + (".exe" if sys.platform == "win32" else ""))
    if bundled.exists():
        return str(bundled)
    found = shutil.which(f"pyside6-{name}")
    if found:
        return found
    raise SystemExit(f"cannot find {name}: is PySide6-Essentials installed?")


def update() -> None:
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))
    for lang in LANGUAGES:
        ts = TS_DIR / f"kiosk_{lang}.ts"
        subprocess.run(
            [qt_tool("lupdate"), "-locations", "none", "-no-obsolete", "-target-language", lang,
             *sources, "-ts", str(ts.relative_to(ROOT))],
            cwd=ROOT, check=True,
        )


def release() -> list[Path]:
    built = []
    for lang in LANGUAGES:
        ts = TS_DIR / f"kiosk_{lang}.ts"
        qm = ts.with_suffix(".qm")
        subprocess.run([qt_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
        built.append(qm)
    return built


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "update":
        update()
    elif command == "release":
        for path in release():
            print(path)
    else:
        raise SystemExit(__doc__)

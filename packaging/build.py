"""Build the one-folder kiosk bundle with PyInstaller and prove it starts.

    python packaging/build.py                # translations, PyInstaller, smoke test
    python packaging/build.py --skip-build   # only smoke-test and measure dist/
    python packaging/build.py --bare         # the baseline: a hello-window PySide6 bundle
    python packaging/build.py --deb          # … then the .deb (Linux; packaging/deb/)

Steps (as in qutebrowser's scripts/dev/build_release.py):

1. ``scripts/translations.py release``: the .qm catalogues the spec bundles;
2. PyInstaller with ``packaging/kiosk.spec`` into ``build/pyinstaller`` and ``dist/``;
3. check that the data files the app reads at run time are in the bundle;
4. run the frozen binary with ``--smoke-test`` (offscreen, from a scratch folder, 120 s at
   most): it must start, load the catalogue and translations, show the home screen and
   exit 0;
5. print the bundle's size and file count, and how long the smoke test took;
6. write ``THIRD-PARTY-NOTICES.txt`` into the bundle (``packaging/notices.py``) and the
   CycloneDX SBOM beside it, ``dist/service-hall-kiosk.cdx.json`` (``packaging/sbom.py``);
7. with ``--deb``: the .deb, ``dist/service-hall-kiosk_<version>_<arch>.deb``, checked by
   lintian (``packaging/deb/build_deb.py``).

``--bare`` does steps 2, 4 and 5 for ``packaging/bare.spec`` (``dist/bare-window``), the
baseline the kiosk's bundle is measured against (tests/bench/bench_bundle.py).

Exits non-zero when any step fails. Everything runs under the Python that runs this
script, so use the project's virtual environment.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "kiosk.spec"
NAME = "service-hall-kiosk"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
BUNDLE = DIST / NAME
BARE_SPEC = ROOT / "packaging" / "bare.spec"
BARE_NAME = "bare-window"
BARE_BUNDLE = DIST / BARE_NAME
MAC_APP = DIST / "Service Hall Kiosk.app"
SMOKE_TIMEOUT_S = 120
SMOKE_OK = "smoke test: home screen shown"

#: files the app opens at run time, relative to the bundle's data folder (sys._MEIPASS)
REQUIRED_DATA = [
    "resources/demo/catalogue.json",
    "translations/kiosk_zh_CN.qm",
    "translations/kiosk_en.qm",
    "ui/icons/home.svg",  # the icons (and their licence), loaded from beside ui/icons/
    "ui/icons/LICENSE",
    "pypinyin/pinyin_dict.json",
    "pypinyin/phrases_dict.json",
]


def run(step: str, cmd: list[str], **kwargs) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    result = subprocess.run(cmd, **kwargs)
    if result.returncode != 0:
        raise SystemExit(f"build: {step} failed with exit code {result.returncode}")


def build(spec: Path = SPEC) -> float:
    """Translations (for the kiosk), then PyInstaller; returns the PyInstaller time in s."""
    if spec == SPEC:
        run(
            "translations",
            [sys.executable, str(ROOT / "scripts" / "translations.py"), "release"],
            cwd=ROOT,
        )
    env = dict(os.environ)
    # the same hash seed in every build: set iteration order, hence bytecode, stays put
    env.setdefault("PYTHONHASHSEED", "0")
    started = time.monotonic()
    run(
        "PyInstaller",
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--distpath",
            str(DIST),
            "--workpath",
            str(WORK / spec.stem),
            str(spec),
        ],
        cwd=ROOT,
        env=env,
    )
    return time.monotonic() - started


def executable(folder: Path, name: str = NAME) -> Path:
    return folder / (name + ".exe" if sys.platform == "win32" else name)


def data_root(bundle: Path) -> Path:
    """Where sys._MEIPASS points in a one-folder build (PyInstaller >= 6: _internal)."""
    internal = bundle / "_internal"
    return internal if internal.is_dir() else bundle


def check_data(bundle: Path) -> list[str]:
    root = data_root(bundle)
    return [name for name in REQUIRED_DATA if not (root / name).is_file()]


class SmokeRun(NamedTuple):
    """One ``--smoke-test`` of a bundle: seconds from the process's launch to its first
    screen painted (the ``shown_at=`` line it prints; None where there is no stdout, as in
    a windowed Windows build), and to its clean exit. The kiosk's smoke test goes on after
    the first paint to build what its idle hours hold (search index, screens ahead), so
    only ``shown_s`` compares with another program's start."""

    shown_s: float | None
    exit_s: float


_SHOWN_AT = re.compile(r"shown_at=([\d.]+)")


def smoke_test(binary: Path) -> SmokeRun | None:
    """Run ``binary --smoke-test`` from a scratch folder; None if it failed."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    print(f"+ {binary} --smoke-test", flush=True)
    # from a scratch folder, so nothing can be found through the checkout by accident
    with tempfile.TemporaryDirectory(prefix="kiosk-smoke-") as scratch:
        launched, started = time.time(), time.perf_counter()
        try:
            result = subprocess.run(
                [str(binary), "--smoke-test"],
                cwd=scratch,
                env=env,
                capture_output=True,
                text=True,
                errors="replace",
                timeout=SMOKE_TIMEOUT_S,
            )
        except subprocess.TimeoutExpired:
            print(f"smoke test: no exit within {SMOKE_TIMEOUT_S} s", file=sys.stderr)
            return None
        seconds = time.perf_counter() - started
    output = (result.stdout or "") + (result.stderr or "")
    print(output.rstrip())
    if result.returncode != 0:
        print(f"smoke test: exit code {result.returncode}", file=sys.stderr)
        return None
    # a windowed Windows build has no stdout: there the exit code is all we get
    if output.strip() and SMOKE_OK not in output:
        print(f"smoke test: exit 0 but no {SMOKE_OK!r} line", file=sys.stderr)
        return None
    shown = _SHOWN_AT.search(result.stdout or "")
    return SmokeRun(float(shown.group(1)) - launched if shown else None, seconds)


def measure(folder: Path) -> tuple[float, int]:
    """Total size in MiB of the regular files under folder, and their number."""
    total = count = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            total += path.stat().st_size
            count += 1
    return total / 2**20, count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--skip-build",
        action="store_true",
        help="use the existing dist/ folder: smoke-test and measure only",
    )
    parser.add_argument(
        "--bare",
        action="store_true",
        help="the baseline instead: packaging/bare.spec, a hello-window PySide6 bundle",
    )
    parser.add_argument(
        "--deb",
        action="store_true",
        help="then package the bundle as a .deb (Linux, needs dpkg-deb; lintian if installed)",
    )
    args = parser.parse_args(argv)
    if args.bare:
        return bare(args.skip_build)

    build_s = None
    if not args.skip_build:
        build_s = build()
    binary = executable(BUNDLE)
    if not binary.is_file():
        print(f"build: {binary} does not exist", file=sys.stderr)
        return 1

    missing = check_data(BUNDLE)
    if missing:
        print("build: missing from the bundle: " + ", ".join(missing), file=sys.stderr)
        return 1

    binaries = [binary]
    if sys.platform == "darwin" and MAC_APP.is_dir():
        binaries.append(executable(MAC_APP / "Contents" / "MacOS"))
    status = smoke_test_and_report(BUNDLE, binaries, build_s)
    if status != 0:
        return status
    status = notices_and_sbom(BUNDLE)
    if status != 0 or not args.deb:
        return status
    _load("build_deb", ROOT / "packaging" / "deb" / "build_deb.py").build(BUNDLE, DIST)
    return 0


def _load(name: str, path: Path):
    """A script of packaging/ as a module (packaging/ is not a package: see README.md)."""
    spec = importlib.util.spec_from_file_location(f"kiosk_{name}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def notices_and_sbom(bundle: Path) -> int:
    """THIRD-PARTY-NOTICES.txt into the bundle (on macOS into the .app's Resources too),
    the CycloneDX SBOM beside it; 0 when both were written and the SBOM is valid."""
    notices = _load("notices", ROOT / "packaging" / "notices.py")
    sbom = _load("sbom", ROOT / "packaging" / "sbom.py")
    out = bundle / "THIRD-PARTY-NOTICES.txt"
    dists, packages = notices.write(bundle, out)
    resources = MAC_APP / "Contents" / "Resources"
    if sys.platform == "darwin" and resources.is_dir():
        shutil.copyfile(out, resources / out.name)
    print(f"notices: {out.relative_to(ROOT)} ({len(dists)} Python distributions, "
          f"{len(packages)} system packages)")
    return sbom.main([str(bundle), "-o", str(DIST / f"{bundle.name}.cdx.json")])


def bare(skip_build: bool) -> int:
    build_s = None if skip_build else build(BARE_SPEC)
    binary = executable(BARE_BUNDLE, BARE_NAME)
    if not binary.is_file():
        print(f"build: {binary} does not exist", file=sys.stderr)
        return 1
    return smoke_test_and_report(BARE_BUNDLE, [binary], build_s)


def smoke_test_and_report(bundle: Path, binaries: list[Path], build_s: float | None) -> int:
    """Smoke-test each of ``binaries``, then print the bundle's size and the times: 0 when
    every smoke test passed."""
    runs = [smoke_test(b) for b in binaries]
    if None in runs:
        print("build: SMOKE TEST FAILED", file=sys.stderr)
        return 1
    size_mb, files = measure(bundle)
    print(f"bundle: {bundle.relative_to(ROOT)}  {size_mb:.1f} MiB in {files} files")
    if build_s is not None:
        print(f"pyinstaller: {build_s:.0f} s")
    first = runs[0]
    assert first is not None
    shown = f", first screen painted after {first.shown_s:.2f} s" if first.shown_s else ""
    print(f"smoke test: passed in {first.exit_s:.2f} s{shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The PyInstaller bundles in dist/: their size and how long their smoke test takes.

    bundle_mib / bundle_files            dist/service-hall-kiosk  (python packaging/build.py)
    bare_bundle_mib / bare_bundle_files  dist/bare-window, a hello-window PySide6 bundle built
                                         the same way (python packaging/build.py --bare)
    bundle_ratio                         bundle_mib / bare_bundle_mib (goal ≤ 1.7)
    bundle_start_s / bare_bundle_start_s `--smoke-test` from start to exit 0, median of 3
                                         (goal: the kiosk within 2× the bare bundle)

Building takes minutes, so this measures the bundles that are there and leaves out the
keys of one that is not (it says so on stderr); it never builds.
"""

from __future__ import annotations

import importlib.util
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _build_module():
    # packaging/ is not a Python package (it would shadow pip's "packaging")
    spec = importlib.util.spec_from_file_location("kiosk_build", ROOT / "packaging" / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _measure(build, folder: Path, name: str, key: str, runs: int) -> dict:
    binary = build.executable(folder, name)
    if not binary.is_file():
        print(f"bench_bundle: no {binary.relative_to(ROOT)}: {key}_* left out", file=sys.stderr)
        return {}
    mib, files = build.measure(folder)
    starts = [build.smoke_test(binary) for _ in range(runs)]
    out: dict = {f"{key}_mib": round(mib, 1), f"{key}_files": files}
    if None not in starts:
        out[f"{key}_start_s"] = round(statistics.median(starts), 2)
    return out


def run(runs: int = 3) -> dict:
    build = _build_module()
    res = _measure(build, build.BUNDLE, build.NAME, "bundle", runs)
    res.update(_measure(build, build.BARE_BUNDLE, build.BARE_NAME, "bare_bundle", runs))
    if "bundle_mib" in res and "bare_bundle_mib" in res:
        res["bundle_ratio"] = round(res["bundle_mib"] / res["bare_bundle_mib"], 2)
    return res


if __name__ == "__main__":
    import json

    print(json.dumps(run(), indent=2))

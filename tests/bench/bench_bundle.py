"""The PyInstaller bundles in dist/: their size and how long their smoke test takes.

    bundle_mib / bundle_files            dist/service-hall-kiosk  (python packaging/build.py)
    bare_bundle_mib / bare_bundle_files  dist/bare-window, a hello-window PySide6 bundle built
                                         the same way (python packaging/build.py --bare)
    bundle_ratio                         bundle_mib / bare_bundle_mib (goal ≤ 1.7)
    bundle_start_s / bare_bundle_start_s `--smoke-test` from launch to the first screen
                                         painted (its ``shown_at=`` line), median of 5
    bundle_start_ratio                   bundle_start_s / bare_bundle_start_s (goal ≤ 2)
    bundle_smoke_s / bare_bundle_smoke_s `--smoke-test` from launch to exit 0: the kiosk's
                                         goes on after its first paint to build what the
                                         idle kiosk holds (search index, screens ahead)

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


def _figures(key: str, mib: float, files: int, smokes: list) -> dict:
    out: dict = {f"{key}_mib": round(mib, 1), f"{key}_files": files}
    if not smokes or None in smokes:
        return out
    out[f"{key}_smoke_s"] = round(statistics.median(s.exit_s for s in smokes), 2)
    shown = [s.shown_s for s in smokes if s.shown_s is not None]
    if len(shown) == len(smokes):
        out[f"{key}_start_s"] = round(statistics.median(shown), 3)
    return out


def run(runs: int = 5) -> dict:
    """Both bundles' smoke tests interleaved, so both see the same machine."""
    build = _build_module()
    bundles = {"bundle": build.executable(build.BUNDLE, build.NAME),
               "bare_bundle": build.executable(build.BARE_BUNDLE, build.BARE_NAME)}
    for key, binary in list(bundles.items()):
        if not binary.is_file():
            print(f"bench_bundle: no {binary.relative_to(ROOT)}: {key}_* left out",
                  file=sys.stderr)
            del bundles[key]
    smokes: dict[str, list] = {key: [] for key in bundles}
    for _ in range(runs):
        for key, binary in bundles.items():
            smokes[key].append(build.smoke_test(binary))
    res: dict = {}
    for key, binary in bundles.items():
        res.update(_figures(key, *build.measure(binary.parent), smokes[key]))
    if "bundle_mib" in res and "bare_bundle_mib" in res:
        res["bundle_ratio"] = round(res["bundle_mib"] / res["bare_bundle_mib"], 2)
    if "bundle_start_s" in res and "bare_bundle_start_s" in res:
        res["bundle_start_ratio"] = round(res["bundle_start_s"] / res["bare_bundle_start_s"], 2)
    return res


if __name__ == "__main__":
    import json

    print(json.dumps(run(), indent=2))

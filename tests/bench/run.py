"""Run every benchmark and write one flat JSON object.

    python tests/bench/run.py --json FILE

Figures, not pass/fail: the goals are in the issues and in the README.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.bench import (  # noqa: E402
    bench_bundle,
    bench_display,
    bench_handwriting,
    bench_idcard,
    bench_queue,
    bench_rolling_restart,
    bench_scanning,
    bench_search,
    bench_sync,
    bench_ui,
)

GROUPS = ["ui", "search", "sync", "queue", "scan", "idcard", "handwriting", "bundle",
          "display", "rolling"]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--only", choices=[*GROUPS], action="append",
                        help="run only these groups (default: all)")
    args = parser.parse_args()
    groups = set(args.only or GROUPS)
    results: dict[str, float | int | str] = {}
    if "ui" in groups:
        results.update(bench_ui.startup())
        results.update(bench_ui.startup_instructions())
        results.update(bench_ui.tap_to_paint())
    if "search" in groups:
        results.update(bench_search.run())
    if "sync" in groups:
        results.update(bench_sync.run())
    if "queue" in groups:  # windows racing for "next"; call → board latency (issue 18)
        results.update(bench_queue.run())
    if "scan" in groups:
        results.update(bench_scanning.run())
    if "idcard" in groups:
        results.update(bench_idcard.run())
        results.update(bench_idcard.screen())
    if "handwriting" in groups:
        results.update(bench_handwriting.run())
    if "display" in groups:  # a call from a window to the hall display (issue 18)
        results.update(bench_display.run())
    if "rolling" in groups:  # two servers on one database, restarted in turn (issue 17)
        results.update(bench_rolling_restart.run())
    if "bundle" in groups:  # the bundles already built in dist/ (packaging/build.py)
        results.update(bench_bundle.run())
    text = json.dumps(results, indent=2, ensure_ascii=False)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

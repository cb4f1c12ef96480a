"""Run the kiosk's ``--smoke-test`` (or, with ``bare``, the bare window of
``bare_qt.py``) and end the process the moment its first screen is painted.

For counting start-up instructions with callgrind (``bench_ui.startup_instructions``):
what the smoke test does after the paint (the idle-time work, closing, the interpreter's
teardown) is not start-up. Both print a line right after the paint ("smoke test: ..."
and "shown_at=..."); the process ends there, before anything else runs.

    python tests/bench/first_paint.py [bare]
"""

import builtins
import os
import runpy
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_print = builtins.print


def _print_then_stop(*args, **kwargs):
    text = str(args[0]) if args else ""
    _print(*args, **kwargs)
    if text.startswith(("smoke test:", "shown_at=")):
        sys.stdout.flush()
        os._exit(0)


builtins.print = _print_then_stop
if sys.argv[1:] == ["bare"]:
    runpy.run_path(str(ROOT / "tests/bench/bare_qt.py"), run_name="__main__")
else:
    from ui.app import main

    main(["--smoke-test"])
raise SystemExit("the first paint was never reported")

"""Shared fixtures. Qt runs offscreen; every test gets fresh settings and a fresh window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import pytest  # noqa: E402

#: ``KIOSK_TEST_NOW=2026-12-07T10:27:00+08:00 pytest …`` runs the tests as if started at
#: that moment (the clock then runs on): no test may depend on the time of day it runs
#: at. time-machine moves the wall clock (datetime, time.time) of every thread and leaves
#: the monotonic clock, sleeps and lock timeouts alone; libfaketime breaks those here
#: (Python 3.11's sleeps fail with EINVAL or never wake).
_TRAVEL = None


def pytest_configure(config):
    global _TRAVEL
    moment = os.environ.get("KIOSK_TEST_NOW")
    if moment:
        from datetime import datetime

        import time_machine

        start = datetime.fromisoformat(moment)
        if start.tzinfo is None:
            raise pytest.UsageError("KIOSK_TEST_NOW needs a UTC offset, e.g. 2026-12-07T10:27+08:00")
        _TRAVEL = time_machine.travel(start, tick=True)
        _TRAVEL.start()


def pytest_unconfigure(config):
    global _TRAVEL
    if _TRAVEL is not None:
        _TRAVEL.stop()
        _TRAVEL = None


def pytest_report_header(config):
    moment = os.environ.get("KIOSK_TEST_NOW")
    return f"wall clock moved to {moment} (KIOSK_TEST_NOW)" if moment else None


def pytest_collection_modifyitems(config, items):
    """Under pytest-xdist (scripts/test.sh: ``-n auto --dist worksteal``), the tests marked
    slow go first, dealt round-robin to the front of each worker's share: worksteal gives
    worker i the i-th contiguous slice of the collection and idle workers steal from the
    back of the others' queues, so the long tests start at once, side by side, and the
    short ones fill in around them. In collection order they came last (tests/reliability)
    and one worker ran them all while the other had nothing left. Every worker computes
    the same order; a serial run keeps the collection order."""
    workers = getattr(config, "workerinput", {}).get("workercount", 0)
    if workers < 2:
        return
    slow = [item for item in items if item.get_closest_marker("slow")]
    if not slow:
        return
    rest = iter([item for item in items if not item.get_closest_marker("slow")])
    ordered: list = []
    for i in range(workers):
        share = (len(items) - len(ordered)) // (workers - i)  # worksteal's first split
        mine = slow[i::workers]
        ordered += mine + [next(rest) for _ in range(max(0, share - len(mine)))]
    ordered += list(rest)
    items[:] = ordered


@pytest.fixture(scope="session")
def demo_catalogue():
    from kiosk.rules.catalogue import load_catalogue

    return load_catalogue()


@pytest.fixture(scope="session")
def demo_index(demo_catalogue):
    from kiosk.search.deferred import DeferredIndex

    index = DeferredIndex(demo_catalogue.matters)
    index.warm()
    return index


@pytest.fixture(scope="session")
def built_translations():
    """The .qm files, built from the committed .ts sources when missing or older."""
    from tests.scripts_path import release_if_stale

    return release_if_stale()

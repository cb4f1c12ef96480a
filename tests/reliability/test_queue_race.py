"""Windows press "next" at the same moment: no ticket is ever called twice.

1,000 presses of "next" by 4 windows, each a thread with its own transaction, released
together by a barrier each round, over 200 of today's tickets: 200 are called once each,
the other 800 presses find nobody waiting; the calls log is then checked in SQL (no ticket
called twice). The same with the 4 threads pressing at ONE window: one call a round, the
others 409 ``window_busy``. On SQLite and on PostgreSQL (KIOSK_TEST_PG_URL;
KIOSK_REQUIRE_PG=1 makes a missing one a failure). The race runs one layer below HTTP,
so 1,000 rounds stay within seconds; tests/integration/test_queue_calling.py covers the
routes, and the benchmark (tests/bench/bench_queue.py) races over HTTP.
"""

from __future__ import annotations

import time
from collections import Counter

import pytest

from central.app import create_app
from central.seed import DEMO_HALL
from tests.helpers.central_fixtures import fresh_pg, pg_url_or_skip
from tests.helpers.queue_race import double_called, issue_tickets, race_in_process, states
from tests.helpers.utc_clock import FakeUtcClock

OPEN_0900 = "2026-11-23T01:00:00Z"  # Monday 09:00 in Shanghai
CALLS, TICKETS, WINDOWS = 1000, 200, 4


def race(url: str) -> None:
    clock = FakeUtcClock(OPEN_0900)
    ctx = create_app(url, clock=clock, seed="demo").state.context
    issue_tickets(url, DEMO_HALL, TICKETS, clock())
    started = time.monotonic()
    try:
        tally = race_in_process(ctx.db, ctx.reference, DEMO_HALL, CALLS, WINDOWS, clock())
    finally:
        ctx.db.dispose()
    took = time.monotonic() - started
    assert tally == Counter({"called": TICKETS, "nobody": CALLS - TICKETS}), tally
    assert double_called(url, DEMO_HALL) == 0
    assert states(url, DEMO_HALL) == Counter({"called": TICKETS})
    print(f"{CALLS} presses, {TICKETS} tickets: 0 called twice, {took:.1f} s")


def race_at_one_window(url: str) -> None:
    clock = FakeUtcClock(OPEN_0900)
    ctx = create_app(url, clock=clock, seed="demo").state.context
    issue_tickets(url, DEMO_HALL, 50, clock())
    try:
        tally = race_in_process(ctx.db, ctx.reference, DEMO_HALL, 200, WINDOWS, clock(),
                                same_window=True)
    finally:
        ctx.db.dispose()
    assert tally == Counter({"called": 50, "window_busy": 150}), tally
    assert double_called(url, DEMO_HALL) == 0
    assert states(url, DEMO_HALL) == Counter({"served": 50})


@pytest.mark.slow
def test_windows_racing_for_next_never_call_a_ticket_twice_on_sqlite(tmp_path):
    race(f"sqlite:///{tmp_path / 'race.db'}")


@pytest.mark.slow
def test_windows_racing_for_next_never_call_a_ticket_twice_on_postgresql():
    race(fresh_pg(pg_url_or_skip()))


def test_one_window_pressed_four_times_at_once_calls_one_ticket_on_sqlite(tmp_path):
    race_at_one_window(f"sqlite:///{tmp_path / 'race.db'}")


def test_one_window_pressed_four_times_at_once_calls_one_ticket_on_postgresql():
    race_at_one_window(fresh_pg(pg_url_or_skip()))

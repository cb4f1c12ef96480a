"""Queue calling figures: windows racing for "next", and how soon the hall display has a call.

    call_race_double_called     tickets called twice after CALL_RACE_WINDOWS windows press
                                "next" together CALL_RACE_CALLS times over HTTP (goal: 0)
    call_race_*                 presses, tickets called, presses finding nobody, seconds
    call_to_board_ms_p50/p95    a window's "next" sent → a display client's long poll
                                (``GET /v1/halls/{hall}/board?since=&wait=``) has it, no Qt
                                (bench_display.py's ``call_to_display_ms`` adds the Qt display)
    call_to_board_short_poll_ms_p50/p95   the same with a client asking every 0.5 s instead

The server is a separate process (tests/bench/central_process.py) on SQLite; with
KIOSK_TEST_PG_URL set, the race runs on PostgreSQL too (``call_race_pg_*``).
"""

from __future__ import annotations

import json
import os
import statistics
import tempfile
import time
from datetime import UTC, datetime

from tests.bench.central_process import TOKEN, central_process
from tests.helpers.queue_race import (
    call_to_display_ms,
    double_called,
    issue_tickets,
    p95,
    race_calls,
)

HALL = "city_centre"  # the demo hall: the dev token's, and the demo staff's
CALL_RACE_CALLS = int(os.environ.get("CALL_RACE_CALLS", 1000))
CALL_RACE_TICKETS = int(os.environ.get("CALL_RACE_TICKETS", 600))
CALL_RACE_WINDOWS = 4
LATENCY_ROUNDS = int(os.environ.get("CALL_LATENCY_ROUNDS", 40))


def race(db_url: str, prefix: str) -> dict:
    with central_process(db_url) as url:
        issue_tickets(db_url, HALL, CALL_RACE_TICKETS, datetime.now(UTC))
        started = time.perf_counter()
        tally = race_calls(url, TOKEN, HALL, CALL_RACE_CALLS, CALL_RACE_WINDOWS)
        took = time.perf_counter() - started
    return {
        f"{prefix}double_called": double_called(db_url, HALL),
        f"{prefix}calls": sum(tally.values()),
        f"{prefix}called": tally["called"],
        f"{prefix}nobody": tally["nobody"],
        f"{prefix}other": sum(n for k, n in tally.items() if k not in ("called", "nobody")),
        f"{prefix}s": round(took, 1),
    }


def latency() -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        db_url = f"sqlite:///{tmp}/central.db"
        with central_process(db_url) as url:
            issue_tickets(db_url, HALL, 2 * LATENCY_ROUNDS, datetime.now(UTC))
            held = call_to_display_ms(url, TOKEN, HALL, LATENCY_ROUNDS, long_poll=True)
            polled = call_to_display_ms(url, TOKEN, HALL, LATENCY_ROUNDS, long_poll=False)
    return {
        "call_to_board_ms_p50": round(statistics.median(held), 1),
        "call_to_board_ms_p95": round(p95(held), 1),
        "call_to_board_seen": f"{len(held)}/{LATENCY_ROUNDS}",
        "call_to_board_short_poll_ms_p50": round(statistics.median(polled), 1),
        "call_to_board_short_poll_ms_p95": round(p95(polled), 1),
    }


def run() -> dict:
    out: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        out.update(race(f"sqlite:///{tmp}/central.db", "call_race_"))
    pg = os.environ.get("KIOSK_TEST_PG_URL")
    if pg:
        from tests.helpers.central_fixtures import fresh_pg

        out.update(race(fresh_pg(pg), "call_race_pg_"))
    out.update(latency())
    return out


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))

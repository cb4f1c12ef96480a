"""Windows pressing "next" at the same moment, and the display's latency: shared by the
race test (tests/reliability/test_queue_race.py) and the benchmark (tests/bench/bench_queue.py).

    ids = issue_tickets(db_url, "city_centre", 600, now)
    tally = race_calls(base_url, token, "city_centre", calls=1000, windows=4)
    assert double_called(db_url, "city_centre") == 0
"""

from __future__ import annotations

import statistics
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable
from datetime import datetime

import requests
from sqlalchemy import func, select

from central import calling, tickets
from central.db import Database
from central.models import QueueCall, Ticket
from central.problems import Problem
from central.reference import Reference
from kiosk.rules.calendar import load_calendars
from kiosk.rules.catalogue import load_catalogue

STAFF = "0371"  # the demo's assistant, of the demo hall
AREAS = (("GA-0002", "GA"), ("CRJ-0001", "CRJ"), ("RS-0001", "RS"))


def issue_tickets(db_url: str, hall: str, count: int, now: datetime) -> list[str]:
    """``count`` walk-in tickets of today in ``hall`` (every fifth a green-channel one, the
    areas in turn), written straight to the database in one transaction."""
    catalogue = load_catalogue()
    day = load_calendars(catalogue.halls)[hall].local_day(now)
    db = Database.connect(db_url)
    try:
        with db.writing() as session:
            made = [tickets.issue(session, hall=hall, matter=AREAS[n % 3][0],
                                  category=AREAS[n % 3][1], priority=n % 5 == 0, day=day,
                                  now=now, device_id="race") for n in range(count)]
            return [t.ticket_id for t in made]
    finally:
        db.dispose()


def race_calls(base_url: str, token: str, hall: str, calls: int, windows: int = 4) -> Counter[str]:
    """Over HTTP: ``windows`` threads (each its own connection) press "next" together,
    ``calls // windows`` rounds, released by a barrier each round, each press at a window
    of its own (so none is busy). The outcomes, counted: ``called``, ``nobody`` (the queue
    was empty) or ``<status> <code>``."""
    rounds = calls // windows
    barrier = threading.Barrier(windows, timeout=60)
    tally: Counter[str] = Counter()
    lock = threading.Lock()

    def window(index: int) -> None:
        with requests.Session() as http:
            http.headers["Authorization"] = f"Bearer {token}"
            for n in range(rounds):
                barrier.wait()
                r = http.post(f"{base_url}/v1/halls/{hall}/windows/r{index}-{n}/call-next",
                              json={"staff": STAFF}, timeout=30,
                              headers={"Idempotency-Key": str(uuid.uuid4())})
                got = (f"{r.status_code} {r.json().get('code')}" if r.status_code != 200 else
                       "nobody" if r.json()["ticket"] is None else "called")
                with lock:
                    tally[got] += 1

    _run_threads(window, windows)
    return tally


def race_in_process(db: Database, ref: Reference, hall: str, calls: int, threads: int,
                    now: datetime, same_window: bool = False) -> Counter[str]:
    """The same race one layer down: ``threads`` threads, each with its own transaction,
    run ``calling.call_next`` together, ``calls // threads`` rounds. ``same_window``: all
    press at one window (which then serves its ticket before the next round)."""
    rounds = calls // threads
    barrier = threading.Barrier(threads, timeout=60)
    tally: Counter[str] = Counter()
    lock = threading.Lock()

    def window(index: int) -> None:
        for n in range(rounds):
            name = "same" if same_window else f"t{index}-{n}"
            step = calling.Step(hall=hall, window=name, staff=STAFF, device_id="race", now=now)
            barrier.wait()
            try:
                with db.writing() as session:
                    ticket = calling.call_next(session, ref, step, ())
                    got = "nobody" if ticket is None else "called"
            except Problem as exc:
                got = exc.code
            if same_window:
                barrier.wait()  # every press of the round has answered
                if got == "called":
                    with db.writing() as session:
                        day = calling.local_day(ref, hall, now)
                        found = calling.current(session, hall, day, name)
                        assert found is not None
                        calling.served(session, step, found.ticket_id)
            with lock:
                tally[got] += 1

    _run_threads(window, threads)
    return tally


def _run_threads(target: Callable[[int], None], count: int) -> None:
    failures: list[BaseException] = []

    def guarded(index: int) -> None:
        try:
            target(index)
        except BaseException as exc:  # noqa: BLE001 - said by the caller's thread
            failures.append(exc)
            raise

    threads = [threading.Thread(target=guarded, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if failures:
        raise failures[0]


def double_called(db_url: str, hall: str) -> int:
    """Tickets of ``hall`` that the calls log shows called more than once (a recall is
    not a call), plus tickets served more than once."""
    db = Database.connect(db_url)
    try:
        with db.reading() as session:
            twice = 0
            for event in ("called", "served"):
                per_ticket = (select(QueueCall.ticket_id).where(QueueCall.hall == hall,
                                                                QueueCall.event == event)
                              .group_by(QueueCall.ticket_id).having(func.count() > 1))
                twice += len(list(session.scalars(per_ticket)))
            return twice
    finally:
        db.dispose()


def states(db_url: str, hall: str) -> Counter[str]:
    db = Database.connect(db_url)
    try:
        with db.reading() as session:
            return Counter(session.scalars(select(Ticket.state).where(Ticket.hall == hall)))
    finally:
        db.dispose()


def call_to_display_ms(base_url: str, token: str, hall: str, rounds: int,
                       long_poll: bool = True, poll_every: float = 0.5) -> list[float]:
    """Milliseconds from a window's "next" (sent) to a display thread holding the call:
    the display long-polls the board (``wait``), or asks every ``poll_every`` seconds."""
    got = threading.Event()
    seen_at: list[float] = []
    stop = threading.Event()
    cursor_box = [0]

    def display() -> None:
        with requests.Session() as http:
            http.headers["Authorization"] = f"Bearer {token}"
            url = f"{base_url}/v1/halls/{hall}/board"
            cursor_box[0] = http.get(url, timeout=10).json()["cursor"]
            got.set()
            while not stop.is_set():
                params = {"since": str(cursor_box[0]), "wait": "5" if long_poll else "0"}
                board = http.get(url, params=params, timeout=15).json()
                if any(c["event"] == "called" for c in board["calls"]):
                    seen_at.append(time.perf_counter())
                cursor_box[0] = board["cursor"]
                if not long_poll:
                    stop.wait(poll_every)

    thread = threading.Thread(target=display, daemon=True)
    thread.start()
    got.wait(10)
    latencies: list[float] = []
    with requests.Session() as http:
        http.headers["Authorization"] = f"Bearer {token}"
        base = f"{base_url}/v1/halls/{hall}/windows/lat"
        for n in range(rounds):
            time.sleep(0.05 + (n % 7) * 0.031)  # the display is somewhere in its cycle
            before = len(seen_at)
            sent = time.perf_counter()
            r = http.post(base + "/call-next", json={"staff": STAFF}, timeout=30,
                          headers={"Idempotency-Key": str(uuid.uuid4())})
            ticket_id = r.json()["ticket"]["ticket"]["ticket_id"]
            deadline = time.monotonic() + 10
            while len(seen_at) == before and time.monotonic() < deadline:
                time.sleep(0.001)
            if len(seen_at) > before:
                latencies.append((seen_at[before] - sent) * 1000)
            http.post(f"{base}/tickets/{ticket_id}/served", json={"staff": STAFF}, timeout=30,
                      headers={"Idempotency-Key": str(uuid.uuid4())})
    stop.set()
    thread.join(timeout=10)
    return latencies


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 2 else (values or [0.0])[0]

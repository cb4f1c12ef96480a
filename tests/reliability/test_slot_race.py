"""Two kiosks race for the last place of a slot: exactly one 201, one 409 slot_full.

Each round takes a fresh slot with one place (dongcheng's demo rules give one place per
slot). Two threads, each with its own HTTP connection, post at the same moment to one
real uvicorn server; afterwards a SQL query checks no slot holds more places than its
capacity. Against SQLite and against PostgreSQL (KIOSK_TEST_PG_URL), and on PostgreSQL
also with two server processes sharing the database.
"""

from __future__ import annotations

import multiprocessing
import threading
import uuid
from collections import Counter

import pytest
import requests
from sqlalchemy import create_engine, func, select

from central.context import Quotas
from central.models import Booking, Place
from kiosk.rules.calendar import load_calendars
from kiosk.rules.catalogue import load_catalogue
from tests.helpers.central_fixtures import (
    AUTH,
    MONDAY_0800_LOCAL,
    TEST_HALL,
    fresh_pg,
    person_id,
    pg_url_or_skip,
)
from tests.helpers.central_server import running_central
from tests.helpers.utc_clock import FakeUtcClock

HALL = "dongcheng"
ROUNDS = 1000


def one_place_slots(count: int) -> list[tuple[str, str]]:
    """(matter, start) pairs bookable at MONDAY_0800_LOCAL, each slot with one place."""
    catalogue = load_catalogue()
    calendar = load_calendars(catalogue.halls)[HALL]
    now = FakeUtcClock(MONDAY_0800_LOCAL)()
    matters = [m.code for m in catalogue.matters
               if m.bookable and HALL in m.halls and calendar.rules.capacity_for(m.code) == 1]
    out = []
    for day in calendar.bookable_days(now):
        for start in calendar.slot_starts(day):
            if calendar.booking_problem(start, now) is None:
                out.extend((m, start.isoformat()) for m in matters)
    assert len(out) >= count, "not enough one-place slots for the race"
    return out[:count]


def body(matter: str, start: str, serial: int) -> dict:
    born = f"{1950 + serial // 1000}0101"
    return {"hall": HALL, "matter": matter, "start": start, "hold_id": None,
            "person": {"id_number": person_id(serial % 1000, born), "phone": "13800138000"},
            "requested_at": MONDAY_0800_LOCAL}


def outcome(response: requests.Response) -> str:
    if response.status_code == 201:
        return "201"
    return f"{response.status_code} {response.json().get('code')}"


def race_over_http(url: str, rounds: int) -> list[tuple[str, str]]:
    slots = one_place_slots(rounds)
    barrier = threading.Barrier(2, timeout=30)
    results: list[list[str]] = [[], []]

    def kiosk(index: int) -> None:
        with requests.Session() as http:
            http.headers.update(AUTH)
            for n, (matter, start) in enumerate(slots):
                payload = body(matter, start, 2 * n + index)
                barrier.wait()
                r = http.post(url + "/v1/bookings", json=payload, timeout=30,
                              headers={"Idempotency-Key": str(uuid.uuid4())})
                results[index].append(outcome(r))

    threads = [threading.Thread(target=kiosk, args=(i,)) for i in (0, 1)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return list(zip(results[0], results[1], strict=True))


def assert_one_winner_per_round(pairs: list[tuple[str, str]], database_url: str, rounds: int) -> None:
    tally = Counter(tuple(sorted(p)) for p in pairs)
    assert tally == {("201", "409 slot_full"): rounds}, tally
    engine = create_engine(database_url)
    try:
        with engine.connect() as conn:
            over = conn.execute(
                select(Place.hall, Place.matter, Place.start, func.count())
                .group_by(Place.hall, Place.matter, Place.start).having(func.count() > 1)
            ).all()
            bookings = conn.scalar(select(func.count()).select_from(Booking))
            places = conn.scalar(select(func.count()).select_from(Place))
    finally:
        engine.dispose()
    assert over == []  # never double-booked: at most one place per one-place slot
    assert bookings == places == rounds


@pytest.mark.slow
def test_race_for_the_last_place_on_sqlite(tmp_path):
    url = f"sqlite:///{tmp_path / 'race.db'}"
    with running_central(url, clock=FakeUtcClock(MONDAY_0800_LOCAL), dev_hall=HALL,
                         quotas=Quotas.unlimited()) as base:
        pairs = race_over_http(base, ROUNDS)
    assert_one_winner_per_round(pairs, url, ROUNDS)


@pytest.mark.slow
def test_race_for_the_last_place_on_postgresql():
    url = fresh_pg(pg_url_or_skip())
    with running_central(url, clock=FakeUtcClock(MONDAY_0800_LOCAL), dev_hall=HALL,
                         quotas=Quotas.unlimited()) as base:
        pairs = race_over_http(base, ROUNDS)
    assert_one_winner_per_round(pairs, url, ROUNDS)


# --- two server processes on one PostgreSQL --------------------------------------------


def _process_kiosk(index: int, database_url: str, rounds: int, barrier, results) -> None:  # type: ignore[no-untyped-def]
    import warnings

    warnings.simplefilter("ignore", DeprecationWarning)
    from fastapi.testclient import TestClient

    from central.app import create_app

    app = create_app(database_url, clock=FakeUtcClock(MONDAY_0800_LOCAL), dev_token="test-token",
                     dev_hall=TEST_HALL, secret="test-secret", quotas=Quotas.unlimited())
    out = []
    with TestClient(app, headers=AUTH) as client:
        for n, (matter, start) in enumerate(one_place_slots(rounds)):
            barrier.wait()
            r = client.post("/v1/bookings", json=body(matter, start, 2 * n + index),
                            headers={"Idempotency-Key": str(uuid.uuid4())})
            out.append("201" if r.status_code == 201 else f"{r.status_code} {r.json().get('code')}")
    results.put((index, out))


@pytest.mark.slow
def test_race_between_two_server_processes_on_postgresql():
    from central.app import create_app

    url = fresh_pg(pg_url_or_skip())
    rounds = 300
    create_app(url, seed="demo", dev_token="test-token", dev_hall=TEST_HALL,
               clock=FakeUtcClock(MONDAY_0800_LOCAL))
    spawn = multiprocessing.get_context("spawn")
    barrier, results = spawn.Barrier(2, timeout=60), spawn.Queue()
    workers = [spawn.Process(target=_process_kiosk, args=(i, url, rounds, barrier, results))
               for i in (0, 1)]
    for w in workers:
        w.start()
    got = dict(results.get(timeout=240) for _ in workers)
    for w in workers:
        w.join(timeout=30)
        assert w.exitcode == 0
    assert_one_winner_per_round(list(zip(got[0], got[1], strict=True)), url, rounds)

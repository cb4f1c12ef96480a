"""Outbox and sync figures: durable enqueue, drain rate, a fleet reconnecting, the race.

    outbox_enqueue_p99_ms   one durable enqueue (WAL, synchronous=FULL) on the real disk
    drain_per_s             queued submissions delivered per second to a local server
    fleet_*                 1,000 kiosks with 50 queued items each reconnect together
                            (start times jittered over FLEET_JITTER_S); PostgreSQL when
                            KIOSK_TEST_PG_URL is set, else SQLite (fleet_db says which)
    race_double_booked      places booked beyond capacity after two clients race for
                            the last place RACE_ROUNDS times
"""

from __future__ import annotations

import json
import os
import random
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

from kiosk.rules import idnumber
from kiosk.rules.wire_time import utc_iso
from kiosk.sync.api_client import ApiError, CentralClient, Refused
from kiosk.sync.backoff import Backoff
from kiosk.sync.engine import SyncEngine
from kiosk.sync.outbox import Identity, Outbox
from kiosk.sync.pulled import PulledCache
from kiosk.sync.store import LocalStore
from tests.bench.central_process import TOKEN, central_process

FLEET_KIOSKS = int(os.environ.get("FLEET_KIOSKS", 1000))
FLEET_ITEMS = int(os.environ.get("FLEET_ITEMS", 50))
FLEET_JITTER_S = 20.0
FLEET_THREADS = 64
RACE_ROUNDS = int(os.environ.get("RACE_ROUNDS", 300))


def _message(kiosk: int, n: int) -> dict:
    now = utc_iso(datetime.now(UTC))
    return {"kind": "message", "created_at": now, "identity": {"resident": None, "staff": None},
            "payload": {"kiosk": kiosk, "n": n}}


def enqueue_latency(count: int = 2000) -> dict:
    with tempfile.TemporaryDirectory(dir=Path.home()) as tmp, LocalStore(Path(tmp) / "k.db") as store:
        outbox = Outbox(store)
        times = []
        for n in range(count):
            t = time.perf_counter()
            outbox.enqueue("message", "POST", "/v1/submissions", _message(0, n), Identity(),
                           datetime.now(UTC))
            times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return {
        "outbox_enqueue_p50_ms": round(times[len(times) // 2], 3),
        "outbox_enqueue_p99_ms": round(times[int(len(times) * 0.99)], 3),
    }


def drain_rate(count: int = 1000) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        db_url = f"sqlite:///{tmp}/central.db"
        with central_process(db_url) as url, LocalStore(Path(tmp) / "k.db") as store:
            outbox = Outbox(store)
            for n in range(count):
                outbox.enqueue("message", "POST", "/v1/submissions", _message(0, n), Identity(),
                               datetime.now(UTC))
            engine = SyncEngine(CentralClient(url, TOKEN), outbox, PulledCache(store), pulls=())
            t = time.perf_counter()
            while outbox.counts().pending:
                engine.drain()
            elapsed = time.perf_counter() - t
    return {"drain_per_s": round(count / elapsed, 1)}


def _server_rows(db_url: str) -> list[tuple[int, int]]:
    if db_url.startswith("sqlite"):
        import sqlite3

        with sqlite3.connect(db_url.removeprefix("sqlite:///")) as db:
            payloads = [p for (p,) in db.execute("SELECT payload FROM submissions")]
    else:
        import psycopg

        with psycopg.connect(db_url.replace("postgresql+psycopg://", "postgresql://")) as db:
            payloads = [p for (p,) in db.execute("SELECT payload FROM submissions")]
    out = []
    for p in payloads:
        d = json.loads(p)
        if "kiosk" in d:
            out.append((d["kiosk"], d["n"]))
    return out


def _reset_pg(db_url: str) -> None:
    import psycopg

    with psycopg.connect(db_url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True) as db:
        db.execute("DROP SCHEMA public CASCADE")
        db.execute("CREATE SCHEMA public")


def fleet() -> dict:
    pg = os.environ.get("KIOSK_TEST_PG_URL")
    base = Path("/dev/shm") if Path("/dev/shm").is_dir() else None
    with tempfile.TemporaryDirectory(dir=base) as tmp:
        folder = Path(tmp)
        if pg:
            _reset_pg(pg)
        db_url = pg or f"sqlite:///{folder}/central.db"
        workers = 2 if pg else 1
        # the outage: every kiosk queued its items while the server was away
        for k in range(FLEET_KIOSKS):
            with LocalStore(folder / f"kiosk{k}.db") as store:
                outbox = Outbox(store)
                for n in range(FLEET_ITEMS):
                    outbox.enqueue("message", "POST", "/v1/submissions", _message(k, n),
                                   Identity(), datetime.now(UTC))
        rng = random.Random(42)
        starts = sorted((rng.uniform(0, FLEET_JITTER_S), k) for k in range(FLEET_KIOSKS))
        errors: list[str] = []
        with central_process(db_url, workers=workers, log=folder / "central.log") as url:
            t0 = time.perf_counter()
            deadline = t0 + 900

            def run_kiosk(k: int) -> None:
                with LocalStore(folder / f"kiosk{k}.db") as store:
                    engine = SyncEngine(
                        CentralClient(url, TOKEN, timeout=(3.05, 30.0)), Outbox(store),
                        PulledCache(store), pulls=(), rng=random.Random(k),
                        backoff=Backoff(base_s=0.5, cap_s=10.0),
                    )
                    while engine.outbox.counts().pending and time.perf_counter() < deadline:
                        engine.drain()
                        wait = engine.next_attempt_in()
                        if wait:
                            time.sleep(wait)
                    if engine.status.problem:
                        errors.append(engine.status.problem)

            with ThreadPoolExecutor(FLEET_THREADS) as pool:
                futures = []
                for start, k in starts:
                    delay = t0 + start - time.perf_counter()
                    if delay > 0:
                        time.sleep(delay)
                    futures.append(pool.submit(run_kiosk, k))
                for f in futures:
                    f.result()
            elapsed = time.perf_counter() - t0
            rows = _server_rows(db_url)
    expected = FLEET_KIOSKS * FLEET_ITEMS
    distinct = set(rows)
    return {
        "fleet_kiosks": FLEET_KIOSKS,
        "fleet_items": expected,
        "fleet_db": "postgresql" if pg else "sqlite",
        "fleet_drain_s": round(elapsed, 1),
        "fleet_lost": expected - len(distinct),
        "fleet_duplicated": len(rows) - len(distinct),
        "fleet_transient_failures_seen": len(errors),
    }


def race() -> dict:
    """Two clients book the last (only) place of a dongcheng slot, RACE_ROUNDS times."""
    with tempfile.TemporaryDirectory() as tmp:
        db_url = f"sqlite:///{tmp}/central.db"
        with central_process(db_url) as url:
            probe = CentralClient(url, TOKEN)
            slots = []
            today = datetime.now(UTC).date()
            matters = ["GA-0001", "GA-0002", "CRJ-0001", "JG-0001", "RS-0001", "YB-0002",
                       "GJJ-0001", "BDC-0001", "SJ-0001", "SW-0001", "MZ-0001", "WJ-0001"]
            for matter in matters:
                for d in range(9):
                    day = (today + timedelta(days=d)).isoformat()
                    try:
                        body = probe.get("/v1/halls/dongcheng/slots",
                                         {"matter": matter, "date": day}).body
                    except ApiError:
                        continue
                    slots += [(matter, s["start"]) for s in body["slots"] if s["remaining"] == 1]
            slots = slots[:RACE_ROUNDS]
            outcomes = {"won": 0, "slot_full": 0, "other": 0}
            barrier = threading.Barrier(2)

            def book(client: CentralClient, matter: str, start: str, person: str) -> str:
                barrier.wait()
                try:
                    client.post("/v1/bookings", {
                        "hall": "dongcheng", "matter": matter, "start": start, "hold_id": None,
                        "person": {"id_number": person, "phone": "13800138000"},
                        "requested_at": utc_iso(datetime.now(UTC)),
                    }, idempotency_key=os.urandom(16).hex())
                    return "won"
                except Refused as exc:
                    return exc.reason if exc.reason == "slot_full" else "other"

            a, b = CentralClient(url, TOKEN), CentralClient(url, TOKEN)
            with ThreadPoolExecutor(2) as pool:
                for i, (matter, start) in enumerate(slots):
                    # two different residents, a fresh pair each round (no per-person limit)
                    pa = idnumber.with_check_digit(f"110105198001{i % 28 + 1:02d}{i // 28:03d}")
                    pb = idnumber.with_check_digit(f"110105199002{i % 28 + 1:02d}{i // 28:03d}")
                    fa = pool.submit(book, a, matter, start, pa)
                    fb = pool.submit(book, b, matter, start, pb)
                    for f in (fa, fb):
                        outcomes[f.result()] += 1
        import sqlite3

        with sqlite3.connect(f"{tmp}/central.db") as db:
            over = db.execute(
                "SELECT COUNT(*) FROM (SELECT hall, matter, start FROM bookings"
                " WHERE status != 'cancelled' AND hall = 'dongcheng'"
                " GROUP BY hall, matter, start HAVING COUNT(*) > 1)"
            ).fetchone()[0]
    return {
        "race_rounds": len(slots),
        "race_won": outcomes["won"],
        "race_refused_slot_full": outcomes["slot_full"],
        "race_other": outcomes["other"],
        "race_double_booked": over,
    }


def run() -> dict:
    out = {}
    out.update(enqueue_latency())
    out.update(drain_rate())
    out.update(race())
    out.update(fleet())
    return out


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))

"""A rolling restart under load, with a reference data change in the middle (issue 17).

Two server processes on one database (PostgreSQL when KIOSK_TEST_PG_URL is set, else a
SQLite file). Client threads keep reading (catalogue, slots) and booking (each booking
with its own Idempotency-Key) against both, as a reverse proxy would spread them: a
request that meets a stopped instance (connection refused, reset, 5xx) is sent again, with
the same key, to the other one, as the proxy's retry would. Meanwhile each instance in
turn is stopped (SIGTERM: uvicorn finishes what it has) and started again on its port,
and a new catalogue version is published (``kiosk-central reference load``).

    rolling_restart_requests        requests answered (all kinds)
    rolling_restart_errors          requests that failed even after the retry on the
                                    other instance (the goal: 0)
    rolling_restart_retried         requests sent again to the other instance
    rolling_restart_max_latency_ms  the slowest request, its retry included
    rolling_restart_p99_ms          its 99th percentile
    rolling_restart_mixed           catalogue answers whose body is not the version their
                                    Reference-Version header names (the goal: 0)
    rolling_restart_lost            bookings answered 201 that the database does not hold
    rolling_restart_duplicated      bookings held twice for one Idempotency-Key
    rolling_restart_reload_s        from the publication (``reference load`` done) until
                                    both instances serve it (the bound: reference_check_every,
                                    here CHECK_EVERY_S, plus a request's time)
    rolling_restart_load_command_s  how long ``kiosk-central reference load`` took (a new
                                    Python process, the checks, one write transaction)
    rolling_restart_db              the database used
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import requests

from kiosk.rules.idnumber import with_check_digit
from tests.bench.central_process import ROOT, TOKEN
from ui.central_link import free_port

CHECK_EVERY_S = 1.0
CLIENT_THREADS = 4
HALL, MATTER = "city_centre", "GA-0001"
RENAMED = "Rolling restart"
TIMEOUT = (1.0, 10.0)


@dataclass
class Instance:
    db_url: str
    port: int = field(default_factory=free_port)
    proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT),
               "KIOSK_CENTRAL_REFERENCE_CHECK_EVERY": str(CHECK_EVERY_S),
               "KIOSK_CENTRAL_LOG_LEVEL": "warning"}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "central", "serve", "--db", self.db_url, "--port",
             str(self.port), "--seed", "demo", "--dev-token", TOKEN,
             "--bookings-per-hour", "0", "--lookups-per-minute", "0", "--tickets-per-hour", "0"],
            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the server on port {self.port} exited")
            with suppress(requests.RequestException):
                if requests.get(self.url + "/v1/ready", timeout=1).status_code == 200:
                    return
            time.sleep(0.05)
        raise RuntimeError(f"the server on port {self.port} did not become ready")

    def stop(self) -> None:
        if self.proc is None:
            return
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.proc = None


@dataclass
class Tally:
    lock: threading.Lock = field(default_factory=threading.Lock)
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    retried: int = 0
    mixed: int = 0
    versions: set[str] = field(default_factory=set)
    booked: dict[str, str] = field(default_factory=dict)  # Idempotency-Key -> booking_id


class Client:
    """Both instances in turn; a failed request sent again to the other one."""

    def __init__(self, instances: list[Instance], tally: Tally) -> None:
        self._instances = instances
        self._tally = tally
        self._turn = 0
        self._session = requests.Session()
        self._session.headers["Authorization"] = f"Bearer {TOKEN}"

    def call(self, method: str, path: str, **kw: Any) -> requests.Response | None:
        began = time.perf_counter()
        self._turn += 1
        answer, error = None, ""
        for attempt in range(2):
            instance = self._instances[(self._turn + attempt) % len(self._instances)]
            try:
                answer = self._session.request(method, instance.url + path, timeout=TIMEOUT, **kw)
            except requests.RequestException as exc:
                answer, error = None, type(exc).__name__
            if answer is not None and answer.status_code < 500:
                break
            if answer is not None:
                error = f"HTTP {answer.status_code}"
            if attempt == 0:
                with self._tally.lock:
                    self._tally.retried += 1
        with self._tally.lock:
            self._tally.latencies.append(time.perf_counter() - began)
            if answer is None or answer.status_code >= 500:
                self._tally.errors.append(f"{method} {path}: {error}")
                return None
        return answer


def _person(serial: int) -> dict[str, str]:
    born = (date(1950, 1, 1) + timedelta(days=serial // 900)).strftime("%Y%m%d")
    return {"id_number": with_check_digit(f"110105{born}{serial % 900 + 100:03d}"),
            "phone": "13800138000"}


def _worker(client: Client, tally: Tally, stop: threading.Event, worker: int,
            starts: list[str]) -> None:
    serial = worker * 100_000
    while not stop.is_set():
        serial += 1
        catalogue = client.call("GET", "/v1/catalogue")
        if catalogue is not None and catalogue.status_code == 200:
            version = catalogue.headers.get("Reference-Version", "?")
            [matter] = [m for m in catalogue.json()["matters"] if m["code"] == MATTER]
            renamed = matter["name"]["en"] == RENAMED
            with tally.lock:
                tally.versions.add(version)
                tally.mixed += renamed != (version != "1")
        start = starts[serial % len(starts)]
        client.call("GET", f"/v1/halls/{HALL}/slots",
                    params={"matter": MATTER, "date": start[:10]})
        idem = str(uuid.uuid4())
        body = {"hall": HALL, "matter": MATTER, "start": start, "person": _person(serial),
                "requested_at": "2026-12-07T00:00:00Z"}
        booked = client.call("POST", "/v1/bookings", json=body, headers={"Idempotency-Key": idem})
        if booked is not None and booked.status_code == 201:
            with tally.lock:
                tally.booked[idem] = booked.json()["booking_id"]


def _open_starts(instance: Instance) -> list[str]:
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {TOKEN}"
    days = session.get(f"{instance.url}/v1/halls/{HALL}/availability",
                       params={"matter": MATTER}, timeout=TIMEOUT).json()["days"]
    starts = []
    for day in days:
        if day["open"]:
            found = session.get(f"{instance.url}/v1/halls/{HALL}/slots",
                                params={"matter": MATTER, "date": day["date"]}, timeout=TIMEOUT)
            starts += [s["start"] for s in found.json()["slots"]]
    return starts


def _publish_renamed(db_url: str, work: Path) -> None:
    doc = json.loads((ROOT / "resources" / "demo" / "catalogue.json").read_text(encoding="utf-8"))
    for matter in doc["matters"]:
        if matter["code"] == MATTER:
            matter["name"]["en"] = RENAMED
    path = work / "renamed.json"
    path.write_text(json.dumps({"catalogue": doc}, ensure_ascii=False), encoding="utf-8")
    subprocess.run([sys.executable, "-m", "central", "reference", "load", str(path), "--db",
                    db_url], cwd=ROOT, check=True, stdout=subprocess.DEVNULL,
                   env={**os.environ, "PYTHONPATH": str(ROOT)})


def _serving(instance: Instance, version: str) -> bool:
    with suppress(requests.RequestException):
        r = requests.get(instance.url + "/v1/catalogue", timeout=TIMEOUT,
                         headers={"Authorization": f"Bearer {TOKEN}"})
        return r.headers.get("Reference-Version") == version
    return False


@contextmanager
def _database() -> Iterator[tuple[str, str]]:
    pg = os.environ.get("KIOSK_TEST_PG_URL")
    if pg:
        from tests.helpers.central_fixtures import fresh_pg

        yield fresh_pg(pg), "postgresql"
        return
    with tempfile.TemporaryDirectory() as tmp:
        yield f"sqlite:///{Path(tmp) / 'central.db'}", "sqlite"


def run(settle_s: float = 3.0) -> dict[str, Any]:
    with _database() as (db_url, kind), tempfile.TemporaryDirectory() as tmp:
        instances = [Instance(db_url), Instance(db_url)]
        for instance in instances:  # one after the other: the first migrates and seeds
            instance.start()
        tally = Tally()
        starts = _open_starts(instances[0])
        stop = threading.Event()
        threads = [threading.Thread(target=_worker, args=(Client(instances, tally), tally, stop,
                                                          n, starts))
                   for n in range(CLIENT_THREADS)]
        try:
            for t in threads:
                t.start()
            time.sleep(settle_s)
            instances[0].stop()  # a rolling restart: one, then the other
            instances[0].start()
            time.sleep(settle_s)
            began = time.monotonic()
            _publish_renamed(db_url, Path(tmp))
            published = time.monotonic()  # committed: the bound starts here
            load_s = published - began
            while not all(_serving(i, "2") for i in instances):
                time.sleep(0.05)
            reload_s = time.monotonic() - published
            instances[1].stop()
            instances[1].start()
            time.sleep(settle_s)
        finally:
            stop.set()
            for t in threads:
                t.join()
        lost = sum(1 for booking_id in tally.booked.values()
                   if Client(instances, Tally()).call(
                       "GET", f"/v1/bookings/{booking_id}").status_code != 200)  # type: ignore[union-attr]
        duplicated = len(tally.booked) - len(set(tally.booked.values()))
        for instance in instances:
            instance.stop()
    latencies = sorted(tally.latencies)
    return {
        "rolling_restart_db": kind,
        "rolling_restart_requests": len(latencies),
        "rolling_restart_errors": len(tally.errors),
        "rolling_restart_retried": tally.retried,
        "rolling_restart_max_latency_ms": round(latencies[-1] * 1000, 1),
        "rolling_restart_p99_ms": round(latencies[int(len(latencies) * 0.99)] * 1000, 1),
        "rolling_restart_mixed": tally.mixed,
        "rolling_restart_bookings": len(tally.booked),
        "rolling_restart_lost": lost,
        "rolling_restart_duplicated": duplicated,
        "rolling_restart_reload_s": round(reload_s, 2),
        "rolling_restart_load_command_s": round(load_s, 2),
        "rolling_restart_versions": ",".join(sorted(tally.versions)),
        "rolling_restart_error_kinds": ";".join(sorted(set(tally.errors)))[:300],
    }


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))

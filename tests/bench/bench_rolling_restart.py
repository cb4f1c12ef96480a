"""A rolling restart under load, with a reference data change in the middle (issue 17).

Two server processes on one database (PostgreSQL when KIOSK_TEST_PG_URL is set, else a
SQLite file) and, when nginx is installed, nginx in front of them: the configuration is
deploy/nginx/kiosk-central.conf itself (ports, certificate and log paths replaced), with
TLS on a loopback port and a throwaway self-signed certificate (``openssl``) the clients
trust. Client threads keep reading (catalogue, slots) and booking (each booking with its
own Idempotency-Key) through the proxy ONLY: no client-side failover, the proxy sends a
request that meets a stopped instance to the other one. Without nginx (or with
KIOSK_BENCH_NGINX=off) the clients spread their requests over both instances themselves
and send a failed one at once to the other instance, as the proxy would
(``rolling_restart_mode``: ``nginx`` or ``client-failover``).

In both modes a request still failing (no answer, 408, 425, 429, 5xx, 409
``idempotency_in_flight``: what a kiosk's outbox retries) is sent again with the same
Idempotency-Key, after a jittered backoff, up to ``ATTEMPTS`` times in all, as a
kiosk's outbox does (with a shorter base delay). Meanwhile each instance in turn is
stopped (SIGTERM: uvicorn finishes what it has) and started again on its port, and a new
catalogue version is published (``kiosk-central reference load``).

    rolling_restart_mode            nginx (TLS proxy in front) or client-failover
    rolling_restart_requests        requests answered or given up (all kinds)
    rolling_restart_failed          requests that failed beyond the retries (the goal: 0)
    rolling_restart_retried         requests the client sent again (same Idempotency-Key);
                                    in client-failover mode this includes the failover
    rolling_restart_proxy_retried   requests nginx sent on to the other instance (from its
                                    access log; nginx mode only)
    rolling_restart_max_latency_ms  the slowest request, its retries included
    rolling_restart_p99_ms          its 99th percentile
    rolling_restart_mixed           catalogue answers whose body is not the version their
                                    Reference-Version header names (the goal: 0)
    rolling_restart_bookings        bookings answered 201
    rolling_restart_bookings_refused  booking requests answered otherwise (4xx: a full
                                    place, say; 0 while the hall has room, as meant)
    rolling_restart_lost            bookings answered 201 that the database does not hold
    rolling_restart_duplicated      bookings the database holds beyond those answered 201,
                                    plus keys answered with another key's booking (goal: 0)
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
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import requests
from sqlalchemy import create_engine, func, select

from central.models import Booking
from kiosk.rules.idnumber import with_check_digit
from tests.bench.central_process import ROOT, TOKEN
from ui.central_link import free_port

CHECK_EVERY_S = 1.0
CLIENT_THREADS = 4
HALL, MATTER = "city_centre", "GA-0001"
RENAMED = "Rolling restart"
#: a booking every this many rounds of reads: the demo hall's 336 places then last the
#: whole run (rolling_restart_bookings_refused stays 0), so bookings are made, and
#: checked, across both restarts, not only until the hall is full
BOOK_EVERY = 3
TIMEOUT = (1.0, 10.0)
#: attempts of one request in all (the first and the retries with the same key)
ATTEMPTS = 4
#: the retries' backoff: full jitter, doubling from this (a kiosk's outbox starts at 1 s)
BACKOFF_BASE_S, BACKOFF_CAP_S = 0.25, 2.0
#: answers a kiosk's outbox sends again (kiosk/sync/api_client.py ServerBusy)
RETRY_STATUSES = frozenset({408, 425, 429})
NGINX_CONF = ROOT / "deploy" / "nginx" / "kiosk-central.conf"


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


def nginx_binary() -> str | None:
    """nginx, unless KIOSK_BENCH_NGINX=off (or it names another binary)."""
    chosen = os.environ.get("KIOSK_BENCH_NGINX", "")
    if chosen.lower() in ("off", "0", "no"):
        return None
    if chosen:
        return chosen
    return shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if os.access(p, os.X_OK)), None)


def _replace(text: str, old: str, new: str, count: int) -> str:
    found = text.count(old)
    if found != count:
        raise RuntimeError(f"{NGINX_CONF}: expected {old!r} {count} time(s), found {found}: "
                           "the template changed, update the bench")
    return text.replace(old, new)


@dataclass
class Proxy:
    """nginx with deploy/nginx/kiosk-central.conf in front of the instances, TLS on loopback."""

    binary: str
    work: Path
    upstream_ports: list[int]
    https_port: int = field(default_factory=free_port)
    http_port: int = field(default_factory=free_port)
    proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.https_port}"

    @property
    def cert(self) -> Path:
        return self.work / "cert.pem"

    @property
    def access_log(self) -> Path:
        return self.work / "kiosk-central.access.log"

    def _make_cert(self) -> None:
        key = self.work / "key.pem"
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
             "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1", "-addext",
             "subjectAltName=IP:127.0.0.1,DNS:localhost", "-keyout", str(key), "-out",
             str(self.cert)], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        key.chmod(0o600)

    def _config(self) -> Path:
        text = NGINX_CONF.read_text(encoding="utf-8")
        for template_port, port in zip(("8081", "8082"), self.upstream_ports, strict=True):
            text = _replace(text, f"server 127.0.0.1:{template_port} ",
                            f"server 127.0.0.1:{port} ", 1)
        text = _replace(text, "listen 80;", f"listen 127.0.0.1:{self.http_port};", 1)
        text = _replace(text, "listen [::]:80;\n", "", 1)
        text = _replace(text, "listen 443 ssl;", f"listen 127.0.0.1:{self.https_port} ssl;", 1)
        text = _replace(text, "listen [::]:443 ssl;\n", "", 1)
        text = _replace(text, "/etc/nginx/tls/kiosk-central.hall.example/fullchain.pem",
                        str(self.cert), 1)
        text = _replace(text, "/etc/nginx/tls/kiosk-central.hall.example/privkey.pem",
                        str(self.work / "key.pem"), 1)
        text = _replace(text, "/var/log/nginx/", f"{self.work}/", 3)
        site = self.work / "kiosk-central.conf"
        site.write_text(text, encoding="utf-8")
        temp = "\n".join(f"    {kind}_temp_path {self.work / kind};"
                         for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
        main = self.work / "nginx.conf"
        main.write_text(
            f"daemon off;\nworker_processes 1;\npid {self.work / 'nginx.pid'};\n"
            f"error_log {self.work / 'error.log'} warn;\n"
            "events { worker_connections 512; }\n"
            f"http {{\n{temp}\n    include {site};\n}}\n", encoding="utf-8")
        return main

    def start(self) -> None:
        self.work.chmod(0o711)  # the workers (nobody, under root) reach their temp paths
        self._make_cert()
        main = self._config()
        command = [self.binary, "-p", str(self.work), "-e", str(self.work / "error.log"),
                   "-c", str(main)]
        checked = subprocess.run([*command, "-t", "-q"], capture_output=True, text=True)
        if checked.returncode != 0:
            raise RuntimeError(f"nginx -t: {checked.stderr.strip()}")
        self.proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("nginx exited: "
                                   + (self.work / "error.log").read_text(errors="replace")[-500:])
            with suppress(requests.RequestException):
                if requests.get(self.url + "/v1/ready", timeout=1,
                                verify=str(self.cert)).status_code == 200:
                    return
            time.sleep(0.05)
        raise RuntimeError("nginx did not answer")

    def stop(self) -> None:
        if self.proc is None:
            return
        self.proc.send_signal(signal.SIGQUIT)  # graceful
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.proc = None

    def retried(self) -> int:
        """Requests nginx sent on to another instance ($upstream_addr names two)."""
        if not self.access_log.exists():
            return 0
        return sum(1 for line in self.access_log.read_text(errors="replace").splitlines()
                   if re.search(r'upstream="[^"]*,', line))


@dataclass
class Tally:
    lock: threading.Lock = field(default_factory=threading.Lock)
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    retried: int = 0
    mixed: int = 0
    refused: int = 0  # bookings answered, but not 201 (a full place, say)
    versions: set[str] = field(default_factory=set)
    booked: dict[str, str] = field(default_factory=dict)  # Idempotency-Key -> booking_id


def _must_retry(answer: requests.Response | None) -> bool:
    if answer is None:
        return True
    if answer.status_code >= 500 or answer.status_code in RETRY_STATUSES:
        return True
    if answer.status_code == 409:
        with suppress(ValueError, AttributeError):
            return bool(answer.json().get("code") == "idempotency_in_flight")
    return False


class Client:
    """A kiosk's requests, up to ATTEMPTS times each with the same headers (so the same
    Idempotency-Key). ``targets``: the proxy alone, or (client-failover) every instance,
    taken in turn, a failed attempt sent at once to the next one."""

    def __init__(self, targets: list[str], tally: Tally, verify: str | bool = True) -> None:
        self._targets = targets
        self._tally = tally
        self._turn = 0
        self._rng = random.Random()
        self._verify = verify  # per request: REQUESTS_CA_BUNDLE would override a Session's
        self._session = requests.Session()
        self._session.headers["Authorization"] = f"Bearer {TOKEN}"

    def call(self, method: str, path: str, **kw: Any) -> requests.Response | None:
        began = time.perf_counter()
        self._turn += 1
        answer, error = None, ""
        failover = len(self._targets) > 1
        for attempt in range(ATTEMPTS):
            if attempt:
                with self._tally.lock:
                    self._tally.retried += 1
                if not (failover and attempt == 1):  # the failover to the other is at once
                    ceiling = min(BACKOFF_CAP_S, BACKOFF_BASE_S * 2 ** (attempt - 1))
                    time.sleep(self._rng.uniform(0.0, ceiling))
            target = self._targets[(self._turn + attempt) % len(self._targets)]
            try:
                answer = self._session.request(method, target + path, timeout=TIMEOUT,
                                               verify=self._verify, **kw)
            except requests.RequestException as exc:
                answer, error = None, type(exc).__name__
            if not _must_retry(answer):
                break
            if answer is not None:
                error = f"HTTP {answer.status_code}"
        with self._tally.lock:
            self._tally.latencies.append(time.perf_counter() - began)
            if _must_retry(answer):
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
        if serial % BOOK_EVERY:
            continue
        idem = str(uuid.uuid4())
        start = starts[serial // BOOK_EVERY % len(starts)]  # every place in turn
        body = {"hall": HALL, "matter": MATTER, "start": start, "person": _person(serial),
                "requested_at": "2026-12-07T00:00:00Z"}
        booked = client.call("POST", "/v1/bookings", json=body, headers={"Idempotency-Key": idem})
        if booked is not None:
            with tally.lock:
                if booked.status_code == 201:
                    tally.booked[idem] = booked.json()["booking_id"]
                else:
                    tally.refused += 1


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


def _bookings_held(db_url: str) -> int:
    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(Booking)).scalar_one())
    finally:
        engine.dispose()


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
    nginx = nginx_binary()
    if nginx is None:
        print("bench_rolling_restart: nginx not found (or KIOSK_BENCH_NGINX=off): the clients "
              "fail over between the instances themselves (client-failover mode)",
              file=sys.stderr)
    with _database() as (db_url, kind), tempfile.TemporaryDirectory() as tmp, \
            ExitStack() as cleanup:
        instances = [Instance(db_url), Instance(db_url)]
        for instance in instances:  # one after the other: the first migrates and seeds
            cleanup.callback(instance.stop)  # also when something below fails
            instance.start()
        proxy = None
        if nginx is not None:
            proxy = Proxy(nginx, Path(tmp) / "nginx", [i.port for i in instances])
            proxy.work.mkdir()
            Path(tmp).chmod(0o711)
            cleanup.callback(proxy.stop)  # stopped before the instances (last in, first out)
            proxy.start()
        targets, verify = (([proxy.url], str(proxy.cert)) if proxy is not None
                           else ([i.url for i in instances], True))
        tally = Tally()
        starts = _open_starts(instances[0])
        stop = threading.Event()
        threads = [threading.Thread(target=_worker, args=(Client(targets, tally, verify), tally,
                                                          stop, n, starts))
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
        proxy_retried = proxy.retried() if proxy is not None else 0
        checker = Client(targets, Tally(), verify)
        lost = 0
        for booking_id in tally.booked.values():
            found = checker.call("GET", f"/v1/bookings/{booking_id}")
            lost += found is None or found.status_code != 200
        held = _bookings_held(db_url)
        distinct = set(tally.booked.values())
        duplicated = max(0, held - len(distinct)) + len(tally.booked) - len(distinct)
    latencies = sorted(tally.latencies)
    return {
        "rolling_restart_mode": "nginx" if proxy is not None else "client-failover",
        "rolling_restart_db": kind,
        "rolling_restart_requests": len(latencies),
        "rolling_restart_failed": len(tally.errors),
        "rolling_restart_retried": tally.retried,
        "rolling_restart_proxy_retried": proxy_retried,
        "rolling_restart_max_latency_ms": round(latencies[-1] * 1000, 1),
        "rolling_restart_p99_ms": round(latencies[int(len(latencies) * 0.99)] * 1000, 1),
        "rolling_restart_mixed": tally.mixed,
        "rolling_restart_bookings": len(tally.booked),
        "rolling_restart_bookings_refused": tally.refused,
        "rolling_restart_lost": lost,
        "rolling_restart_duplicated": duplicated,
        "rolling_restart_reload_s": round(reload_s, 2),
        "rolling_restart_load_command_s": round(load_s, 2),
        "rolling_restart_versions": ",".join(sorted(tally.versions)),
        "rolling_restart_error_kinds": ";".join(sorted(set(tally.errors)))[:300],
    }


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))

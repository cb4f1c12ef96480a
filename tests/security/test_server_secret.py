"""Finding 6: ID numbers must not be recoverable from a copy of the central database.

The key of the HMAC of ID numbers comes from outside the database (``KIOSK_CENTRAL_SECRET``
or ``serve --secret-file``, a file only the service can read); ``serve`` refuses to start
without one unless it is the demo on loopback; a key an older server stored in the
database is removed. A copy of the database and the stored mask (area code, last four)
leave only the 8 birth-date digits unknown: without the key, enumerating them finds nothing.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import MetaData, create_engine, select

from central import cli
from central.app import create_app
from central.idempotency import fingerprint
from central.models import Setting
from central.schemas import BookingIn
from central.secret import DEV_SECRET
from tests.helpers.central_fixtures import (
    AUTH,
    MONDAY_0800_LOCAL,
    TEST_HALL,
    booking_body,
    key,
    person_id,
)
from tests.helpers.utc_clock import FakeUtcClock

SLOT = "2026-11-23T02:00:00Z"  # 10:00 in Shanghai, the Monday of the clock
BORN = "19900517"
SECRET = "an-outside-key-of-at-least-32-characters-0123456789"
STORED = "f" * 64  # what an older server left in ``settings``

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")


@pytest.fixture(autouse=True)
def _no_secret_in_the_environment(monkeypatch):
    monkeypatch.delenv("KIOSK_CENTRAL_SECRET", raising=False)
    monkeypatch.delenv("KIOSK_CENTRAL_SECRET_FILE", raising=False)


def _every_cell(db_url: str) -> list[Any]:
    """Every value in every table of the database, as an attacker with a copy sees them."""
    engine = create_engine(db_url)
    try:
        meta = MetaData()
        meta.reflect(engine)
        with engine.connect() as conn:
            return [value for table in meta.sorted_tables
                    for row in conn.execute(select(table)) for value in row]
    finally:
        engine.dispose()


def _as_text(value: Any) -> str:
    if isinstance(value, bytes | bytearray | memoryview):
        raw = bytes(value)
        return raw.hex() + raw.decode("latin-1")
    return str(value)


def _assert_nowhere(db_url: str, secret: bytes) -> None:
    for value in _every_cell(db_url):
        text = _as_text(value)
        assert secret.decode("latin-1") not in text and secret.hex() not in text, value


def _serve(monkeypatch, capsys, *args: str) -> tuple[int, Any, str]:
    """``kiosk-central serve ARGS`` up to the point where uvicorn would run: the exit code,
    the app it would have served (or None) and what it wrote to stderr. The app's clock is
    the tests' Monday 08:00."""
    import uvicorn

    import central.app

    monkeypatch.setattr(central.app, "system_clock", FakeUtcClock(MONDAY_0800_LOCAL))
    served: list[Any] = []

    def run(app: Any, **_kw: Any) -> None:
        served.append(app)

    monkeypatch.setattr(uvicorn, "run", run)
    try:
        code = cli.main(["serve", *args])
    except SystemExit as exc:  # argparse
        code = int(exc.code or 0)
    return code, served[0] if served else None, capsys.readouterr().err


def _plant_stored_key(db_url: str) -> None:
    """A database an older server wrote: the HMAC key in ``settings``."""
    create_app(db_url, seed="demo", secret=SECRET)  # the schema
    engine = create_engine(db_url)
    try:
        with engine.begin() as conn:
            conn.execute(Setting.__table__.insert().values(name="hmac_secret", value=STORED))
    finally:
        engine.dispose()


def _book(app: Any, serial: int = 7) -> dict[str, Any]:
    with TestClient(app, headers=AUTH) as client:
        r = client.post("/v1/bookings", json=booking_body(SLOT, serial, born=BORN), headers=key())
        assert r.status_code == 201, r.text
        return r.json()


# -- a copy of the database holds no key ------------------------------------------------------

def test_a_database_copy_holds_no_key(db_url, clock):
    _plant_stored_key(db_url)
    app = create_app(db_url, clock=clock, dev_token="test-token", dev_hall=TEST_HALL, seed="demo",
                     secret=SECRET)
    _book(app)
    _assert_nowhere(db_url, SECRET.encode())
    _assert_nowhere(db_url, STORED.encode())  # the older server's key is gone
    # an app made without a key (enrolment-code, openapi, mint) writes none either
    keyless = create_app(db_url, clock=clock, seed="demo")
    _assert_nowhere(db_url, keyless.state.context.secret)
    assert [v for v in _every_cell(db_url) if v == "hmac_secret"] == []


def test_serve_with_the_environment_variable_stores_no_key(db_url, monkeypatch, capsys):
    monkeypatch.setenv("KIOSK_CENTRAL_SECRET", SECRET)
    code, app, err = _serve(monkeypatch, capsys, "--db", db_url, "--host", "0.0.0.0", "--migrate",
                            "--seed", "demo", "--dev-token", "test-token", "--dev-hall", TEST_HALL)
    assert code == 0 and app is not None, err
    assert app.state.context.secret == SECRET.encode()
    _book(app)
    _assert_nowhere(db_url, SECRET.encode())


def test_the_demo_on_loopback_runs_on_a_development_key_never_stored(db_url, monkeypatch, capsys):
    code, app, err = _serve(monkeypatch, capsys, "--db", db_url, "--seed", "demo",
                            "--dev-token", "test-token", "--dev-hall", TEST_HALL)
    assert code == 0 and app is not None, err
    _book(app)
    _assert_nowhere(db_url, app.state.context.secret)


# -- no key, no production server ----------------------------------------------------------

@pytest.mark.parametrize("args", [
    ["--host", "0.0.0.0"],                      # reachable from the network
    ["--host", "0.0.0.0", "--seed", "demo"],    # the demo data, but not on loopback
    ["--host", "127.0.0.1"],                    # loopback, but real data (behind a proxy)
])
def test_serve_refuses_to_start_in_production_without_a_secret(args, tmp_path, monkeypatch,
                                                               capsys):
    code, app, err = _serve(monkeypatch, capsys, "--db", f"sqlite:///{tmp_path / 'c.db'}", *args)
    assert app is None and code == 2
    assert "KIOSK_CENTRAL_SECRET" in err and "--secret-file" in err


def test_a_short_secret_is_refused(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("KIOSK_CENTRAL_SECRET", "short")
    code, app, err = _serve(monkeypatch, capsys, "--db", f"sqlite:///{tmp_path / 'c.db'}",
                            "--host", "0.0.0.0")
    assert app is None and code == 2 and "at least 32" in err


@posix_only
@pytest.mark.parametrize("mode", [0o644, 0o640, 0o604])
def test_a_secret_file_others_can_read_is_refused(mode, tmp_path, monkeypatch, capsys):
    path = tmp_path / "central.key"
    path.write_text(SECRET + "\n")
    os.chmod(path, mode)
    code, app, err = _serve(monkeypatch, capsys, "--db", f"sqlite:///{tmp_path / 'c.db'}",
                            "--host", "0.0.0.0", "--secret-file", str(path))
    assert app is None and code == 2
    assert str(path) in err and oct(mode)[2:] in err and "chmod 600" in err


@posix_only
def test_a_private_secret_file_is_used_and_the_stored_key_removed(db_url, tmp_path, monkeypatch,
                                                                   capsys):
    _plant_stored_key(db_url)
    path = tmp_path / "central.key"
    path.write_text(SECRET + "\n")
    os.chmod(path, 0o600)
    code, app, err = _serve(monkeypatch, capsys, "--db", db_url, "--host", "0.0.0.0",
                            "--secret-file", str(path))
    assert code == 0 and app is not None, err
    assert app.state.context.secret == SECRET.encode()  # the trailing newline is not the key
    _assert_nowhere(db_url, STORED.encode())
    assert "removed" in err and "hmac_secret" in err  # the operator is told


def test_a_missing_secret_file_is_refused(tmp_path, monkeypatch, capsys):
    code, app, err = _serve(monkeypatch, capsys, "--db", f"sqlite:///{tmp_path / 'c.db'}",
                            "--secret-file", str(tmp_path / "nowhere.key"))
    assert app is None and code == 2 and "nowhere.key" in err


# -- the attack: a database copy, the mask, every birth date --------------------------------

def _birth_dates(year: int) -> list[str]:
    """The attacker's search space (one year here, to keep the test fast; a real search
    over ~100 years is 100 times longer and no more successful without the key)."""
    day, out = date(year, 1, 1), []
    while day.year == year:
        out.append(day.strftime("%Y%m%d"))
        day += timedelta(days=1)
    return out


def _candidates(id_masked: str, year: int) -> list[str]:
    area, last4 = id_masked[:6], id_masked[-4:]
    out = []
    for born in _birth_dates(year):
        number = f"{area}{born}{last4[:3]}"
        full = person_id(int(last4[:3]), born, area)
        if full == number + last4[3]:  # the check digit agrees with the mask
            out.append(full)
    return out


def _brute_force(person_hmac: str, id_masked: str, keys: list[bytes], year: int) -> list[str]:
    found = []
    for k in keys:
        for number in _candidates(id_masked, year):
            if hmac.compare_digest(hmac.new(k, number.encode(), hashlib.sha256).hexdigest(),
                                   person_hmac):
                found.append(number)
    return found


def _fingerprints_found(stored: set[str], id_masked: str, body: dict[str, Any], year: int) -> list[str]:
    """The idempotency record's fingerprint of the booking request, tried unkeyed."""
    found = []
    for number in _candidates(id_masked, year):
        guess = json.loads(json.dumps(body))
        guess["person"]["id_number"] = number
        if fingerprint("POST", "/v1/bookings", BookingIn.model_validate(guess)) in stored:
            found.append(number)
    return found


def test_a_database_copy_and_the_mask_do_not_give_the_id_number_back(db_url, monkeypatch,
                                                                      capsys):
    """Served the way production is (a key from outside) on a database an older server
    wrote: every value in the copy is tried as the key, and none finds the number."""
    _plant_stored_key(db_url)
    monkeypatch.setenv("KIOSK_CENTRAL_SECRET", SECRET)
    code, app, err = _serve(monkeypatch, capsys, "--db", db_url, "--host", "0.0.0.0",
                            "--seed", "demo", "--dev-token", "test-token", "--dev-hall", TEST_HALL)
    assert code == 0 and app is not None, err
    booking = _book(app)
    number = person_id(7, BORN)
    cells = _every_cell(db_url)
    row = next(r for r in _rows(db_url, "bookings") if r["booking_id"] == booking["booking_id"])
    assert row["id_masked"] == number[:6] + "*" * 8 + number[-4:]

    keys = sorted({_as_key(v) for v in cells if isinstance(v, str | bytes) and 0 < len(v) <= 200})
    keys += [DEV_SECRET.encode(), b"", b"test-secret"]
    year = int(BORN[:4])
    assert _brute_force(row["person_hmac"], row["id_masked"], keys, year) == []
    # the search itself is sound: with the key it finds the number at once
    assert _brute_force(row["person_hmac"], row["id_masked"], [SECRET.encode()], year) == [number]
    # nor does the idempotency record's fingerprint of the request give it back
    stored = {r["fingerprint"] for r in _rows(db_url, "idempotency_records")}
    body = booking_body(SLOT, 7, born=BORN)
    assert _fingerprints_found(stored, row["id_masked"], body, year) == []


def _as_key(value: str | bytes) -> bytes:
    return value if isinstance(value, bytes) else value.encode()


def _rows(db_url: str, table: str) -> list[dict[str, Any]]:
    engine = create_engine(db_url)
    try:
        meta = MetaData()
        meta.reflect(engine, only=[table])
        with engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(select(meta.tables[table]))]
    finally:
        engine.dispose()


def test_the_docs_tell_how_to_give_the_secret():
    root = Path(__file__).resolve().parents[2]
    api = (root / "docs" / "api.md").read_text(encoding="utf-8")
    assert "## Secrets" in api and "KIOSK_CENTRAL_SECRET" in api and "--secret-file" in api
    readme = (root / "README.md").read_text(encoding="utf-8")
    row = next(line for line in readme.splitlines() if line.startswith("| `kiosk-central serve"))
    assert "--secret-file" in row and "KIOSK_CENTRAL_SECRET" in row

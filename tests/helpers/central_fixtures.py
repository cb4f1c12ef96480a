"""Shared pieces of the central server's tests: apps, clients, people, PostgreSQL URL."""

from __future__ import annotations

import functools
import json
import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from central.app import create_app
from central.context import Quotas
from central.models import Base
from central.seed import DEMO_DIR, DEMO_HALL
from kiosk.rules.idnumber import with_check_digit

TOKEN = "test-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
#: the hall the test token acts in (booking_body's hall: one place per slot there)
TEST_HALL = "dongcheng"
#: Monday 23 November 2026, 08:00 in Shanghai: the halls open at 09:00
MONDAY_0800_LOCAL = "2026-11-23T00:00:00Z"


def person_id(serial: int, born: str = "19900101", area: str = "110105") -> str:
    """A valid ID number; ``serial`` (0..999) tells people born on one day apart."""
    return with_check_digit(f"{area}{born}{serial % 1000:03d}")


def person(serial: int, born: str = "19900101") -> dict[str, str]:
    return {"id_number": person_id(serial, born), "phone": PHONE["phone"]}


def key() -> dict[str, str]:
    return {"Idempotency-Key": str(uuid.uuid4())}


def booking_body(start: str, serial: int = 1, *, hall: str = TEST_HALL, matter: str = "GA-0001",
                 hold_id: str | None = None, born: str = "19900101") -> dict[str, Any]:
    return {"hall": hall, "matter": matter, "start": start, "hold_id": hold_id,
            "person": person(serial, born), "requested_at": "2026-11-23T00:00:00Z"}


@contextmanager
def client_for(database_url: str, clock: Any, seed: str | Path | None = "demo",
               hall: str = TEST_HALL, quotas: Quotas | None = None) -> Iterator[TestClient]:
    """A client whose token (``AUTH``) is a device of ``hall``; ``quotas`` default to
    none (the tests make many requests a minute; tests/security checks the quotas)."""
    app = create_app(database_url, clock=clock, dev_token=TOKEN, dev_hall=hall, seed=seed,
                     secret="test-secret", quotas=quotas or Quotas.unlimited())
    with TestClient(app, headers=AUTH) as client:
        yield client


def device_in(client: TestClient, hall: str, label: str = "test kiosk",
              role: str = "kiosk") -> dict[str, str]:
    """The Authorization header of a device newly enrolled in ``hall`` of ``client``'s app,
    as a ``role`` device (kiosk, window, display)."""
    from central.auth import new_enrolment_code

    ctx = client.app.state.context  # type: ignore[attr-defined]
    code = new_enrolment_code(ctx.db, hall, ctx.now(), role=role)
    answer = client.post("/v1/enrolments", json={"enrolment_code": code, "label": label})
    assert answer.status_code == 201, answer.text
    assert answer.json()["role"] == role
    return {"Authorization": f"Bearer {answer.json()['token']}"}


def operator_in(client: TestClient, hall: str | None = None) -> dict[str, str]:
    """The Authorization header of a new operator of ``hall`` (None: every hall)."""
    from central import operators

    ctx = client.app.state.context  # type: ignore[attr-defined]
    _id, token = operators.add(ctx.db, "test operator", hall, ctx.now())
    return {"Authorization": f"Bearer {token}"}


#: the phone ``person`` books with: a cancellation gives it again
PHONE = {"phone": "13800138000"}


#: Monday 23 November 2026, 09:00 in Shanghai: the demo hall is open (walk-in tickets need it)
HALL_OPEN = "2026-11-23T01:00:00Z"


@pytest.fixture(name="client")
def open_hall_client(db_url: str, clock: Any) -> Iterator[TestClient]:
    """A client with the demo hall's device, the clock at a time the hall is open."""
    clock.set(HALL_OPEN)
    with client_for(db_url, clock, hall=DEMO_HALL) as c:
        yield c


def walk_in(client: TestClient, matter: str = "GA-0002", priority: bool = False,
            headers: dict[str, str] | None = None) -> dict[str, Any]:
    """A walk-in ticket of the demo hall, taken by the client's device (or ``headers``')."""
    r = client.post("/v1/tickets", json={"hall": DEMO_HALL, "matter": matter,
                                         "priority": priority},
                    headers={**key(), **(headers or {})})
    assert r.status_code == 201, r.text
    return r.json()


@pytest.fixture(params=["sqlite", "postgresql"], name="db_url")
def db_url_on_both_databases(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The fixture ``db_url`` for tests that run the server on SQLite and on PostgreSQL
    (import this into a conftest or test module to use it there)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'central.db'}"
    return fresh_pg(pg_url_or_skip())


def pg_url_or_skip() -> str:
    """KIOSK_TEST_PG_URL; under pytest-xdist, a database of this worker's own next to it
    (``kiosk_test_gw0``, ``kiosk_test_gw1``…), created on first use: the tests wipe their
    database (fresh_pg), so two workers must never share one."""
    url = os.environ.get("KIOSK_TEST_PG_URL")
    if not url:
        if os.environ.get("KIOSK_REQUIRE_PG") == "1":
            pytest.fail("KIOSK_REQUIRE_PG=1 but KIOSK_TEST_PG_URL is not set (scripts/postgres.sh)")
        pytest.skip("no PostgreSQL: set KIOSK_TEST_PG_URL (scripts/postgres.sh prints one)")
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    return _worker_database(url, worker) if worker else url


@functools.cache
def _worker_database(url: str, worker: str) -> str:
    """The URL of database ``<name>_<worker>`` on the same server, created if missing
    (the user needs CREATEDB, which scripts/postgres.sh grants, unless it already exists)."""
    import psycopg
    from psycopg import errors, sql
    from sqlalchemy.engine import make_url

    base = make_url(url)
    name = f"{base.database}_{worker}"
    admin = base.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True, connect_timeout=10) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        if not exists:
            try:
                conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            except (errors.DuplicateDatabase, errors.UniqueViolation):
                pass  # another test run made it first
            except errors.InsufficientPrivilege:
                pytest.fail(f"the xdist worker {worker} needs its own PostgreSQL database {name}: "
                            f"create it, or let the user of KIOSK_TEST_PG_URL create databases "
                            f"(ALTER ROLE {base.username} CREATEDB; scripts/postgres.sh does)")
    return base.set(database=name).render_as_string(hide_password=False)


def fresh_pg(url: str) -> str:
    """Drop the central tables and the schema's version so a test starts from an empty
    database."""
    engine = create_engine(url)
    try:
        Base.metadata.drop_all(engine)
        with engine.begin() as conn:
            conn.execute(text("DROP TABLE IF EXISTS alembic_version"))
            conn.execute(text("DROP TABLE IF EXISTS idempotency_keys"))
    finally:
        engine.dispose()
    return url


def as_previous_release(url: str) -> None:
    """Turn a database at head into what the release before migrations left, rows kept:
    migrated down to the baseline (the schema that release's ``create_all`` made), and
    no ``alembic_version``."""
    from alembic import command

    from central import schema
    from central.db import Database

    db = Database.connect(url)
    try:
        config = schema.alembic_config()
        with db.schema_transaction() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0001")
            conn.execute(text("DROP TABLE alembic_version"))
    finally:
        db.dispose()


def seed_with(tmp_path: Path, *, calendars: dict | None = None,
              opening_hours: dict[str, list[dict]] | None = None) -> Path:
    """A seed directory: the demo files with some halls' hours or calendars replaced."""
    target = tmp_path / "seed"
    shutil.copytree(DEMO_DIR, target)
    if opening_hours:
        path = target / "catalogue.json"
        doc = json.loads(path.read_text(encoding="utf-8"))
        for hall in doc["halls"]:
            if hall["code"] in opening_hours:
                hall["opening_hours"] = opening_hours[hall["code"]]
        path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    if calendars:
        (target / "hall_calendars.json").write_text(json.dumps(calendars), encoding="utf-8")
    return target


def rows(db_url: str, model):  # type: ignore[no-untyped-def]
    """Every row of ``model`` in the database at ``db_url`` (a connection of its own)."""
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    engine = create_engine(db_url)
    try:
        with Session(engine) as session:
            return list(session.scalars(select(model)))
    finally:
        engine.dispose()


def every_row(db_url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table of the server, sorted (the schema's version left out):
    what a migration or a backup must keep."""
    from sqlalchemy import MetaData, select

    engine = create_engine(db_url)
    try:
        meta = MetaData()
        meta.reflect(engine)
        with engine.connect() as conn:
            return {name: sorted((tuple(r) for r in conn.execute(select(table))), key=repr)
                    for name, table in meta.tables.items() if name != "alembic_version"}
    finally:
        engine.dispose()

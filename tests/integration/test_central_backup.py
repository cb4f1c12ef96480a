"""A PostgreSQL backup as docs/operations.md says to take it (``pg_dump --format=custom``)
restores with ``pg_restore`` into an empty database that is at the current schema
revision, holds every row, and serves: a stored answer still replays. Skipped without
PostgreSQL (KIOSK_TEST_PG_URL) or its client programs."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import make_url

from central import cli
from central.app import create_app
from tests.helpers.central_fixtures import (
    AUTH,
    TOKEN,
    booking_body,
    client_for,
    every_row,
    fresh_pg,
    key,
    pg_url_or_skip,
)

SLOT = "2026-11-23T01:00:00Z"


def _libpq(url: str) -> tuple[str, dict[str, str]]:
    """The libpq connection string of ``url`` without its password, and the environment
    that gives the password (never on a command line)."""
    parsed = make_url(url)
    conninfo = (f"host={parsed.host} port={parsed.port or 5432} user={parsed.username} "
                f"dbname={parsed.database}")
    return conninfo, {"PGPASSWORD": parsed.password or ""}


@pytest.fixture
def two_databases():
    """The test database and an empty one next to it (``<name>_restore``)."""
    import psycopg
    from psycopg import sql

    source = fresh_pg(pg_url_or_skip())
    if not (shutil.which("pg_dump") and shutil.which("pg_restore")):
        pytest.skip("no pg_dump / pg_restore")
    base = make_url(source)
    name = f"{base.database}_restore"
    admin = base.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    target = base.set(database=name).render_as_string(hide_password=False)
    yield source, target
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def test_a_dump_restores_into_a_current_database_that_serves(two_databases, clock, tmp_path,
                                                             capsys):
    source, target = two_databases
    booking_key = key()
    with client_for(source, clock) as client:
        booked = client.post("/v1/bookings", json=booking_body(SLOT, 1), headers=booking_key)
        assert booked.status_code == 201, booked.text
        clock.set("2026-11-23T01:00:00Z")  # 09:00: tickets only while the hall is open
        assert client.post("/v1/tickets", json={"hall": "dongcheng", "matter": "GA-0001"},
                           headers=key()).status_code == 201
    dump = tmp_path / "central.dump"
    conninfo, env = _libpq(source)
    subprocess.run(["pg_dump", "--format=custom", "--no-owner", f"--file={dump}", conninfo],
                   check=True, env={"PATH": "/usr/bin:/bin", **env}, timeout=120)
    conninfo, env = _libpq(target)
    subprocess.run(["pg_restore", "--no-owner", "--exit-on-error", f"--dbname={conninfo}",
                    str(dump)], check=True, env={"PATH": "/usr/bin:/bin", **env}, timeout=120)

    assert cli.main(["migrate", "--check", "--db", target]) == 0
    assert "current" in capsys.readouterr().out
    assert every_row(target) == every_row(source)
    app = create_app(target, clock=clock, dev_token=TOKEN, dev_hall="dongcheng",
                     secret="test-secret", migrate=False)
    with TestClient(app, headers=AUTH) as client:
        again = client.post("/v1/bookings", json=booking_body(SLOT, 1), headers=booking_key)
        assert again.headers.get("idempotent-replayed") == "true"
        assert again.json() == booked.json()
        # sequences came along: a new row gets a new id, not one the dump already holds
        other = client.post("/v1/bookings", json=booking_body("2026-11-23T02:00:00Z", 2),
                            headers=key())
        assert other.status_code == 201, other.text

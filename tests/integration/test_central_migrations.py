"""The central schema's migrations (central/migrations, ``kiosk-central migrate``).

A database the release before migrations made (``create_all``, no ``alembic_version``),
holding the rows real traffic leaves, is migrated with every row intact and keeps
serving (a replay still replays); the models and the newest revision agree, so a model
changed without a revision fails here; ``serve`` refuses a database that is behind and
says the command. On SQLite and PostgreSQL (``db_url``).
"""

from __future__ import annotations

import threading
from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from fastapi.testclient import TestClient
from sqlalchemy import Column, Integer, MetaData, create_engine, select

from central import cli, schema
from central.app import create_app
from central.db import Database
from central.models import Base
from central.seed import DEMO_HALL
from tests.helpers.central_fixtures import (  # noqa: F401 - db_url is a fixture
    AUTH,
    PHONE,
    as_previous_release,
    booking_body,
    client_for,
    db_url_on_both_databases,
    device_in,
    every_row,
    key,
    operator_in,
)

SLOT = "2026-11-23T01:00:00Z"  # 09:00 in Shanghai, the Monday of the clock
SECRET = "an-outside-key-of-at-least-32-characters-0123456789"


def _traffic(client: TestClient, clock: Any) -> dict[str, Any]:
    """The rows a day of real use leaves: a hold, a booking checked in (a ticket), a
    cancelled booking, a walk-in ticket, a call for staff, a heartbeat, a submission, an
    enrolled kiosk, an operator; with the answers a replay must give back."""
    done: dict[str, Any] = {}
    hold = client.post("/v1/holds", json={"hall": "dongcheng", "matter": "GA-0001",
                                          "start": "2026-11-23T02:00:00Z"}, headers=key())
    assert hold.status_code == 201, hold.text
    booking_key = key()
    booking = client.post("/v1/bookings", json=booking_body(SLOT, 1), headers=booking_key)
    assert booking.status_code == 201, booking.text
    done["booking"] = (booking_key, booking.json())
    other = client.post("/v1/bookings", json=booking_body("2026-11-23T03:00:00Z", 2), headers=key())
    assert other.status_code == 201, other.text
    cancelled = client.post(f"/v1/bookings/{other.json()['booking_id']}/cancel", json=PHONE,
                            headers=key())
    assert cancelled.status_code == 200, cancelled.text
    clock.set("2026-11-23T01:00:00Z")  # 09:00: tickets only while the hall is open
    ticket = client.post("/v1/tickets", json={"hall": "dongcheng", "matter": "GA-0001"},
                         headers=key())
    clock.set("2026-11-23T00:00:00Z")
    assert ticket.status_code == 201, ticket.text
    call = client.post("/v1/help-requests", json={"screen": "matter", "location": "一楼大厅",
                                                  "requested_at": "2026-11-23T00:00:00Z"},
                       headers=key())
    assert call.status_code == 201, call.text
    beat = client.post("/v1/devices/me/heartbeat", json={
        "version": "0.1.0", "sent_at": "2026-11-23T00:00:00Z", "outbox": {"pending": 2, "dead": 1}})
    assert beat.status_code == 200, beat.text
    device_in(client, DEMO_HALL)
    operator_in(client)
    return done


def _columns_of(url: str, table: str) -> list[str]:
    engine = create_engine(url)
    try:
        meta = MetaData()
        meta.reflect(engine, only=[table])
        return [c.name for c in meta.tables[table].columns]
    finally:
        engine.dispose()


def _revision(url: str) -> str | None:
    db = Database.connect(url)
    try:
        return schema.current_revision(db)
    finally:
        db.dispose()


def test_migrate_keeps_every_row_of_the_previous_release(db_url, clock, capsys):
    with client_for(db_url, clock) as client:
        answers = _traffic(client, clock)
    as_previous_release(db_url)
    before = every_row(db_url)
    assert "app_version" not in str(_columns_of(db_url, "devices"))  # the baseline's devices
    assert {name for name, found in before.items() if found} >= {
        "places", "bookings", "tickets", "ticket_counters", "idempotency_records", "devices",
        "help_requests", "operators", "enrolment_codes", "documents", "staff_accounts"}

    assert cli.main(["migrate", "--db", db_url]) == 0
    out = capsys.readouterr().out
    assert "from a database made before migrations to revision" in out
    after = every_row(db_url)
    for name, found in before.items():
        assert _columns(after[name], found) == found, name
    assert _revision(db_url) == schema.head()

    # and it serves on, without migrating: the stored answer replays, the booking is found
    app = create_app(db_url, clock=clock, dev_token="test-token", dev_hall="dongcheng",
                     secret="test-secret", migrate=False)
    booking_key, booking = answers["booking"]
    with TestClient(app, headers=AUTH) as client:
        again = client.post("/v1/bookings", json=booking_body(SLOT, 1), headers=booking_key)
        assert again.headers.get("idempotent-replayed") == "true"
        assert again.json() == booking
        found = client.get(f"/v1/bookings/by-reference/{booking['reference']}")
        assert found.status_code == 200 and found.json()["booking_id"] == booking["booking_id"]


def test_migrate_keeps_every_row_of_a_database_at_the_baseline(db_url, tmp_path, clock):
    """A database of the first release with migrations (revision 0001) holding the rows
    of real traffic, taken to head: every row of every table it had is still there."""
    source = f"sqlite:///{tmp_path / 'traffic.db'}"
    with client_for(source, clock) as client:
        _traffic(client, clock)
    db = Database.connect(db_url)
    schema.upgrade(db, to="0001")
    db.dispose()
    assert _revision(db_url) == "0001"
    _copy_rows(source, db_url)
    before = every_row(db_url)
    assert sum(len(found) for found in before.values()) > 20
    assert cli.main(["migrate", "--db", db_url]) == 0
    after = every_row(db_url)
    for name, found in before.items():
        assert _columns(after[name], found) == found, name
    assert _revision(db_url) == schema.head()


def _copy_rows(source: str, target: str) -> None:
    """Every row of ``source`` into the same table of ``target``, in the columns
    ``target`` has (a database at an older revision may have fewer)."""
    src, dst = create_engine(source), create_engine(target)
    try:
        have, want = MetaData(), MetaData()
        have.reflect(src)
        want.reflect(dst)
        with src.connect() as read, dst.begin() as write:
            for table in want.sorted_tables:
                if table.name == "alembic_version" or table.name not in have.tables:
                    continue
                names = [c.name for c in table.columns if c.name in have.tables[table.name].c]
                found = [dict(r._mapping) for r in read.execute(
                    select(*(have.tables[table.name].c[n] for n in names)))]
                if found:
                    write.execute(table.insert(), found)
    finally:
        src.dispose()
        dst.dispose()


def _columns(rows: list[tuple[Any, ...]], like: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """``rows`` cut to as many columns as ``like`` has (a revision may add columns last)."""
    width = len(like[0]) if like else 0
    return sorted((r[:width] for r in rows), key=repr)


def test_migrate_is_idempotent_and_check_says_where_the_database_stands(db_url, capsys):
    assert cli.main(["migrate", "--check", "--db", db_url]) == 3
    assert "the database is empty" in capsys.readouterr().out
    assert cli.main(["migrate", "--db", db_url]) == 0
    assert "from an empty database" in capsys.readouterr().out
    assert cli.main(["migrate", "--db", db_url]) == 0
    assert "schema is current" in capsys.readouterr().out
    assert cli.main(["migrate", "--check", "--db", db_url]) == 0


def test_migrate_reads_the_database_url_from_the_environment(db_url, monkeypatch, capsys):
    monkeypatch.setenv("KIOSK_CENTRAL_DATABASE_URL", db_url)
    assert cli.main(["migrate"]) == 0
    assert _revision(db_url) == schema.head()
    captured = capsys.readouterr()
    assert db_url not in captured.out + captured.err


def test_the_models_and_the_newest_revision_agree(db_url):
    """A model changed without a migration fails here: autogenerate finds no difference
    between a database migrated to head and ``central.models``."""
    db = Database.connect(db_url)
    try:
        schema.upgrade(db)
        with db.engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
            # the comparison sees a change: a column the migrations never made
            changed = MetaData()
            for table in Base.metadata.tables.values():
                table.to_metadata(changed)
            changed.tables["devices"].append_column(Column("app_build", Integer, nullable=True))
            diff = compare_metadata(context, changed)
            assert [d[0] for d in diff] == ["add_column"]
    finally:
        db.dispose()


def test_processes_migrating_at_once_take_turns(db_url):
    errors: list[BaseException] = []

    def migrate() -> None:
        db = Database.connect(db_url)
        try:
            schema.upgrade(db)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            db.dispose()

    threads = [threading.Thread(target=migrate) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    assert _revision(db_url) == schema.head()


# --- serve and the schema ---------------------------------------------------------------------


def _serve(monkeypatch, capsys, *args: str) -> tuple[int, Any, str]:
    import uvicorn

    served: list[Any] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **_kw: served.append(app))
    monkeypatch.setenv("KIOSK_CENTRAL_SECRET", SECRET)
    code = cli.main(["serve", *args])
    return code, served[0] if served else None, capsys.readouterr().err


def test_serve_refuses_an_empty_database_and_says_the_command(db_url, monkeypatch, capsys):
    code, app, err = _serve(monkeypatch, capsys, "--db", db_url, "--host", "0.0.0.0")
    assert (code, app) == (2, None)
    assert "the database is empty" in err and "kiosk-central migrate" in err
    assert db_url not in err  # the URL may hold a password: never printed
    assert _revision(db_url) is None  # nothing was changed


def test_serve_refuses_a_database_made_before_migrations(db_url, clock, monkeypatch, capsys):
    with client_for(db_url, clock):
        pass
    as_previous_release(db_url)
    before = every_row(db_url)
    code, app, err = _serve(monkeypatch, capsys, "--db", db_url, "--host", "0.0.0.0")
    assert (code, app) == (2, None)
    assert "made before migrations" in err and "kiosk-central migrate" in err
    assert _revision(db_url) is None and every_row(db_url) == before


def test_serve_starts_on_a_migrated_database_and_with_migrate(db_url, monkeypatch, capsys):
    code, app, err = _serve(monkeypatch, capsys, "--db", db_url, "--host", "0.0.0.0",
                            "--migrate")
    assert code == 0 and app is not None, err
    assert "migrated the database schema" in err
    code, app, err = _serve(monkeypatch, capsys, "--db", db_url, "--host", "0.0.0.0")
    assert code == 0 and app is not None and "migrated" not in err


def test_the_demo_on_loopback_migrates_by_itself(tmp_path, monkeypatch, capsys):
    """``kiosk --demo`` starts ``serve --seed demo`` on loopback on a new database."""
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    code, app, err = _serve(monkeypatch, capsys, "--db", url, "--seed", "demo")
    assert code == 0 and app is not None, err
    assert _revision(url) == schema.head()


def test_admin_commands_refuse_a_database_behind(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    assert cli.main(["operator", "list", "--db", url]) == 2
    assert cli.main(["purge", "--db", url]) == 2
    assert cli.main(["enrolment-code", "--db", url, "--hall", DEMO_HALL]) == 2
    err = capsys.readouterr().err
    assert err.count("kiosk-central migrate") == 3
    assert _revision(url) is None

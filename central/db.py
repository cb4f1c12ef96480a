"""Database engines and transactions: SQLite (default) and PostgreSQL via psycopg 3.

SQLite: WAL, a busy timeout, foreign keys, and ``BEGIN IMMEDIATE`` for write
transactions, so concurrent writers queue for the write lock instead of failing when a
deferred transaction tries to upgrade ("database is locked"). pysqlite's own
transaction handling is switched off and SQLAlchemy's ``begin`` event emits the BEGIN
(the recipe in SQLAlchemy's SQLite dialect docs, "Serializable isolation / Savepoints /
Transactional DDL"), which also makes SAVEPOINTs work.

PostgreSQL: READ COMMITTED; correctness comes from unique constraints and conditional
updates, never from locks in one process, so several servers can share the database.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import Connection, CursorResult, Result, make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import ConnectionPoolEntry, StaticPool

SQLITE_BUSY_TIMEOUT_MS = 30_000
_BEGIN_OPTION = "sqlite_begin"


def rows_changed(result: Result[*tuple[Any, ...]]) -> int:
    """How many rows an UPDATE or DELETE matched. ``Session.execute`` is typed as
    returning a plain ``Result`` for every statement, but for these it is the
    ``CursorResult`` that has the ``rowcount``."""
    return cast(CursorResult[Any], result).rowcount


class DatabaseUrlError(ValueError):
    """The database URL names a backend the server does not support."""


def make_engine(url: str) -> Engine:
    parsed = make_url(url)
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        memory = parsed.database in (None, "", ":memory:")
        engine = create_engine(
            parsed,
            connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000},
            poolclass=StaticPool if memory else None,
        )
        _sqlite_transactions(engine)
        return engine
    if backend == "postgresql":
        if parsed.get_driver_name() != "psycopg":
            raise DatabaseUrlError("use postgresql+psycopg://… (psycopg 3)")
        return create_engine(parsed, pool_pre_ping=True, pool_size=10, max_overflow=20)
    raise DatabaseUrlError(f"unsupported database {backend!r}: use sqlite:/// or postgresql+psycopg://")


def _sqlite_transactions(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
        dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN itself (below)
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(conn: Connection) -> None:
        mode = conn.get_execution_options().get(_BEGIN_OPTION, "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")


@dataclass(frozen=True)
class Database:
    """The engine and the two kinds of transaction the server uses."""

    engine: Engine
    _writer: sessionmaker[Session] = field(init=False, repr=False)
    _reader: sessionmaker[Session] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        immediate = self.engine.execution_options(**{_BEGIN_OPTION: "IMMEDIATE"})
        object.__setattr__(self, "_writer", sessionmaker(immediate, expire_on_commit=False))
        object.__setattr__(self, "_reader", sessionmaker(self.engine, expire_on_commit=False))

    @classmethod
    def connect(cls, url: str) -> Database:
        return cls(make_engine(url))

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """One write transaction: committed on success, rolled back on any exception."""
        with self._writer() as session, session.begin():
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with self._reader() as session, session.begin():
            yield session

    def take_setup_lock(self, session: Session) -> None:
        """Serialise start-up writes (seeding) of several processes on PostgreSQL.

        SQLite needs nothing: its write transactions begin IMMEDIATE and queue.
        """
        if self.dialect == "postgresql":
            session.execute(text("SELECT pg_advisory_xact_lock(424242)"))

    def create_schema(self) -> None:
        """Create the tables; several processes starting at once take turns."""
        from central.models import Base

        with self.engine.begin() as conn:
            if self.dialect == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(424242)"))
            Base.metadata.create_all(conn)
            _migrate_idempotency_keys(conn)
            _add_new_columns(conn)

    def dispose(self) -> None:
        self.engine.dispose()


def _migrate_idempotency_keys(conn: Connection) -> None:
    """The schema is made with ``create_all`` (no migration tool): a table whose shape
    changed gets a new name, and the rows of the old one are moved over, once.

    ``idempotency_keys`` (key alone unique) became ``idempotency_records`` (unique per
    device and key); each old row keeps its device, so every stored answer still replays.
    """
    from sqlalchemy import inspect

    from central.models import LEGACY_IDEMPOTENCY_TABLE, IdempotencyRecord

    if not inspect(conn).has_table(LEGACY_IDEMPOTENCY_TABLE):
        return
    quote = conn.dialect.identifier_preparer.quote
    columns = ", ".join(quote(c.name) for c in IdempotencyRecord.__table__.columns)
    new, key = IdempotencyRecord.__tablename__, quote("key")
    conn.execute(text(
        f"INSERT INTO {new} ({columns}) SELECT {columns} FROM {LEGACY_IDEMPOTENCY_TABLE} AS old"
        f" WHERE NOT EXISTS (SELECT 1 FROM {new} AS n"
        f" WHERE n.device_id = old.device_id AND n.{key} = old.{key})"
    ))
    conn.execute(text(f"DROP TABLE {LEGACY_IDEMPOTENCY_TABLE}"))


#: nullable columns added to existing tables since they were first made: (table, column)
NEW_COLUMNS = (("enrolment_codes", "expires_at"), ("devices", "revoked_at"),
               ("staff_accounts", "hall_code"), ("bookings", "phone_hmac"),
               ("bookings", "cancel_failures"))


def _add_new_columns(conn: Connection) -> None:
    """Add a nullable column an older database lacks (its rows get NULL there)."""
    from sqlalchemy import inspect

    from central.models import Base

    inspector = inspect(conn)
    quote = conn.dialect.identifier_preparer.quote
    for table_name, column_name in NEW_COLUMNS:
        present = {c["name"] for c in inspector.get_columns(table_name)}
        if column_name in present:
            continue
        column = Base.metadata.tables[table_name].columns[column_name]
        kind = column.type.compile(dialect=conn.dialect)
        conn.execute(text(f"ALTER TABLE {quote(table_name)} ADD COLUMN {quote(column_name)} {kind}"))

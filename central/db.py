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

    @contextmanager
    def schema_transaction(self) -> Iterator[Connection]:
        """One transaction for a schema change (``central.schema``): SQLite begins it
        IMMEDIATE, PostgreSQL takes the setup lock, so processes starting at once take
        turns and the second finds the work done."""
        immediate = self.engine.execution_options(**{_BEGIN_OPTION: "IMMEDIATE"})
        with immediate.begin() as conn:
            if self.dialect == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(424242)"))
            yield conn

    def dispose(self) -> None:
        self.engine.dispose()


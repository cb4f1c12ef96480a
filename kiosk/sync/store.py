"""The kiosk's local SQLite database: the outbox and the pulled copies.

Durability first: WAL with ``synchronous=FULL`` (a committed transaction
survives a power cut), ``BEGIN IMMEDIATE`` for every write (a writer takes the
lock before it reads, so two connections never deadlock upgrading), and the
schema version in ``PRAGMA user_version`` with forward-only migrations. Each
thread opens its own ``LocalStore`` on the same file.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from kiosk.device.paths import private_dir, private_file

# Forward-only: migration N brings the schema from version N to N + 1.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        method TEXT NOT NULL,
        path TEXT NOT NULL,
        body TEXT NOT NULL,
        identity TEXT NOT NULL,
        created_at TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'dead')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at REAL NOT NULL DEFAULT 0,
        last_error TEXT,
        response_status INTEGER,
        response_body TEXT,
        finished_at TEXT
    );
    CREATE INDEX outbox_by_state ON outbox (state, seq);
    CREATE TABLE pulled (
        name TEXT PRIMARY KEY,
        etag TEXT,
        body TEXT NOT NULL,
        fetched_at TEXT NOT NULL,
        checked_at TEXT NOT NULL
    );
    """,
    # 2: 'refused' — the server gave a final answer the resident was shown (the slot
    # was taken, too early to check in …); 'dead' stays for what staff must look at.
    # SQLite cannot change a CHECK constraint in place: the table is rebuilt.
    """
    CREATE TABLE outbox_v2 (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        method TEXT NOT NULL,
        path TEXT NOT NULL,
        body TEXT NOT NULL,
        identity TEXT NOT NULL,
        created_at TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'refused', 'dead')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at REAL NOT NULL DEFAULT 0,
        last_error TEXT,
        response_status INTEGER,
        response_body TEXT,
        finished_at TEXT
    );
    INSERT INTO outbox_v2 SELECT * FROM outbox;
    DROP TABLE outbox;
    ALTER TABLE outbox_v2 RENAME TO outbox;
    CREATE INDEX outbox_by_state ON outbox (state, seq);
    """,
    # 3: staff mode. Accounts the installer adds on this kiosk (those from the central
    # platform are a pulled copy); the PIN guard, kept across restarts; 'discarded'
    # dead letters (staff gave a reason; the row stays); the hall's defaults as staff
    # set them in the staff panel (over kiosk.toml).
    """
    CREATE TABLE staff_local (
        number TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('assistant', 'administrator')),
        pin TEXT NOT NULL,
        added_at TEXT NOT NULL
    );
    CREATE TABLE staff_guard (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        failures INTEGER NOT NULL DEFAULT 0,
        wait_until REAL NOT NULL DEFAULT 0,
        hard_locked INTEGER NOT NULL DEFAULT 0
    );
    INSERT INTO staff_guard (id) VALUES (1);
    CREATE TABLE outbox_v3 (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        method TEXT NOT NULL,
        path TEXT NOT NULL,
        body TEXT NOT NULL,
        identity TEXT NOT NULL,
        created_at TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'refused', 'dead', 'discarded')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at REAL NOT NULL DEFAULT 0,
        last_error TEXT,
        response_status INTEGER,
        response_body TEXT,
        finished_at TEXT
    );
    INSERT INTO outbox_v3 SELECT * FROM outbox;
    DROP TABLE outbox;
    ALTER TABLE outbox_v3 RENAME TO outbox;
    CREATE INDEX outbox_by_state ON outbox (state, seq);
    CREATE TABLE hall_defaults (
        name TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        changed_at TEXT NOT NULL,
        changed_by TEXT NOT NULL
    );
    """,
    # 4: the nonces of e-certificate codes already accepted, kept until each code expires
    # (kiosk.ecert.used_codes): a code is accepted once, also across a restart
    """
    CREATE TABLE used_codes (
        nonce TEXT PRIMARY KEY,
        until TEXT NOT NULL
    );
    CREATE INDEX used_codes_by_until ON used_codes (until);
    """,
    # 5: when a finished item's body had the resident's numbers masked (the retention)
    """
    ALTER TABLE outbox ADD COLUMN redacted_at TEXT;
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


class StoreError(RuntimeError):
    """The local database cannot be used; the message says why, plainly."""


def _why_not_saved(exc: sqlite3.OperationalError) -> str:
    if exc.sqlite_errorcode == sqlite3.SQLITE_FULL:
        return ("the local database could not save: the disk is full; what was saved before "
                "is kept, and nothing more can be saved until space is freed")
    return f"the local database could not save: {exc}"


class LocalStore:
    def __init__(self, path: Path | str, *, timeout: float = 10.0) -> None:
        self.path = Path(path)
        try:
            # the kiosk's alone (0700/0600); SQLite gives the -wal and -shm files the
            # database file's permissions
            private_dir(self.path.parent)
            private_file(self.path)
            self._db = sqlite3.connect(self.path, timeout=timeout, isolation_level=None)
            self._db.row_factory = sqlite3.Row
            # what is deleted or masked is overwritten, not left in free pages
            self._db.execute("PRAGMA secure_delete=ON")
            self._wal()
            self._db.execute("PRAGMA synchronous=FULL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"the local database {self.path} cannot be opened: {exc}") from exc
        except OSError as exc:
            raise StoreError(f"the folder for {self.path} cannot be created: {exc}") from exc

    def _wal(self) -> None:
        # switching a new file to WAL needs it to itself, and SQLite answers "locked" at
        # once instead of waiting when another connection is just creating it: retry
        for attempt in range(100):
            try:
                self._db.execute("PRAGMA journal_mode=WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or attempt == 99:
                    raise
                time.sleep(0.02)

    def _migrate(self) -> None:
        # one write transaction: two processes or threads opening a new file at the
        # same moment take turns, and the second finds the schema already there
        with self.write() as db:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"{self.path} was written by a newer kiosk (schema {version}, this one "
                    f"knows {SCHEMA_VERSION}); install the newer version or move the file away"
                )
            for number in range(version, SCHEMA_VERSION):
                for statement in MIGRATIONS[number].split(";"):
                    if statement.strip():
                        db.execute(statement)
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: BEGIN IMMEDIATE … COMMIT, or ROLLBACK on error."""
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise StoreError(f"the local database is busy or unwritable: {exc}") from exc
        try:
            yield self._db
        except sqlite3.OperationalError as exc:  # disk full, I/O error, a broken file
            self._rollback()
            raise StoreError(_why_not_saved(exc)) from exc
        except BaseException:
            self._rollback()
            raise
        try:
            self._db.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            self._rollback()
            raise StoreError(_why_not_saved(exc)) from exc

    def _rollback(self) -> None:
        """Undo the transaction, if SQLite has not already (it does after a full disk, and
        a ROLLBACK then would hide the real error behind "no transaction is active")."""
        if self._db.in_transaction:
            self._db.execute("ROLLBACK")

    def read(self, sql: str, params: tuple[object, ...] | Mapping[str, object] = ()
             ) -> list[sqlite3.Row]:
        return self._db.execute(sql, params).fetchall()

    def integrity_check(self) -> str:
        verdict: str = self._db.execute("PRAGMA integrity_check").fetchone()[0]
        return verdict

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> LocalStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

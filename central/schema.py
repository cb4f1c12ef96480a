"""The database schema's version: the Alembic revisions in ``central/migrations``.

- ``upgrade(db)`` brings a database to the newest revision (head) in one transaction:
  an empty one, one made by a server before migrations (``create_all``: the baseline
  adopts it, rows intact), or one a revision or more behind. Idempotent; several
  processes running it at once take turns (``Database.schema_transaction``).
- ``state(db)`` says where a database stands; ``require_current(db)`` refuses one that
  is not at head, naming the command that fixes it (``kiosk-central migrate``).

``serve`` never changes the schema unless told (``--migrate``, or a development run):
with several instances, one operator step migrates, then the instances start.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from central.db import Database

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
MIGRATE_COMMAND = "kiosk-central migrate"


class SchemaNotCurrent(RuntimeError):
    """The database is not at the revision this server's code needs."""


def alembic_config() -> Config:
    """Alembic's configuration for the central migrations (no ``alembic.ini``: the
    connection comes from ``central.schema``, never a URL in a file)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head() -> str:
    """The newest revision this code knows."""
    revision = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if revision is None:  # pragma: no cover - the baseline always exists
        raise RuntimeError(f"no migrations in {MIGRATIONS}")
    return revision


@dataclass(frozen=True)
class SchemaState:
    #: the database's revision; None: never migrated (empty, or made before migrations)
    current: str | None
    head: str
    #: the database holds no table of the server at all
    empty: bool
    #: the revision is one this code knows (False: a newer release migrated it)
    known: bool

    @property
    def up_to_date(self) -> bool:
        return self.current == self.head

    def describe(self) -> str:
        """One sentence for an operator: where the database stands and what to run."""
        if self.up_to_date:
            return f"the database schema is current (revision {self.head})"
        if not self.known:
            return (f"the database is at revision {self.current}, which this server does not "
                    f"know (a newer release migrated it): run that release, or this one's "
                    f"successor")
        where = ("the database is empty" if self.empty else
                 "the database was made before migrations" if self.current is None else
                 f"the database is at revision {self.current}")
        return (f"{where}; this server needs revision {self.head}: run `{MIGRATE_COMMAND}` "
                f"(the database URL from KIOSK_CENTRAL_DATABASE_URL, or --db) and start again")


def current_revision(db: Database) -> str | None:
    """The database's revision (one query; ``SQLAlchemyError`` when it is unreachable)."""
    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def state(db: Database) -> SchemaState:
    from sqlalchemy import inspect

    from central.models import Base

    scripts = ScriptDirectory.from_config(alembic_config())
    with db.engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
        tables = set(inspect(conn).get_table_names())
    known = current is None or _known(scripts, current)
    empty = current is None and not tables & set(Base.metadata.tables)
    return SchemaState(current, head(), empty, known)


def _known(scripts: ScriptDirectory, revision: str) -> bool:
    try:
        return scripts.get_revision(revision) is not None
    except Exception:  # noqa: BLE001 - alembic raises its own error for an unknown id
        return False


def require_current(db: Database) -> None:
    """``SchemaNotCurrent`` unless the database is at head."""
    found = state(db)
    if not found.up_to_date:
        raise SchemaNotCurrent(found.describe())


def upgrade(db: Database, to: str = "head") -> SchemaState:
    """Migrate to head (nothing to do when it is there already); the state before.
    ``to``: an older revision instead (tests make a database of an earlier release)."""
    before = state(db)
    if before.up_to_date:
        return before
    if not before.known:
        raise SchemaNotCurrent(before.describe())
    config = alembic_config()
    with db.schema_transaction() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, to)
    return before

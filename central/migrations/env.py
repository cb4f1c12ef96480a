"""Alembic's entry point: runs the migrations on the connection ``central.schema`` gives
(``config.attributes["connection"]``), in the transaction it has begun.

SQLite alters tables in batch mode (copy and move), as it has no ALTER COLUMN.
"""

from __future__ import annotations

from typing import Literal

from alembic import context
from alembic.autogenerate.api import AutogenContext
from sqlalchemy.engine import Connection

from central.models import Base, UtcDateTime


def _render_item(kind: str, obj: object, _context: AutogenContext) -> str | Literal[False]:
    """A new revision names plain SQL types, never our Python-side ones: a revision must
    keep working whatever ``central.models`` becomes."""
    if kind == "type" and isinstance(obj, UtcDateTime):
        return "sa.DateTime()"
    return False


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        compare_server_default=False,
        render_item=_render_item,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if not isinstance(connection, Connection):
    raise RuntimeError("run the central migrations with `kiosk-central migrate --db URL` "
                       "(central.schema), not the alembic command")
_run(connection)

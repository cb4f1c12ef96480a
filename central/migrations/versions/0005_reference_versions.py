"""Reference data published in the database with versions; hall calendars with valid_until (issue 17).

A table ``reference_versions``: each row one published version of the catalogue, the hall
calendars and the trust list together (``central.reference_store``). The reference data a
release before versions kept in ``documents`` becomes version 1, as it is (its calendars
gain their ``valid_until`` when the server reads them: the last day they list). The
``documents`` table stays, so the previous release keeps working during a rolling
upgrade; a later release removes it.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

#: the names of the documents a release before versions stored (central/reference.py)
_PARTS = ("catalogue", "calendars", "trust_list")


def upgrade() -> None:
    versions = op.create_table(
        "reference_versions",
        sa.Column("version", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("published_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("version"),
    )
    documents = sa.table("documents", sa.column("name", sa.String()), sa.column("body", sa.Text()))
    found = {name: json.loads(body) for name, body in
             op.get_bind().execute(sa.select(documents.c.name, documents.c.body))}
    if "catalogue" not in found:
        return  # never seeded: the first start publishes its seed as version 1
    bundle = {name: found[name] for name in _PARTS if name in found}
    body = json.dumps(bundle, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    op.bulk_insert(versions, [{
        "version": 1, "body": body, "sha256": hashlib.sha256(body.encode()).hexdigest(),
        "source": "documents (before versions)",
        "published_at": datetime.now(UTC).replace(tzinfo=None),
    }])


def downgrade() -> None:
    op.drop_table("reference_versions")

"""Fleet health: what each device's last heartbeat said, in columns an operator's query
and the metrics can read (``central.fleet``): app version, outbox depth, since when its
oldest item waits, items needing staff. Nullable: a device that has not sent a heartbeat
since has none; ``last_status`` (JSON) keeps the whole of the last one as before.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("devices") as batch:
        batch.add_column(sa.Column("app_version", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("outbox_pending", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("outbox_dead", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("oldest_pending_since", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("devices") as batch:
        batch.drop_column("oldest_pending_since")
        batch.drop_column("outbox_dead")
        batch.drop_column("outbox_pending")
        batch.drop_column("app_version")

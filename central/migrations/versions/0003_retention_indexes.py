"""Indexes for retention: the purge (``central.retention``) runs every few minutes in
every server process, and each of its deletes selects by a time or a day; without these
it would read the whole table each time.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

#: (index, table, column)
INDEXES = (
    ("ix_idempotency_records_started_at", "idempotency_records", "started_at"),
    ("ix_places_expires_at", "places", "expires_at"),
    ("ix_bookings_local_day", "bookings", "local_day"),
    ("ix_tickets_local_day", "tickets", "local_day"),
    ("ix_submissions_received_at", "submissions", "received_at"),
)


def upgrade() -> None:
    for name, table, column in INDEXES:
        op.create_index(name, table, [column], unique=False)


def downgrade() -> None:
    for name, table, _column in reversed(INDEXES):
        op.drop_index(name, table_name=table)

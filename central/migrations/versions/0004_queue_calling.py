"""The hall's queue loop: tickets get their place in the queue (state, window, area
if transferred, when called, by whom, recalls, when finished); a calls log for the hall display; ratings
(好差评), their follow-up cases, and what each hall set for them (issue 18). Devices and
enrolment codes get a role (kiosk, window, display), which the queue's routes check.

Tickets issued before this revision become ``waiting`` with no recalls: only today's are
ever called, so yesterday's stay as they were. Devices enrolled and codes made before it
are ``kiosk``: a window terminal or hall display is enrolled anew with a code of its role.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_CALLED = sa.text("state = 'called'")


def upgrade() -> None:
    for table in ("devices", "enrolment_codes"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("role", sa.String(length=16), server_default="kiosk",
                                       nullable=False))
    with op.batch_alter_table("tickets") as batch:
        batch.add_column(sa.Column("state", sa.String(length=12), server_default="waiting",
                                   nullable=False))
        batch.add_column(sa.Column("window", sa.String(length=16), nullable=True))
        batch.add_column(sa.Column("area", sa.String(length=16), nullable=True))
        batch.add_column(sa.Column("called_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("called_by", sa.String(length=16), nullable=True))
        batch.add_column(sa.Column("recalls", sa.Integer(), server_default="0", nullable=False))
        batch.add_column(sa.Column("finished_at", sa.DateTime(), nullable=True))
    op.create_index("ix_tickets_queue", "tickets", ["hall", "local_day", "state"], unique=False)
    op.create_index("uq_ticket_window_called", "tickets", ["hall", "local_day", "window"],
                    unique=True, sqlite_where=_CALLED, postgresql_where=_CALLED)
    op.create_table(
        "queue_calls",
        sa.Column("call_id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("hall", sa.String(length=64), nullable=False),
        sa.Column("ticket_id", sa.String(length=36), nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("window", sa.String(length=16), nullable=False),
        sa.Column("area", sa.String(length=16), nullable=False),
        sa.Column("event", sa.String(length=12), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("staff", sa.String(length=16), nullable=False),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("call_id"),
    )
    op.create_index("ix_queue_calls_hall", "queue_calls", ["hall", "call_id"], unique=False)
    op.create_index("ix_queue_calls_at", "queue_calls", ["at"], unique=False)
    op.create_table(
        "ratings",
        sa.Column("rating_id", sa.String(length=36), nullable=False),
        sa.Column("hall", sa.String(length=64), nullable=False),
        sa.Column("visit", sa.String(length=80), nullable=False),
        sa.Column("matter", sa.String(length=64), nullable=False),
        sa.Column("window", sa.String(length=16), nullable=True),
        sa.Column("staff", sa.String(length=16), nullable=True),
        sa.Column("level", sa.String(length=20), nullable=False),
        sa.Column("reasons", sa.Text(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("rating_id"),
        sa.UniqueConstraint("hall", "visit", "matter", name="uq_rating_visit"),
    )
    op.create_index("ix_ratings_received_at", "ratings", ["received_at"], unique=False)
    op.create_table(
        "rating_cases",
        sa.Column("case_id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("rating_id", sa.String(length=36), nullable=False),
        sa.Column("hall", sa.String(length=64), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("opened_at", sa.DateTime(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.Column("phone_until", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["rating_id"], ["ratings.rating_id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("case_id"),
        sa.UniqueConstraint("rating_id"),
    )
    op.create_index("ix_rating_cases_hall_state", "rating_cases", ["hall", "state"], unique=False)
    op.create_index("ix_rating_cases_phone_until", "rating_cases", ["phone_until"], unique=False)
    op.create_table(
        "hall_rating_rules",
        sa.Column("hall", sa.String(length=64), nullable=False),
        sa.Column("case_due_working_days", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("hall"),
    )


def downgrade() -> None:
    op.drop_table("hall_rating_rules")
    op.drop_index("ix_rating_cases_phone_until", table_name="rating_cases")
    op.drop_index("ix_rating_cases_hall_state", table_name="rating_cases")
    op.drop_table("rating_cases")
    op.drop_index("ix_ratings_received_at", table_name="ratings")
    op.drop_table("ratings")
    op.drop_index("ix_queue_calls_at", table_name="queue_calls")
    op.drop_index("ix_queue_calls_hall", table_name="queue_calls")
    op.drop_table("queue_calls")
    op.drop_index("uq_ticket_window_called", table_name="tickets")
    op.drop_index("ix_tickets_queue", table_name="tickets")
    with op.batch_alter_table("tickets") as batch:
        batch.drop_column("finished_at")
        batch.drop_column("recalls")
        batch.drop_column("called_by")
        batch.drop_column("called_at")
        batch.drop_column("area")
        batch.drop_column("window")
        batch.drop_column("state")
    for table in ("enrolment_codes", "devices"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("role")

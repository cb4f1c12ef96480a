"""Baseline: the schema of the last release made with ``create_all`` (before migrations).

On an empty database it makes every table. On a database such a server made, it
adopts it as it is: a table already there is left alone (rows intact), and what older
servers lacked is added the way they added it themselves — the rows of the legacy
``idempotency_keys`` table moved to ``idempotency_records``, the nullable columns added
since the tables were first made. Every later change is a revision of its own.

Frozen: it names plain SQL types and never imports ``central.models``, so a model change
cannot change what the baseline makes (tests/integration/test_central_migrations.py
checks the models against head).

Revision ID: 0001
Revises:
Create Date: 2026-12-07
"""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

ACTIVE_BOOKING = "status <> 'cancelled'"
LEGACY_IDEMPOTENCY_TABLE = "idempotency_keys"
IDEMPOTENCY_COLUMNS = (
    "device_id",
    "key",
    "fingerprint",
    "state",
    "attempt",
    "started_at",
    "finished_at",
    "status_code",
    "response_body",
    "media_type",
)
#: nullable columns older servers added to existing tables: (table, column, type)
NEW_COLUMNS = (
    ("enrolment_codes", "expires_at", sa.DateTime()),
    ("devices", "revoked_at", sa.DateTime()),
    ("staff_accounts", "hall_code", sa.String(length=64)),
    ("bookings", "phone_hmac", sa.String(length=64)),
    ("bookings", "cancel_failures", sa.Integer()),
)


def upgrade() -> None:
    bind = op.get_bind()
    present = set(sa.inspect(bind).get_table_names())
    for name, create in TABLES:  # in an order that respects the foreign keys
        if name not in present:
            create()
    if LEGACY_IDEMPOTENCY_TABLE in present:
        _move_legacy_idempotency_keys(bind)
    _add_new_columns(bind, present)


def downgrade() -> None:
    for name, _create in reversed(TABLES):
        op.drop_table(name)


def _move_legacy_idempotency_keys(bind: sa.Connection) -> None:
    """``idempotency_keys`` (key alone unique) became ``idempotency_records`` (unique per
    device and key); each old row keeps its device, so every stored answer still replays."""
    quote = bind.dialect.identifier_preparer.quote
    columns = ", ".join(quote(c) for c in IDEMPOTENCY_COLUMNS)
    key = quote("key")
    op.execute(
        f"INSERT INTO idempotency_records ({columns}) SELECT {columns}"
        f" FROM {LEGACY_IDEMPOTENCY_TABLE} AS old WHERE NOT EXISTS (SELECT 1"
        f" FROM idempotency_records AS n WHERE n.device_id = old.device_id AND n.{key} = old.{key})"
    )
    op.drop_table(LEGACY_IDEMPOTENCY_TABLE)


def _add_new_columns(bind: sa.Connection, present: set[str]) -> None:
    """A table made by an older server lacks a column added since (its rows get NULL)."""
    inspector = sa.inspect(bind)
    for table, column, kind in NEW_COLUMNS:
        if table not in present:
            continue  # made just now, with every column
        if column not in {c["name"] for c in inspector.get_columns(table)}:
            op.add_column(table, sa.Column(column, kind, nullable=True))


def _create_devices() -> None:
    op.create_table(
        "devices",
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("token_sha256", sa.String(length=64), nullable=False),
        sa.Column("hall_code", sa.String(length=64), nullable=True),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("enrolled_at", sa.DateTime(), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(), nullable=True),
        sa.Column("last_status", sa.Text(), nullable=True),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("device_id"),
        sa.UniqueConstraint("token_sha256"),
    )


def _create_documents() -> None:
    op.create_table(
        "documents",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )


def _create_enrolment_codes() -> None:
    op.create_table(
        "enrolment_codes",
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("hall_code", sa.String(length=64), nullable=False),
        sa.Column("reusable", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("used_at", sa.DateTime(), nullable=True),
        sa.Column("expires_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("code"),
    )


def _create_help_requests() -> None:
    op.create_table(
        "help_requests",
        sa.Column("help_id", sa.String(length=36), nullable=False),
        sa.Column("hall", sa.String(length=64), nullable=False),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("screen", sa.String(length=40), nullable=False),
        sa.Column("location", sa.String(length=200), nullable=False),
        sa.Column("requested_at", sa.DateTime(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("acknowledged_by", sa.String(length=16), nullable=True),
        sa.Column("acknowledged_at", sa.DateTime(), nullable=True),
        sa.Column("closed_by", sa.String(length=16), nullable=True),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("help_id"),
    )
    op.create_index("ix_help_requests_hall_state", "help_requests", ["hall", "state"], unique=False)


def _create_idempotency_records() -> None:
    op.create_table(
        "idempotency_records",
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("key", sa.String(length=36), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("attempt", sa.String(length=32), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("status_code", sa.Integer(), nullable=True),
        sa.Column("response_body", sa.Text(), nullable=True),
        sa.Column("media_type", sa.String(length=60), nullable=True),
        sa.PrimaryKeyConstraint("device_id", "key"),
    )


def _create_opaque_credentials() -> None:
    op.create_table(
        "opaque_credentials",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("claims", sa.Text(), nullable=False),
        sa.Column("issuer_id", sa.String(length=64), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("used_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("token_hash"),
    )


def _create_operators() -> None:
    op.create_table(
        "operators",
        sa.Column("operator_id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("hall_code", sa.String(length=64), nullable=True),
        sa.Column("token_sha256", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("operator_id"),
        sa.UniqueConstraint("token_sha256"),
    )


def _create_places() -> None:
    op.create_table(
        "places",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("hall", sa.String(length=64), nullable=False),
        sa.Column("matter", sa.String(length=64), nullable=False),
        sa.Column("start", sa.DateTime(), nullable=False),
        sa.Column("place", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("hold_id", sa.String(length=36), nullable=True),
        sa.Column("expires_at", sa.DateTime(), nullable=True),
        sa.Column("claimed_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("hall", "matter", "start", "place", name="uq_place"),
        sa.UniqueConstraint("hold_id"),
    )


def _create_quota_uses() -> None:
    op.create_table(
        "quota_uses",
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("quota", sa.String(length=16), nullable=False),
        sa.Column("window_start", sa.DateTime(), nullable=False),
        sa.Column("used", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("device_id", "quota", "window_start"),
    )


def _create_settings() -> None:
    op.create_table(
        "settings",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )


def _create_staff_accounts() -> None:
    op.create_table(
        "staff_accounts",
        sa.Column("number", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("hall_code", sa.String(length=64), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("pin_salt", sa.LargeBinary(length=64), nullable=False),
        sa.Column("pin_hash", sa.LargeBinary(length=32), nullable=False),
        sa.Column("pin_n", sa.Integer(), nullable=False),
        sa.Column("pin_r", sa.Integer(), nullable=False),
        sa.Column("pin_p", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("number"),
    )


def _create_submissions() -> None:
    op.create_table(
        "submissions",
        sa.Column("submission_id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("resident", sa.String(length=200), nullable=True),
        sa.Column("staff", sa.String(length=200), nullable=True),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("submission_id"),
    )


def _create_ticket_counters() -> None:
    op.create_table(
        "ticket_counters",
        sa.Column("hall", sa.String(length=64), nullable=False),
        sa.Column("local_day", sa.Date(), nullable=False),
        sa.Column("category", sa.String(length=16), nullable=False),
        sa.Column("priority", sa.Boolean(), nullable=False),
        sa.Column("last", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("hall", "local_day", "category", "priority"),
    )


def _create_tickets() -> None:
    op.create_table(
        "tickets",
        sa.Column("ticket_id", sa.String(length=36), nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("hall", sa.String(length=64), nullable=False),
        sa.Column("matter", sa.String(length=64), nullable=False),
        sa.Column("category", sa.String(length=16), nullable=False),
        sa.Column("priority", sa.Boolean(), nullable=False),
        sa.Column("local_day", sa.Date(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("ticket_id"),
        sa.UniqueConstraint(
            "hall", "local_day", "category", "priority", "seq", name="uq_ticket_number"
        ),
    )


def _create_bookings() -> None:
    op.create_table(
        "bookings",
        sa.Column("booking_id", sa.String(length=36), nullable=False),
        sa.Column("reference", sa.String(length=8), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("hall", sa.String(length=64), nullable=False),
        sa.Column("matter", sa.String(length=64), nullable=False),
        sa.Column("start", sa.DateTime(), nullable=False),
        sa.Column("end", sa.DateTime(), nullable=False),
        sa.Column("local_day", sa.Date(), nullable=False),
        sa.Column("place_id", sa.Integer(), nullable=True),
        sa.Column("person_hmac", sa.String(length=64), nullable=False),
        sa.Column("id_masked", sa.String(length=18), nullable=False),
        sa.Column("phone_masked", sa.String(length=20), nullable=False),
        sa.Column("phone_hmac", sa.String(length=64), nullable=True),
        sa.Column("cancel_failures", sa.Integer(), nullable=True),
        sa.Column("name_masked", sa.String(length=100), nullable=True),
        sa.Column("senior", sa.Boolean(), nullable=False),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("requested_at", sa.DateTime(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("cancelled_at", sa.DateTime(), nullable=True),
        sa.Column("ticket_id", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(["place_id"], ["places.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(
            ["ticket_id"],
            ["tickets.ticket_id"],
        ),
        sa.PrimaryKeyConstraint("booking_id"),
        sa.UniqueConstraint("place_id"),
        sa.UniqueConstraint("reference"),
        sa.UniqueConstraint("ticket_id"),
    )
    op.create_index("ix_bookings_person_hmac", "bookings", ["person_hmac"], unique=False)
    op.create_index(
        "uq_booking_person_matter_day",
        "bookings",
        ["person_hmac", "matter", "local_day"],
        unique=True,
        sqlite_where=sa.text(ACTIVE_BOOKING),
        postgresql_where=sa.text(ACTIVE_BOOKING),
    )


TABLES: tuple[tuple[str, Callable[[], None]], ...] = (
    ("devices", _create_devices),
    ("documents", _create_documents),
    ("enrolment_codes", _create_enrolment_codes),
    ("help_requests", _create_help_requests),
    ("idempotency_records", _create_idempotency_records),
    ("opaque_credentials", _create_opaque_credentials),
    ("operators", _create_operators),
    ("places", _create_places),
    ("quota_uses", _create_quota_uses),
    ("settings", _create_settings),
    ("staff_accounts", _create_staff_accounts),
    ("submissions", _create_submissions),
    ("ticket_counters", _create_ticket_counters),
    ("tickets", _create_tickets),
    ("bookings", _create_bookings),
)

"""The tables. Times are stored as naive UTC (``UtcDateTime`` converts at the edges).

The invariants live here as constraints, so they hold with several server processes:
a place is unique per (hall, matter, start, place); one active booking per person per
matter per local day (a partial unique index); idempotency keys, booking references,
device token hashes, ticket counters and staff numbers are unique (idempotency keys per
device).
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

ACTIVE_BOOKING = text("status <> 'cancelled'")
CALLED = text("state = 'called'")


class UtcDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in Python, naive UTC in the database (SQLite has no zones)."""

    impl = DateTime(timezone=False)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are not stored")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    pass


class Document(Base):
    """Reference data served as is: the catalogue, the hall calendars, the trust list."""

    __tablename__ = "documents"
    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    body: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class ReferenceVersion(Base):
    """One published version of the reference data (``central.reference_store``): the
    catalogue, the hall calendars (national days resolved, with ``valid_until``) and the
    trust list together, as one JSON ``body``. The newest ``version`` is the one served;
    ``documents`` above keeps the copy a release before versions read."""

    __tablename__ = "reference_versions"
    version: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    body: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(String(200))
    published_at: Mapped[datetime] = mapped_column(UtcDateTime)


class EnrolmentCode(Base):
    """A code a kiosk enrols with once (``reusable`` is no longer honoured)."""

    __tablename__ = "enrolment_codes"
    code: Mapped[str] = mapped_column(String(64), primary_key=True)
    hall_code: Mapped[str] = mapped_column(String(64))
    reusable: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    #: every code is one-time and expires; NULL (a code made before codes expired) = expired
    expires_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    #: the role of the device that enrols with it: kiosk, window or display (``central.auth``)
    role: Mapped[str] = mapped_column(String(16), default="kiosk", server_default="kiosk")


class Device(Base):
    __tablename__ = "devices"
    device_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    hall_code: Mapped[str | None] = mapped_column(String(64), nullable=True)
    label: Mapped[str] = mapped_column(String(200))
    enrolled_at: Mapped[datetime] = mapped_column(UtcDateTime)
    last_seen_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    last_status: Mapped[str | None] = mapped_column(Text, nullable=True)  # JSON
    #: set by ``kiosk-central device revoke``: its token is refused from then on
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    #: from the last heartbeat (``central.fleet``; NULL: none since revision 0002)
    app_version: Mapped[str | None] = mapped_column(String(64), nullable=True)
    outbox_pending: Mapped[int | None] = mapped_column(Integer, nullable=True)
    #: items the kiosk gave up sending: they need staff (its dead-letter list)
    outbox_dead: Mapped[int | None] = mapped_column(Integer, nullable=True)
    #: since when (server time) its oldest pending item waits; NULL: none waits
    oldest_pending_since: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    #: kiosk (a resident's kiosk), window (a window terminal) or display (a hall display):
    #: the role of its enrolment code, which decides the queue routes it may call
    role: Mapped[str] = mapped_column(String(16), default="kiosk", server_default="kiosk")


class IdempotencyRecord(Base):
    """One client request by its device and Idempotency-Key: in flight, then done with its
    response. Keys are unique per device (another device's same key is its own request).

    The table was once ``idempotency_keys``, with the key alone as primary key; the
    baseline migration moves its rows here (``central/migrations/versions/0001_baseline.py``).
    """

    __tablename__ = "idempotency_records"
    device_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    key: Mapped[str] = mapped_column(String(36), primary_key=True)  # the client's UUID
    fingerprint: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(10))  # in_flight | done
    attempt: Mapped[str] = mapped_column(String(32))  # who holds an in-flight row
    started_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)  # retention
    finished_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    status_code: Mapped[int | None] = mapped_column(Integer, nullable=True)
    response_body: Mapped[str | None] = mapped_column(Text, nullable=True)
    media_type: Mapped[str | None] = mapped_column(String(60), nullable=True)


class Operator(Base):
    """Someone who runs the platform or a hall's part of it (hall IT, a manager): reads the
    audit trail, manages staff and devices, with a bearer token of their own (only its
    SHA-256 is stored). ``hall_code`` NULL: every hall."""

    __tablename__ = "operators"
    operator_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    hall_code: Mapped[str | None] = mapped_column(String(64), nullable=True)
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)


class QuotaUse(Base):
    """How many requests of one quota a device made in one fixed window."""

    __tablename__ = "quota_uses"
    device_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    quota: Mapped[str] = mapped_column(String(16), primary_key=True)
    window_start: Mapped[datetime] = mapped_column(UtcDateTime, primary_key=True)
    used: Mapped[int] = mapped_column(Integer)


class Place(Base):
    """One claimed place of a slot, by a hold (expires) or a booking (until cancelled)."""

    __tablename__ = "places"
    __table_args__ = (UniqueConstraint("hall", "matter", "start", "place", name="uq_place"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    hall: Mapped[str] = mapped_column(String(64))
    matter: Mapped[str] = mapped_column(String(64))
    start: Mapped[datetime] = mapped_column(UtcDateTime)
    place: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(10))  # hold | booking
    hold_id: Mapped[str | None] = mapped_column(String(36), unique=True, nullable=True)
    expires_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True, index=True)
    claimed_at: Mapped[datetime] = mapped_column(UtcDateTime)


class Booking(Base):
    __tablename__ = "bookings"
    __table_args__ = (
        Index(
            "uq_booking_person_matter_day",
            "person_hmac",
            "matter",
            "local_day",
            unique=True,
            sqlite_where=ACTIVE_BOOKING,
            postgresql_where=ACTIVE_BOOKING,
        ),
    )
    booking_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    reference: Mapped[str] = mapped_column(String(8), unique=True)
    status: Mapped[str] = mapped_column(String(12))  # confirmed | cancelled | checked_in
    hall: Mapped[str] = mapped_column(String(64))
    matter: Mapped[str] = mapped_column(String(64))
    start: Mapped[datetime] = mapped_column(UtcDateTime)
    end: Mapped[datetime] = mapped_column(UtcDateTime)
    local_day: Mapped[date] = mapped_column(Date, index=True)  # retention
    place_id: Mapped[int | None] = mapped_column(
        ForeignKey("places.id", ondelete="SET NULL"), nullable=True, unique=True
    )
    #: HMAC-SHA256 of the normalised ID number with the server secret; never the number
    person_hmac: Mapped[str] = mapped_column(String(64), index=True)
    id_masked: Mapped[str] = mapped_column(String(18))
    #: "" when the resident gave no phone number (the booking is then not cancellable
    #: from a kiosk)
    phone_masked: Mapped[str] = mapped_column(String(20))
    #: keyed HMAC of the phone digits: a cancellation must give the same phone (NULL for
    #: bookings made before; their masked phone is compared instead)
    phone_hmac: Mapped[str | None] = mapped_column(String(64), nullable=True)
    #: wrong phone numbers given to cancel it; at ``CANCEL_ATTEMPTS`` the kiosk may not
    cancel_failures: Mapped[int | None] = mapped_column(Integer, nullable=True)
    name_masked: Mapped[str | None] = mapped_column(String(100), nullable=True)
    #: aged 60 or over on the day of the booking: a priority ticket at check-in
    senior: Mapped[bool] = mapped_column(Boolean)
    device_id: Mapped[str] = mapped_column(String(64))
    requested_at: Mapped[datetime] = mapped_column(UtcDateTime)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    cancelled_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    ticket_id: Mapped[str | None] = mapped_column(
        ForeignKey("tickets.ticket_id"), nullable=True, unique=True
    )


class Ticket(Base):
    __tablename__ = "tickets"
    __table_args__ = (
        UniqueConstraint("hall", "local_day", "category", "priority", "seq", name="uq_ticket_number"),
        Index("ix_tickets_queue", "hall", "local_day", "state"),
        #: a window calls one ticket at a time: two "next" at once cannot both leave one called
        Index("uq_ticket_window_called", "hall", "local_day", "window", unique=True,
              sqlite_where=CALLED, postgresql_where=CALLED),
    )
    ticket_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    number: Mapped[str] = mapped_column(String(20))
    hall: Mapped[str] = mapped_column(String(64))
    matter: Mapped[str] = mapped_column(String(64))
    category: Mapped[str] = mapped_column(String(16))
    priority: Mapped[bool] = mapped_column(Boolean)
    local_day: Mapped[date] = mapped_column(Date, index=True)  # retention
    seq: Mapped[int] = mapped_column(Integer)
    issued_at: Mapped[datetime] = mapped_column(UtcDateTime)
    device_id: Mapped[str] = mapped_column(String(64))
    # --- its place in the hall's queue (``central.calling``) ---
    #: waiting | called | served | no_show
    state: Mapped[str] = mapped_column(String(12), default="waiting", server_default="waiting")
    #: the window calling it; while waiting, the window it was transferred to (if any)
    window: Mapped[str | None] = mapped_column(String(16), nullable=True)
    #: the service area it was transferred to (None: its category's, as issued)
    area: Mapped[str | None] = mapped_column(String(16), nullable=True)
    called_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    called_by: Mapped[str | None] = mapped_column(String(16), nullable=True)  # staff number
    recalls: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    #: when it was served or marked a no-show
    finished_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)



class TicketCounter(Base):
    """The last number issued per hall, local day, category and priority."""

    __tablename__ = "ticket_counters"
    hall: Mapped[str] = mapped_column(String(64), primary_key=True)
    local_day: Mapped[date] = mapped_column(Date, primary_key=True)
    category: Mapped[str] = mapped_column(String(16), primary_key=True)
    priority: Mapped[bool] = mapped_column(Boolean, primary_key=True)
    last: Mapped[int] = mapped_column(Integer)


class Submission(Base):
    __tablename__ = "submissions"
    submission_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(10))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    received_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)  # audit, retention
    resident: Mapped[str | None] = mapped_column(String(200), nullable=True)
    staff: Mapped[str | None] = mapped_column(String(200), nullable=True)
    payload: Mapped[str] = mapped_column(Text)  # JSON


class StaffAccount(Base):
    """A member of a hall's staff: who may unlock assisted mode at a kiosk of that hall,
    with a PIN.

    Only ``scrypt(PIN)`` is stored (``kiosk/rules/pin_hash.py``), with its salt and parameters.
    A deactivated account is kept (its number is never reused) but no longer served.
    """

    __tablename__ = "staff_accounts"
    number: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(16))  # assistant | administrator
    #: the hall whose devices the account is served to; NULL (an account made before
    #: accounts had a hall) is served to no device until an operator gives it one
    hall_code: Mapped[str | None] = mapped_column(String(64), nullable=True)
    active: Mapped[bool] = mapped_column(Boolean)
    pin_salt: Mapped[bytes] = mapped_column(LargeBinary(64))
    pin_hash: Mapped[bytes] = mapped_column(LargeBinary(32))
    pin_n: Mapped[int] = mapped_column(Integer)
    pin_r: Mapped[int] = mapped_column(Integer)
    pin_p: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class OpaqueCredential(Base):
    """An e-certificate shown as an opaque token: only the platform knows what it holds."""

    __tablename__ = "opaque_credentials"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)  # sha256, never the token
    claims: Mapped[str] = mapped_column(Text)  # JSON: the certificate
    issuer_id: Mapped[str] = mapped_column(String(64))
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)


class Setting(Base):
    """Server-wide values every process must share, such as the HMAC secret."""

    __tablename__ = "settings"
    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class HelpRequest(Base):
    """A resident's call for staff from a kiosk (``central.help_requests``): of the calling
    device's hall, and holding no personal data (the screen the resident was on, where the
    kiosk stands, when). ``raised_count`` is no column: it is computed when read."""

    __tablename__ = "help_requests"
    __table_args__ = (Index("ix_help_requests_hall_state", "hall", "state"),)
    help_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    hall: Mapped[str] = mapped_column(String(64))
    device_id: Mapped[str] = mapped_column(String(64))
    screen: Mapped[str] = mapped_column(String(40))
    location: Mapped[str] = mapped_column(String(200))
    requested_at: Mapped[datetime] = mapped_column(UtcDateTime)  # the kiosk's clock
    received_at: Mapped[datetime] = mapped_column(UtcDateTime)
    state: Mapped[str] = mapped_column(String(12))  # open | acknowledged | closed | cancelled
    acknowledged_by: Mapped[str | None] = mapped_column(String(16), nullable=True)  # staff number
    acknowledged_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    closed_by: Mapped[str | None] = mapped_column(String(16), nullable=True)  # staff number
    #: when it was closed or cancelled
    ended_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)


class QueueCall(Base):
    """The calls log (``central.calling``): every step a window takes on a ticket, in
    order; the hall display reads the calls after its cursor (``call_id``)."""

    __tablename__ = "queue_calls"
    __table_args__ = (Index("ix_queue_calls_hall", "hall", "call_id"),)
    call_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    hall: Mapped[str] = mapped_column(String(64))
    ticket_id: Mapped[str] = mapped_column(String(36))
    number: Mapped[str] = mapped_column(String(20))
    window: Mapped[str] = mapped_column(String(16))
    area: Mapped[str] = mapped_column(String(16))
    event: Mapped[str] = mapped_column(String(12))  # called | recalled | transferred | …
    at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)  # retention
    staff: Mapped[str] = mapped_column(String(16))
    device_id: Mapped[str] = mapped_column(String(64))


class Rating(Base):
    """A resident's 好差评 of one matter at one visit (``central.ratings``): anonymous;
    the unique key makes it one per matter per visit."""

    __tablename__ = "ratings"
    __table_args__ = (UniqueConstraint("hall", "visit", "matter", name="uq_rating_visit"),)
    rating_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    hall: Mapped[str] = mapped_column(String(64))
    #: "ticket:<ticket_id>" or "booking:<booking_id>"
    visit: Mapped[str] = mapped_column(String(80))
    matter: Mapped[str] = mapped_column(String(64))
    window: Mapped[str | None] = mapped_column(String(16), nullable=True)
    staff: Mapped[str | None] = mapped_column(String(16), nullable=True)  # who served
    level: Mapped[str] = mapped_column(String(20))
    reasons: Mapped[str] = mapped_column(Text)  # JSON list of reason codes
    comment: Mapped[str | None] = mapped_column(Text, nullable=True)
    device_id: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)  # the kiosk's clock
    received_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)  # reports, retention


class RatingCase(Base):
    """The follow-up of a bad rating: open → contacted → corrected → closed, due on a day
    the hall sets. ``phone`` only when the resident asked to be called, and cleared after
    ``phone_until`` (``central.retention``)."""

    __tablename__ = "rating_cases"
    __table_args__ = (Index("ix_rating_cases_hall_state", "hall", "state"),)
    case_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    rating_id: Mapped[str] = mapped_column(
        ForeignKey("ratings.rating_id", ondelete="CASCADE"), unique=True)
    hall: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(12))  # open | contacted | corrected | closed
    opened_at: Mapped[datetime] = mapped_column(UtcDateTime)
    due_on: Mapped[date] = mapped_column(Date)  # the hall's local day
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    note: Mapped[str | None] = mapped_column(Text, nullable=True)
    phone: Mapped[str | None] = mapped_column(String(20), nullable=True)
    phone_until: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True, index=True)


class HallRatingRules(Base):
    """What a hall set for its follow-up cases (``kiosk-central ratings due-days``)."""

    __tablename__ = "hall_rating_rules"
    hall: Mapped[str] = mapped_column(String(64), primary_key=True)
    case_due_working_days: Mapped[int] = mapped_column(Integer)

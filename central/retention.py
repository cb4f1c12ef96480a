"""What the server keeps, and for how long (docs/operations.md, "Retention"; docs/api.md).

| what | kept | why that long |
|---|---|---|
| idempotency records | ``KEY_RETENTION`` (7 days) after the request began | a kiosk's outbox retries for hours, never days; a retry after that is a new request, and the unique constraints still refuse a second booking |
| holds | until they expire | an expired hold's place is free anyway |
| quota counts | ``QUOTA_RETENTION`` (1 day) after their window began | the longest window is an hour |
| help requests | ``HELP_RETENTION`` (30 days) after they ended (or came, if never ended) | a hall's review of unanswered calls |
| bookings and their places | ``BOOKING_RETENTION`` (90 days) after their day | complaints and statistics; a booking is personal data (masked ID and phone, keyed HMACs), kept no longer than that |
| tickets | ``TICKET_RETENTION`` (90 days) after their day, never while a kept booking names one | the same, for walk-in numbers |
| ticket counters | ``COUNTER_RETENTION`` (2 days) after their day | numbering only needs today's (2 days: any hall time zone's today is kept) |
| submissions (staff audit events, ratings, messages) | ``SUBMISSION_RETENTION`` (180 days) after they arrived | the audit trail: China's Cybersecurity Law (Art. 21) asks for network logs of at least six months |
| the calls log (windows' steps) | ``CALL_RETENTION`` (90 days) after the step | like tickets: complaints and statistics (waiting and serving times); it holds numbers, windows and staff numbers, no resident |
| ratings (好差评) and their follow-up cases | ``RATING_RETENTION`` (2 years) after they arrived | anonymous; a hall compares its satisfaction year on year (our choice: no rule found that sets a period) |
| a phone number on a follow-up case | until the case's ``phone_until``: 30 days after it closed, at most 90 days after it opened (``central.ratings``) | given only to be called back about a bad rating; not kept once that is done |

Nothing a replay or an open booking needs goes: a replay needs its idempotency record
(kept 7 days, whatever became of the booking), an open booking is one whose day has not
passed (bookings go 90 days after it), its place goes with it, its ticket after it.

``purge`` deletes each kind in a short transaction of its own (a statement each, on an
indexed or small set), so it is safe while serving, from any number of processes at
once. The server runs it itself, at most every ``PURGE_EVERY`` (by the app's clock),
after an idempotent write (``Purger.maybe``); operators can run ``kiosk-central purge``
from cron or a systemd timer.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, delete, exists, or_, select, update

from central.db import Database, rows_changed
from central.models import (
    Booking,
    HelpRequest,
    IdempotencyRecord,
    Place,
    QueueCall,
    QuotaUse,
    Rating,
    RatingCase,
    Submission,
    Ticket,
    TicketCounter,
)

KEY_RETENTION = timedelta(days=7)
QUOTA_RETENTION = timedelta(days=1)
HELP_RETENTION = timedelta(days=30)
BOOKING_RETENTION = timedelta(days=90)
TICKET_RETENTION = timedelta(days=90)
COUNTER_RETENTION = timedelta(days=2)
SUBMISSION_RETENTION = timedelta(days=180)
CALL_RETENTION = timedelta(days=90)
RATING_RETENTION = timedelta(days=730)
PURGE_EVERY = timedelta(minutes=10)
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Purged:
    idempotency_records: int
    expired_holds: int
    quota_counts: int = 0
    help_requests: int = 0
    bookings: int = 0
    #: places of bookings whose slot has passed and which no kept booking names
    booked_places: int = 0
    tickets: int = 0
    ticket_counters: int = 0
    submissions: int = 0
    queue_calls: int = 0
    #: ratings, their cases with them
    ratings: int = 0
    #: phone numbers cleared from follow-up cases
    case_phones: int = 0

    def summary(self) -> str:
        return ", ".join(f"{count} {name.replace('_', ' ')}"
                         for name, count in vars(self).items())


def purge(db: Database, now: datetime) -> Purged:
    """Delete what is past its retention (the table above), one kind per transaction."""
    with db.writing() as session:
        keys = rows_changed(session.execute(
            delete(IdempotencyRecord).where(IdempotencyRecord.started_at < now - KEY_RETENTION)))
        holds = rows_changed(session.execute(
            delete(Place).where(Place.kind == "hold", Place.expires_at <= now)))
        counts = rows_changed(session.execute(
            delete(QuotaUse).where(QuotaUse.window_start < now - QUOTA_RETENTION)))
        cutoff = now - HELP_RETENTION
        calls = rows_changed(session.execute(delete(HelpRequest).where(or_(
            and_(HelpRequest.ended_at.is_not(None), HelpRequest.ended_at < cutoff),
            and_(HelpRequest.ended_at.is_(None), HelpRequest.received_at < cutoff)))))
    with db.writing() as session:
        bookings = rows_changed(session.execute(
            delete(Booking).where(Booking.local_day < (now - BOOKING_RETENTION).date())))
        places = rows_changed(session.execute(delete(Place).where(
            Place.kind == "booking", Place.start < now - BOOKING_RETENTION,
            ~exists(select(Booking.booking_id).where(Booking.place_id == Place.id)))))
    with db.writing() as session:
        tickets = rows_changed(session.execute(delete(Ticket).where(
            Ticket.local_day < (now - TICKET_RETENTION).date(),
            ~exists(select(Booking.booking_id).where(Booking.ticket_id == Ticket.ticket_id)))))
        counters = rows_changed(session.execute(delete(TicketCounter).where(
            TicketCounter.local_day < (now - COUNTER_RETENTION).date())))
    with db.writing() as session:
        submissions = rows_changed(session.execute(delete(Submission).where(
            Submission.received_at < now - SUBMISSION_RETENTION)))
    with db.writing() as session:
        calls_log = rows_changed(session.execute(delete(QueueCall).where(
            QueueCall.at < now - CALL_RETENTION)))
        phones = rows_changed(session.execute(
            update(RatingCase).where(RatingCase.phone.is_not(None), RatingCase.phone_until <= now)
            .values(phone=None)))
        gone = select(Rating.rating_id).where(Rating.received_at < now - RATING_RETENTION)
        session.execute(delete(RatingCase).where(RatingCase.rating_id.in_(gone)))
        rated = rows_changed(session.execute(delete(Rating).where(
            Rating.received_at < now - RATING_RETENTION)))
    return Purged(keys, holds, counts, calls, bookings, places, tickets, counters, submissions,
                  calls_log, rated, phones)


class Purger:
    """Runs ``purge`` at most every ``PURGE_EVERY`` per process, cheaply when not due."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._last: datetime | None = None

    def maybe(self, db: Database, now: datetime) -> None:
        with self._lock:
            if self._last is not None and now - self._last < PURGE_EVERY and now >= self._last:
                return
            self._last = now
        try:
            purge(db, now)
        except Exception:  # noqa: BLE001 - a failed purge is tried again next time
            log.exception("purging what is past its retention failed")
            with self._lock:
                self._last = None

"""What every request handler needs, hung off the app (``app.state.context``)."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from fastapi import Request

from central.calling import CallSignal, QueueRules
from central.clock import Clock
from central.db import Database
from central.ratings import CASE_DUE_WORKING_DAYS
from central.reference import TRUST_LIST, Reference, Served, reissued
from central.reference_store import CHECK_EVERY_S, ReferenceStore, Snapshot
from central.retention import Purger
from central.signing import SigningKey

HOUR, MINUTE = timedelta(hours=1), timedelta(minutes=1)
#: how long a help request may wait unacknowledged before it is raised again, by default
HELP_RAISE_AFTER = timedelta(seconds=90)


@dataclass(frozen=True)
class Quotas:
    """The limits per device and window (``central.quotas``); None: no limit (a load
    test, a closed network)."""

    bookings_per_hour: int | None = 60
    lookups_per_minute: int | None = 30
    tickets_per_hour: int | None = 300
    #: calls for staff (``POST /v1/help-requests``): enough for every resident a kiosk
    #: serves in an hour to call twice, not enough for a runaway device to flood the panels
    help_requests_per_hour: int | None = 60

    def limit(self, quota: str) -> tuple[int | None, timedelta]:
        return {"booking": (self.bookings_per_hour, HOUR),
                "lookup": (self.lookups_per_minute, MINUTE),
                "ticket": (self.tickets_per_hour, HOUR),
                "help": (self.help_requests_per_hour, HOUR)}[quota]

    @classmethod
    def unlimited(cls) -> Quotas:
        return cls(None, None, None, None)


class ReferencePin:
    """The reference version of one request: the newest at its first use, then kept."""

    def __init__(self, store: ReferenceStore) -> None:
        self._store = store
        self._taken: Snapshot | None = None

    def snapshot(self) -> Snapshot:
        if self._taken is None:
            self._taken = self._store.current()
        return self._taken


@dataclass(frozen=True)
class Context:
    db: Database
    clock: Clock
    secret: bytes
    purger: Purger = field(default_factory=Purger, compare=False)
    quotas: Quotas = field(default_factory=Quotas)
    #: a help request nobody has acknowledged is raised again after this, and again after
    #: every further period of it (``central.help_requests``)
    help_raise_after: timedelta = HELP_RAISE_AFTER
    #: the windows' calling rules (``central.calling``)
    queue_rules: QueueRules = field(default_factory=QueueRules)
    #: wakes the hall displays' long polls in this process (``central.calling``)
    calls: CallSignal = field(default_factory=CallSignal, compare=False)
    #: working days to a bad rating's follow-up where the hall set none (``central.ratings``)
    case_due_working_days: int = CASE_DUE_WORKING_DAYS
    #: the schema revision this server's code needs (``central.schema.head``)
    schema_revision: str = ""
    #: the platform key that signs the documents deciding trust (staff list, trust list,
    #: catalogue, halls), derived from ``secret`` once, as the context is made
    platform_key: SigningKey = field(init=False, repr=False, compare=False)
    #: seconds between two looks for a newer reference data version (``central.reference_store``)
    reference_check_every: float = CHECK_EVERY_S
    #: the newest reference data version, re-read within ``reference_check_every``
    references: ReferenceStore = field(init=False, repr=False, compare=False)
    #: the version this request decides with, taken at its first use (``context(request)``
    #: makes one per request); None: the app's own context, which asks ``references``
    pin: ReferencePin | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        key = SigningKey.from_secret(self.secret)
        object.__setattr__(self, "platform_key", key)
        object.__setattr__(self, "references",
                           ReferenceStore(self.db, key, self.reference_check_every,
                                          self.clock))

    def bound(self) -> Context:
        """This context for one request: the reference version it first uses is the one
        it uses throughout, so everything it decides or serves comes from one version.
        (Taken at first use: ``/v1/health`` never touches the database.)"""
        found = copy.copy(self)
        object.__setattr__(found, "pin", ReferencePin(self.references))
        return found

    def snapshot(self) -> Snapshot:
        return self.pin.snapshot() if self.pin is not None else self.references.current()

    @property
    def reference(self) -> Reference:
        return self.snapshot().reference

    def served(self, name: str) -> Served | None:
        """A reference document as kiosks get it, signed with the platform key: the
        catalogue and the halls as loaded, the trust list as re-issued today (its
        signature covers the day's ``issued_at``). None: the server holds none."""
        snapshot = self.snapshot()
        if name == TRUST_LIST:
            document = snapshot.reference.documents.get(TRUST_LIST)
            if document is None:
                return None
            return Served.of(self.platform_key.sign(reissued(document, self.now())))
        return snapshot.signed.get(name)

    def now(self) -> datetime:
        return self.clock()


def context(request: Request) -> Context:
    """The app's context with this request's reference version, taken at the first call
    and the same at every later one in the request (``request.state``)."""
    found: Context | None = getattr(request.state, "context", None)
    if found is None:
        app_context: Context = request.app.state.context
        found = app_context.bound()
        request.state.context = found
    return found

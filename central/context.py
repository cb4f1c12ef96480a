"""What every request handler needs, hung off the app (``app.state.context``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from fastapi import Request

from central.clock import Clock
from central.db import Database
from central.reference import TRUST_LIST, Reference, Served, reissued
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


@dataclass(frozen=True)
class Context:
    db: Database
    clock: Clock
    reference: Reference
    secret: bytes
    purger: Purger = field(default_factory=Purger, compare=False)
    quotas: Quotas = field(default_factory=Quotas)
    #: a help request nobody has acknowledged is raised again after this, and again after
    #: every further period of it (``central.help_requests``)
    help_raise_after: timedelta = HELP_RAISE_AFTER
    #: the schema revision this server's code needs (``central.schema.head``)
    schema_revision: str = ""
    #: the platform key that signs the documents deciding trust (staff list, trust list,
    #: catalogue, halls), derived from ``secret`` once, as the context is made
    platform_key: SigningKey = field(init=False, repr=False, compare=False)
    #: the catalogue and the halls as served, signed once
    _signed: dict[str, Served] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        key = SigningKey.from_secret(self.secret)
        object.__setattr__(self, "platform_key", key)
        object.__setattr__(self, "_signed", {
            name: Served.of(key.sign(document))
            for name, document in self.reference.documents.items() if name != TRUST_LIST})

    def served(self, name: str) -> Served | None:
        """A reference document as kiosks get it, signed with the platform key: the
        catalogue and the halls as loaded, the trust list as re-issued today (its
        signature covers the day's ``issued_at``). None: the server holds none."""
        if name == TRUST_LIST:
            document = self.reference.documents.get(TRUST_LIST)
            if document is None:
                return None
            return Served.of(self.platform_key.sign(reissued(document, self.now())))
        return self._signed.get(name)

    def now(self) -> datetime:
        return self.clock()


def context(request: Request) -> Context:
    ctx: Context = request.app.state.context
    return ctx

"""What every request handler needs, hung off the app (``app.state.context``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from fastapi import Request

from central.clock import Clock
from central.db import Database
from central.reference import Reference
from central.retention import Purger


@dataclass(frozen=True)
class Context:
    db: Database
    clock: Clock
    reference: Reference
    secret: bytes
    purger: Purger = field(default_factory=Purger, compare=False)

    def now(self) -> datetime:
        return self.clock()


def context(request: Request) -> Context:
    ctx: Context = request.app.state.context
    return ctx

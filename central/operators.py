"""Operators: the people who run the platform or a hall's part of it (hall IT, managers).

An operator is a principal of its own, never a device: a bearer token made by
``kiosk-central operator add`` (shown once; only its SHA-256 is stored), refused from the
moment ``operator revoke`` runs. Only operators read the audit trail and manage staff
and devices over the API. An operator with a hall sees and manages that hall only; one
without (``hall_code`` NULL) every hall.
"""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import select

from central.auth import caller_behind, revoke_row, token_digest
from central.context import Context
from central.db import Database
from central.models import Operator
from central.problems import Problem

#: an operator's token starts so, a device's never does: a token pasted in the wrong
#: place is easy to tell
TOKEN_PREFIX = "op_"
operator_bearer = HTTPBearer(auto_error=False, scheme_name="OperatorToken",
                             description="an operator's token from kiosk-central operator add")


@dataclass(frozen=True)
class CallingOperator:
    operator_id: str
    name: str
    hall: str | None  # None: every hall

    def may_act_in(self, hall: str | None) -> bool:
        return self.hall is None or self.hall == hall

    def refuse_unless_in(self, hall: str | None, missing: Problem) -> None:
        """``missing`` (a 404) when ``hall`` is not this operator's: another hall's things
        look the same as things that do not exist."""
        if not self.may_act_in(hall):
            raise missing


def operator_for_token(app: Any, token: str) -> CallingOperator | None:
    ctx: Context = app.state.context
    with ctx.db.reading() as session:
        row = session.scalar(select(Operator).where(
            Operator.token_sha256 == token_digest(token), Operator.revoked_at.is_(None)))
    return None if row is None else CallingOperator(row.operator_id, row.name, row.hall_code)


def current_operator(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(operator_bearer)],
) -> CallingOperator:
    """The operator behind the bearer token, or 401 (a device token is no operator's)."""
    return caller_behind(credentials, request.app, "operator", operator_for_token)


ThisOperator = Annotated[CallingOperator, Depends(current_operator)]


class OperatorError(ValueError):
    """A refusal with a message for whoever runs the command."""


def add(db: Database, name: str, hall: str | None, now: datetime) -> tuple[str, str]:
    """A new operator: (operator_id, token). The token is shown once and never stored."""
    name = name.strip()
    if not name or len(name) > 100:
        raise OperatorError("an operator's name is 1 to 100 characters")
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    operator_id = str(uuid.uuid4())
    with db.writing() as session:
        session.add(Operator(operator_id=operator_id, name=name, hall_code=hall,
                             token_sha256=token_digest(token), created_at=now))
    return operator_id, token


def listing(db: Database) -> list[Operator]:
    with db.reading() as session:
        return list(session.scalars(select(Operator).order_by(Operator.created_at)))


def revoke(db: Database, operator_id: str, now: datetime) -> bool | None:
    """Refuse the operator's token from now on: True, False if it already was, None if unknown."""
    return revoke_row(db, Operator, operator_id, now)

"""Bound every request body before anyone reads it (the outermost middleware but one).

For a request that may carry a body, in this order and before a byte of it is read:

1. a route that needs a token (all but ``POST /v1/enrolments``) without a valid one (a
   device's or an operator's; the route then decides which it takes) is answered 401
   ``unauthorized`` (the body is never read; the connection closes);
2. a ``Content-Length`` over ``MAX_BODY_BYTES`` is answered 413 ``content_too_large``;
3. the body is read, at most ``MAX_BODY_BYTES`` of it (a chunked body that grows past
   that is answered 413), and it must be complete within ``body_timeout`` seconds of the
   request's start, else 408 ``request_timeout``.

The body read is then handed on unchanged. Early answers carry ``Connection: close``.
"""

from __future__ import annotations

import anyio
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from central.problems import Problem
from central.schemas import PAYLOAD_MAX_BYTES

#: a submission's payload may hold 64 KiB of UTF-8; written with \\uXXXX escapes (as
#: JSON encoders do by default) it takes up to twice (CJK) or three times (emoji) that
MAX_BODY_BYTES = 4 * PAYLOAD_MAX_BYTES
#: seconds from the start of a request until its whole body must have arrived
BODY_TIMEOUT_S = 20.0
#: paths that take a body without a device token
PUBLIC_BODY_PATHS = frozenset({"/v1/enrolments"})
_BODY_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
_CLOSE = {"Connection": "close"}


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key == name:
            return bytes(value).decode("latin-1")
    return None


def _bearer(scope: Scope) -> str | None:
    value = _header(scope, b"authorization")
    if value is None:
        return None
    scheme, _, token = value.partition(" ")
    token = token.strip()
    return token if scheme.lower() == "bearer" and token else None


def _may_have_body(scope: Scope) -> bool:
    return (scope["method"] in _BODY_METHODS or _header(scope, b"content-length") not in (None, "0")
            or _header(scope, b"transfer-encoding") is not None)


class BodyLimits:
    """ASGI middleware: token first, then a bounded body read against a deadline."""

    def __init__(self, app: ASGIApp, *, max_bytes: int = MAX_BODY_BYTES,
                 timeout: float = BODY_TIMEOUT_S) -> None:
        self.app, self.max_bytes, self.timeout = app, max_bytes, timeout

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not _may_have_body(scope):
            await self.app(scope, receive, send)
            return
        refusal = await self._refusal_before_reading(scope)
        if refusal is not None:
            await refusal.response()(scope, receive, send)
            return
        messages: list[Message] = []
        size = 0
        with anyio.move_on_after(self.timeout) as deadline:
            while True:
                message = await receive()
                messages.append(message)
                if message["type"] != "http.request":  # the client went away
                    break
                size += len(message.get("body", b""))
                if size > self.max_bytes:
                    await _too_large(self.max_bytes).response()(scope, receive, send)
                    return
                if not message.get("more_body", False):
                    break
        if deadline.cancelled_caught:
            await Problem(408, "request_timeout",
                          f"the request body did not arrive within {self.timeout:g} s",
                          headers=_CLOSE).response()(scope, receive, send)
            return
        await self.app(scope, replay_body(messages, receive), send)

    async def _refusal_before_reading(self, scope: Scope) -> Problem | None:
        if scope["path"] not in PUBLIC_BODY_PATHS:
            token = _bearer(scope)
            caller = None if token is None else await run_in_threadpool(
                _caller_for_token, scope["app"], token)
            if caller is None:
                detail = ("a device token is required: Authorization: Bearer <token>"
                          if token is None else "unknown device token")
                challenge = "Bearer" if token is None else 'Bearer error="invalid_token"'
                return Problem(401, "unauthorized", detail,
                               headers={"WWW-Authenticate": challenge, **_CLOSE})
        length = _header(scope, b"content-length")
        if length is not None and (not length.strip().isdigit() or int(length) > self.max_bytes):
            return _too_large(self.max_bytes)
        return None


def _caller_for_token(app: object, token: str) -> object | None:
    """The device or operator ``token`` belongs to, or None."""
    from central.auth import device_for_token
    from central.operators import operator_for_token

    return device_for_token(app, token) or operator_for_token(app, token)


def _too_large(limit: int) -> Problem:
    return Problem(413, "content_too_large", f"the request body is larger than {limit} bytes",
                   headers=_CLOSE)


def replay_body(messages: list[Message], receive: Receive) -> Receive:
    """A ``receive`` that gives ``messages`` (a body already read) first, then the rest."""
    pending = list(messages)

    async def replayed() -> Message:
        if pending:
            return pending.pop(0)
        return await receive()

    return replayed

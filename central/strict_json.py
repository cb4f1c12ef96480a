"""Refuse, at the edge, JSON that no part of the server could store or answer with.

Python's ``json`` takes ``\\ud800`` (a lone surrogate: not Unicode text, so neither UTF-8
nor PostgreSQL can hold it) and ``NaN``/``Infinity`` (not JSON at all; ``1e400`` too, as
it overflows to infinity). Such a body, on any route, is answered 422
``validation_failed`` before a handler sees it, with ``errors`` saying where (the input
is never echoed). Malformed JSON is left to FastAPI's own handling.
"""

from __future__ import annotations

import json
import math
from typing import Any

from starlette.types import ASGIApp, Receive, Scope, Send

from central.limits import replay_body
from central.problems import Problem

_BODY_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


class _Refused(ValueError):
    def __init__(self, loc: list[str], msg: str, kind: str) -> None:
        super().__init__(msg)
        self.loc, self.msg, self.kind = loc, msg, kind


def _constant(name: str) -> Any:
    raise _Refused([], f"{name} is not a JSON number", "non_finite_number")


def _float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _Refused([], "a number out of range (not finite)", "non_finite_number")
    return value


def _text(value: str, loc: list[str]) -> None:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise _Refused(loc, "not valid Unicode text (a lone surrogate)", "invalid_unicode") from None


def _walk(value: Any, loc: list[str]) -> None:
    if isinstance(value, str):
        _text(value, loc)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _walk(item, [*loc, str(i)])
    elif isinstance(value, dict):
        for name, item in value.items():
            _text(name, loc)
            _walk(item, [*loc, name.encode("utf-8", "replace").decode("utf-8")])


def check(body: bytes) -> Problem | None:
    """The refusal for a body holding invalid Unicode or a non-finite number, else None."""
    try:
        parsed = json.loads(body, parse_constant=_constant, parse_float=_float)
        _walk(parsed, [])
    except _Refused as refused:
        loc = ["body", *refused.loc]
        error = {"loc": loc, "msg": refused.msg, "type": refused.kind}
        return Problem(422, "validation_failed", f"{'.'.join(loc)}: {refused.msg}", errors=[error])
    except (ValueError, RecursionError):
        return None  # not JSON: FastAPI answers as it always did
    return None


def _is_json(scope: Scope) -> bool:
    for name, value in scope.get("headers", ()):
        if name == b"content-type":
            media = bytes(value).decode("latin-1").split(";", 1)[0].strip().lower()
            return bool(media == "application/json" or media.endswith("+json"))
    return True  # FastAPI reads a body without a content type as JSON


class StrictJson:
    """ASGI middleware: buffer a JSON request body, check it, hand it on unchanged."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in _BODY_METHODS or not _is_json(scope):
            await self.app(scope, receive, send)
            return
        chunks: list[bytes] = []
        while True:
            message = await receive()
            if message["type"] != "http.request":  # the client went away
                await self.app(scope, replay_body([message], receive), send)
                return
            chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        refusal = check(body) if body.strip() else None
        if refusal is not None:
            await refusal.response()(scope, receive, send)
            return
        await self.app(scope, replay_body([{"type": "http.request", "body": body,
                                        "more_body": False}], receive), send)

"""Conditional GETs: a strong ETag on every served document, If-None-Match → 304."""

from __future__ import annotations

from fastapi import Request
from starlette.responses import Response

from central.problems import Problem
from central.reference import Served


def _matches(header: str, etag: str) -> bool:
    """If-None-Match uses the weak comparison (RFC 9110 §13.1.2): W/ is ignored."""
    candidates = [c.strip() for c in header.split(",")]
    return any(c == "*" or c.removeprefix("W/") == etag for c in candidates)


def served(request: Request, document: Served | None, what: str) -> Response:
    if document is None:
        raise Problem(503, "not_seeded", f"the server holds no {what} yet")
    headers = {"ETag": document.etag, "Cache-Control": "no-cache"}
    if_none_match = request.headers.get("if-none-match")
    if if_none_match and _matches(if_none_match, document.etag):
        return Response(status_code=304, headers=headers)
    return Response(document.body, media_type="application/json", headers=headers)

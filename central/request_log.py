"""The outermost middleware: a request id for every request, one access log line, the
request's metrics.

The id is the kiosk's ``X-Request-Id`` when it sends a usable one (1 to 128 letters,
digits and ``._:-``: anything else could forge log lines), else a new random one; the
answer carries it back in ``X-Request-Id``, and every log line written while the request
is handled carries it (``request_id``, ``central.log_format``). So a resident's failed
booking at a kiosk can be found in the server's logs by the id the kiosk logged.

The id travels in a ``ContextVar``: each request (task, and the worker thread a sync
route runs in, which copies the context) sees its own; it is no registry of requests.
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from contextvars import ContextVar

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from central.idempotency import REPLAYED_HEADER
from central.metrics import UNMATCHED, Metrics

HEADER = "X-Request-Id"
_USABLE = re.compile(r"[A-Za-z0-9._:-]{1,128}")
#: the id of the request being handled in this context ("" outside a request)
current_request_id: ContextVar[str] = ContextVar("central_request_id", default="")
access_log = logging.getLogger("central.access")


def request_id_from(headers: list[tuple[bytes, bytes]]) -> str:
    for name, value in headers:
        if name == b"x-request-id":
            text = value.decode("latin-1").strip()
            if _USABLE.fullmatch(text):
                return text
            break
    return uuid.uuid4().hex


def route_template(scope: Scope) -> str:
    """The matched route's path template with its router's prefix (``/v1/bookings/{booking_id}``):
    a label of bounded cardinality, and no booking ID or reference in a log line.

    FastAPI leaves the matched route in the scope: ``scope["route"]`` holds the route as
    its router declared it (without the ``/v1`` prefix), and, for a route of an included
    router, ``scope["fastapi"]["effective_route_context"]`` holds it as served."""
    effective = (scope.get("fastapi") or {}).get("effective_route_context")
    path = getattr(effective, "path", None)
    if isinstance(path, str):
        return path
    route = scope.get("route")
    path = getattr(route, "path_format", None) or getattr(route, "path", None)
    return path if isinstance(path, str) else UNMATCHED


class RequestLog:
    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = request_id_from(list(scope.get("headers", ())))
        token = current_request_id.set(request_id)
        started = time.perf_counter()
        status, replayed = 500, False

        async def send_with_id(message: Message) -> None:
            nonlocal status, replayed
            if message["type"] == "http.response.start":
                status = int(message["status"])
                headers = list(message.get("headers", ()))
                replayed = any(k.lower() == REPLAYED_HEADER.lower().encode() for k, _ in headers)
                headers.append((HEADER.lower().encode(), request_id.encode()))
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            seconds = time.perf_counter() - started
            route = route_template(scope)
            method = str(scope.get("method", ""))
            self.metrics.observe(method, route, status, seconds, replayed)
            access_log.info("%s %s %d", method, route, status,
                            extra={"method": method, "route": route, "status": status,
                                   "duration_ms": round(seconds * 1000, 2),
                                   "replayed": replayed})
            current_request_id.reset(token)

"""The kiosk's HTTP client for the central API (docs/api.md).

One ``requests.Session``; every call has ``(connect, read)`` timeouts and a cap
on the body size (read as a stream, so a 50 MB answer costs at most the cap);
every failure becomes one of four typed errors, so the sync engine decides
what to do from the type alone:

- ``Unreachable`` — no answer: connection refused, DNS, timeouts (transient);
- ``ServerBusy`` — 408, 425, 429, 5xx and 409 ``idempotency_in_flight``,
  with the server's ``Retry-After`` when given (transient);
- ``Refused`` — any other 4xx: a final answer with the problem's stable code;
- ``BadResponse`` — an answer that is not what the contract says: HTML, cut-off
  JSON, the wrong shape, too large (transient for a while: the server keeps
  idempotent results, so asking again is safe).

Retrying is not this module's business: the sync engine owns it.

Every call carries a new ``X-Request-Id``, logged here (debug) with the answer's status:
the platform logs the same id with everything it did for the request, so a failure seen
at a kiosk can be found in the platform's logs.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import requests

TIMEOUT = (3.05, 10.0)  # (connect, read) seconds
MAX_BODY = 1 << 20  # 1 MiB for ordinary answers
log = logging.getLogger(__name__)
MAX_PULL_BODY = 32 << 20  # 32 MiB for the catalogue
TRANSIENT_STATUS = frozenset({408, 425, 429}) | frozenset(range(500, 600))


class ApiError(Exception):
    """Any failure to get a usable answer. ``reason`` is a stable code."""

    transient = True

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


def transient(error: BaseException) -> bool:
    """Whether ``error`` is a failure to reach the platform that may pass (so a screen goes
    on offline), not a final answer: any ``ApiError`` but ``Refused``."""
    return isinstance(error, ApiError) and error.transient


class Unreachable(ApiError):
    pass


class ServerBusy(ApiError):
    def __init__(self, reason: str, message: str, status: int, retry_after: float | None) -> None:
        super().__init__(reason, message)
        self.status = status
        self.retry_after = retry_after


class BadResponse(ApiError):
    def __init__(self, reason: str, message: str, status: int | None = None) -> None:
        super().__init__(reason, message)
        self.status = status


class Refused(ApiError):
    transient = False

    def __init__(self, status: int, problem: Mapping[str, Any]) -> None:
        code = str(problem.get("code") or f"http_{status}")
        detail = str(problem.get("detail") or problem.get("title") or f"HTTP {status}")
        super().__init__(code, detail)
        self.status = status
        self.problem = dict(problem)


@dataclass(frozen=True, slots=True)
class ApiResponse:
    status: int
    body: Any
    etag: str | None = None
    replayed: bool = False
    headers: Mapping[str, str] = field(default_factory=dict)


class CentralClient:
    def __init__(
        self,
        base_url: str,
        token: str | None = None,
        *,
        timeout: tuple[float, float] = TIMEOUT,
        session: requests.Session | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self._clock = clock
        self._session = session or requests.Session()
        self._session.headers["User-Agent"] = "service-hall-kiosk"
        self._session.headers["Accept"] = "application/json, application/problem+json"
        if token:
            self._session.headers["Authorization"] = f"Bearer {token}"

    def close(self) -> None:
        self._session.close()

    # --- the one way out --------------------------------------------------
    def request(
        self,
        method: str,
        path: str,
        *,
        body: Any = None,
        params: Mapping[str, str] | None = None,
        idempotency_key: str | None = None,
        etag: str | None = None,
        max_body: int = MAX_BODY,
        headers: Mapping[str, str] | None = None,
        read_timeout: float | None = None,
    ) -> ApiResponse:
        """``headers`` are added to the call's own; ``read_timeout`` replaces the read part
        of the timeout for one call (a long poll)."""
        request_id = uuid.uuid4().hex
        headers = {**(headers or {}), "X-Request-Id": request_id}
        if idempotency_key:
            headers["Idempotency-Key"] = idempotency_key
        if etag:
            headers["If-None-Match"] = etag
        data = None
        if body is not None:
            headers["Content-Type"] = "application/json"
            data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        url = self.base_url + path
        try:
            with self._session.request(
                method, url, data=data, params=params, headers=headers,
                timeout=self.timeout if read_timeout is None else (self.timeout[0], read_timeout),
                stream=True, allow_redirects=False,
            ) as resp:
                raw = _read_capped(resp, max_body)
                status = resp.status_code
                resp_headers = dict(resp.headers)
        except requests.Timeout as exc:
            raise Unreachable("timeout", f"no answer from {self.base_url} in time") from exc
        except (requests.exceptions.ChunkedEncodingError, requests.exceptions.ContentDecodingError) as exc:
            raise BadResponse("truncated", "the answer was cut off") from exc
        except requests.ConnectionError as exc:
            raise Unreachable("unreachable", f"cannot connect to {self.base_url}") from exc
        except requests.RequestException as exc:
            raise Unreachable("unreachable", f"request to {self.base_url} failed: {exc}") from exc
        log.debug("%s %s: %d (request id %s)", method, path, status, request_id)
        return self._interpret(status, resp_headers, raw)

    def _interpret(self, status: int, headers: Mapping[str, str], raw: bytes) -> ApiResponse:
        lower = {k.lower(): v for k, v in headers.items()}
        if status == 304:
            return ApiResponse(304, None, lower.get("etag"), headers=lower)
        payload = _json_or_none(raw) if raw else None
        if status in TRANSIENT_STATUS or (
            status == 409 and isinstance(payload, Mapping) and payload.get("code") == "idempotency_in_flight"
        ):
            code = payload.get("code") if isinstance(payload, Mapping) else None
            raise ServerBusy(
                str(code or f"http_{status}"),
                f"the server answered {status}" + (f" ({code})" if code else ""),
                status,
                _retry_after(lower.get("retry-after"), self._clock()),
            )
        if 400 <= status < 500:
            if not isinstance(payload, Mapping):
                raise BadResponse("bad_response", f"a {status} answer without a problem document", status)
            raise Refused(status, payload)
        if not 200 <= status < 300:
            raise BadResponse("bad_response", f"unexpected HTTP status {status}", status)
        if raw and payload is None:
            raise BadResponse("bad_response", "the answer is not JSON (an error page or cut off)", status)
        return ApiResponse(
            status,
            payload,
            lower.get("etag"),
            lower.get("idempotent-replayed", "").lower() == "true",
            lower,
        )

    # --- the calls ---------------------------------------------------------
    def health(self) -> ApiResponse:
        return self._expect(self.request("GET", "/v1/health"), {"status": str})

    def enrol(self, enrolment_code: str, label: str) -> ApiResponse:
        resp = self.request(
            "POST", "/v1/enrolments", body={"enrolment_code": enrolment_code, "label": label}
        )
        return self._expect(resp, {"device_id": str, "token": str, "hall_code": str})

    def pull(self, path: str, etag: str | None, shape: Mapping[str, type]) -> ApiResponse:
        """A conditional GET: 304 (unchanged, no body) or 200 with the new copy."""
        resp = self.request("GET", path, etag=etag, max_body=MAX_PULL_BODY)
        return resp if resp.status == 304 else self._expect(resp, shape)

    def get(self, path: str, params: Mapping[str, str] | None = None,
            shape: Mapping[str, type] | None = None) -> ApiResponse:
        return self._expect(self.request("GET", path, params=params), shape or {})

    def post(self, path: str, body: Any, *, idempotency_key: str | None = None,
             shape: Mapping[str, type] | None = None) -> ApiResponse:
        resp = self.request("POST", path, body=body, idempotency_key=idempotency_key)
        return self._expect(resp, shape or {})

    def delete(self, path: str) -> ApiResponse:
        return self.request("DELETE", path)

    @staticmethod
    def _expect(resp: ApiResponse, shape: Mapping[str, type]) -> ApiResponse:
        """Check that a 2xx body has the members the contract promises."""
        if resp.status == 204 or not shape:
            if shape == {} and resp.status != 204 and resp.body is not None and not isinstance(
                resp.body, dict | list
            ):
                raise BadResponse("bad_shape", "the answer is not a JSON object", resp.status)
            return resp
        if not isinstance(resp.body, Mapping):
            raise BadResponse("bad_shape", "the answer is not a JSON object", resp.status)
        for key, kind in shape.items():
            if not isinstance(resp.body.get(key), kind):
                raise BadResponse(
                    "bad_shape", f"the answer lacks {key!r} ({kind.__name__})", resp.status
                )
        return resp


def _read_capped(resp: requests.Response, limit: int) -> bytes:
    declared = resp.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise BadResponse("too_large", f"the answer is {int(declared)} bytes, more than {limit}")
    chunks, size = [], 0
    for chunk in resp.iter_content(64 * 1024):
        size += len(chunk)
        if size > limit:
            raise BadResponse("too_large", f"the answer is more than {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _json_or_none(raw: bytes) -> Any:
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None


def _retry_after(value: str | None, now: datetime) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now).total_seconds())

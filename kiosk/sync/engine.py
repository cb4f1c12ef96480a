"""The sync engine: drains the outbox and refreshes what the kiosk pulls.

Plain Python with an injected clock, random source and client, so the tests
drive it step by step; ``ui/`` runs ``SyncEngine.run`` on a worker thread.

Draining is strictly in order of creation: only the oldest pending item may go
out, and a transient failure (no network, 5xx, 429 …) stops the pass until the
backoff delay has passed. A final refusal (any other 4xx) moves the item to the
dead-letter list with the server's reason, and the next one goes. An answer
that cannot be understood is retried a few times (the server keeps idempotent
results, so asking again is safe) and then dead-lettered with that reason;
only such answers count towards that limit, not network failures or 5xx.
A 401/403 means the device's token is no longer accepted, not that the
submission is wrong: nothing is dead-lettered, the line waits (with backoff)
and the status shows the problem ``unauthorized`` until staff re-enrol.

What is pulled is given (``pulls``; none by default): a kiosk pulls ``reference_pulls``
and ``staff_pull``, each document taken only when signed with the platform key pinned
at enrolment (``kiosk/rules/signed_document.py``).
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any, NoReturn

from kiosk.rules.catalogue import CatalogueError, parse_catalogue
from kiosk.rules.signed_document import KEY_ID, SignatureError, check_signed
from kiosk.rules.wire_time import parse_time
from kiosk.staff.roster import CLOCK_SKEW, StaffError, pepper_id, roster_for_storage
from kiosk.staff.roster import PULLED_NAME as STAFF_PULLED
from kiosk.sync.api_client import ApiError, BadResponse, CentralClient, Refused, ServerBusy
from kiosk.sync.backoff import Backoff
from kiosk.sync.outbox import Outbox
from kiosk.sync.pulled import PulledCache
from kiosk.sync.reference import CATALOGUE, HALLS, TRUST_LIST

BAD_RESPONSE_LIMIT = 5
#: refusals that are an answer for the resident, shown on the screen where they asked,
#: not a fault for staff (docs/api.md); anything else final is a dead letter
RESIDENT_ANSWERS = frozenset({
    "slot_full", "per_person_limit", "outside_booking_window", "too_short_notice",
    "not_a_slot", "hall_closed", "matter_not_bookable", "outside_checkin_window",
    "booking_cancelled", "booking_checked_in", "phone_mismatch", "cancel_locked",
    "no_phone_given",
    # a call for staff taken back that never reached the platform: nothing to cancel
    # (kiosk/staff/help_calls.py sends the cancel in case it was on the wire)
    "help_request_not_found",
})
AUTH_STATUSES = frozenset({401, 403})
#: a 403 that is about the route, not the token: this device's role may not send it (a
#: machine enrolled again in another role, its outbox kept). Waiting would block the line
#: for good; the item goes to the dead letters with that reason, and the rest is sent.
WRONG_ROLE = "wrong_device_role"
UNAUTHORIZED = "unauthorized"
DEFAULT_BACKOFF = Backoff()
#: the problems of a signed document refused (status and log): its signature does not
#: check out with the platform key, or it was issued before the copy kept (replayed)
BAD_STAFF_LIST_SIGNATURE = "bad_staff_list_signature"
OLDER_STAFF_LIST = "older_staff_list"
BAD_TRUST_LIST_SIGNATURE = "bad_trust_list_signature"
OLDER_TRUST_LIST = "older_trust_list"
BAD_CATALOGUE_SIGNATURE = "bad_catalogue_signature"
BAD_HALLS_SIGNATURE = "bad_halls_signature"

log = logging.getLogger(__name__)

#: the platform key (raw 32 bytes) for the engine's client: the one pinned with the
#: enrolment (``CredentialStore.platform_key``, which pins it on first use); raises an
#: ``ApiError`` when there is none to be had
PlatformKey = Callable[[CentralClient], bytes]


@dataclass(frozen=True, slots=True)
class Pull:
    name: str
    path: str
    shape: Mapping[str, type]
    check: Callable[[Any], object] | None = None
    #: a check that needs more than the answer, made before ``check``: (the engine's
    #: client, the answer, the body of the copy kept so far or None, now); a signed
    #: document's signature, with the key pinned on first use, and its issue time.
    #: Raises an ``ApiError`` to refuse the answer
    verify: Callable[[CentralClient, Any, Any, datetime], object] | None = None
    #: what is kept of the answer, when not the answer as it came (the staff list)
    keep: Callable[[Any], Any] | None = None
    #: whether the kept copy may be revalidated (sent with its ETag); else pulled whole
    reusable: Callable[[Any], bool] | None = None


def _check_catalogue(body: Any) -> None:
    try:
        parse_catalogue(body)
    except CatalogueError as exc:
        raise BadResponse("bad_catalogue", f"the catalogue from the server is invalid: {exc}") from exc


def _check_trust_list(body: Any) -> None:
    """A list in which no key can be used never replaces the last good copy (bad keys
    beside good ones are skipped when it is read)."""
    from kiosk.ecert.verify import TrustList  # the JOSE library: in the sync thread only

    if TrustList.from_wire(body) is None:
        raise BadResponse("bad_trust_list", "the trust list from the server has no usable key")


def _signed(what: str, problem: str, platform_key: PlatformKey, *, dated: bool = False,
            ) -> Callable[[CentralClient, Any, Any, datetime], None]:
    """The ``verify`` of a document signed with the platform key: refused, logged, as
    ``bad_<problem>_signature`` when its signature does not check out with the pinned key
    (none, a bad one, another key's). ``dated``: refused as ``older_<problem>`` too when
    issued before the copy kept (an old document replayed would undo what changed since),
    and as ``bad_<problem>`` when it has no issue time."""

    def verify(client: CentralClient, body: Any, kept: Any, now: datetime) -> None:
        try:
            check_signed(body, platform_key(client))
        except SignatureError as exc:
            _refuse(what, f"bad_{problem}_signature", str(exc))
        if not dated:
            return
        issued, before = _issued_at(body), _issued_at(kept)
        if issued is None:
            _refuse(what, f"bad_{problem}", "it has no issue time")
        # a kept time ahead of this kiosk's clock came from a server clock set wrong: not a bar
        if before is not None and issued < before <= now + CLOCK_SKEW:
            _refuse(what, f"older_{problem}", f"it was issued at {body['issued_at']}, "
                                              f"before the list kept ({kept['issued_at']})")

    return verify


def _refuse(what: str, reason: str, why: str) -> NoReturn:
    log.warning("%s refused, the last good one is kept: %s", what, why)
    raise BadResponse(reason, f"the {what} is refused: {why}")


def _signed_copy(kept: Any) -> bool:
    """A copy checked with a key may be revalidated; one kept before documents were
    signed is pulled whole (and checked)."""
    return isinstance(kept, dict) and isinstance(kept.get(KEY_ID), str)


def reference_pulls(platform_key: PlatformKey) -> tuple[Pull, ...]:
    """The reference data, each taken only when signed with the platform key
    (``platform_key``): the catalogue and the hall calendars residents read, and the
    issuers' trust list, which decides the e-certificate codes that verify offline (also
    refused when issued before the list kept: an old list replayed would bring back an
    issuer key removed since). A refused document is logged and said in the status; the
    last good copy stays. Kept as they came, signature included."""
    return (
        Pull(CATALOGUE, "/v1/catalogue", {"matters": list, "halls": list}, _check_catalogue,
             verify=_signed("catalogue", "catalogue", platform_key), reusable=_signed_copy),
        Pull(HALLS, "/v1/halls", {"halls": list},
             verify=_signed("hall calendars", "halls", platform_key), reusable=_signed_copy),
        Pull(TRUST_LIST, "/v1/trust-list", {"issued_at": str, "issuers": list},
             _check_trust_list, verify=_signed("trust list", "trust_list", platform_key,
                                               dated=True),
             reusable=_signed_copy),
    )


def staff_pull(pepper: bytes, platform_key: PlatformKey) -> Pull:
    """The staff accounts, taken only when signed with the platform key (``platform_key``)
    and kept with each PIN hash keyed with the kiosk's pepper (``kiosk.staff.roster``):
    never as they came. A list with no signature, a bad one or another key's is refused
    and logged, and so is a signed list issued before the one kept (an old list replayed
    would bring back accounts deactivated since); the last good copy stays. The kept
    list's age counts from its signed ``issued_at`` (``StaffRoster``), not from the last
    answer that confirmed it."""

    def keep(body: Any) -> Any:
        try:
            return {**roster_for_storage(body, pepper), KEY_ID: body[KEY_ID]}
        except StaffError as exc:
            raise BadResponse("bad_staff_list", str(exc)) from exc

    def reusable(kept: Any) -> bool:
        """Kept with this pepper (the store may have been reset) and checked with a key."""
        return _signed_copy(kept) and kept.get("pepper_id") == pepper_id(pepper)

    return Pull(STAFF_PULLED, "/v1/staff", {"staff": list},
                verify=_signed("staff list", "staff_list", platform_key, dated=True), keep=keep,
                reusable=reusable)


def _issued_at(document: Any) -> datetime | None:
    try:
        issued = parse_time(str(document["issued_at"]))
    except (KeyError, TypeError, ValueError):
        return None
    return issued if issued.tzinfo is not None else None


@dataclass(frozen=True, slots=True)
class SyncStatus:
    """What the header's status chip shows; ``online`` is None until first contact."""

    online: bool | None = None
    offline_since: datetime | None = None
    pending: int = 0
    dead: int = 0
    last_contact: datetime | None = None
    problem: str | None = None  # stable reason code of the last failure


class SyncEngine:
    def __init__(
        self,
        client: CentralClient,
        outbox: Outbox,
        pulled: PulledCache,
        *,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        rng: random.Random | None = None,
        backoff: Backoff = DEFAULT_BACKOFF,
        pulls: tuple[Pull, ...] = (),
        pull_every_s: float = 300.0,
        heartbeat_every_s: float = 60.0,
        heartbeat_body: Callable[[], dict[str, Any]] | None = None,
        on_status: Callable[[SyncStatus], None] | None = None,
        on_pulled: Callable[[str], None] | None = None,
    ) -> None:
        self.client = client
        self.outbox = outbox
        self.pulled = pulled
        self._clock = clock
        self._rng = rng or random.Random()
        self._backoff = backoff
        self._pulls = pulls
        self._pull_every = pull_every_s
        self._heartbeat_every = heartbeat_every_s
        self._heartbeat_body = heartbeat_body
        self._on_status = on_status
        self._on_pulled = on_pulled
        self._next_pull = 0.0
        self._next_heartbeat = 0.0
        self._pull_failures = 0
        self._bad_responses: dict[str, int] = {}  # per item id, since this engine started
        self._urgent = threading.Event()
        self._status = SyncStatus()

    # --- status --------------------------------------------------------------
    @property
    def status(self) -> SyncStatus:
        return self._status

    def _publish(self, **changes: Any) -> None:
        counts = self.outbox.counts()
        new = replace(self._status, pending=counts.pending, dead=counts.dead, **changes)
        if new != self._status:
            self._status = new
            if self._on_status:
                self._on_status(new)

    def _contact(self) -> None:
        self._publish(online=True, offline_since=None, last_contact=self._clock(), problem=None)

    def _failure(self, error: ApiError) -> None:
        if isinstance(error, Refused) and error.status in AUTH_STATUSES:
            # the token (re-enrol), or the route's role (said as it is, for IT)
            self._publish(online=True, offline_since=None, last_contact=self._clock(),
                          problem=UNAUTHORIZED if _token_refused(error) else WRONG_ROLE)
            return
        if isinstance(error, Refused):
            self._contact()
            return
        since = self._status.offline_since if self._status.online is False else self._clock()
        self._publish(online=False, offline_since=since, problem=error.reason)

    # --- the outbox -----------------------------------------------------------
    def urge(self) -> None:
        """Something new was queued: try the line now, whatever the backoff says."""
        self._urgent.set()

    def drain(self, limit: int | None = None) -> int:
        """Send due items in order until the line is empty or blocked; how many left."""
        delivered = 0
        urgent = self._urgent.is_set()
        self._urgent.clear()
        while limit is None or delivered < limit:
            item = self.outbox.head()
            if item is None:
                break
            now = self._clock()
            # (a millisecond of slack: clocks with microsecond steps land just short)
            if item.next_attempt_at > now.timestamp() + 0.001 and not urgent:
                break
            urgent = False
            try:
                resp = self.client.request(
                    item.method, item.path, body=item.body, idempotency_key=item.id
                )
            except Refused as exc:
                if _token_refused(exc):  # the token, not the submission: wait
                    self._retry_later(item.id, item.attempts, exc, None)
                    break
                finish = (self.outbox.mark_refused if exc.reason in RESIDENT_ANSWERS
                          else self.outbox.mark_dead)
                finish(item.id, exc.status, exc.problem, exc.reason, self._clock())
                self._bad_responses.pop(item.id, None)
                self._failure(exc)
                delivered += 1
                continue
            except BadResponse as exc:
                bad = self._bad_responses[item.id] = self._bad_responses.get(item.id, 0) + 1
                if bad >= BAD_RESPONSE_LIMIT:
                    self._bad_responses.pop(item.id, None)
                    self.outbox.mark_dead(item.id, exc.status, None, exc.reason, self._clock())
                    self._failure(exc)
                    delivered += 1
                    continue
                self._retry_later(item.id, item.attempts, exc, None)
                break
            except ServerBusy as exc:
                self._retry_later(item.id, item.attempts, exc, exc.retry_after)
                break
            except ApiError as exc:
                self._retry_later(item.id, item.attempts, exc, None)
                break
            self.outbox.mark_sent(item.id, resp.status, resp.body, self._clock())
            self._bad_responses.pop(item.id, None)
            self._contact()
            delivered += 1
        self._publish()
        return delivered

    def _retry_later(self, item_id: str, attempts: int, error: ApiError, retry_after: float | None) -> None:
        wait = self._backoff.delay(attempts + 1, self._rng, retry_after)
        self.outbox.mark_retry(item_id, f"{error.reason}: {error}", self._clock().timestamp() + wait)
        self._failure(error)

    def next_attempt_in(self) -> float | None:
        item = self.outbox.head()
        if item is None:
            return None
        return max(0.0, item.next_attempt_at - self._clock().timestamp())

    # --- pulls and heartbeat --------------------------------------------------
    def refresh(self, force: bool = False) -> list[str]:
        """Conditional pulls that are due; the names of the copies replaced."""
        now = self._clock().timestamp()
        if not force and now < self._next_pull:
            return []
        replaced = []
        for pull in self._pulls:
            try:
                resp = self.client.pull(pull.path, self._etag(pull), pull.shape)
                if resp.status == 304:
                    self.pulled.touch(pull.name, self._clock())
                else:
                    if pull.verify:  # first: what the platform did not sign is refused as such
                        kept = self.pulled.get(pull.name)
                        pull.verify(self.client, resp.body, kept.body if kept else None,
                                    self._clock())
                    if pull.check:
                        pull.check(resp.body)
                    body = pull.keep(resp.body) if pull.keep else resp.body
                    self.pulled.replace(pull.name, resp.etag, body, self._clock())
                    replaced.append(pull.name)
            except ApiError as exc:
                self._failure(exc)
                self._pull_failures += 1
                wait = self._backoff.delay(self._pull_failures, self._rng)
                self._next_pull = self._clock().timestamp() + min(wait, self._pull_every)
                return replaced
            self._contact()
        self._pull_failures = 0
        self._next_pull = self._clock().timestamp() + self._pull_every
        for name in replaced:
            if self._on_pulled:
                self._on_pulled(name)
        return replaced

    def _etag(self, pull: Pull) -> str | None:
        if pull.reusable is not None:
            kept = self.pulled.get(pull.name)
            if kept is None or not pull.reusable(kept.body):
                return None
        return self.pulled.etag(pull.name)

    def heartbeat(self, force: bool = False) -> None:
        now = self._clock()
        if self._heartbeat_body is None or (not force and now.timestamp() < self._next_heartbeat):
            return
        self._next_heartbeat = now.timestamp() + self._heartbeat_every
        counts = self.outbox.counts()
        outbox: dict[str, int] = {"pending": counts.pending, "dead": counts.dead}
        oldest = self.outbox.oldest_pending_created_at() if counts.pending else None
        if oldest is not None:  # an age, so the platform needs no trust in this clock
            outbox["oldest_pending_seconds"] = max(0, int((now - parse_time(oldest))
                                                          .total_seconds()))
        body = {"sent_at": now.isoformat().replace("+00:00", "Z"), "outbox": outbox,
                **self._heartbeat_body()}
        try:
            self.client.post("/v1/devices/me/heartbeat", body)
        except ApiError as exc:
            self._failure(exc)
        else:
            self._contact()

    # --- the loop -----------------------------------------------------------
    def step(self) -> float:
        """One round of work; seconds until the next round is worth doing."""
        self.drain()
        self.refresh()
        self.heartbeat()
        # the retention of residents' numbers in finished items (outbox.FINISHED_KEPT_WHOLE)
        self.outbox.redact_finished(self._clock())
        now = self._clock().timestamp()
        waits = [max(0.0, self._next_pull - now)]
        if self._heartbeat_body is not None:
            waits.append(max(0.0, self._next_heartbeat - now))
        head = self.next_attempt_in()
        if head is not None:
            waits.append(head)
        return min(waits)

    def run(self, stop: threading.Event, wake: threading.Event, max_wait: float = 5.0) -> None:
        """Work until ``stop`` is set; ``wake`` cuts a wait short (see ``urge``)."""
        while not stop.is_set():
            try:
                wait = self.step()
            except Exception as exc:  # noqa: BLE001 - the worker must outlive any one failure
                self._publish(problem=f"internal: {type(exc).__name__}")
                wait = max_wait
            wake.wait(timeout=min(wait, max_wait))
            wake.clear()


def _token_refused(error: Refused) -> bool:
    """401/403 about the device's token (re-enrol), not a 403 about the route's role."""
    return error.status in AUTH_STATUSES and error.reason != WRONG_ROLE

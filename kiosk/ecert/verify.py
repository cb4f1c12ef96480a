"""What a scanned code holds, and whether to believe it (扫码亮证, DESIGN.md §6).

A code is one of:

1. a signed e-certificate: a compact JWS (``alg`` EdDSA, Ed25519 keys) whose claims
   are the certificate (see ``CLAIMS``) and whose ``exp`` is at most 120 s after
   ``iat``; verified offline against the issuers' keys in the trust list the sync
   engine pulls. Each code is accepted once: its nonce (``jti``) is remembered
   until the code expires;
2. an opaque token ``ECTOKEN:…``, which only the central platform can check (online);
3. this kiosk's own booking voucher ``SHK-BOOKING:<reference>``;
4. a web link;
5. anything else.

``Checker.check`` maps every input to exactly one ``Outcome`` and never raises: a
kiosk must not fall over because someone holds up the wrong code.
"""

from __future__ import annotations

import binascii
import logging
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from enum import Enum
from typing import Any, TypedDict

import jwt
from jwt.exceptions import InvalidSignatureError, InvalidTokenError, PyJWKError, PyJWTError

from kiosk.ecert.used_codes import MemoryUsedCodes, UsedCodes
from kiosk.rules.ecert_codes import (
    CERT_TYPES,
    JWS_TYPE,
    MAX_CODE_LIFETIME,
    STATUSES,
    TOKEN_PREFIX,
    VOUCHER_PREFIX,
    public_key_problem,
)
from kiosk.rules.wire_time import parse_time

log = logging.getLogger(__name__)

TRUST_LIST_MAX_AGE = timedelta(days=7)
CLOCK_SKEW = timedelta(seconds=30)
MAX_TEXT = 4096  # a QR code holds less; anything longer is not ours

_JWS = re.compile(r"[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+")
_VOUCHER = re.compile(re.escape(VOUCHER_PREFIX) + r"([A-Z2-9]{8})")
_URL = re.compile(r"(?i)https?://\S+")


class Outcome(Enum):
    VERIFIED_OFFLINE = "verified_offline"
    VERIFIED_ONLINE = "verified_online"
    VOUCHER = "voucher"
    NEEDS_NETWORK = "needs_network"  # an opaque token while offline
    WEB_LINK = "web_link"
    NOT_OURS = "not_ours"  # readable, but not a code this kiosk knows
    MALFORMED = "malformed"  # looks like a certificate, but is broken
    EXPIRED = "expired"  # the code (or the certificate) is out of date
    NOT_YET_VALID = "not_yet_valid"
    ALREADY_USED = "already_used"
    UNKNOWN_ISSUER = "unknown_issuer"
    BAD_SIGNATURE = "bad_signature"
    REVOKED = "revoked"
    TRUST_LIST_STALE = "trust_list_stale"  # cannot verify: never "valid"
    NO_TRUST_LIST = "no_trust_list"
    UNKNOWN_TOKEN = "unknown_token"  # the platform does not know this opaque token


ACCEPTED = frozenset({Outcome.VERIFIED_OFFLINE, Outcome.VERIFIED_ONLINE})


@dataclass(frozen=True, slots=True)
class Certificate:
    ctype: str
    name: str
    idn: str
    cno: str
    issuer: str
    valid_from: date | None
    valid_until: date | None
    status: str  # valid | abnormal


@dataclass(frozen=True, slots=True)
class Result:
    outcome: Outcome
    certificate: Certificate | None = None
    issuer_name: Mapping[str, str] = field(default_factory=dict)
    checked_at: datetime | None = None
    trust_list_issued_at: datetime | None = None
    reference: str = ""  # a booking voucher's reference
    url: str = ""  # a web link, shown so the resident knows what it was

    @property
    def accepted(self) -> bool:
        return self.outcome in ACCEPTED


class _Checked(TypedDict):
    """What every result of a checked signature says, whatever the outcome."""

    checked_at: datetime
    trust_list_issued_at: datetime
    issuer_name: Mapping[str, str]


@dataclass(frozen=True, slots=True)
class TrustList:
    issued_at: datetime
    keys: Mapping[str, tuple[str, Any, tuple[str, ...], Mapping[str, str]]]
    # kid -> (issuer id, public key, certificate types, issuer name {zh, en})

    @classmethod
    def from_wire(cls, body: Any) -> TrustList | None:
        """The trust list from ``GET /v1/trust-list``; None when it is unusable (no issue
        time, or not one usable key). A bad issuer entry is skipped and logged: one bad key
        must not stop every other issuer's codes from being checked."""
        try:
            issued = parse_time(str(body["issued_at"]))
            issuers = body["issuers"]
        except (KeyError, TypeError, ValueError):
            return None
        if issued.tzinfo is None or not isinstance(issuers, list):
            return None
        keys = {}
        for issuer in issuers:
            entry = _issuer_key(issuer)
            if entry is not None:
                keys[entry[0]] = entry[1]
        if not keys:
            return None
        return cls(issued.astimezone(UTC), keys)


def _issuer_key(issuer: Any) -> tuple[str, tuple[str, Any, tuple[str, ...], Mapping[str, str]]] | None:
    """One issuer's (kid, entry), or None (logged) when it cannot be used."""
    who = issuer.get("issuer_id") if isinstance(issuer, dict) else None
    try:
        jwk = issuer["jwk"]
        problem = public_key_problem(jwk)
        if problem is None:
            key = jwt.PyJWK(dict(jwk), algorithm="EdDSA").key
            return str(jwk["kid"]), (str(issuer["issuer_id"]), key,
                                     tuple(str(t) for t in issuer.get("cert_types", ())),
                                     {str(k): str(v) for k, v in dict(issuer.get("name", {})).items()})
    except (KeyError, TypeError, ValueError, AttributeError, PyJWTError) as exc:
        problem = f"{type(exc).__name__}: {exc}"
    log.warning("trust list: issuer %r skipped: %s", who, problem)
    return None


class Checker:
    """Classifies and verifies codes; remembers the nonces of accepted ones."""

    def __init__(self, trust_list: Callable[[], TrustList | None],
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC),
                 used: UsedCodes | None = None) -> None:
        """``used``: where the nonces of accepted codes are kept (the kiosk's database, so
        a restart forgets none; by default in memory)."""
        self._trust_list = trust_list
        self._clock = clock
        self._used: UsedCodes = used if used is not None else MemoryUsedCodes()

    def check(self, text: Any) -> Result:
        now = self._clock()
        if not isinstance(text, str) or not text.strip() or len(text) > MAX_TEXT:
            return Result(Outcome.NOT_OURS, checked_at=now)
        text = text.strip()
        voucher = _VOUCHER.fullmatch(text)
        if voucher:
            return Result(Outcome.VOUCHER, checked_at=now, reference=voucher.group(1))
        if text.startswith(TOKEN_PREFIX):
            return Result(Outcome.NEEDS_NETWORK, checked_at=now)
        if _URL.fullmatch(text):
            return Result(Outcome.WEB_LINK, checked_at=now, url=text)
        if not _JWS.fullmatch(text):
            return Result(Outcome.NOT_OURS, checked_at=now)
        try:
            return self._verify(text, now)
        except (InvalidTokenError, PyJWKError, ValueError, TypeError, KeyError,
                binascii.Error, OverflowError, RecursionError):
            return Result(Outcome.MALFORMED, checked_at=now)

    def _verify(self, text: str, now: datetime) -> Result:
        header = jwt.get_unverified_header(text)
        if (header.get("alg") != "EdDSA" or not isinstance(header.get("kid"), str)
                or header.get("typ") != JWS_TYPE):
            return Result(Outcome.MALFORMED, checked_at=now)
        try:
            trust = self._trust_list()
        except Exception:  # a broken copy must not make the scanner fall over
            log.exception("the trust list could not be read")
            trust = None
        if trust is None:
            return Result(Outcome.NO_TRUST_LIST, checked_at=now)
        if now - trust.issued_at > TRUST_LIST_MAX_AGE:
            return Result(Outcome.TRUST_LIST_STALE, checked_at=now,
                          trust_list_issued_at=trust.issued_at)
        entry = trust.keys.get(header["kid"])
        if entry is None:
            return Result(Outcome.UNKNOWN_ISSUER, checked_at=now,
                          trust_list_issued_at=trust.issued_at)
        issuer_id, key, cert_types, issuer_name = entry
        base: _Checked = {"checked_at": now, "trust_list_issued_at": trust.issued_at,
                          "issuer_name": issuer_name}
        try:
            claims = jwt.decode(
                text, key=key, algorithms=["EdDSA"],
                options={"verify_exp": False, "verify_iat": False, "verify_nbf": False,
                         "verify_aud": False, "verify_iss": False},
            )
        except InvalidSignatureError:
            return Result(Outcome.BAD_SIGNATURE, **base)
        cert, iat, exp, nonce = _claims(claims)
        not_before = _not_before(claims)
        if cert is None or cert.issuer != issuer_id or cert.ctype not in cert_types:
            return Result(Outcome.MALFORMED, **base)
        if exp - iat > MAX_CODE_LIFETIME or iat > now + CLOCK_SKEW:
            return Result(Outcome.MALFORMED if exp - iat > MAX_CODE_LIFETIME
                          else Outcome.NOT_YET_VALID, **base)
        if now > exp + CLOCK_SKEW:
            return Result(Outcome.EXPIRED, **base)
        if not_before is not None and not_before > now + CLOCK_SKEW:
            return Result(Outcome.NOT_YET_VALID, **base)
        self._used.forget_expired(now)
        if self._used.used(nonce):
            return Result(Outcome.ALREADY_USED, **base)
        if cert.status == "revoked":
            return Result(Outcome.REVOKED, certificate=cert, **base)
        today = now.date()
        if cert.valid_until is not None and cert.valid_until < today:
            return Result(Outcome.EXPIRED, certificate=cert, **base)
        if cert.valid_from is not None and cert.valid_from > today:
            return Result(Outcome.NOT_YET_VALID, certificate=cert, **base)
        self._used.remember(nonce, exp + CLOCK_SKEW)
        return Result(Outcome.VERIFIED_OFFLINE, certificate=cert, **base)


def online_result(body: Any, trust: TrustList | None) -> Result:
    """The platform's answer for an opaque token (``POST /v1/credentials/verify``)."""
    verdicts = {"valid": Outcome.VERIFIED_ONLINE, "expired": Outcome.EXPIRED,
                "already_used": Outcome.ALREADY_USED, "revoked": Outcome.REVOKED,
                "unknown": Outcome.UNKNOWN_TOKEN}
    try:
        outcome = verdicts[body["verdict"]]
        checked = parse_time(str(body["checked_at"]))
        raw = body.get("certificate")
        cert = None
        if isinstance(raw, dict):
            cert = Certificate(
                ctype=_choice(raw["ctype"], CERT_TYPES), name=_text(raw["name"], 1, 100),
                idn=_text(raw["idn"], 8, 40), cno=_text(raw["cno"], 1, 64),
                issuer=_text(raw["issuer"], 1, 64), valid_from=_date(raw.get("vfrom")),
                valid_until=_date(raw.get("vuntil")),
                status=_choice(raw.get("status", "valid"), STATUSES))
    except (KeyError, TypeError, ValueError):
        return Result(Outcome.MALFORMED)
    names: Mapping[str, str] = {}
    if trust is not None and cert is not None:
        names = next((name for issuer, _k, _t, name in trust.keys.values()
                      if issuer == cert.issuer), {})
    return Result(outcome, cert, names, checked)


def _claims(c: Any) -> tuple[Certificate | None, datetime, datetime, str]:
    epoch = datetime(1970, 1, 1, tzinfo=UTC)
    if not isinstance(c, dict):
        return None, epoch, epoch, ""
    try:
        iat = epoch + timedelta(seconds=_number(c["iat"]))
        exp = epoch + timedelta(seconds=_number(c["exp"]))
        nonce = _text(c["jti"], 8, 128)
        cert = Certificate(
            ctype=_choice(c["ctype"], CERT_TYPES),
            name=_text(c["name"], 1, 100),
            idn=_text(c["idn"], 8, 40),
            cno=_text(c["cno"], 1, 64),
            issuer=_text(c["iss"], 1, 64),
            valid_from=_date(c.get("vfrom")),
            valid_until=_date(c.get("vuntil")),
            status=_choice(c["status"], STATUSES),  # no status is not "valid"
        )
    except (KeyError, TypeError, ValueError, OverflowError):
        return None, epoch, epoch, ""
    return cert, iat, exp, nonce


def _not_before(c: Any) -> datetime | None:
    """The code's ``nbf``, if it has a usable one (an unusable one makes it malformed)."""
    if not isinstance(c, dict) or "nbf" not in c:
        return None
    return datetime(1970, 1, 1, tzinfo=UTC) + timedelta(seconds=_number(c["nbf"]))


def _number(v: Any) -> float:
    if isinstance(v, bool) or not isinstance(v, int | float) or not 0 <= v < 2**40:
        raise ValueError("not a time")
    return float(v)


def _text(v: Any, low: int, high: int) -> str:
    if not isinstance(v, str) or not low <= len(v) <= high:
        raise ValueError("not a text")
    return v


def _choice(v: Any, options: tuple[str, ...]) -> str:
    if v not in options:
        raise ValueError("not an option")
    chosen: str = v  # equal to one of the options
    return chosen


def _date(v: Any) -> date | None:
    if v in (None, ""):
        return None
    if not isinstance(v, str):
        raise ValueError("not a date")
    return date.fromisoformat(v)

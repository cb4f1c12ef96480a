"""Issue 12, finding 13: a signed e-certificate code is accepted once, also across a
restart of the kiosk (its nonce is kept in the kiosk's database until the code
expires); ``typ`` and ``nbf`` are checked, and a code without a status is not "valid"."""

from __future__ import annotations

import json
import secrets
from datetime import UTC, datetime, timedelta

from central.mint import KEYS, mint, sign
from kiosk.ecert.used_codes import StoredUsedCodes
from kiosk.ecert.verify import Checker, Outcome, TrustList
from kiosk.rules.catalogue import DEMO_CATALOGUE
from kiosk.sync.store import LocalStore

NOW = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)


def trust() -> TrustList:
    raw = json.loads((DEMO_CATALOGUE.parent / "issuers.json").read_text(encoding="utf-8"))
    found = TrustList.from_wire({"issued_at": "2026-11-20T00:00:00Z", "issuers": raw["issuers"]})
    assert found is not None
    return found


def claims(**changes) -> dict:
    base = {"iss": "cn-mps", "jti": secrets.token_urlsafe(12), "iat": int(NOW.timestamp()),
            "exp": int(NOW.timestamp()) + 120, "ctype": "e_id", "name": "张小三",
            "idn": "11010519491231002X", "cno": "E-ID-1", "vfrom": "2020-01-01",
            "vuntil": "2040-12-31", "status": "valid"}
    base.update(changes)
    return {k: v for k, v in base.items() if v is not None}


def signed(c: dict, headers_typ: str | None = "ecert+jwt") -> str:
    keys = json.loads(KEYS.read_text(encoding="utf-8"))["keys"]
    if headers_typ == "ecert+jwt":
        return sign(c, keys["cn-mps"])
    import jwt

    key = jwt.PyJWK(dict(keys["cn-mps"]), algorithm="EdDSA").key
    headers = {"kid": keys["cn-mps"]["kid"]}
    if headers_typ is not None:
        headers["typ"] = headers_typ
    return jwt.PyJWS().encode(json.dumps(c).encode(), key, algorithm="EdDSA", headers=headers)


def test_a_used_code_is_refused_after_a_restart(tmp_path):
    code = mint("eid", now=NOW)
    store = LocalStore(tmp_path / "kiosk.db")
    first = Checker(trust, clock=lambda: NOW, used=StoredUsedCodes(store))
    assert first.check(code).outcome is Outcome.VERIFIED_OFFLINE
    store.close()
    store = LocalStore(tmp_path / "kiosk.db")  # the kiosk restarted
    again = Checker(trust, clock=lambda: NOW + timedelta(seconds=30), used=StoredUsedCodes(store))
    assert again.check(code).outcome is Outcome.ALREADY_USED
    store.close()


def test_used_nonces_are_forgotten_once_their_code_has_expired(tmp_path):
    store = LocalStore(tmp_path / "kiosk.db")
    used = StoredUsedCodes(store)
    Checker(trust, clock=lambda: NOW, used=used).check(mint("eid", now=NOW))
    assert store.read("SELECT COUNT(*) FROM used_codes")[0][0] == 1
    later = Checker(trust, clock=lambda: NOW + timedelta(minutes=10), used=used)
    later.check(mint("eid", now=NOW + timedelta(minutes=10)))  # any check tidies up
    assert store.read("SELECT COUNT(*) FROM used_codes")[0][0] == 1  # only the new one
    store.close()


def test_a_code_without_a_status_is_not_valid():
    result = Checker(trust, clock=lambda: NOW).check(signed(claims(status=None)))
    assert result.outcome is Outcome.MALFORMED


def test_a_code_of_another_type_is_refused():
    checker = Checker(trust, clock=lambda: NOW)
    assert checker.check(signed(claims(), headers_typ="JWT")).outcome is Outcome.MALFORMED
    assert checker.check(signed(claims(), headers_typ=None)).outcome is Outcome.MALFORMED


def test_a_code_not_valid_before_a_later_time_is_not_yet_valid():
    c = claims(nbf=int(NOW.timestamp()) + 90)
    result = Checker(trust, clock=lambda: NOW).check(signed(c))
    assert result.outcome is Outcome.NOT_YET_VALID

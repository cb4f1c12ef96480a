"""Issue 12, finding 10: one bad key in the trust list does not break scanning. Bad keys
are skipped (and logged), a list that cannot be used at all never replaces the last good
one, the checker never raises, and the platform refuses to publish a bad key. (That a
signed list, from the real server on SQLite and PostgreSQL, still skips bad keys and
never replaces the last good list with one that has no usable key:
tests/security/test_reference_signature.py.)"""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime

import pytest

from central.mint import KEYS, mint
from central.seed import SeedError, read_seed
from kiosk.ecert.verify import Checker, Outcome, TrustList
from kiosk.rules.catalogue import DEMO_CATALOGUE

ISSUERS = DEMO_CATALOGUE.parent / "issuers.json"
NOW = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)


def demo_list() -> dict:
    raw = json.loads(ISSUERS.read_text(encoding="utf-8"))
    return {"issued_at": raw["issued_at"], "issuers": raw["issuers"]}


def with_bad_keys(body: dict) -> dict:
    body = json.loads(json.dumps(body))
    rsa = {"issuer_id": "bad-rsa", "name": {"zh": "坏", "en": "Bad"}, "cert_types": ["e_id"],
           "jwk": {"kty": "RSA", "n": "sXch", "e": "AQAB", "kid": "rsa-1"}}
    garbage = {"issuer_id": "bad-x", "name": {"zh": "坏", "en": "Bad"}, "cert_types": ["e_id"],
               "jwk": {"kty": "OKP", "crv": "Ed25519", "x": "!!!", "kid": "bad-x-1"}}
    not_a_dict = "an issuer"
    body["issuers"] = [rsa, garbage, not_a_dict, *body["issuers"]]
    return body


def test_bad_keys_are_skipped_and_the_good_ones_kept(caplog):
    trust = TrustList.from_wire(with_bad_keys(demo_list()))
    assert trust is not None
    assert "rsa-1" not in trust.keys and "bad-x-1" not in trust.keys
    assert len(trust.keys) == len(demo_list()["issuers"])
    assert "bad-rsa" in caplog.text and "bad-x" in caplog.text


def test_a_code_still_verifies_with_a_bad_key_in_the_list():
    body = with_bad_keys(demo_list())
    body["issued_at"] = "2026-11-20T00:00:00Z"  # a fresh list at NOW
    trust = TrustList.from_wire(body)
    result = Checker(lambda: trust, clock=lambda: NOW).check(mint("eid", now=NOW))
    assert result.outcome is Outcome.VERIFIED_OFFLINE


def test_the_checker_never_raises_whatever_the_trust_list_does():
    def broken():
        raise RuntimeError("the trust list could not be read")

    result = Checker(broken).check(mint("eid", now=datetime.now(UTC)))
    assert result.outcome is Outcome.NO_TRUST_LIST


def test_the_platform_refuses_to_publish_a_bad_key(tmp_path):
    seed = tmp_path / "seed"
    shutil.copytree(DEMO_CATALOGUE.parent, seed)
    raw = json.loads(ISSUERS.read_text(encoding="utf-8"))
    raw["issuers"][0]["jwk"]["x"] = "!!!"
    (seed / "issuers.json").write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(SeedError, match="cn-mps"):
        read_seed(seed)
    assert KEYS.exists()  # the demo's private keys are not touched by any of this


def test_a_key_whose_length_no_base64_has_is_refused_with_a_reason():
    """``x`` of 4n+1 characters made the check itself raise (binascii.Error) instead of
    naming the problem: the seed then failed with a traceback, not a SeedError."""
    from kiosk.rules.ecert_codes import public_key_problem

    jwk = {"kty": "OKP", "crv": "Ed25519", "kid": "k-1", "x": "A" * 41}
    assert public_key_problem(jwk) == "the key's x is not base64url"

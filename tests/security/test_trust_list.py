"""Issue 12, finding 10: one bad key in the trust list does not break scanning. Bad keys
are skipped (and logged), a list that cannot be used at all never replaces the last good
one, the checker never raises, and the platform refuses to publish a bad key."""

from __future__ import annotations

import json
import random
import shutil
from datetime import UTC, datetime, timedelta

import pytest

from central.mint import KEYS, mint
from central.seed import SeedError, read_seed
from kiosk.ecert.verify import Checker, Outcome, TrustList
from kiosk.rules.catalogue import DEMO_CATALOGUE
from kiosk.sync.engine import SyncEngine
from kiosk.sync.outbox import Outbox
from kiosk.sync.pulled import PulledCache
from kiosk.sync.store import LocalStore
from tests.helpers.central_server import running_central

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


def test_an_unusable_list_never_replaces_the_last_good_one(tmp_path):
    """Against the real server: its trust list is replaced in its database by one with
    only bad keys; the kiosk's pull refuses it and keeps the copy it had."""
    seed = tmp_path / "seed"
    shutil.copytree(DEMO_CATALOGUE.parent, seed)
    db = f"sqlite:///{tmp_path / 'central.db'}"
    store = LocalStore(tmp_path / "kiosk.db")
    pulled = PulledCache(store)
    from kiosk.sync.api_client import CentralClient

    with running_central(db) as url:
        engine = SyncEngine(CentralClient(url, "test-token"), Outbox(store), pulled,
                            clock=lambda: NOW, rng=random.Random(1))
        engine.refresh(force=True)
        good = pulled.get("trust_list")
        assert good is not None and TrustList.from_wire(good.body) is not None
    # the platform now serves a list in which no key can be used
    from sqlalchemy import create_engine, text

    bad = with_bad_keys({"issued_at": "2026-11-20T00:00:00Z", "issuers": []})
    eng = create_engine(db)
    with eng.begin() as conn:
        conn.execute(text("UPDATE documents SET body = :b WHERE name = 'trust_list'"),
                     {"b": json.dumps(bad)})
    eng.dispose()
    with running_central(db, seed=None) as url:
        engine = SyncEngine(CentralClient(url, "test-token"), Outbox(store), pulled,
                            clock=lambda: NOW + timedelta(hours=1), rng=random.Random(1))
        engine.refresh(force=True)
    kept = pulled.get("trust_list")
    assert kept is not None and kept.body == good.body
    store.close()


def test_the_platform_refuses_to_publish_a_bad_key(tmp_path):
    seed = tmp_path / "seed"
    shutil.copytree(DEMO_CATALOGUE.parent, seed)
    raw = json.loads(ISSUERS.read_text(encoding="utf-8"))
    raw["issuers"][0]["jwk"]["x"] = "!!!"
    (seed / "issuers.json").write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(SeedError, match="cn-mps"):
        read_seed(seed)
    assert KEYS.exists()  # the demo's private keys are not touched by any of this

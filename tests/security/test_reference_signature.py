"""Issue 12, finding 11 (what is left of it, docs/security.md "Not done yet"): the platform
signs the other documents a kiosk takes on its word with the platform key, the staff
list's (central/signing.py): the issuers' trust list, which decides which e-certificate
codes verify offline, and the catalogue and hall calendars residents read. A kiosk takes
each only signed with the key it pinned at enrolment (or, enrolled before, on first use).

An https impostor (a certificate the kiosk's system trusts) that serves a trust list with
an issuer key of its own cannot make its codes verify: the list is refused, said in the
sync status and the log, and the last good one stays. An old genuine list replayed is
refused too. Finding 10's rules still hold for a signed list: bad keys beside good ones
are skipped, a list with no usable key never replaces the last good one.
"""

from __future__ import annotations

import json
import logging
import random
import secrets
from datetime import datetime

import pytest
import requests
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)
from sqlalchemy import create_engine, text

from central.mint import mint, sign
from kiosk.ecert.verify import Checker, Outcome, TrustList
from kiosk.rules.catalogue import parse_catalogue
from kiosk.rules.signed_document import (
    KEY_ID,
    SIGNATURE,
    b64url,
    check_signed,
    public_key_from_wire,
)
from kiosk.sync.api_client import CentralClient
from kiosk.sync.engine import BAD_TRUST_LIST_SIGNATURE, SyncEngine, reference_pulls
from kiosk.sync.enrolment import CredentialStore, DeviceCredentials
from kiosk.sync.outbox import Outbox
from kiosk.sync.pulled import PulledCache
from kiosk.sync.store import LocalStore
from tests.helpers.central_server import running_central
from tests.helpers.fault_server import Fault, fault_server
from tests.security.test_staff_list_signature import (
    IMPOSTOR_SECRET,
    SECRET,
    enrol,
    enrolled_before_signing,
    forgeries,
)
from tests.security.test_trust_list import with_bad_keys

TRUST_LIST, CATALOGUE, HALLS = "trust_list", "catalogue", "halls"
#: an issuer key of the impostor's own, claiming to be the Ministry of Public Security
IMPOSTOR_ISSUER = Ed25519PrivateKey.from_private_bytes(bytes(range(7, 39)))
IMPOSTOR_KID = "impostor-1"


def impostor_jwk(*, private: bool = False) -> dict:
    public = IMPOSTOR_ISSUER.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    jwk = {"kty": "OKP", "crv": "Ed25519", "x": b64url(public), "kid": IMPOSTOR_KID}
    if private:
        raw = IMPOSTOR_ISSUER.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
        jwk["d"] = b64url(raw)
    return jwk


def impostor_code(now) -> str:
    """An e-ID code for a person who does not exist, signed with the impostor's key."""
    iat = int(now.timestamp())
    claims = {"iss": "cn-mps", "jti": secrets.token_urlsafe(12), "iat": iat, "exp": iat + 120,
              "ctype": "e_id", "name": "冒充者", "idn": "11010519491231002X",
              "cno": "E-ID-FAKE-0001", "vfrom": "2020-01-01", "vuntil": "2040-12-31",
              "status": "valid"}
    return sign(claims, impostor_jwk(private=True))


def with_impostor_issuer(body: dict) -> dict:
    issuer = {"issuer_id": "cn-mps", "name": {"zh": "公安部", "en": "Ministry of Public Security"},
              "cert_types": ["e_id"], "jwk": impostor_jwk()}
    return {**body, "issuers": [*body["issuers"], issuer]}


def engine_for(url: str, creds: DeviceCredentials, keys: CredentialStore, store: LocalStore,
               clock, only: tuple[str, ...] = (TRUST_LIST,)) -> SyncEngine:
    """The kiosk's reference pulls (``only`` these), checked with the key in ``keys``."""
    pulls = tuple(p for p in reference_pulls(keys.platform_key) if p.name in only)
    return SyncEngine(CentralClient(url, creds.token, timeout=(0.5, 5.0), clock=clock),
                      Outbox(store), PulledCache(store), clock=clock, rng=random.Random(3),
                      pulls=pulls)


def get(url: str, path: str, token: str, **headers: str) -> requests.Response:
    return requests.get(f"{url}{path}", timeout=5,
                        headers={"Authorization": f"Bearer {token}", **headers})


def outcome(store: LocalStore, clock, code: str) -> Outcome:
    """What the kiosk's checker says of ``code`` with the trust list it keeps."""
    trust = TrustList.from_wire(PulledCache(store).get(TRUST_LIST).body)
    return Checker(lambda: trust, clock=clock).check(code).outcome


def refused(engine: SyncEngine, caplog, problem: str, what: str = "trust list") -> bool:
    """One pull that the kiosk refuses: nothing replaced, the problem said and logged."""
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        replaced = engine.refresh(force=True)
    return (replaced == [] and engine.status.problem == problem
            and f"{what} refused" in caplog.text)


def set_document(db_url: str, name: str, body: dict) -> None:
    """What the server's operator (or whoever has its database) puts in it: a reference
    data version with ``name`` replaced, written straight into the table (no check)."""
    engine = create_engine(db_url)
    try:
        with engine.begin() as conn:
            version, bundle = conn.execute(text(
                "SELECT version, body FROM reference_versions ORDER BY version DESC LIMIT 1")).one()
            body_text = json.dumps({**json.loads(bundle), name: body}, ensure_ascii=False)
            conn.execute(text("INSERT INTO reference_versions (version, body, sha256, source, "
                              "published_at) VALUES (:v, :b, 'forged', 'test', :t)"),
                         {"v": version + 1, "b": body_text, "t": datetime(2026, 11, 23)})
    finally:
        engine.dispose()


def stored_document(db_url: str, name: str) -> dict:
    """``name`` as the newest reference data version holds it."""
    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            bundle = conn.execute(text("SELECT body FROM reference_versions "
                                       "ORDER BY version DESC LIMIT 1")).scalar_one()
            return json.loads(bundle)[name]
    finally:
        engine.dispose()


def test_the_served_documents_are_signed_with_the_key_given_at_enrolment(db_url, clock):
    with running_central(db_url, clock=clock, secret=SECRET) as url:
        _keys, creds = enrol(url)
        key = public_key_from_wire(creds.platform_key)
        for path in ("/v1/trust-list", "/v1/catalogue", "/v1/halls"):
            first = get(url, path, creds.token)
            check_signed(first.json(), key)
            # signatures are deterministic: the ETag holds while nothing changes
            again = get(url, path, creds.token)
            assert again.headers["ETag"] == first.headers["ETag"], path
            assert get(url, path, creds.token,
                       **{"If-None-Match": first.headers["ETag"]}).status_code == 304, path
        # what the kiosk reads of them is unchanged by the signature
        assert len(parse_catalogue(get(url, "/v1/catalogue", creds.token).json()).matters) >= 99
        today = get(url, "/v1/trust-list", creds.token)
        assert TrustList.from_wire(today.json()) is not None
        # the trust list is issued again, and signed again, every day
        clock.advance(days=1)
        tomorrow = get(url, "/v1/trust-list", creds.token)
        check_signed(tomorrow.json(), key)
        assert tomorrow.headers["ETag"] != today.headers["ETag"]
        assert tomorrow.json()["issued_at"] == "2026-11-24T00:00:00Z"


def test_an_impostor_cannot_make_its_own_issuers_codes_verify(db_url, clock, tmp_path, caplog):
    """The impostor serves the platform's own database (a copy will do) with another
    secret, and has added an issuer key of its own to the trust list in it."""
    with running_central(db_url, clock=clock, secret=SECRET) as url, \
            LocalStore(tmp_path / "kiosk.db") as store:
        keys, creds = enrol(url)
        assert engine_for(url, creds, keys, store, clock).refresh(force=True) == [TRUST_LIST]
        good = PulledCache(store).get(TRUST_LIST)
        assert outcome(store, clock, mint("eid", now=clock())) is Outcome.VERIFIED_OFFLINE
        assert outcome(store, clock, impostor_code(clock())) is Outcome.UNKNOWN_ISSUER

    set_document(db_url, TRUST_LIST, with_impostor_issuer(stored_document(db_url, TRUST_LIST)))
    clock.advance(600)
    with running_central(db_url, clock=clock, secret=IMPOSTOR_SECRET, seed=None) as impostor, \
            LocalStore(tmp_path / "kiosk.db") as store:
        on_offer = get(impostor, "/v1/trust-list", creds.token).json()
        assert IMPOSTOR_KID in {i["jwk"]["kid"] for i in on_offer["issuers"]}
        engine = engine_for(impostor, creds, keys, store, clock)
        assert refused(engine, caplog, BAD_TRUST_LIST_SIGNATURE)
        assert "signed with key" in caplog.text
        assert PulledCache(store).get(TRUST_LIST) == good  # not even counted as checked
        assert outcome(store, clock, impostor_code(clock())) is Outcome.UNKNOWN_ISSUER
        assert outcome(store, clock, mint("eid", now=clock())) is Outcome.VERIFIED_OFFLINE


def test_a_tampered_trust_list_is_refused_and_the_last_good_one_stays(db_url, clock, tmp_path,
                                                                      caplog):
    """Between the kiosk and the platform, someone adds an issuer key to the real list."""
    with running_central(db_url, clock=clock, secret=SECRET) as url, \
            LocalStore(tmp_path / "kiosk.db") as store:
        keys, creds = enrol(url)
        assert engine_for(url, creds, keys, store, clock).refresh(force=True) == [TRUST_LIST]
        good = PulledCache(store).get(TRUST_LIST)
        real = get(url, "/v1/trust-list", creds.token).json()
    with fault_server() as (proxy, proxy_url), LocalStore(tmp_path / "kiosk.db") as store:
        engine = engine_for(proxy_url, creds, keys, store, clock)
        for what, answer in forgeries(with_impostor_issuer(real), real[KEY_ID]).items():
            proxy.answer(Fault.json(200, answer, ETag=f'"{what}"'))
            assert refused(engine, caplog, BAD_TRUST_LIST_SIGNATURE), what
            assert PulledCache(store).get(TRUST_LIST) == good, what
        assert outcome(store, clock, impostor_code(clock())) is Outcome.UNKNOWN_ISSUER


def test_an_old_signed_trust_list_replayed_is_refused(db_url, clock, tmp_path, caplog):
    """A genuine list of an earlier day, replayed, would bring back an issuer key the
    platform has removed since: the kiosk keeps the newer list it has."""
    with running_central(db_url, clock=clock, secret=SECRET) as url, \
            LocalStore(tmp_path / "kiosk.db") as store:
        keys, creds = enrol(url)
        engine = engine_for(url, creds, keys, store, clock)
        assert engine.refresh(force=True) == [TRUST_LIST]
        recorded = get(url, "/v1/trust-list", creds.token).json()  # genuine, signed
        clock.advance(days=1)
        assert engine.refresh(force=True) == [TRUST_LIST]
        newer = PulledCache(store).get(TRUST_LIST)
        assert newer.body["issued_at"] > recorded["issued_at"]
        with fault_server() as (replay, replay_url):
            replay.answer(Fault.json(200, recorded, ETag='"recorded"'))
            replayed = engine_for(replay_url, creds, keys, store, clock)
            assert refused(replayed, caplog, "older_trust_list")
            assert "before the list kept" in caplog.text
        assert PulledCache(store).get(TRUST_LIST) == newer


def test_a_kiosk_enrolled_before_documents_were_signed_pins_the_key_on_first_use(
        db_url, clock, tmp_path, caplog):
    with running_central(db_url, clock=clock, secret=SECRET) as url, \
            LocalStore(tmp_path / "kiosk.db") as store:
        _keys, creds = enrol(url)
        expected = creds.platform_key
        old = enrolled_before_signing(creds)
        # and the unsigned copies it pulled then
        pulled = PulledCache(store)
        unsigned = {k: v for k, v in get(url, "/v1/trust-list", creds.token).json().items()
                    if k not in (KEY_ID, SIGNATURE)}
        pulled.replace(TRUST_LIST, '"old"', unsigned, clock())

        caplog.clear()
        with caplog.at_level(logging.WARNING):
            engine = engine_for(url, creds, old, store, clock, only=(CATALOGUE, HALLS, TRUST_LIST))
            assert sorted(engine.refresh(force=True)) == [CATALOGUE, HALLS, TRUST_LIST]
        assert old.load().platform_key == expected  # pinned with the enrolment
        assert "pinned the platform key" in caplog.text
        check_signed(pulled.get(TRUST_LIST).body, public_key_from_wire(expected))

    # from then on, the pinned key alone: another server's key is not taken in its place
    set_document(db_url, TRUST_LIST, with_impostor_issuer(stored_document(db_url, TRUST_LIST)))
    with running_central(db_url, clock=clock, secret=IMPOSTOR_SECRET, seed=None) as impostor, \
            LocalStore(tmp_path / "kiosk.db") as store:
        assert refused(engine_for(impostor, creds, old, store, clock), caplog,
                       BAD_TRUST_LIST_SIGNATURE)
        assert old.load().platform_key == expected
        assert outcome(store, clock, impostor_code(clock())) is Outcome.UNKNOWN_ISSUER


def test_finding_10_holds_for_signed_lists(db_url, clock, tmp_path, caplog):
    """The platform signs whatever its documents table holds: bad keys beside good ones
    are skipped (and logged) at the kiosk, and a signed list with no usable key never
    replaces the last good one."""
    with running_central(db_url, clock=clock, secret=SECRET) as url, \
            LocalStore(tmp_path / "kiosk.db") as store:
        keys, creds = enrol(url)
        assert engine_for(url, creds, keys, store, clock).refresh(force=True) == [TRUST_LIST]
    seeded = stored_document(db_url, TRUST_LIST)
    set_document(db_url, TRUST_LIST, with_bad_keys(seeded))
    clock.advance(days=1)
    with running_central(db_url, clock=clock, secret=SECRET, seed=None) as url, \
            LocalStore(tmp_path / "kiosk.db") as store:
        caplog.clear()
        with caplog.at_level(logging.WARNING):
            assert engine_for(url, creds, keys, store, clock).refresh(force=True) == [TRUST_LIST]
        assert "bad-rsa" in caplog.text and "bad-x" in caplog.text
        good = PulledCache(store).get(TRUST_LIST)
        assert outcome(store, clock, mint("eid", now=clock())) is Outcome.VERIFIED_OFFLINE

    set_document(db_url, TRUST_LIST, with_bad_keys({**seeded, "issuers": []}))
    clock.advance(days=1)
    with running_central(db_url, clock=clock, secret=SECRET, seed=None) as url, \
            LocalStore(tmp_path / "kiosk.db") as store:
        engine = engine_for(url, creds, keys, store, clock)
        assert engine.refresh(force=True) == []
        assert engine.status.problem == "bad_trust_list"
        assert PulledCache(store).get(TRUST_LIST) == good


@pytest.mark.parametrize(("name", "problem"), [(CATALOGUE, "bad_catalogue_signature"),
                                               (HALLS, "bad_halls_signature")])
def test_an_impostors_catalogue_and_hall_calendars_are_refused(db_url, clock, tmp_path, caplog,
                                                               name, problem):
    """What residents read (a matter's materials, a hall's opening hours and closed days)
    comes only from the platform: an impostor's changes never reach the screens."""
    with running_central(db_url, clock=clock, secret=SECRET) as url, \
            LocalStore(tmp_path / "kiosk.db") as store:
        keys, creds = enrol(url)
        assert engine_for(url, creds, keys, store, clock, only=(name,)).refresh(force=True) == [name]
        good = PulledCache(store).get(name)
        real = get(url, f"/v1/{name}", creds.token).json()

    if name == CATALOGUE:  # one matter asks for a document that does not exist
        changed = json.loads(json.dumps(real))
        changed["matters"][0]["materials"][0]["name"] = {"zh": "冒充者的表格", "en": "A fake form"}
    else:  # the first hall is closed all week
        changed = {**real, "halls": [{**real["halls"][0], "opening_hours": []},
                                     *real["halls"][1:]]}
    what = "catalogue" if name == CATALOGUE else "hall calendars"
    with fault_server() as (proxy, proxy_url), LocalStore(tmp_path / "kiosk.db") as store:
        engine = engine_for(proxy_url, creds, keys, store, clock, only=(name,))
        for forged, answer in forgeries(changed, real[KEY_ID]).items():
            proxy.answer(Fault.json(200, answer, ETag=f'"{forged}"'))
            assert refused(engine, caplog, problem, what), forged
            assert PulledCache(store).get(name) == good, forged

    # and the platform's own, served by a server without its secret
    with running_central(db_url, clock=clock, secret=IMPOSTOR_SECRET, seed=None) as impostor, \
            LocalStore(tmp_path / "kiosk.db") as store:
        assert refused(engine_for(impostor, creds, keys, store, clock, only=(name,)), caplog,
                       problem, what)
        assert PulledCache(store).get(name) == good


def test_not_modified_answers_do_not_keep_a_trust_list_fresh(db_url, clock, tmp_path):
    """An impostor that answers "not modified" to the trust list's ETag keeps the last good
    list, but not its age: the checker counts from the signed ``issued_at``."""
    with running_central(db_url, clock=clock, secret=SECRET) as url, \
            LocalStore(tmp_path / "kiosk.db") as store:
        keys, creds = enrol(url)
        assert engine_for(url, creds, keys, store, clock).refresh(force=True) == [TRUST_LIST]
        etag = PulledCache(store).etag(TRUST_LIST)
    with fault_server() as (impostor, impostor_url), LocalStore(tmp_path / "kiosk.db") as store:
        impostor.answer(Fault(304, b"", {"ETag": etag}))
        engine = engine_for(impostor_url, creds, keys, store, clock)
        for _day in range(8):
            clock.advance(days=1)
            assert engine.refresh(force=True) == [] and engine.status.problem is None
        assert outcome(store, clock, mint("eid", now=clock())) is Outcome.TRUST_LIST_STALE

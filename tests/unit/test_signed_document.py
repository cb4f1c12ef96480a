"""kiosk.rules.signed_document: what a signed document is, and every way one fails."""

from __future__ import annotations

import json

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.rules.signed_document import (
    KEY_ID,
    SIGNATURE,
    SignatureError,
    b64url,
    b64url_decode,
    canonical_bytes,
    check_signed,
    key_id,
    public_key_bytes,
    public_key_from_wire,
    sign,
    unsigned_bytes,
)

PRIVATE = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
PUBLIC = public_key_bytes(PRIVATE)
DOC = {"issued_at": "2026-11-23T00:00:00Z",
       "staff": [{"number": "0371", "name": "王芳", "role": "assistant"}]}


def test_a_signed_document_checks_out_and_names_its_key():
    signed = sign(DOC, PRIVATE)
    check_signed(signed, PUBLIC)
    assert signed[KEY_ID] == key_id(PUBLIC) and len(signed[KEY_ID]) == 16
    assert "=" not in signed[SIGNATURE]
    assert {k: v for k, v in signed.items() if k not in (KEY_ID, SIGNATURE)} == DOC


def test_it_still_checks_out_after_a_round_trip_through_json_in_another_order():
    signed = sign(DOC, PRIVATE)
    again = json.loads(json.dumps(dict(reversed(list(signed.items()))), indent=2))
    check_signed(again, PUBLIC)


def test_the_signed_bytes_are_the_canonical_bytes_without_the_signature():
    signed = sign(DOC, PRIVATE)
    assert unsigned_bytes(signed) == canonical_bytes({**DOC, KEY_ID: signed[KEY_ID]})
    assert canonical_bytes({"b": 1, "a": "王"}) == '{"a":"王","b":1}'.encode()


def test_a_changed_document_is_refused():
    signed = sign(DOC, PRIVATE)
    injected = json.loads(json.dumps(signed))
    injected["staff"].append({"number": "6666", "name": "冒充", "role": "administrator"})
    with pytest.raises(SignatureError, match="does not match"):
        check_signed(injected, PUBLIC)


def test_the_signature_of_another_document_is_refused():
    other = sign({**DOC, "staff": []}, PRIVATE)
    forged = {**sign(DOC, PRIVATE), SIGNATURE: other[SIGNATURE]}
    with pytest.raises(SignatureError, match="does not match"):
        check_signed(forged, PUBLIC)


def test_another_key_is_refused_whatever_key_id_it_claims():
    impostor = Ed25519PrivateKey.generate()
    with pytest.raises(SignatureError, match="signed with key"):
        check_signed(sign(DOC, impostor), PUBLIC)
    claiming = {**sign(DOC, impostor), KEY_ID: key_id(PUBLIC)}
    with pytest.raises(SignatureError, match="does not match"):
        check_signed(claiming, PUBLIC)


def test_an_unsigned_document_is_refused():
    with pytest.raises(SignatureError, match="not signed"):
        check_signed(DOC, PUBLIC)
    with pytest.raises(SignatureError, match="not a JSON object"):
        check_signed([DOC], PUBLIC)


@pytest.mark.parametrize("signature", ["!!!", "a", 42, None, "A" * 86 + "=="])
def test_a_signature_that_is_not_base64url_is_refused(signature):
    with pytest.raises(SignatureError, match="base64url"):
        check_signed({**sign(DOC, PRIVATE), SIGNATURE: signature}, PUBLIC)


def test_a_signature_of_the_wrong_length_is_refused():
    short = b64url(bytes(63))
    with pytest.raises(SignatureError, match="63 bytes"):
        check_signed({**sign(DOC, PRIVATE), SIGNATURE: short}, PUBLIC)


def test_a_key_of_the_wrong_length_is_refused():
    with pytest.raises(SignatureError, match="31 bytes"):
        check_signed(sign(DOC, PRIVATE), PUBLIC[:31])
    with pytest.raises(SignatureError, match="33 bytes"):
        public_key_from_wire(b64url(PUBLIC + b"\0"))


@pytest.mark.parametrize("wire", ["!!!", "A", "", None, b64url(PUBLIC) + "=", 7])
def test_a_public_key_that_is_not_base64url_of_32_bytes_is_refused(wire):
    with pytest.raises(SignatureError, match="public key"):
        public_key_from_wire(wire)


def test_a_public_key_round_trips_through_its_wire_form():
    assert public_key_from_wire(b64url(PUBLIC)) == PUBLIC
    assert b64url_decode("") == b""

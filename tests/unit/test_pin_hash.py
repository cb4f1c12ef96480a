"""kiosk/rules/pin_hash.py: the slow PIN hash the central server and the kiosk share."""

from __future__ import annotations

import base64
import hashlib
from dataclasses import FrozenInstanceError

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.rules.pin_hash import (
    DEFAULT_N,
    DEFAULT_P,
    DEFAULT_R,
    SALT_BYTES,
    PinHash,
    check_pin_format,
    hash_pin,
)

FAST = {"n": 2**12, "r": 1, "p": 1}  # the cheapest parameters allowed, for speed
SALT = bytes(range(16))


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def wire(**changes: object) -> dict[str, object]:
    base: dict[str, object] = {"alg": "scrypt", "n": 16384, "r": 8, "p": 1,
                               "salt": b64(SALT), "hash": b64(bytes(32))}
    base.update(changes)
    return base


# --- hashing -------------------------------------------------------------------------


def test_defaults_are_the_agreed_scrypt_parameters():
    pin = hash_pin("246810")
    assert (pin.alg, pin.n, pin.r, pin.p) == ("scrypt", 2**14, 8, 1)
    assert (DEFAULT_N, DEFAULT_R, DEFAULT_P) == (2**14, 8, 1)
    assert len(pin.salt) == SALT_BYTES == 16 and len(pin.hash) == 32
    assert pin.hash == hashlib.scrypt(b"246810", salt=pin.salt, n=2**14, r=8, p=1, dklen=32)


def test_each_hash_gets_a_fresh_salt():
    first, second = hash_pin("246810", **FAST), hash_pin("246810", **FAST)
    assert first.salt != second.salt and first.hash != second.hash


def test_a_given_salt_and_parameters_give_the_same_hash():
    assert hash_pin("135790", SALT, **FAST) == hash_pin("135790", SALT, **FAST)
    assert hash_pin("135790", SALT, **FAST) != hash_pin("135791", SALT, **FAST)
    assert hash_pin("135790", SALT, **FAST) != hash_pin("135790", SALT, n=2**13, r=1, p=1)


def test_matches_the_right_pin_only():
    pin = hash_pin("24681012", **FAST)
    assert pin.matches("24681012")
    assert not pin.matches("24681013")
    assert not pin.matches("2468101")  # a prefix
    for malformed in ("", "abcdefgh", "24681012 ", None, 24681012):
        assert not pin.matches(malformed)  # type: ignore[arg-type]


def test_derive_is_the_raw_scrypt_with_the_same_salt_and_parameters():
    pin = hash_pin("246810", SALT, **FAST)
    assert pin.derive("246810") == pin.hash
    assert pin.derive("246811") != pin.hash
    with pytest.raises(ValueError, match="6 to 8 digits"):
        pin.derive("1234")


def test_hash_pin_refuses_bad_parameters_before_hashing():
    with pytest.raises(ValueError, match="power of two"):
        hash_pin("246810", n=3000)
    with pytest.raises(ValueError, match="salt"):
        hash_pin("246810", salt=b"short", **FAST)
    with pytest.raises(ValueError, match="6 to 8 digits"):
        hash_pin("12345")


def test_a_pin_hash_is_frozen_and_its_repr_hides_the_bytes():
    pin = hash_pin("246810", SALT, **FAST)
    with pytest.raises(FrozenInstanceError):
        pin.n = 2**20  # type: ignore[misc]
    assert b64(pin.hash) not in repr(pin) and b64(pin.salt) not in repr(pin)
    assert repr(pin.hash) not in repr(pin)


def test_direct_construction_is_checked_like_the_wire():
    with pytest.raises(ValueError, match="algorithm"):
        PinHash(alg="bcrypt", n=2**14, r=8, p=1, salt=SALT, hash=bytes(32))
    with pytest.raises(ValueError, match="hash must be 32 bytes"):
        PinHash(n=2**14, r=8, p=1, salt=SALT, hash=bytes(31))
    with pytest.raises(TypeError):  # keywords only: no silent mix-up of n, r and p
        PinHash("scrypt", 2**14, 8, 1, SALT, bytes(32))  # type: ignore[misc]


# --- the wire form ---------------------------------------------------------------------


def test_wire_round_trip_and_shape():
    pin = hash_pin("246810", SALT, **FAST)
    sent = pin.to_wire()
    assert sent == {"alg": "scrypt", "n": 4096, "r": 1, "p": 1, "salt": b64(SALT),
                    "hash": b64(pin.hash)}
    back = PinHash.from_wire(sent)
    assert back == pin and back.matches("246810")


def test_from_wire_accepts_the_bounds():
    for n in (2**12, 2**20):
        assert PinHash.from_wire(wire(n=n, r=1)).n == n
    assert PinHash.from_wire(wire(r=32, p=16, n=2**12)).r == 32
    assert PinHash.from_wire(wire(salt=b64(bytes(8)))).salt == bytes(8)
    assert PinHash.from_wire(wire(salt=b64(bytes(64)))).salt == bytes(64)


@pytest.mark.parametrize("changes, message", [
    ({"alg": "bcrypt"}, "algorithm"),
    ({"alg": None}, "algorithm"),
    ({"n": 2**11}, "power of two"),
    ({"n": 2**21}, "power of two"),
    ({"n": 2**14 + 2}, "power of two"),
    ({"n": 16384.0}, "power of two"),
    ({"n": "16384"}, "power of two"),
    ({"n": True}, "power of two"),
    ({"r": 0}, "r must be"),
    ({"r": 33}, "r must be"),
    ({"r": False}, "r must be"),
    ({"p": 0}, "p must be"),
    ({"p": 17}, "p must be"),
    ({"p": None}, "p must be"),
    ({"n": 2**20, "r": 16}, "2 GiB"),  # each within bounds, together beyond hashlib
    ({"salt": b64(bytes(7))}, "salt must be 8 to 64 bytes"),
    ({"salt": b64(bytes(65))}, "salt must be 8 to 64 bytes"),
    ({"salt": "not base64!"}, "salt is not valid base64"),
    ({"salt": "AAAAAAAAAAA"}, "salt is not valid base64"),  # bad padding
    ({"salt": "ÄÄÄÄÄÄÄÄÄÄÄÄ"}, "salt is not valid base64"),
    ({"salt": SALT}, "salt must be a base64 string"),
    ({"hash": b64(bytes(31))}, "hash must be 32 bytes"),
    ({"hash": b64(bytes(33))}, "hash must be 32 bytes"),
    ({"hash": None}, "hash must be a base64 string"),
    ({"dklen": 32}, "unexpected 'dklen'"),
])
def test_from_wire_refuses_anything_odd(changes, message):
    with pytest.raises(ValueError, match=message):
        PinHash.from_wire(wire(**changes))


@pytest.mark.parametrize("key", ["alg", "n", "r", "p", "salt", "hash"])
def test_from_wire_refuses_a_missing_key(key):
    obj = wire()
    del obj[key]
    with pytest.raises(ValueError, match=f"missing {key}"):
        PinHash.from_wire(obj)


@pytest.mark.parametrize("obj", [None, [], "scrypt", 16384, b"{}"])
def test_from_wire_refuses_what_is_not_an_object(obj):
    with pytest.raises(ValueError, match="JSON object"):
        PinHash.from_wire(obj)


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=8,
)
FIELD_VALUES = {
    "alg": st.sampled_from(["scrypt", "SCRYPT", "bcrypt", ""]) | JSON,
    "n": st.sampled_from([2**12, 2**14, 2**20, 2**21, 0, -1]) | st.integers() | JSON,
    "r": st.integers(min_value=-2, max_value=40) | JSON,
    "p": st.integers(min_value=-2, max_value=20) | JSON,
    "salt": st.binary(max_size=80).map(b64) | st.text() | JSON,
    "hash": st.binary(min_size=30, max_size=34).map(b64) | st.text() | JSON,
}
#: objects close to the wire form: any of its keys (valid values or not), maybe extra keys
WIRE_LIKE = st.builds(
    lambda extra, fields: {**extra, **fields},
    st.dictionaries(st.text(max_size=6), JSON, max_size=2),
    st.fixed_dictionaries({}, optional=FIELD_VALUES),
)

#: all six keys, each value mostly within bounds, sometimes just outside them
NEAR_VALID = st.fixed_dictionaries({
    "alg": st.sampled_from(["scrypt"] * 9 + ["Scrypt"]),
    "n": st.sampled_from([2**12, 2**14, 2**16, 2**20, 2**13 + 1]),
    "r": st.integers(min_value=1, max_value=8) | st.integers(min_value=0, max_value=33),
    "p": st.integers(min_value=1, max_value=4) | st.integers(min_value=0, max_value=17),
    "salt": st.binary(min_size=8, max_size=64).map(b64) | st.binary(max_size=80).map(b64),
    "hash": st.binary(min_size=32, max_size=32).map(b64) | st.binary(max_size=40).map(b64),
})


@settings(max_examples=500, deadline=None)
@given(st.one_of(JSON, st.dictionaries(st.text(), JSON), WIRE_LIKE, NEAR_VALID))
def test_from_wire_raises_only_value_error(obj):
    """Whatever a server (or an attacker in its place) sends: a PinHash or a ValueError."""
    try:
        pin = PinHash.from_wire(obj)
    except ValueError:
        return
    assert pin.alg == "scrypt" and len(pin.hash) == 32
    assert PinHash.from_wire(pin.to_wire()) == pin


# --- PIN format ------------------------------------------------------------------------


@pytest.mark.parametrize("pin", ["000000", "123456", "1234567", "12345678", "99999999"])
def test_pins_of_6_to_8_digits_are_accepted(pin):
    check_pin_format(pin)


@pytest.mark.parametrize("pin", [
    "", "1", "12345", "123456789", "12345 ", " 123456", "12 3456", "12345a", "abcdef",
    "１２３４５６",  # full-width digits
    "١٢٣٤٥٦",  # Arabic-Indic digits: str.isdigit() would take these
    "123456\n", "+123456", "-123456", "12.3456",
])
def test_other_pins_are_refused_with_a_clear_message(pin):
    with pytest.raises(ValueError, match="^a PIN is 6 to 8 digits"):
        check_pin_format(pin)


@pytest.mark.parametrize("pin", [None, 123456, b"123456"])
def test_a_pin_must_be_text(pin):
    with pytest.raises(ValueError, match="^a PIN is 6 to 8 digits"):
        check_pin_format(pin)


@given(st.text(max_size=10))
def test_check_pin_format_agrees_with_the_rule(pin):
    ok = 6 <= len(pin) <= 8 and all(c in "0123456789" for c in pin)
    try:
        check_pin_format(pin)
    except ValueError:
        assert not ok
    else:
        assert ok

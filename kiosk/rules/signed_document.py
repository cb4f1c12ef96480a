"""Signed documents: how the platform signs a JSON document it serves (the staff list,
the issuers' trust list, the catalogue, the halls) and how a kiosk checks it with the
platform's public key.

A signed document is a JSON object with two more members: ``key_id``, which key signed
it (``key_id``: the first 16 hex digits of the SHA-256 of the raw 32-byte public key),
and ``signature``, an Ed25519 signature (base64url, no padding) over the canonical
bytes of the document without ``signature`` (``key_id`` is signed too). Canonical bytes
are the JSON with sorted keys, no spaces and UTF-8 characters as they are
(``canonical_bytes``): both sides must make the same bytes from the same value.

A public key travels as base64url of its 32 raw bytes, no padding. Whatever is wrong
(no signature, bad base64, a key or signature of the wrong length, another key, another
document) raises ``SignatureError`` with the reason: a kiosk refuses the document.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Mapping
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

SIGNATURE = "signature"
KEY_ID = "key_id"
PUBLIC_KEY_BYTES = 32
SIGNATURE_BYTES = 64
_BASE64URL = re.compile(r"[A-Za-z0-9_-]*")


class SignatureError(ValueError):
    """A document, key or signature that does not check out; the message says why."""


def canonical_bytes(value: Any) -> bytes:
    """The one byte form of a JSON value both sides sign and check (and ETags hash)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def unsigned_bytes(document: Mapping[str, Any]) -> bytes:
    """The canonical bytes of ``document`` without its ``signature``: what is signed."""
    return canonical_bytes({name: value for name, value in document.items() if name != SIGNATURE})


def b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def b64url_decode(text: Any) -> bytes:
    """The bytes of unpadded base64url ``text``; ``SignatureError`` (a ValueError) if it is
    not that."""
    if not isinstance(text, str) or not _BASE64URL.fullmatch(text) or len(text) % 4 == 1:
        raise SignatureError("not base64url without padding")
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def key_id(public_key: bytes) -> str:
    """The name of a public key (its raw 32 bytes), as a signed document gives it."""
    return hashlib.sha256(public_key).hexdigest()[:16]


def public_key_bytes(private_key: Ed25519PrivateKey) -> bytes:
    return private_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def public_key_from_wire(text: Any) -> bytes:
    """The raw public key of its wire form (base64url, 32 bytes), or ``SignatureError``."""
    try:
        raw = b64url_decode(text)
    except SignatureError as exc:
        raise SignatureError(f"the public key is {exc}") from None
    if len(raw) != PUBLIC_KEY_BYTES:
        raise SignatureError(f"the public key is {len(raw)} bytes, not {PUBLIC_KEY_BYTES} "
                             f"(an Ed25519 key)")
    return raw


def sign(document: Mapping[str, Any], private_key: Ed25519PrivateKey) -> dict[str, Any]:
    """``document`` with ``key_id`` and ``signature`` (any it had are replaced)."""
    unsigned = {name: value for name, value in document.items() if name != SIGNATURE}
    unsigned[KEY_ID] = key_id(public_key_bytes(private_key))
    return {**unsigned, SIGNATURE: b64url(private_key.sign(canonical_bytes(unsigned)))}


def check_signed(document: Any, public_key: bytes) -> None:
    """Raise ``SignatureError`` unless ``document`` is signed by ``public_key`` (raw 32
    bytes): its ``key_id`` names that key and its ``signature`` is good."""
    if len(public_key) != PUBLIC_KEY_BYTES:
        raise SignatureError(f"the public key is {len(public_key)} bytes, not {PUBLIC_KEY_BYTES}")
    if not isinstance(document, Mapping):
        raise SignatureError("the document is not a JSON object")
    if SIGNATURE not in document:
        raise SignatureError("the document is not signed")
    expected = key_id(public_key)
    if document.get(KEY_ID) != expected:
        raise SignatureError(f"the document is signed with key {document.get(KEY_ID)!r}, "
                             f"not the platform's key {expected}")
    try:
        signature = b64url_decode(document[SIGNATURE])
    except SignatureError as exc:
        raise SignatureError(f"the signature is {exc}") from None
    if len(signature) != SIGNATURE_BYTES:
        raise SignatureError(f"the signature is {len(signature)} bytes, not {SIGNATURE_BYTES}")
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, unsigned_bytes(document))
    except InvalidSignature:
        raise SignatureError("the signature does not match the document") from None

"""The platform key: an Ed25519 key derived from the server secret, which signs the
documents that decide what a kiosk trusts or tells residents.

A kiosk takes the staff accounts it may let sign in, the issuers' trust list it checks
e-certificate codes against, and the catalogue and hall calendars residents read only
signed with this key (``kiosk/rules/signed_document.py`` says what is signed and how it
is checked), so a server that merely answers at the platform's address (a certificate
the kiosk's system trusts, a hijacked name) cannot add an account, an issuer key or a
closed day. The key is derived, never stored: HKDF-SHA256 of the server secret
(``central.secret``: from outside the database) with ``INFO``, 32 bytes, taken as the
Ed25519 private key. Every process of one server, and every restart with the same secret,
has the same key; a copy of the database does not give it. Rotating the secret changes
the key: kiosks then refuse the new documents until they re-enrol (docs/security.md,
"The staff list's signature").

The public key travels as base64url of its 32 raw bytes: in the enrolment answer
(``staff_list_key``) and at ``GET /v1/staff-list-key`` — names from when the staff list
was the only document signed, kept because kiosks in the field use them. ``INFO`` keeps
its first words for the same reason: another ``INFO`` would be another key, which no
enrolled kiosk trusts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from kiosk.rules.signed_document import b64url, key_id, public_key_bytes, sign

#: what the key is for: another use of the secret gets another key from HKDF (never
#: changed: the platform key of every enrolled kiosk is derived with it)
INFO = b"kiosk-central staff list signing key v1"


@dataclass(frozen=True)
class SigningKey:
    private: Ed25519PrivateKey = field(repr=False)
    #: the raw 32-byte public key and its name (``key_id`` of signed documents)
    public: bytes
    key_id: str

    @classmethod
    def from_secret(cls, secret: bytes) -> SigningKey:
        seed = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=INFO).derive(secret)
        private = Ed25519PrivateKey.from_private_bytes(seed)
        public = public_key_bytes(private)
        return cls(private, public, key_id(public))

    @property
    def public_wire(self) -> str:
        """The public key as it travels: base64url of its 32 bytes, no padding."""
        return b64url(self.public)

    def sign(self, document: dict[str, Any]) -> dict[str, Any]:
        """``document`` with ``key_id`` and ``signature``."""
        return sign(document, self.private)

"""What an e-certificate code may hold: the rules the issuer and the kiosk share.

The issuer (``central.mint`` for the demo) signs codes by these rules; the kiosk's
verifier (``kiosk.ecert.verify``) refuses anything outside them.
"""

from __future__ import annotations

from datetime import timedelta

from kiosk.rules.signed_document import b64url_decode

CERT_TYPES = ("e_id", "e_driving_licence", "e_business_licence", "e_social_security")
STATUSES = ("valid", "abnormal", "revoked")
#: a signed code lives at most this long after it is issued
MAX_CODE_LIFETIME = timedelta(seconds=120)
#: the JWS header's ``typ`` of a signed e-certificate
JWS_TYPE = "ecert+jwt"
#: an opaque token that only the central platform can check
TOKEN_PREFIX = "ECTOKEN:"
#: this kiosk's own booking voucher, ``SHK-BOOKING:<reference>``
VOUCHER_PREFIX = "SHK-BOOKING:"
#: the claims of a signed e-certificate (JWT registered names where they exist)
CLAIMS = {
    "iss": "issuer id (in the trust list)",
    "jti": "nonce: a code is accepted once",
    "iat": "issued at (seconds since the epoch)",
    "exp": "code expires (at most 120 s after iat)",
    "ctype": "certificate type: " + ", ".join(CERT_TYPES),
    "name": "holder's name (the business name for a business licence)",
    "idn": "ID number or unified social credit code",
    "cno": "certificate number",
    "vfrom": "valid from (YYYY-MM-DD)",
    "vuntil": "valid until (YYYY-MM-DD, or empty for long-term)",
    "status": "one of " + ", ".join(STATUSES),
}


def public_key_problem(jwk: object) -> str | None:
    """Why ``jwk`` is not an issuer's Ed25519 public key as a trust list holds it, or None.

    The platform refuses to publish such a key; a kiosk skips it (and keeps the rest)."""
    if not isinstance(jwk, dict):
        return "the key is not a JSON object"
    if "d" in jwk:
        return "a private key has no place in the trust list"
    if jwk.get("kty") != "OKP" or jwk.get("crv") != "Ed25519":
        return "the key must be an Ed25519 public key (kty OKP, crv Ed25519)"
    if not isinstance(jwk.get("kid"), str) or not jwk["kid"]:
        return "the key has no kid"
    try:
        x = b64url_decode(jwk.get("x"))
    except ValueError:
        return "the key's x is not base64url"
    if len(x) != 32:
        return "the key's x is not 32 bytes"
    return None

"""Sample e-certificates for the demo: signed with the demo issuers' keys, as QR images.

    kiosk-central mint --type eid|driving|business|social-security
                       [--expired | --revoked | --abnormal] --out FILE.png

The keys are the published sample keys of resources/demo/issuer_private_keys.json,
whose public halves the server serves in its trust list: the whole path (phone
screen → camera → verification → card) can be shown with an image file as the
camera. Codes live 120 s, as real ones do; ``--expired`` makes one that already has.
"""

from __future__ import annotations

import json
import secrets
import struct
import zlib
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import jwt

from kiosk.rules.ecert_codes import JWS_TYPE, MAX_CODE_LIFETIME, TOKEN_PREFIX
from kiosk.rules.qr_code import qr_matrix

KEYS = Path(__file__).resolve().parent.parent / "resources" / "demo" / "issuer_private_keys.json"

#: the --type names, their certificate type, issuer and sample holder
SAMPLES = {
    "eid": ("e_id", "cn-mps", "张小三", "11010519491231002X", "E-ID-110105-0001"),
    "driving": ("e_driving_licence", "cn-mps-tmb", "张小三", "11010519491231002X",
                "E-DL-110105-0001"),
    "business": ("e_business_licence", "cn-samr", "示例市样本科技有限公司",
                 "91110105MA00000000", "E-BL-0001"),
    "social-security": ("e_social_security", "cn-mohrss", "张小三", "11010519491231002X",
                        "E-SSC-0001"),
}


def mint(kind: str, *, now: datetime | None = None, expired: bool = False,
         revoked: bool = False, abnormal: bool = False) -> str:
    """The text of a sample code (a compact JWS)."""
    ctype, issuer, name, idn, cno = SAMPLES[kind]
    now = now or datetime.now(UTC)
    iat = now - (MAX_CODE_LIFETIME + timedelta(seconds=60) if expired else timedelta(0))
    keys = json.loads(KEYS.read_text(encoding="utf-8"))["keys"]
    claims = {
        "iss": issuer, "jti": secrets.token_urlsafe(12), "iat": int(iat.timestamp()),
        "exp": int((iat + MAX_CODE_LIFETIME).timestamp()), "ctype": ctype, "name": name,
        "idn": idn, "cno": cno, "vfrom": "2020-01-01", "vuntil": "2040-12-31",
        "status": "revoked" if revoked else "abnormal" if abnormal else "valid",
    }
    return sign(claims, keys[issuer])


def sign(claims: Mapping[str, Any], private_jwk: Mapping[str, Any]) -> str:
    """A compact JWS over ``claims``, as an issuer signs a code (the demo issuer and the tests)."""
    key = jwt.PyJWK(dict(private_jwk), algorithm="EdDSA").key
    payload = json.dumps(dict(claims), ensure_ascii=False, separators=(",", ":")).encode()
    return jwt.PyJWS().encode(payload, key, algorithm="EdDSA",
                              headers={"kid": private_jwk["kid"], "typ": JWS_TYPE})


def write_png(text: str, path: Path, module_px: int = 8) -> None:
    """The code as a black-on-white PNG (8-bit grey, a quiet zone of 4 modules), written
    with the standard library: the server needs no imaging package for it."""
    matrix = qr_matrix(text)
    quiet = 4
    side = (len(matrix) + 2 * quiet) * module_px
    blank = b"\x00" + b"\xff" * side  # each row starts with its filter byte (none)
    rows = [blank] * (quiet * module_px)
    for row in matrix:
        pixels = b"\xff" * (quiet * module_px) + b"".join(
            (b"\x00" if dark else b"\xff") * module_px for dark in row) + b"\xff" * (quiet * module_px)
        rows += [b"\x00" + pixels] * module_px
    rows += [blank] * (quiet * module_px)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    header = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)  # 8-bit greyscale
    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
           + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b""))
    try:
        path.write_bytes(png)
    except OSError as exc:
        raise OSError(f"cannot write {path}: {exc.strerror or exc}") from exc


def mint_opaque(db_url: str, kind: str, *, now: datetime | None = None, revoked: bool = False,
                lifetime: timedelta = MAX_CODE_LIFETIME) -> str:
    """An opaque token (``ECTOKEN:…``) that only the platform at ``db_url`` can verify."""
    from central.app import create_app
    from central.models import OpaqueCredential
    from central.routes.credentials import token_hash

    ctype, issuer, name, idn, cno = SAMPLES[kind]
    now = now or datetime.now(UTC)
    token = TOKEN_PREFIX + secrets.token_urlsafe(24)
    claims = {"ctype": ctype, "name": name, "idn": idn, "cno": cno, "vfrom": "2020-01-01",
              "vuntil": "2040-12-31", "status": "revoked" if revoked else "valid"}
    ctx = create_app(db_url).state.context
    with ctx.db.writing() as session:
        session.add(OpaqueCredential(token_hash=token_hash(token), claims=json.dumps(claims),
                                     issuer_id=issuer, expires_at=now + lifetime))
    ctx.db.dispose()
    return token

"""Staff PINs under a slow hash (scrypt): one code for the central server and the kiosk.

The central server stores ``scrypt(PIN)`` per staff account and serves it with its
parameters (the wire form of ``PinHash``) so that staff can sign in at a kiosk that is
offline; the kiosk keys what it receives with its own pepper before storing it
(``kiosk/staff/roster.py``). Plain Python: no Qt, no server.

    pin = hash_pin("246810")                      # a fresh 16-byte salt
    PinHash.from_wire(pin.to_wire()) == pin       # strict: anything odd is a ValueError
    pin.matches("246810")                         # constant-time comparison
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, TypeGuard

ALG = "scrypt"
#: the parameters new hashes get: 16 MiB of memory, ~50 ms on a kiosk-class CPU
DEFAULT_N = 2**14
DEFAULT_R = 8
DEFAULT_P = 1
HASH_BYTES = 32
SALT_BYTES = 16

#: what a hash received from elsewhere may ask for; anything else is refused
MIN_N, MAX_N = 2**12, 2**20
MIN_R, MAX_R = 1, 32
MIN_P, MAX_P = 1, 16
MIN_SALT_BYTES, MAX_SALT_BYTES = 8, 64
#: the memory scrypt takes is 128·r·(n + p + 2) bytes (OpenSSL's own count); hashlib
#: cannot be given more than this, so larger combinations could never be checked
MAX_MEMORY_BYTES = 2**31 - 1

PIN_MIN_DIGITS, PIN_MAX_DIGITS = 6, 8
PIN_FORMAT = "a PIN is 6 to 8 digits"
_DIGITS = frozenset("0123456789")
_WIRE_KEYS = frozenset({"alg", "n", "r", "p", "salt", "hash"})


def check_pin_format(pin: object) -> None:
    """Raise ``ValueError`` (its message starts "a PIN is 6 to 8 digits") unless ``pin``
    is a string of 6 to 8 ASCII digits."""
    if not isinstance(pin, str):
        raise ValueError(f"{PIN_FORMAT}, given as text")
    if not set(pin) <= _DIGITS:
        raise ValueError(f"{PIN_FORMAT} (0-9 only: no letters, spaces or other characters)")
    if not PIN_MIN_DIGITS <= len(pin) <= PIN_MAX_DIGITS:
        raise ValueError(f"{PIN_FORMAT}; this one has {len(pin)}")


def scrypt_memory(n: int, r: int, p: int) -> int:
    """The bytes of memory scrypt needs for these parameters."""
    return 128 * r * (n + p + 2)


def _shown(value: object) -> str:
    """A value for an error message: short, and never an error of its own."""
    try:
        text = repr(value)
    except ValueError:  # an int too long to print
        text = f"a {type(value).__name__}"
    return text if len(text) <= 40 else text[:37] + "..."


def _is_int(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_parameters(n: object, r: object, p: object, salt: object, digest: object) -> None:
    if not _is_int(n) or not MIN_N <= n <= MAX_N or n & (n - 1):
        raise ValueError(f"scrypt n must be a power of two from {MIN_N} to {MAX_N}, not {_shown(n)}")
    if not _is_int(r) or not MIN_R <= r <= MAX_R:
        raise ValueError(f"scrypt r must be an integer from {MIN_R} to {MAX_R}, not {_shown(r)}")
    if not _is_int(p) or not MIN_P <= p <= MAX_P:
        raise ValueError(f"scrypt p must be an integer from {MIN_P} to {MAX_P}, not {_shown(p)}")
    if scrypt_memory(n, r, p) > MAX_MEMORY_BYTES:
        raise ValueError(f"scrypt n={n}, r={r}, p={p} needs more than 2 GiB of memory")
    if not isinstance(salt, bytes) or not MIN_SALT_BYTES <= len(salt) <= MAX_SALT_BYTES:
        size = len(salt) if isinstance(salt, bytes) else type(salt).__name__
        raise ValueError(f"the salt must be {MIN_SALT_BYTES} to {MAX_SALT_BYTES} bytes, not {size}")
    if not isinstance(digest, bytes) or len(digest) != HASH_BYTES:
        size = len(digest) if isinstance(digest, bytes) else type(digest).__name__
        raise ValueError(f"the hash must be {HASH_BYTES} bytes, not {size}")


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(pin.encode("ascii"), salt=salt, n=n, r=r, p=p, dklen=HASH_BYTES,
                          maxmem=MAX_MEMORY_BYTES)


@dataclass(frozen=True, kw_only=True)
class PinHash:
    """``scrypt(PIN, salt, n, r, p)`` and everything needed to check a PIN against it.

    Built by ``hash_pin`` or ``from_wire``; a direct construction is checked the same
    way, so an instance always holds parameters within the bounds above.
    """

    alg: str = ALG
    n: int
    r: int
    p: int
    salt: bytes
    hash: bytes

    def __post_init__(self) -> None:
        if self.alg != ALG:
            raise ValueError(f"unsupported PIN hash algorithm {_shown(self.alg)}: only {ALG!r}")
        _check_parameters(self.n, self.r, self.p, self.salt, self.hash)

    def __repr__(self) -> str:  # never the hash itself in a log line
        return f"PinHash(alg={self.alg!r}, n={self.n}, r={self.r}, p={self.p}, salt=…, hash=…)"

    def to_wire(self) -> dict[str, Any]:
        """``{"alg": "scrypt", "n", "r", "p", "salt": base64, "hash": base64}``"""
        return {
            "alg": self.alg, "n": self.n, "r": self.r, "p": self.p,
            "salt": base64.b64encode(self.salt).decode("ascii"),
            "hash": base64.b64encode(self.hash).decode("ascii"),
        }

    @classmethod
    def from_wire(cls, obj: object) -> PinHash:
        """The PinHash a wire object describes; ``ValueError`` for anything else (a wrong
        type, a missing or extra key, another algorithm, parameters out of bounds,
        malformed base64, a salt or hash of the wrong size)."""
        if not isinstance(obj, Mapping):
            raise ValueError(f"a PIN hash is a JSON object, not {type(obj).__name__}")
        keys = set(obj)
        if keys != _WIRE_KEYS:
            missing = sorted(str(k) for k in _WIRE_KEYS - keys)
            extra = sorted(_shown(k) for k in keys - _WIRE_KEYS)
            raise ValueError("a PIN hash has exactly the keys alg, n, r, p, salt, hash"
                             + (f"; missing {', '.join(missing)}" if missing else "")
                             + (f"; unexpected {', '.join(extra)}" if extra else ""))
        if obj["alg"] != ALG:
            raise ValueError(f"unsupported PIN hash algorithm {_shown(obj['alg'])}: only {ALG!r}")
        return cls(alg=ALG, n=obj["n"], r=obj["r"], p=obj["p"],
                   salt=_base64(obj["salt"], "salt"), hash=_base64(obj["hash"], "hash"))

    def derive(self, pin: str) -> bytes:
        """``scrypt(pin)`` with this hash's salt and parameters (``pin`` well formed)."""
        check_pin_format(pin)
        return _scrypt(pin, self.salt, self.n, self.r, self.p)

    def matches(self, pin: str) -> bool:
        """Whether ``pin`` is the PIN this hash was made from (False when malformed)."""
        try:
            check_pin_format(pin)
        except ValueError:
            return False
        return hmac.compare_digest(_scrypt(pin, self.salt, self.n, self.r, self.p), self.hash)


def _base64(value: object, what: str) -> bytes:
    if not isinstance(value, str):
        raise ValueError(f"the {what} must be a base64 string, not {type(value).__name__}")
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ValueError(f"the {what} is not valid base64") from exc


def hash_pin(pin: str, salt: bytes | None = None, n: int = DEFAULT_N, r: int = DEFAULT_R,
             p: int = DEFAULT_P) -> PinHash:
    """The slow hash of a well-formed PIN (``ValueError`` otherwise); a fresh random
    16-byte salt unless one is given."""
    check_pin_format(pin)
    salt = os.urandom(SALT_BYTES) if salt is None else salt
    _check_parameters(n, r, p, salt, bytes(HASH_BYTES))  # before spending the time
    return PinHash(n=n, r=r, p=p, salt=salt, hash=_scrypt(pin, salt, n, r, p))


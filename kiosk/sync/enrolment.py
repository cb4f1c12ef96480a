"""The device's enrolment: its id and token, kept in the OS credential store, and the
platform key pinned with them.

The token goes into Windows Credential Manager, the macOS Keychain or a Secret
Service keyring on Linux, through ``keyring``. With no secure backend (a
headless Linux box has none, and ``keyrings.alt`` keeps secrets in files) the
kiosk refuses to enrol and says how to set one up: it never falls back to
plain text. Demos and tests pass an explicit ``MemoryKeyring``.

The platform key is the public key the platform signs the documents that decide trust
with (the staff list, the issuers' trust list, the catalogue and the hall calendars:
``kiosk/rules/signed_document.py``). It is kept in the same record: it is no secret, but
it is what the kiosk trusts, so it lives where the token does and is replaced with it at
the next enrolment (not in the kiosk's database, whose loss would otherwise invite a
first use again). The enrolment answer brings it; a kiosk enrolled before the platform
signed its documents fetches it once (``GET /v1/staff-list-key``, over https) and pins
it: trust on first use. On the wire and in the credential record it keeps the name it
was first shipped with, ``staff_list_key``.
"""

from __future__ import annotations

import base64
import contextlib
import json
import logging
import secrets
from collections.abc import Callable
from dataclasses import dataclass, replace

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

from kiosk.rules.signed_document import SignatureError, b64url, key_id, public_key_from_wire
from kiosk.sync.api_client import BadResponse, CentralClient

SERVICE = "service-hall-kiosk"
ACCOUNT = "device"
PEPPER_ACCOUNT = "staff-pin-pepper"
#: where a kiosk enrolled before the platform signed its documents fetches its key, once
#: (the route's name is the one first shipped, when only the staff list was signed)
PLATFORM_KEY_PATH = "/v1/staff-list-key"
#: the platform key's name in the enrolment answer and the credential record (as shipped)
PLATFORM_KEY_FIELD = "staff_list_key"

#: the problem of a platform key that cannot be used (fetched on first use, or as pinned)
BAD_PLATFORM_KEY = "bad_platform_key"

log = logging.getLogger(__name__)

HOW_TO_SET_UP = (
    "No secure credential store is available, so the kiosk will not keep its device "
    "token. On Linux install and unlock a Secret Service keyring (for example "
    "gnome-keyring, started with the kiosk session, see packaging/linux/); on Windows "
    "the Credential Manager and on macOS the Keychain are used automatically. The "
    "token is never written to a plain file."
)

# Backends that are not a secure OS store: the fail/null stand-ins and keyrings.alt's files.
_INSECURE_MODULES = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")


class NoSecureStore(RuntimeError):
    def __init__(self, detail: str = "") -> None:
        super().__init__(HOW_TO_SET_UP + (f" ({detail})" if detail else ""))


@dataclass(frozen=True, slots=True)
class DeviceCredentials:
    device_id: str
    token: str
    hall_code: str
    central_url: str
    #: the platform key (base64url of its 32 bytes); None until pinned
    platform_key: str | None = None


class MemoryKeyring(KeyringBackend):
    """An in-process store for demos and tests: gone when the process ends."""

    priority = 0  # never chosen by keyring on its own; only passed explicitly

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]  # keyring leaves it unannotated
        self._items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self._items.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError(f"no {username} in {service}")


def secure_backend(backend: KeyringBackend | None = None) -> KeyringBackend:
    """The backend to use: the one given, or the system's if it is a secure store."""
    if backend is not None:
        return backend
    chosen = keyring.get_keyring()
    backends = getattr(chosen, "backends", None) or [chosen]  # a ChainerBackend holds several
    usable = [
        b for b in backends
        if not type(b).__module__.startswith(_INSECURE_MODULES) and getattr(b, "priority", 0) > 0
    ]
    if not usable:
        raise NoSecureStore(f"keyring found {type(chosen).__module__}.{type(chosen).__name__}")
    return chosen


class CredentialStore:
    def __init__(self, backend: KeyringBackend | None = None) -> None:
        self._backend = backend

    def _keyring(self) -> KeyringBackend:
        return secure_backend(self._backend)

    def save(self, creds: DeviceCredentials) -> None:
        record = {"device_id": creds.device_id, "token": creds.token,
                  "hall_code": creds.hall_code, "central_url": creds.central_url}
        if creds.platform_key is not None:
            record[PLATFORM_KEY_FIELD] = creds.platform_key
        secret = json.dumps(record)
        try:
            self._keyring().set_password(SERVICE, ACCOUNT, secret)
        except keyring.errors.KeyringError as exc:
            raise NoSecureStore(str(exc)) from exc

    def load(self) -> DeviceCredentials | None:
        try:
            secret = self._keyring().get_password(SERVICE, ACCOUNT)
        except keyring.errors.KeyringError as exc:
            raise NoSecureStore(str(exc)) from exc
        if not secret:
            return None
        try:
            data = json.loads(secret)
            return DeviceCredentials(
                data["device_id"], data["token"], data["hall_code"], data["central_url"],
                data.get(PLATFORM_KEY_FIELD),
            )
        except (ValueError, KeyError, TypeError):
            return None  # unreadable: the kiosk enrols again

    def enrol(self, client: CentralClient, enrolment_code: str, label: str) -> DeviceCredentials:
        """Trade an enrolment code for a device token and keep it in the secure store.

        The store is checked first: without a secure backend the kiosk refuses
        before it spends the code. The platform key in the answer is pinned with the
        token (a platform that sends none: at the first pull of a signed document).
        """
        self._keyring()
        resp = client.enrol(enrolment_code, label)
        wire_key = resp.body.get(PLATFORM_KEY_FIELD)
        if wire_key is not None:
            try:
                public_key_from_wire(wire_key)
            except SignatureError as exc:
                raise BadResponse("bad_enrolment", f"the enrolment answer's platform key: "
                                  f"{exc}") from exc
        creds = DeviceCredentials(
            resp.body["device_id"], resp.body["token"], resp.body["hall_code"], client.base_url,
            wire_key,
        )
        self.save(creds)
        return creds

    def platform_key(self, client: CentralClient) -> bytes:
        """The platform key (raw 32 bytes) as pinned with this enrolment.

        A kiosk enrolled before the platform signed its documents has none: it asks
        ``client`` once (``GET /v1/staff-list-key``) and pins the answer (trust on first
        use; the platform's address is https). Raises an ``ApiError``, as a pull does,
        when there is no key to be had: the signed document is then not taken."""
        try:
            creds = self.load()
            if creds is None:
                raise BadResponse("not_enrolled", "no enrolment to check the platform's "
                                  "documents with")
            if creds.platform_key is not None:
                return public_key_from_wire(creds.platform_key)
            key = _fetched_key(client)
            self.save(replace(creds, platform_key=b64url(key)))
        except NoSecureStore as exc:
            raise BadResponse("no_secure_store", str(exc)) from exc
        except SignatureError as exc:
            raise BadResponse(BAD_PLATFORM_KEY, f"the pinned platform key: {exc}") from exc
        log.warning("pinned the platform key %s from %s (first use: this kiosk was "
                    "enrolled before the platform signed its documents)", key_id(key),
                    client.base_url)
        return key

    def staff_pepper(self) -> bytes:
        """The secret that keys staff PIN verifiers, made on first use. It lives only in
        the OS credential store: the database file alone does not allow a PIN search."""
        try:
            backend = self._keyring()
            text = backend.get_password(SERVICE, PEPPER_ACCOUNT)
            if not text:
                text = base64.b64encode(secrets.token_bytes(32)).decode("ascii")
                backend.set_password(SERVICE, PEPPER_ACCOUNT, text)
        except keyring.errors.KeyringError as exc:
            raise NoSecureStore(str(exc)) from exc
        try:
            pepper = base64.b64decode(text, validate=True)
        except ValueError as exc:
            raise NoSecureStore("the staff PIN secret in the credential store is damaged") from exc
        if len(pepper) < 32:
            raise NoSecureStore("the staff PIN secret in the credential store is too short")
        return pepper

    def clear(self) -> None:
        with contextlib.suppress(keyring.errors.PasswordDeleteError):
            self._keyring().delete_password(SERVICE, ACCOUNT)


def pinned_key(creds: DeviceCredentials) -> Callable[[CentralClient], bytes]:
    """The platform key of ``creds`` alone, as the engine's pulls ask for it: never
    fetched (no first use, nothing to pin it in); with none, every signed document is
    refused (``bad_platform_key``)."""

    def key(_client: CentralClient) -> bytes:
        if creds.platform_key is None:
            raise BadResponse(BAD_PLATFORM_KEY, "no platform key was pinned with this enrolment")
        try:
            return public_key_from_wire(creds.platform_key)
        except SignatureError as exc:
            raise BadResponse(BAD_PLATFORM_KEY, f"the pinned platform key: {exc}") from exc

    return key


def _fetched_key(client: CentralClient) -> bytes:
    body = client.get(PLATFORM_KEY_PATH, shape={"key": str, "key_id": str}).body
    try:
        key = public_key_from_wire(body["key"])
    except SignatureError as exc:
        raise BadResponse(BAD_PLATFORM_KEY, f"the platform key: {exc}") from exc
    if body["key_id"] != key_id(key):
        raise BadResponse(BAD_PLATFORM_KEY, "the platform key does not match its key_id")
    return key

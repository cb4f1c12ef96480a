"""The device's enrolment: its id and token, kept in the OS credential store.

The token goes into Windows Credential Manager, the macOS Keychain or a Secret
Service keyring on Linux, through ``keyring``. With no secure backend (a
headless Linux box has none, and ``keyrings.alt`` keeps secrets in files) the
kiosk refuses to enrol and says how to set one up: it never falls back to
plain text. Demos and tests pass an explicit ``MemoryKeyring``.
"""

from __future__ import annotations

import base64
import contextlib
import json
import secrets
from dataclasses import dataclass

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

from kiosk.sync.api_client import CentralClient

SERVICE = "service-hall-kiosk"
ACCOUNT = "device"
PEPPER_ACCOUNT = "staff-pin-pepper"

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
        secret = json.dumps(
            {"device_id": creds.device_id, "token": creds.token,
             "hall_code": creds.hall_code, "central_url": creds.central_url}
        )
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
                data["device_id"], data["token"], data["hall_code"], data["central_url"]
            )
        except (ValueError, KeyError, TypeError):
            return None  # unreadable: the kiosk enrols again

    def enrol(self, client: CentralClient, enrolment_code: str, label: str) -> DeviceCredentials:
        """Trade an enrolment code for a device token and keep it in the secure store.

        The store is checked first: without a secure backend the kiosk refuses
        before it spends the code.
        """
        self._keyring()
        resp = client.enrol(enrolment_code, label)
        creds = DeviceCredentials(
            resp.body["device_id"], resp.body["token"], resp.body["hall_code"], client.base_url
        )
        self.save(creds)
        return creds

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

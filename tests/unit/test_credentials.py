"""The device token lives only in a secure credential store; without one, no enrolment."""

from __future__ import annotations

import keyring
import pytest
from keyring.backends import fail

from kiosk.sync.api_client import CentralClient
from kiosk.sync.enrolment import (
    CredentialStore,
    DeviceCredentials,
    MemoryKeyring,
    NoSecureStore,
    secure_backend,
)
from tests.helpers.fault_server import Fault, fault_server


class PlaintextFileKeyring(MemoryKeyring):
    """Stands in for keyrings.alt's file backends, which we must refuse."""

    priority = 1


PlaintextFileKeyring.__module__ = "keyrings.alt.file"


@pytest.fixture
def system_keyring():
    before = keyring.get_keyring()
    yield keyring.set_keyring
    keyring.set_keyring(before)


def test_a_headless_box_without_a_keyring_fails_closed(system_keyring):
    system_keyring(fail.Keyring())
    with pytest.raises(NoSecureStore, match="Secret Service"):
        secure_backend()


def test_plaintext_backends_are_not_accepted(system_keyring):
    system_keyring(PlaintextFileKeyring())
    with pytest.raises(NoSecureStore):
        CredentialStore().load()


def test_enrolment_refuses_before_spending_the_code(system_keyring):
    system_keyring(fail.Keyring())
    with fault_server() as (state, url):
        with pytest.raises(NoSecureStore):
            CredentialStore().enrol(CentralClient(url), "CODE-1", "kiosk 1")
        assert state.requests == []  # the code was not used up


def test_enrolment_keeps_the_token_in_the_given_store():
    backend = MemoryKeyring()
    store = CredentialStore(backend)
    with fault_server() as (state, url):
        state.answer(Fault.json(201, {"device_id": "d-1", "token": "secret-t", "hall_code": "city_centre"}))
        creds = store.enrol(CentralClient(url), "CODE-1", "kiosk 1")
    assert creds == DeviceCredentials("d-1", "secret-t", "city_centre", url)
    assert CredentialStore(backend).load() == creds
    store.clear()
    assert store.load() is None
    store.clear()  # clearing twice is fine


def test_an_unreadable_entry_means_enrol_again():
    backend = MemoryKeyring()
    backend.set_password("service-hall-kiosk", "device", "{not json")
    assert CredentialStore(backend).load() is None

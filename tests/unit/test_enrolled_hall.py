"""The kiosk serves the hall it is enrolled in, whatever kiosk.toml says: the platform
lets a device act only in its enrolment's hall (issue 12, finding 1)."""

from __future__ import annotations

import logging

from kiosk.device.settings import load_settings
from kiosk.sync.enrolment import CredentialStore, DeviceCredentials, MemoryKeyring
from ui.app import enrolled_hall

URL = "https://central.example.gov.cn"


def _settings(hall: str = "city_centre"):
    return load_settings(None).settings.with_values(hall_code=hall)


def _keys(hall: str, url: str = URL) -> CredentialStore:
    keys = CredentialStore(MemoryKeyring())
    keys.save(DeviceCredentials("d-1", "token", hall, url))
    return keys


def test_the_enrolments_hall_wins_and_the_log_says_so(caplog):
    with caplog.at_level(logging.WARNING):
        served = enrolled_hall(_settings("city_centre"), URL + "/", _keys("dongcheng"))
    assert served.hall_code == "dongcheng"
    assert "kiosk.toml names hall 'city_centre', but this device is enrolled in hall " \
           "'dongcheng'" in caplog.text


def test_nothing_changes_without_a_matching_enrolment(caplog):
    settings = _settings("city_centre")
    with caplog.at_level(logging.WARNING):
        assert enrolled_hall(settings, URL, _keys("city_centre")) is settings  # the same hall
        assert enrolled_hall(settings, "https://elsewhere.example", _keys("dongcheng")) is settings
        assert enrolled_hall(settings, URL, CredentialStore(MemoryKeyring())) is settings
        assert enrolled_hall(settings, None, _keys("dongcheng")) is settings
    assert caplog.text == ""

"""Issue 12, finding 11: the kiosk talks to the platform over https only (loopback
excepted, for the demo and tests): in kiosk.toml, with --central, and for kiosk enrol."""

from __future__ import annotations

import pytest

from kiosk.device.settings import Settings, load_settings
from ui.app import main


@pytest.mark.parametrize("url", [
    "https://zwfw.example.gov.cn", "https://10.0.0.5:8443/api", "http://127.0.0.1:8000",
    "http://localhost:8000", "http://[::1]:8000", "",
])
def test_https_or_loopback_is_accepted(url):
    assert Settings.defaults().with_values(central_url=url).central_url == url


@pytest.mark.parametrize("url", [
    "http://zwfw.example.gov.cn", "http://10.0.0.5:8000", "ftp://example.gov.cn",
    "https://", "zwfw.example.gov.cn", "http://127.0.0.1.evil.example:8000",
    "http://localhost.evil.example",
])
def test_anything_else_is_refused(url):
    with pytest.raises(ValueError, match="central_url"):
        Settings.defaults().with_values(central_url=url)


def test_a_plain_http_url_in_the_file_is_not_used(tmp_path):
    path = tmp_path / "kiosk.toml"
    path.write_text('config_version = 2\ncentral_url = "http://impostor.example:8000"\n',
                    encoding="utf-8")
    loaded = load_settings(path)
    assert loaded.settings.central_url == ""
    assert any("central_url" in p and "https" in p for p in loaded.problems)


def test_enrol_refuses_plain_http(capsys):
    code = main(["enrol", "--central", "http://impostor.example:8000", "--code", "X"])
    assert code == 2
    assert "https" in capsys.readouterr().err


def test_central_option_refuses_plain_http(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["--central", "http://impostor.example:8000", "--smoke-test"])
    assert stop.value.code == 2
    assert "https" in capsys.readouterr().err

"""Issue 12, finding 14: a kiosk.toml that is wrong in any way never stops the kiosk or
silently resets it; each bad value falls back to its default with a warning naming the
key, and a file saved by Windows Notepad (UTF-8 with a BOM) is read."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kiosk.device.settings import Settings, load_settings


def write(tmp_path, text: str, encoding: str = "utf-8"):
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding=encoding)
    return path


def test_a_misspelt_time_zone_falls_back_with_a_warning(tmp_path):
    loaded = load_settings(write(tmp_path, 'config_version = 2\ntimezone = "Asia/Shangai"\n'))
    assert loaded.settings.timezone == "Asia/Shanghai"
    assert any("timezone" in p and "Asia/Shangai" in p for p in loaded.problems)


def test_the_kiosk_starts_with_a_misspelt_time_zone(tmp_path):
    """The whole start, not just the loader: it crashed with a traceback and exit 1."""
    path = write(tmp_path, 'config_version = 2\ntimezone = "Asia/Shangai"\n')
    out = subprocess.run([sys.executable, "-m", "ui", "--smoke-test", "--config", str(path)],
                         capture_output=True, text=True, timeout=120,
                         env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr[-2000:]
    assert "home screen shown" in out.stdout
    assert "timezone" in out.stderr and "Traceback" not in out.stderr


def test_a_notepad_file_with_a_bom_is_read(tmp_path):
    path = write(tmp_path, 'config_version = 2\nhall_code = "dongcheng"\ncentral_url = "https://central.example.gov.cn"\n',
                 encoding="utf-8-sig")
    loaded = load_settings(path)
    assert loaded.settings.hall_code == "dongcheng"
    assert loaded.settings.central_url == "https://central.example.gov.cn"
    assert loaded.problems == ()


def test_a_folder_as_the_config_file_is_said(tmp_path):
    loaded = load_settings(tmp_path)
    assert loaded.settings == Settings.defaults()
    assert len(loaded.problems) == 1 and str(tmp_path) in loaded.problems[0]


def test_deeply_nested_toml_is_said_not_raised(tmp_path):
    loaded = load_settings(write(tmp_path, "x = " + "[" * 5000 + "]" * 5000 + "\n"))
    assert loaded.settings == Settings.defaults()
    assert len(loaded.problems) == 1


@pytest.mark.parametrize("value", ["nan", "inf", "-inf"])
def test_non_finite_numbers_fall_back(tmp_path, value):
    loaded = load_settings(write(tmp_path, f"config_version = 2\nspeech_volume = {value}\n"
                                           f"screen_diagonal_in = {value}\n"))
    assert loaded.settings.speech_volume == 0.8 and loaded.settings.screen_diagonal_in == 21.5
    assert any("speech_volume" in p for p in loaded.problems)
    assert any("screen_diagonal_in" in p for p in loaded.problems)


def test_with_values_refuses_them_too():
    with pytest.raises(ValueError, match="timezone"):
        Settings.defaults().with_values(timezone="Mars/Olympus")
    with pytest.raises(ValueError, match="speech_volume"):
        Settings.defaults().with_values(speech_volume=float("nan"))

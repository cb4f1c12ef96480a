import pytest

from kiosk.device.settings import CONFIG_VERSION, Settings, load_settings, migrate


def test_defaults_without_a_file(tmp_path):
    loaded = load_settings(tmp_path / "absent.toml")
    assert loaded.settings == Settings.defaults()
    assert loaded.problems == ()


def test_values_are_read_and_checked(tmp_path):
    path = tmp_path / "kiosk.toml"
    path.write_text(
        'config_version = 2\nidle_seconds = 120\nscreen_diagonal_in = 32\n'
        'default_language = "fr"\nbogus = 1\n', encoding="utf-8"
    )
    loaded = load_settings(path)
    assert loaded.settings.idle_seconds == 120
    assert loaded.settings.screen_diagonal_in == 32.0
    assert loaded.settings.default_language == "zh_CN"  # invalid value: default kept
    assert any("default_language must be one of" in p for p in loaded.problems)
    assert any("unknown setting 'bogus'" in p for p in loaded.problems)


def test_out_of_bounds_is_reported(tmp_path):
    path = tmp_path / "kiosk.toml"
    path.write_text("config_version = 2\nidle_seconds = 5\n", encoding="utf-8")
    loaded = load_settings(path)
    assert loaded.settings.idle_seconds == 90
    assert "idle_seconds must be at least 30" in loaded.problems[0]


def test_broken_toml_falls_back_to_defaults_with_a_message(tmp_path):
    path = tmp_path / "kiosk.toml"
    path.write_text("idle_seconds = = 3", encoding="utf-8")
    loaded = load_settings(path)
    assert loaded.settings == Settings.defaults()
    assert "using defaults" in loaded.problems[0]


def test_version_1_file_is_migrated(tmp_path):
    path = tmp_path / "kiosk.toml"
    path.write_text('idle_timeout = 150\nlanguage = "en"\n', encoding="utf-8")
    loaded = load_settings(path)
    assert loaded.settings.idle_seconds == 150
    assert loaded.settings.default_language == "en"
    assert loaded.problems == ()


def test_future_version_is_refused():
    with pytest.raises(ValueError):
        migrate({"config_version": CONFIG_VERSION + 1})


def test_with_values_checks():
    with pytest.raises(ValueError):
        Settings.defaults().with_values(idle_seconds=True)
    with pytest.raises(ValueError):
        Settings.defaults().with_values(nope=1)

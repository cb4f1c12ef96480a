"""The central server's settings (central/settings.py): where each comes from, which win,
and that secrets come only from the environment or private files and are never shown."""

from __future__ import annotations

import os
import sys

import pytest

from central import cli
from central.settings import ConfigError, describe, load_settings

PG = "postgresql+psycopg://kiosk:s3cret-pw@db.hall.example:5432/central"
SECRET = "an-outside-key-of-at-least-32-characters-0123456789"
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")


@pytest.fixture(autouse=True)
def _no_server_settings_in_the_environment(monkeypatch):
    for name in list(os.environ):
        if name.startswith("KIOSK_CENTRAL_"):
            monkeypatch.delenv(name)


def _private(path, text: str):
    path.write_text(text + "\n", encoding="utf-8")
    os.chmod(path, 0o600)
    return path


def test_the_defaults_serve_sqlite_on_loopback_without_metrics():
    s = load_settings(environ={})
    assert s.database_url.get_secret_value() == "sqlite:///central.db"
    assert (s.host, s.port, s.workers, s.metrics, s.log_format) == ("127.0.0.1", 8080, 1,
                                                                     False, "json")


def test_command_line_over_environment_over_file_over_default(tmp_path):
    config = tmp_path / "central.toml"
    config.write_text('port = 7000\nhost = "0.0.0.0"\nworkers = 2\nmetrics = true\n')
    env = {"KIOSK_CENTRAL_PORT": "7100", "KIOSK_CENTRAL_HOST": "10.0.0.5"}
    s = load_settings({"port": 7200, "host": None}, config_file=config, environ=env)
    assert s.port == 7200  # the command line
    assert s.host == "10.0.0.5"  # the environment (the command line said nothing)
    assert s.workers == 2 and s.metrics is True  # the file
    assert s.silent_after == 300  # the default


def test_the_config_file_may_be_named_by_the_environment(tmp_path):
    config = tmp_path / "central.toml"
    config.write_text("tickets_per_hour = 120\n")
    s = load_settings(environ={"KIOSK_CENTRAL_CONFIG": str(config)})
    assert s.tickets_per_hour == 120


@pytest.mark.parametrize("line", ['secret = "' + SECRET + '"', 'dev_token = "abc"',
                                  f'database_url = "{PG}"'])
def test_a_config_file_holding_a_secret_is_refused(tmp_path, line):
    config = tmp_path / "central.toml"
    config.write_text(line + "\n")
    with pytest.raises(ConfigError, match="environment") as raised:
        load_settings(config_file=config, environ={})
    assert "s3cret-pw" not in str(raised.value) and SECRET not in str(raised.value)


def test_a_database_url_without_a_password_may_be_in_the_file(tmp_path):
    config = tmp_path / "central.toml"
    config.write_text('database_url = "postgresql+psycopg:///central?host=/run/postgresql"\n')
    s = load_settings(config_file=config, environ={})
    assert s.database_url.get_secret_value().endswith("host=/run/postgresql")


@posix_only
def test_secrets_from_private_files(tmp_path):
    url_file = _private(tmp_path / "db-url", PG)
    s = load_settings(environ={"KIOSK_CENTRAL_DATABASE_URL_FILE": str(url_file)})
    assert s.database_url.get_secret_value() == PG


@posix_only
def test_a_secret_file_others_may_read_is_refused(tmp_path):
    url_file = _private(tmp_path / "db-url", PG)
    os.chmod(url_file, 0o644)
    with pytest.raises(ConfigError, match="chmod 600"):
        load_settings(environ={"KIOSK_CENTRAL_DATABASE_URL_FILE": str(url_file)})


@pytest.mark.parametrize(("env", "says"), [
    ({"KIOSK_CENTRAL_PORT": "0"}, "port"),
    ({"KIOSK_CENTRAL_WORKERS": "many"}, "workers"),
    ({"KIOSK_CENTRAL_LOG_FORMAT": "xml"}, "log_format"),
    ({"KIOSK_CENTRAL_HELP_RAISE_AFTER": "5"}, "help_raise_after"),
])
def test_a_bad_value_is_named_not_echoed(env, says):
    with pytest.raises(ConfigError, match=says) as raised:
        load_settings(environ=env)
    assert list(env.values())[0] not in str(raised.value).split(":")[-1]


def test_a_bad_config_file_is_said(tmp_path):
    config = tmp_path / "central.toml"
    config.write_text("port = [\n")
    with pytest.raises(ConfigError, match="configuration file"):
        load_settings(config_file=config, environ={})
    with pytest.raises(ConfigError, match="no configuration file"):
        load_settings(config_file=tmp_path / "missing.toml", environ={})
    config.write_text("colour = 'blue'\n")
    with pytest.raises(ConfigError, match="colour"):
        load_settings(config_file=config, environ={})


def test_describe_hides_every_secret():
    s = load_settings(environ={"KIOSK_CENTRAL_DATABASE_URL": PG, "KIOSK_CENTRAL_SECRET": SECRET,
                               "KIOSK_CENTRAL_DEV_TOKEN": "dev-token-value"})
    shown = dict(describe(s))
    assert shown["database_url"] == "postgresql+psycopg://kiosk:***@db.hall.example:5432/central"
    assert shown["secret"] == "(set, hidden)" and shown["dev_token"] == "(set, hidden)"
    text = repr(s) + str(describe(s))
    assert "s3cret-pw" not in text and SECRET not in text and "dev-token-value" not in text


@pytest.mark.parametrize("argv", [["check-config"], ["serve", "--check-config"]])
def test_check_config_prints_the_effective_settings_with_secrets_hidden(argv, monkeypatch,
                                                                        capsys):
    monkeypatch.setenv("KIOSK_CENTRAL_DATABASE_URL", PG)
    monkeypatch.setenv("KIOSK_CENTRAL_SECRET", SECRET)
    monkeypatch.setenv("KIOSK_CENTRAL_METRICS", "true")
    assert cli.main(argv) == 0
    out = capsys.readouterr().out
    lines = {line.split()[0]: line.split(None, 1)[1] for line in out.splitlines()}
    assert lines["database_url"] == "postgresql+psycopg://kiosk:***@db.hall.example:5432/central"
    assert lines["secret"] == "(set, hidden)" and lines["metrics"] == "true"
    assert "s3cret-pw" not in out and SECRET not in out


def test_check_config_says_what_is_wrong(monkeypatch, capsys):
    monkeypatch.setenv("KIOSK_CENTRAL_PORT", "99999")
    assert cli.main(["check-config"]) == 2
    assert "port" in capsys.readouterr().err


def test_serve_takes_its_settings_from_the_environment(tmp_path, monkeypatch, capsys):
    import uvicorn

    calls: list[dict] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append(kw))
    monkeypatch.setenv("KIOSK_CENTRAL_DATABASE_URL", f"sqlite:///{tmp_path / 'c.db'}")
    monkeypatch.setenv("KIOSK_CENTRAL_SECRET", SECRET)
    monkeypatch.setenv("KIOSK_CENTRAL_PORT", "8123")
    monkeypatch.setenv("KIOSK_CENTRAL_HOST", "0.0.0.0")
    monkeypatch.setenv("KIOSK_CENTRAL_LOG_FORMAT", "text")
    assert cli.main(["serve", "--migrate"]) == 0, capsys.readouterr().err
    (options,) = calls
    assert (options["host"], options["port"]) == ("0.0.0.0", 8123)
    assert options["log_config"]["handlers"]["stderr"]["formatter"] == "text"
    assert options["access_log"] is False  # central.access replaces uvicorn's


@pytest.mark.parametrize(("env", "says"), [
    ({"KIOSK_CENTRAL_METRICS": "true", "KIOSK_CENTRAL_WORKERS": "2"}, "workers = 1"),
    ({"KIOSK_CENTRAL_METRICS": "true", "KIOSK_CENTRAL_METRICS_PORT": "8080"}, "differ"),
])
def test_serve_keeps_metrics_off_the_api(env, says, tmp_path, monkeypatch, capsys):
    import uvicorn

    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: pytest.fail("served"))
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert cli.main(["serve", "--db", f"sqlite:///{tmp_path / 'c.db'}", "--seed", "demo"]) == 2
    assert says in capsys.readouterr().err


def test_every_setting_is_documented():
    from pathlib import Path

    from central.settings import Settings

    doc = (Path(__file__).resolve().parents[2] / "docs" / "operations.md").read_text("utf-8")
    missing = [name for name in Settings.model_fields if f"`{name}`" not in doc]
    assert missing == []

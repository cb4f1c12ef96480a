"""The central server's settings, each declared once with its type, default and bounds.

Where a value comes from, first found wins:

1. the command line (``serve --port …``; ``--db`` too, for development and tests),
2. an environment variable ``KIOSK_CENTRAL_<NAME>`` (``KIOSK_CENTRAL_DATABASE_URL``…),
3. for a secret, a file named by ``KIOSK_CENTRAL_<NAME>_FILE`` (mode 600: the service
   user's alone; systemd's ``LoadCredential=``, a container secret),
4. the TOML file named by ``--config`` or ``KIOSK_CENTRAL_CONFIG`` (keys as the names
   below, lower case),
5. the default.

Secrets — the database URL when it holds a password, the server secret, the dev token —
come only from the environment or files: a TOML file that holds one is refused (a file
of settings gets copied around, and read by more people than the service), and nothing
here ever prints one (``describe`` masks them). docs/operations.md lists every setting.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, SecretStr, ValidationError
from pydantic.fields import FieldInfo
from pydantic_settings import (
    BaseSettings,
    EnvSettingsSource,
    InitSettingsSource,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from central.private_file import read_private_file

ENV_PREFIX = "KIOSK_CENTRAL_"
CONFIG_ENV = ENV_PREFIX + "CONFIG"
#: settings that are secrets: from the environment or a ``…_FILE`` only
SECRET_FIELDS = ("database_url", "secret", "dev_token")


class ConfigError(ValueError):
    """The settings cannot be used: the message says which one and why (never its value)."""


class Settings(BaseSettings):
    """Everything ``kiosk-central serve`` can be told. Names are the environment
    variables' without ``KIOSK_CENTRAL_``, and the TOML file's keys."""

    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, extra="forbid", frozen=True,
                                      env_ignore_empty=True, hide_input_in_errors=True)

    database_url: SecretStr = Field(
        SecretStr("sqlite:///central.db"),
        description="SQLAlchemy URL: sqlite:///… or postgresql+psycopg://… (a secret when it "
                    "holds a password)")
    host: str = Field("127.0.0.1", description="the address the API listens on")
    port: int = Field(8080, ge=1, le=65535, description="the API's port")
    workers: int = Field(1, ge=1, le=64, description="server processes (share the database)")
    seed: str | None = Field(None, description='"demo" or a directory of reference data')
    secret: SecretStr | None = Field(None, description="the server secret (HMAC key), ≥ 32 "
                                                       "characters; or secret_file")
    secret_file: Path | None = Field(None, description="a file (mode 600) holding the secret")
    dev_token: SecretStr | None = Field(None, description="a bearer token acting as the "
                                                          "device 'dev' (development only)")
    dev_hall: str | None = Field(None, description="the hall the dev token acts in")
    bookings_per_hour: int = Field(60, ge=0, le=10**6, description="per device; 0: no limit")
    lookups_per_minute: int = Field(30, ge=0, le=10**6, description="per device; 0: no limit")
    tickets_per_hour: int = Field(300, ge=0, le=10**6, description="per device; 0: no limit")
    help_requests_per_hour: int = Field(60, ge=0, le=10**6, description="per device; 0: none")
    help_raise_after: int = Field(90, ge=10, le=3600, description="seconds before an "
                                                                 "unanswered call is raised again")
    no_show_after_recalls: int = Field(3, ge=0, le=10, description="recalls of a called "
                                       "ticket before its window may mark it a no-show")
    rating_case_due_days: int = Field(3, ge=1, le=60, description="working days (the hall's "
                                      "open days) to follow up a bad rating, where the hall "
                                      "set none (kiosk-central ratings due-days)")
    log_format: Literal["json", "text"] = Field("json", description="json: one object a line")
    log_level: Literal["debug", "info", "warning", "error"] = Field("info")
    metrics: bool = Field(False, description="serve Prometheus metrics (off by default)")
    metrics_host: str = Field("127.0.0.1", description="the metrics listener's address: keep "
                                                       "it private")
    metrics_port: int = Field(9464, ge=1, le=65535, description="the metrics listener's port "
                                                                "(never the API's)")
    silent_after: int = Field(300, ge=30, le=86400, description="seconds without a heartbeat "
                                                                "before a kiosk counts as silent")
    reference_check_every: float = Field(5.0, ge=0, le=300, description="seconds between two "
                                         "looks for newer reference data: every instance "
                                         "serves a new version within this")
    calendar_warn_days: int = Field(60, ge=0, le=366, description="warn this many days before "
                                                                 "a hall's calendar runs out")


class _SecretFiles(PydanticBaseSettingsSource):
    """``KIOSK_CENTRAL_<NAME>_FILE``: a secret read from a file only its owner may read."""

    def __init__(self, settings_cls: type[BaseSettings], environ: Mapping[str, str]) -> None:
        super().__init__(settings_cls)
        self._environ = environ

    def get_field_value(self, field: FieldInfo, field_name: str) -> tuple[Any, str, bool]:
        return None, field_name, False  # __call__ does the work

    def __call__(self) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for name in ("database_url", "dev_token"):  # the secret's own file: secret_file
            variable = f"{ENV_PREFIX}{name.upper()}_FILE"
            path = self._environ.get(variable, "").strip()
            if path:
                found[name] = read_private_file(Path(path), f"{variable}: the file", ConfigError)
        return found


class _CheckedToml(TomlConfigSettingsSource):
    """The TOML file, refused when it holds a secret."""

    def __call__(self) -> dict[str, Any]:
        values = super().__call__()
        for name in ("secret", "dev_token"):
            if name in values:
                raise ConfigError(f"the configuration file {self.toml_file_path} holds {name}: "
                                  f"secrets come only from the environment "
                                  f"({ENV_PREFIX}{name.upper()}) or a file "
                                  f"({ENV_PREFIX}{name.upper()}_FILE)")
        url = values.get("database_url")
        if isinstance(url, str) and _has_password(url):
            raise ConfigError(f"the configuration file {self.toml_file_path} holds a database "
                              f"URL with a password: secrets come only from the environment "
                              f"({ENV_PREFIX}DATABASE_URL) or a file "
                              f"({ENV_PREFIX}DATABASE_URL_FILE)")
        return values


def _has_password(url: str) -> bool:
    try:
        return make_url(url).password is not None
    except ArgumentError:
        return False  # the model says what is wrong with it


def load_settings(given: Mapping[str, Any] | None = None, *, config_file: str | Path | None = None,
                  environ: Mapping[str, str] | None = None) -> Settings:
    """The effective settings: ``given`` (the command line's, None values left out) over
    the environment, secret files, the TOML file (``config_file``, else
    ``$KIOSK_CENTRAL_CONFIG``) and the defaults. ``ConfigError`` says what is wrong."""
    env = os.environ if environ is None else environ
    init = {k: v for k, v in (given or {}).items() if v is not None}
    path = config_file or env.get(CONFIG_ENV) or None
    try:
        sources: list[PydanticBaseSettingsSource] = [
            InitSettingsSource(Settings, init),
            _Environment(Settings, env),
            _SecretFiles(Settings, env),
        ]
        if path is not None:
            if not Path(path).is_file():
                raise ConfigError(f"no configuration file {path}")
            sources.append(_CheckedToml(Settings, Path(path)))
        return Settings(_build_sources=(tuple(sources), init))  # type: ignore[call-arg]
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc']) or 'settings'}: {e['msg']}"
                             for e in exc.errors())
        raise ConfigError(f"invalid settings: {problems}") from None
    except ValueError as exc:  # a TOML syntax error, a file refused above
        if isinstance(exc, ConfigError):
            raise
        raise ConfigError(f"cannot read the configuration file {path}: {exc}") from None


class _Environment(EnvSettingsSource):
    """The environment given (``os.environ`` in a server, a mapping in a test)."""

    def __init__(self, settings_cls: type[BaseSettings], environ: Mapping[str, str]) -> None:
        self._given = environ
        super().__init__(settings_cls)

    def _load_env_vars(self) -> Mapping[str, str | None]:
        return {k.lower(): v for k, v in self._given.items()}


def masked_url(url: str) -> str:
    """The database URL with its password replaced by ``***``."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "(not a database URL)"


def describe(settings: Settings) -> list[tuple[str, str]]:
    """Every setting as (name, value) for ``check-config``; secrets never shown."""
    shown: list[tuple[str, str]] = []
    for name in Settings.model_fields:
        value = getattr(settings, name)
        if name == "database_url":
            text = masked_url(value.get_secret_value())
        elif isinstance(value, SecretStr):
            text = "(set, hidden)"
        elif value is None:
            text = "(not set)"
        else:
            text = str(value).lower() if isinstance(value, bool) else str(value)
        shown.append((name, text))
    return shown

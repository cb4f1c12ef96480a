"""Device settings, declared once: type, default, bounds and what each one is for.

The file is TOML (``kiosk.toml``), written by the installer. Older files are
migrated by ``config_version`` before they are read. An invalid value is
reported with its name and the allowed range, and the default is used, so a
typo in the hall's file never keeps the kiosk from starting.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

CONFIG_VERSION = 2


class Option(NamedTuple):
    name: str
    #: str, bool, int or float: a value of it is compared with minimum and maximum as is
    kind: type[Any]
    default: Any
    doc: str
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str, ...] | None = None
    #: a further check of the value; returns why it is refused, or None
    problem: Callable[[Any], str | None] | None = None

    def check(self, value: Any) -> Any:
        """The value if it is valid, else raise ValueError saying why."""
        if self.kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, self.kind) or (self.kind is int and isinstance(value, bool)):
            raise ValueError(f"{self.name} must be a {self.kind.__name__}, not {value!r}")
        if self.kind is float and not math.isfinite(value):
            raise ValueError(f"{self.name} must be a finite number, not {value!r}")
        if self.minimum is not None and value < self.minimum:
            raise ValueError(f"{self.name} must be at least {self.minimum}, not {value!r}")
        if self.maximum is not None and value > self.maximum:
            raise ValueError(f"{self.name} must be at most {self.maximum}, not {value!r}")
        if self.choices is not None and value not in self.choices:
            raise ValueError(f"{self.name} must be one of {', '.join(self.choices)}, not {value!r}")
        why = self.problem(value) if self.problem is not None else None
        if why:
            raise ValueError(f"{self.name}: {why}, not {value!r}")
        return value


def platform_url_problem(url: str) -> str | None:
    """Why ``url`` is not one the kiosk may talk to the platform at: https only, plain http
    to this machine's loopback only (the demo, tests). Empty: no platform."""
    if not url:
        return None
    parts = urlsplit(url)
    if parts.scheme == "https" and parts.hostname:
        return None
    if parts.scheme == "http" and parts.hostname is not None and _loopback(parts.hostname):
        return None
    return "the platform must be reached over https:// (plain http only on this machine)"


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    import ipaddress  # here: only a plain-http platform address is checked with it

    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _time_zone_problem(name: str) -> str | None:
    """Why ``name`` is not a time zone this machine knows (a misspelling stops nothing)."""
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return "not a time zone this kiosk knows (for example Asia/Shanghai)"
    return None


#: the line speeds of the SAM protocol (kiosk.idcard.sam_protocol.BAUD_RATES; the device
#: package imports only the shared rules)
IDCARD_BAUD_RATES = (115200, 57600, 38400, 19200, 9600)


def _idcard_baud_problem(baud: int) -> str | None:
    if baud in IDCARD_BAUD_RATES:
        return None
    return "an ID-card reader runs at " + ", ".join(map(str, IDCARD_BAUD_RATES)) + " baud"


OPTIONS: tuple[Option, ...] = (
    Option("hall_code", str, "city_centre", "Code of the hall this kiosk stands in (from the catalogue)."),
    Option("hall_name_zh", str, "示例市市民中心", "Hall name shown in the header, Chinese."),
    Option("hall_name_en", str, "Sample City Citizen Service Centre", "Hall name shown in the header, English."),
    Option("kiosk_location", str, "",
           "Where this kiosk stands, as staff are told when a resident calls them (一楼大厅 3号机); "
           "empty: the name it was enrolled with."),
    Option("service_desk_zh", str, "服务台在一楼大厅入口左侧。",
           "Where the service desk is, in Chinese: said when a call for staff cannot be sent."),
    Option("service_desk_en", str, "The service desk is on the left of the ground-floor entrance.",
           "Where the service desk is, in English: said when a call for staff cannot be sent."),
    Option("timezone", str, "Asia/Shanghai", "The hall's time zone, for display only.",
           problem=_time_zone_problem),
    Option("default_language", str, "zh_CN", "Language after every session wipe.", choices=("zh_CN", "en")),
    Option("default_elderly", bool, False, "Start every session in 长辈版 (elderly mode)."),
    Option(
        "screen_diagonal_in", float, 21.5,
        "Physical screen diagonal in inches; sizes are calibrated from it.",
        minimum=7.0, maximum=100.0,
    ),
    Option("idle_seconds", int, 90, "Idle time before the 'are you still there' dialog.", 30, 1800),
    Option(
        "idle_seconds_elderly", int, 180, "Idle time before the dialog in 长辈版.", 60, 3600
    ),
    Option(
        "idle_seconds_number", int, 300,
        "Idle time while a queue number is shown (the resident may be copying it down).",
        60, 3600,
    ),
    Option("idle_countdown_seconds", int, 30, "How long the dialog counts down.", 30, 300),
    Option(
        "handoff_url_template", str,
        "https://zwfw.example.gov.cn/guide/{code}?have={have}&lang={lang}",
        "URL put in the 'take it to your phone' QR code; {code}, {have}, {lang} are filled in.",
    ),
    Option("read_aloud_auto_elderly", bool, False, "Read each screen aloud automatically in 长辈版."),
    Option("speech_volume", float, 0.8, "Read-aloud volume after every session wipe (0 to 1).", 0.0, 1.0),
    Option("staff_idle_seconds", int, 600,
           "Idle time of a staff session (staff panel, assisted mode) before its warning.", 60, 7200),
    Option("staff_idle_countdown_seconds", int, 60, "How long the staff session's warning counts down.", 30, 600),
    Option("touch_screen", bool, True, "The kiosk is used by touch: the mouse cursor is hidden."),
    Option("printer_name", str, "", "The system printer for slips; empty: save slips as PDF."),
    Option("search_synonyms", str, "",
           "The hall's own search words: a TOML file shaped like resources/search/synonyms.toml, "
           "added to the bundled one; empty: none."),
    Option("slip_paper", str, "80mm", "Slip paper: 80 mm receipt roll or A4.", choices=("80mm", "A4")),
    Option("slip_pdf_dir", str, "", "Folder for PDF slips when there is no printer; empty: the data folder."),
    Option("camera", str, "0",
           "The camera for QR codes: a device index (QtMultimedia), a video file, an image or a folder "
           "of images; an RTSP/HTTP URL or opencv:INDEX goes through OpenCV (the [opencv] extra)."),
    Option("idcard_port", str, "",
           "The ID-card reader's serial port (/dev/ttyUSB0, a /dev/serial/by-id/… link, COM3); "
           "empty: no reader, residents type their ID number."),
    Option("idcard_baud", int, 115200,
           "The ID-card reader's line speed (115200, the SAM's default; 57600, 38400, 19200, 9600).",
           problem=_idcard_baud_problem),
    Option("handwriting_model", str, "",
           "The handwriting model (Zinnia; Tegaki's handwriting-zh_CN.model) for the search "
           "screen's writing pad; empty: the bundled one or the system's "
           "(/usr/share/tegaki/models/zinnia/); 'off': no pad. With none found the pad is "
           "not offered."),
    Option(
        "central_url", str, "",
        "Base URL of the central government-service platform (https); empty: no sync "
        "(--central overrides).", problem=platform_url_problem,
    ),
)

_BY_NAME = {o.name: o for o in OPTIONS}


class Settings(NamedTuple):
    hall_code: str
    hall_name_zh: str
    hall_name_en: str
    kiosk_location: str
    service_desk_zh: str
    service_desk_en: str
    timezone: str
    default_language: str
    default_elderly: bool
    screen_diagonal_in: float
    idle_seconds: int
    idle_seconds_elderly: int
    idle_seconds_number: int
    idle_countdown_seconds: int
    handoff_url_template: str
    read_aloud_auto_elderly: bool
    speech_volume: float
    staff_idle_seconds: int
    staff_idle_countdown_seconds: int
    touch_screen: bool
    printer_name: str
    search_synonyms: str
    slip_paper: str
    slip_pdf_dir: str
    camera: str
    idcard_port: str
    idcard_baud: int
    handwriting_model: str
    central_url: str

    @classmethod
    def defaults(cls) -> Settings:
        return cls(**{o.name: o.default for o in OPTIONS})

    def with_values(self, **values: Any) -> Settings:
        for name, value in values.items():
            if name not in _BY_NAME:
                raise ValueError(f"unknown setting {name!r}")
            _BY_NAME[name].check(value)
        return self._replace(**values)


# --- migrations --------------------------------------------------------------


def _v1_to_v2(raw: dict[str, Any]) -> dict[str, Any]:
    """Version 1 had one ``idle_timeout`` for both modes and ``language``."""
    raw = dict(raw)
    if "idle_timeout" in raw:
        raw.setdefault("idle_seconds", raw.pop("idle_timeout"))
    if "language" in raw:
        raw.setdefault("default_language", raw.pop("language"))
    return raw


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _v1_to_v2}


def migrate(raw: dict[str, Any]) -> dict[str, Any]:
    version = raw.get("config_version", 1)
    if not isinstance(version, int) or version > CONFIG_VERSION or version < 1:
        raise ValueError(f"config_version {version!r} is not one this kiosk knows")
    while version < CONFIG_VERSION:
        raw = MIGRATIONS[version](raw)
        version += 1
    raw["config_version"] = CONFIG_VERSION
    return raw


class LoadedSettings(NamedTuple):
    settings: Settings
    problems: tuple[str, ...]


def load_settings(path: Path | None) -> LoadedSettings:
    """Settings from a TOML file (defaults where absent); problems are listed, not raised."""
    if path is None or not path.exists():
        return LoadedSettings(Settings.defaults(), ())
    import tomllib  # here: a kiosk without a settings file starts without the TOML parser

    problems: list[str] = []
    try:
        # utf-8-sig: Windows Notepad saves UTF-8 with a byte-order mark
        raw = migrate(tomllib.loads(path.read_bytes().decode("utf-8-sig")))
    except OSError as exc:  # a folder, no permission, a disk error
        return LoadedSettings(Settings.defaults(),
                              (f"{path}: cannot be read ({exc.strerror or exc}); using defaults",))
    except RecursionError:
        return LoadedSettings(Settings.defaults(),
                              (f"{path}: nested too deeply to be a settings file; using defaults",))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, ValueError) as exc:
        return LoadedSettings(Settings.defaults(), (f"{path}: {exc}; using defaults",))
    values = {}
    for name, value in raw.items():
        if name == "config_version":
            continue
        option = _BY_NAME.get(name)
        if option is None:
            problems.append(f"{path}: unknown setting {name!r} ignored")
            continue
        try:
            values[name] = option.check(value)
        except ValueError as exc:
            problems.append(f"{path}: {exc}; using {option.default!r}")
    return LoadedSettings(Settings.defaults()._replace(**values), tuple(problems))

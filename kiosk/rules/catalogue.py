"""The matter catalogue: departments, themes (life events), halls and matters.

Plain data, loaded from the JSON document in ``resources/demo/catalogue.json``
(or a catalogue pulled from the central platform, which has the same shape). The
records are named tuples, not frozen dataclasses: as immutable, and made at import
without the code generation that cost the kiosk's start-up about 4 ms a class (the
catalogue itself, which keeps an index by code, is a plain class).
Every text a resident reads carries its own Chinese and English, so catalogue
content never goes through Qt's translator.
"""

from __future__ import annotations

import builtins
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, NamedTuple

#: where the bundled sample catalogue lives
DEMO_CATALOGUE = Path(__file__).resolve().parents[2] / "resources" / "demo" / "catalogue.json"

#: the theme code of the 老年人服务专区 (elderly services zone)
ELDERLY_THEME = "elderly"

MATERIAL_FORMS = ("original", "copy", "original_and_copy", "electronic")


class CatalogueError(ValueError):
    """The catalogue document is malformed; the message says where."""


class Text(NamedTuple):
    """A text in Chinese and English."""

    zh: str
    en: str

    def get(self, lang: str) -> str:
        """The text for a language code such as ``zh_CN`` or ``en``."""
        return self.en if lang.startswith("en") else self.zh


class Department(NamedTuple):
    code: str
    name: Text


class Theme(NamedTuple):
    """A life event or a zone, such as 出生一件事 or the elderly services zone."""

    code: str
    name: Text


class OpeningPeriod(NamedTuple):
    """One opening period on one weekday (1 = Monday … 7 = Sunday), local time."""

    weekday: int
    opens: str
    closes: str


class Hall(NamedTuple):
    code: str
    name: Text
    address: Text
    phone: str
    timezone: str
    opening_hours: tuple[OpeningPeriod, ...]


class Material(NamedTuple):
    """One item a resident brings (or uploads) for a matter."""

    name: Text
    form: str  # one of MATERIAL_FORMS
    copies: int
    required: bool
    note: Text | None = None

    @property
    def brought(self) -> bool:
        """Whether the resident brings it. An electronic material reaches the hall without
        them (the photo taken at the window, a certificate shared between departments, a
        contract signed online): it is never on their list of things still to prepare."""
        return self.form != "electronic"


class Fee(NamedTuple):
    """What the matter costs; ``amount_yuan`` 0 means free of charge."""

    amount_yuan: float
    note: Text | None = None


class Matter(NamedTuple):
    code: str
    name: Text
    aliases_zh: tuple[str, ...]
    aliases_en: tuple[str, ...]
    department: str
    themes: tuple[str, ...]
    materials: tuple[Material, ...]
    fee: Fee
    #: legal and promised time limits in working days; 0 means done on the spot (即办)
    legal_limit_days: int
    promised_limit_days: int
    #: how many trips to the hall the matter needs (0: none, done entirely online)
    visits: int
    window: Text
    online: bool
    bookable: bool
    proxy_allowed: bool
    halls: tuple[str, ...]
    #: relative use, for the most-used list (higher is more used)
    popularity: int
    description: Text | None = None


class Catalogue:
    """The whole catalogue, with its matters by code. Not changed once made (a plain
    class, not a frozen dataclass: see the module's docstring)."""

    __slots__ = ("_by_code", "departments", "halls", "matters", "notice", "sample_data",
                 "themes", "version")

    def __init__(self, version: str, sample_data: bool, notice: Text,
                 departments: tuple[Department, ...], themes: tuple[Theme, ...],
                 halls: tuple[Hall, ...], matters: tuple[Matter, ...]) -> None:
        self.version = version
        self.sample_data = sample_data
        self.notice = notice
        self.departments = departments
        self.themes = themes
        self.halls = halls
        self.matters = matters
        self._by_code = {m.code: m for m in matters}

    def _compared(self) -> tuple[object, ...]:
        return (self.version, self.sample_data, self.notice, self.departments, self.themes,
                self.halls, self.matters)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Catalogue) and self._compared() == other._compared()

    def __hash__(self) -> int:
        return hash(self._compared())

    def __repr__(self) -> str:
        return f"Catalogue(version={self.version!r}, {len(self.matters)} matters)"

    def matter(self, code: str) -> Matter:
        return self._by_code[code]

    def find_matter(self, code: str) -> Matter | None:
        return self._by_code.get(code)

    def department(self, code: str) -> Department | None:
        return next((d for d in self.departments if d.code == code), None)

    def theme(self, code: str) -> Theme | None:
        return next((t for t in self.themes if t.code == code), None)

    def hall(self, code: str) -> Hall | None:
        return next((h for h in self.halls if h.code == code), None)

    def matters_of_department(self, code: str) -> list[Matter]:
        return sorted((m for m in self.matters if m.department == code), key=_by_use)

    def matters_of_theme(self, code: str) -> list[Matter]:
        return sorted((m for m in self.matters if code in m.themes), key=_by_use)

    def most_used(self, count: int = 8) -> list[Matter]:
        return sorted(self.matters, key=_by_use)[:count]


def _by_use(matter: Matter) -> tuple[int, str]:
    return (-matter.popularity, matter.code)


# --- loading -----------------------------------------------------------------


def load_catalogue(path: Path | str = DEMO_CATALOGUE) -> Catalogue:
    """Read and validate a catalogue file; raises CatalogueError with the place."""
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise CatalogueError(f"cannot read catalogue {path}: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        # e.g. a catalogue edited and saved as GBK on a Chinese Windows PC
        raise CatalogueError(f"catalogue {path} is not UTF-8 text: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise CatalogueError(f"catalogue {path} is not valid JSON: {exc}") from exc
    return parse_catalogue(raw)


def parse_catalogue(raw: Any) -> Catalogue:
    r = _Reader(raw, "catalogue")
    departments = tuple(
        Department(d.str("code"), d.text("name")) for d in r.list("departments")
    )
    themes = tuple(Theme(t.str("code"), t.text("name")) for t in r.list("themes"))
    halls = tuple(_hall(h) for h in r.list("halls"))
    matters = tuple(_matter(m) for m in r.list("matters"))
    catalogue = Catalogue(
        version=r.str("version"),
        sample_data=r.bool("sample_data"),
        notice=r.text("notice"),
        departments=departments,
        themes=themes,
        halls=halls,
        matters=matters,
    )
    _check_references(catalogue)
    return catalogue


def _hall(h: _Reader) -> Hall:
    periods = []
    for p in h.list("opening_hours"):
        weekday = p.int("weekday")
        if not 1 <= weekday <= 7:
            raise CatalogueError(f"{p.where}.weekday must be 1..7, not {weekday}")
        periods.append(OpeningPeriod(weekday, p.hhmm("opens"), p.hhmm("closes")))
    return Hall(
        code=h.str("code"),
        name=h.text("name"),
        address=h.text("address"),
        phone=h.str("phone"),
        timezone=h.str("timezone"),
        opening_hours=tuple(periods),
    )


def _matter(m: _Reader) -> Matter:
    materials = []
    for x in m.list("materials"):
        form = x.str("form")
        if form not in MATERIAL_FORMS:
            raise CatalogueError(f"{x.where}.form must be one of {MATERIAL_FORMS}, not {form!r}")
        materials.append(
            Material(
                name=x.text("name"),
                form=form,
                copies=x.int("copies"),
                required=x.bool("required"),
                note=x.optional_text("note"),
            )
        )
    fee = m.obj("fee")
    return Matter(
        code=m.str("code"),
        name=m.text("name"),
        aliases_zh=m.strs("aliases_zh"),
        aliases_en=m.strs("aliases_en"),
        department=m.str("department"),
        themes=m.strs("themes"),
        materials=tuple(materials),
        fee=Fee(fee.number("amount_yuan"), fee.optional_text("note")),
        legal_limit_days=m.int("legal_limit_days"),
        promised_limit_days=m.int("promised_limit_days"),
        visits=m.int("visits"),
        window=m.text("window"),
        online=m.bool("online"),
        bookable=m.bool("bookable"),
        proxy_allowed=m.bool("proxy_allowed"),
        halls=m.strs("halls"),
        popularity=m.int("popularity"),
        description=m.optional_text("description"),
    )


def _check_references(c: Catalogue) -> None:
    dept_codes = {d.code for d in c.departments}
    theme_codes = {t.code for t in c.themes}
    hall_codes = {h.code for h in c.halls}
    seen: set[str] = set()
    for m in c.matters:
        if m.code in seen:
            raise CatalogueError(f"matter code {m.code} appears twice")
        seen.add(m.code)
        if m.department not in dept_codes:
            raise CatalogueError(f"matter {m.code}: unknown department {m.department!r}")
        for t in m.themes:
            if t not in theme_codes:
                raise CatalogueError(f"matter {m.code}: unknown theme {t!r}")
        for h in m.halls:
            if h not in hall_codes:
                raise CatalogueError(f"matter {m.code}: unknown hall {h!r}")


class _Reader:
    """Typed access to one JSON object, with the path in every error."""

    def __init__(self, raw: Any, where: str) -> None:
        if not isinstance(raw, Mapping):
            raise CatalogueError(f"{where} must be an object")
        self.raw = raw
        self.where = where

    def _get(self, key: str) -> Any:
        if key not in self.raw:
            raise CatalogueError(f"{self.where}.{key} is missing")
        return self.raw[key]

    def str(self, key: str) -> str:
        value = self._get(key)
        if not isinstance(value, str) or not value.strip():
            raise CatalogueError(f"{self.where}.{key} must be a non-empty string")
        return value

    def hhmm(self, key: builtins.str) -> builtins.str:
        value = self.str(key)
        hh, _, mm = value.partition(":")
        if not (hh.isdigit() and mm.isdigit() and int(hh) < 24 and int(mm) < 60 and len(mm) == 2):
            raise CatalogueError(f"{self.where}.{key} must be HH:MM, not {value!r}")
        return value

    def int(self, key: builtins.str) -> int:
        value = self._get(key)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise CatalogueError(f"{self.where}.{key} must be a whole number ≥ 0")
        return value

    def number(self, key: builtins.str) -> float:
        value = self._get(key)
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            raise CatalogueError(f"{self.where}.{key} must be a number ≥ 0")
        return float(value)

    def bool(self, key: builtins.str) -> bool:
        value = self._get(key)
        if not isinstance(value, bool):
            raise CatalogueError(f"{self.where}.{key} must be true or false")
        return value

    def strs(self, key: builtins.str) -> tuple[builtins.str, ...]:
        value = self.raw.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise CatalogueError(f"{self.where}.{key} must be a list of strings")
        return tuple(value)

    def text(self, key: builtins.str) -> Text:
        value = self._get(key)
        if not (
            isinstance(value, Mapping)
            and isinstance(value.get("zh"), str)
            and isinstance(value.get("en"), str)
            and value["zh"].strip()
            and value["en"].strip()
        ):
            raise CatalogueError(f'{self.where}.{key} must be {{"zh": "…", "en": "…"}}')
        return Text(value["zh"], value["en"])

    def optional_text(self, key: builtins.str) -> Text | None:
        return None if self.raw.get(key) is None else self.text(key)

    def obj(self, key: builtins.str) -> _Reader:
        return _Reader(self._get(key), f"{self.where}.{key}")

    def list(self, key: builtins.str) -> Iterable[_Reader]:
        value = self._get(key)
        if not isinstance(value, list):
            raise CatalogueError(f"{self.where}.{key} must be a list")
        return [_Reader(v, f"{self.where}.{key}[{i}]") for i, v in enumerate(value)]

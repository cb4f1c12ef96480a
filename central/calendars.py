"""Hall calendars that cannot silently run out: national days from a maintained source,
each calendar with the last day it is known to be right (``valid_until``).

A calendars document (resources/demo/hall_calendars.json) names where China's public
holidays and 调休 working days come from:

- ``"national": {"source": "chinese_calendar"}``: the ``chinese-calendar`` package (a
  maintained table of the State Council's yearly notices). It knows whole years, up to
  the last notice it holds: that year's 31 December is its ``valid_until``;
- ``public_holidays`` / ``working_days``: days typed in (a notice newer than the
  package, or a city's own), added to the package's. With a top-level ``valid_until``
  they extend the calendar to it; without one (a file of a release before this) they
  are right up to the last day they list.

``resolve`` turns such a document, when it is published, into the explicit one every
server process and every kiosk reads (``kiosk.rules.calendar.parse_calendars``): the
package's days written out from 1 January of the publishing year, and ``valid_until``
set. The package is read only here, at publication: a version means the same days in
every process, whatever package each has installed; a newer package takes effect with
the next ``kiosk-central reference load``.

A hall's own ``valid_until`` (``halls.<code>.valid_until``) may end its calendar sooner
(closures decided only so far ahead); a hall's calendar is valid up to the earlier one.
Beyond it the server refuses bookings and availability (``calendar_not_valid``), and it
warns ``warn_days`` before (``validity_warnings``: the log, ``/v1/ready``, the metric
``central_calendar_valid_days``, ``check-config`` and ``reference show``).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, time, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

from central.problems import Problem
from kiosk.rules.calendar import CalendarError, HallCalendar

if TYPE_CHECKING:
    from central.context import Context

log = logging.getLogger(__name__)
#: the national calendar's days are Beijing days
BEIJING = ZoneInfo("Asia/Shanghai")
CHINESE_CALENDAR = "chinese_calendar"
#: how long before a calendar runs out the server starts warning, by default
WARN_DAYS = 60


@dataclass(frozen=True, slots=True)
class BoundedCalendar(HallCalendar):
    """A hall's calendar that knows its last right day: no day after ``valid_until`` is
    open (no slot offered, none booked), and ``validity_problem`` says why."""

    valid_until: date | None = None

    @classmethod
    def of(cls, calendar: HallCalendar, valid_until: date | None) -> BoundedCalendar:
        return cls(calendar.hall_code, calendar.timezone, calendar.opening_hours,
                   calendar.closed, calendar.working_days, calendar.rules, valid_until)

    def beyond(self, day: date) -> bool:
        return self.valid_until is not None and day > self.valid_until

    def periods_on(self, day: date) -> tuple[tuple[time, time], ...]:
        return () if self.beyond(day) else HallCalendar.periods_on(self, day)

    def weekly_periods_on(self, day: date) -> tuple[tuple[time, time], ...]:
        """The periods of ``day`` as far as the calendar knows: after ``valid_until``, the
        weekly opening hours alone (a walk-in ticket: someone is at the hall's kiosk)."""
        return HallCalendar.periods_on(self, day)

    def validity_problem(self, day: date) -> Problem | None:
        """422 ``calendar_not_valid`` when ``day`` (local) is after ``valid_until``: whether
        it is a holiday or a 调休 working day is not known, so nothing is booked on it."""
        if not self.beyond(day):
            return None
        return Problem(422, "calendar_not_valid",
                       f"the calendar of hall {self.hall_code!r} is known only up to "
                       f"{self.valid_until}: days after it cannot be booked until a newer "
                       f"calendar is published", valid_until=str(self.valid_until))


@dataclass(frozen=True)
class NationalDays:
    holidays: frozenset[date]
    working_days: frozenset[date]
    #: the last day the source is right about
    valid_until: date
    #: where they come from, as shown to an operator (``chinese_calendar 1.11.0``)
    source: str


def chinese_calendar_days(since: date) -> NationalDays:
    """The package's public holidays and 调休 working days from ``since`` on; right up to
    31 December of the last year it has a notice for."""
    import chinese_calendar
    from chinese_calendar import constants

    holidays: Iterable[date] = constants.holidays
    working: Iterable[date] = constants.workdays
    last_year = max(d.year for d in (*holidays, *working))
    return NationalDays(
        holidays=frozenset(d for d in holidays if d >= since),
        working_days=frozenset(d for d in working if d >= since),
        valid_until=date(last_year, 12, 31),
        source=f"{CHINESE_CALENDAR} {getattr(chinese_calendar, '__version__', '')}".strip(),
    )


def _day(value: Any, where: str) -> date:
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError) as exc:
        raise CalendarError(f"{where} must be a date YYYY-MM-DD, not {value!r}") from exc


def _days(values: Any, where: str) -> set[date]:
    if not isinstance(values, list):
        raise CalendarError(f"{where} must be a list of dates")
    return {_day(v, f"{where}[{i}]") for i, v in enumerate(values)}


def _source(raw: Mapping[str, Any]) -> str | None:
    national = raw.get("national")
    if national is None:
        return None
    name = national.get("source") if isinstance(national, Mapping) else None
    if name != CHINESE_CALENDAR:
        raise CalendarError(f'national must be {{"source": "{CHINESE_CALENDAR}"}}, '
                            f"not {national!r}")
    return CHINESE_CALENDAR


def resolve(raw: Any, today: date) -> dict[str, Any]:
    """The calendars document as published: national days written out, ``valid_until``
    set (top level, and on each hall that has its own). ``CalendarError`` says what is
    wrong; the halls and rules are checked by ``parse_calendars`` afterwards."""
    if not isinstance(raw, Mapping):
        raise CalendarError("the calendar file must hold an object")
    holidays = _days(raw.get("public_holidays", []), "public_holidays")
    working = _days(raw.get("working_days", []), "working_days")
    typed_until = raw.get("valid_until")
    until = _day(typed_until, "valid_until") if typed_until is not None else None
    resolved = dict(raw)
    if _source(raw) is not None:
        package = chinese_calendar_days(date(today.year, 1, 1))
        holidays |= package.holidays
        working |= package.working_days
        until = max(package.valid_until, until) if until else package.valid_until
        resolved["national"] = {"source": CHINESE_CALENDAR, "package": package.source,
                                "valid_until": package.valid_until.isoformat()}
    elif until is None:
        listed = holidays | working
        if not listed:
            raise CalendarError("the calendar names no national days: give "
                                f'"national": {{"source": "{CHINESE_CALENDAR}"}}, or '
                                "public_holidays, working_days and valid_until")
        until = max(listed)
    resolved["public_holidays"] = sorted(d.isoformat() for d in holidays)
    resolved["working_days"] = sorted(d.isoformat() for d in working)
    resolved["valid_until"] = until.isoformat()
    halls = raw.get("halls", {})
    if isinstance(halls, Mapping):
        for code, entry in halls.items():
            if isinstance(entry, Mapping) and "valid_until" in entry:
                _day(entry["valid_until"], f"halls.{code}.valid_until")
    return resolved


def valid_until(resolved: Mapping[str, Any], hall: str) -> date | None:
    """Until when ``hall``'s calendar is right: the national ``valid_until`` or the hall's
    own, the earlier one. None: a document published before calendars had a bound and
    listing no day (nothing to say)."""
    bounds: list[date] = []
    if "valid_until" in resolved:
        bounds.append(_day(resolved["valid_until"], "valid_until"))
    else:  # published by a release before valid_until: right up to the last day listed
        listed = (_days(resolved.get("public_holidays", []), "public_holidays")
                  | _days(resolved.get("working_days", []), "working_days"))
        bounds.extend([max(listed)] if listed else [])
    entry = resolved.get("halls", {}).get(hall, {})
    if isinstance(entry, Mapping) and "valid_until" in entry:
        bounds.append(_day(entry["valid_until"], f"halls.{hall}.valid_until"))
    return min(bounds) if bounds else None


@dataclass(frozen=True)
class ValidityWarning:
    hall: str
    valid_until: date
    days_left: int

    def message(self) -> str:
        if self.days_left < 0:
            return (f"hall {self.hall}: its calendar ran out on {self.valid_until} "
                    f"(bookings after it are refused): publish a newer calendar "
                    f"(pip install -U chinesecalendar, then kiosk-central reference load)")
        return (f"hall {self.hall}: its calendar runs out on {self.valid_until}, in "
                f"{self.days_left} days (bookings after it will be refused): publish a "
                f"newer calendar (pip install -U chinesecalendar, then kiosk-central "
                f"reference load)")


def validity_warnings(bounds: Mapping[str, date | None], today: date,
                      warn_days: int = WARN_DAYS) -> list[ValidityWarning]:
    """A warning for each hall whose calendar runs out within ``warn_days`` of ``today``
    (or has run out)."""
    found = []
    for hall, until in sorted(bounds.items()):
        if until is not None and until - today <= timedelta(days=warn_days):
            found.append(ValidityWarning(hall, until, (until - today).days))
    return found


class CalendarWatch:
    """One app's warnings about calendars running out, from the reference version it
    serves: said in the log once per version and day (at start, and when ``/v1/ready``
    or the metrics ask), in ``/v1/ready`` and as ``central_calendar_valid_days``."""

    def __init__(self, context: Context, warn_days: int = WARN_DAYS) -> None:
        self._context = context
        self.warn_days = warn_days
        self._logged: tuple[int, date] | None = None
        self._lock = threading.Lock()

    def bounds(self) -> tuple[dict[str, date | None], date]:
        """Each hall's ``valid_until`` in the version served, and today (Beijing time:
        the national calendar's)."""
        reference = self._context.reference
        today = self._context.now().astimezone(BEIJING).date()
        return dict(reference.valid_until), today

    def warnings(self) -> list[ValidityWarning]:
        bounds, today = self.bounds()
        found = validity_warnings(bounds, today, self.warn_days)
        key = (self._context.reference.version, today)
        with self._lock:
            if found and self._logged != key:
                for warning in found:
                    log.warning("calendar: %s", warning.message())
            self._logged = key
        return found

    def collector(self) -> Collector:
        return _CalendarCollector(self)


class _CalendarCollector(Collector):
    """``central_calendar_valid_days{hall}``: days until each hall's calendar runs out
    (negative: it has)."""

    def __init__(self, watch: CalendarWatch) -> None:
        self._watch = watch

    def collect(self) -> Iterator[GaugeMetricFamily]:
        gauge = GaugeMetricFamily("central_calendar_valid_days",
                                  "days until the hall's calendar runs out (bookings beyond "
                                  "are refused)", labels=["hall"])
        self._watch.warnings()  # said in the log too
        bounds, today = self._watch.bounds()
        for hall, until in sorted(bounds.items()):
            if until is not None:
                gauge.add_metric([hall], (until - today).days)
        yield gauge

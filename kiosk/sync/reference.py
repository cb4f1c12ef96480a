"""The reference data the screens work from: the catalogue (with its search index), the
halls' calendars and the issuers' trust list.

Each is the copy pulled from the central platform when there is a good one, else
what ships with the kiosk (the trust list ships with none). Each is parsed once
and kept until the sync engine says a new copy was pulled (``replaced``): then the
next screen a resident opens shows it. A pulled copy that does not parse is
skipped (logged), and the copy in use stays.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar

from kiosk.rules.catalogue import Catalogue, CatalogueError, parse_catalogue

if TYPE_CHECKING:  # not at start-up: what the first screens do not need loads when used
    from kiosk.ecert.verify import TrustList  # the JOSE and crypto libraries
    from kiosk.rules.calendar import HallCalendar
    from kiosk.sync.pulled import PulledCache

log = logging.getLogger(__name__)

Index = TypeVar("Index")

#: the names of the pulled copies this holds (``kiosk.sync.engine.reference_pulls``)
CATALOGUE, HALLS, TRUST_LIST = "catalogue", "halls", "trust_list"


class ReferenceData(Generic[Index]):
    """``index_for`` makes the search index of a catalogue (built lazily by its owner)."""

    def __init__(self, bundled: Catalogue, index: Index, index_for: Callable[[Catalogue], Index],
                 calendars: Path | None = None) -> None:
        """``calendars``: the bundled calendar file (default: the demo's)."""
        self._bundled = bundled
        self._index_for = index_for
        self._calendar_file = calendars
        self._pulled: PulledCache | None = None
        self.catalogue = bundled
        self.index = index
        self._calendars: dict[str, HallCalendar] | None = None
        self._trust: TrustList | None = None
        self._trust_read = False

    def use_pulled(self, pulled: PulledCache | None) -> None:
        """Read pulled copies from ``pulled`` from now on (None: only what ships)."""
        self._pulled = pulled
        for name in (CATALOGUE, HALLS, TRUST_LIST):
            self.replaced(name)

    def replaced(self, name: str) -> None:
        """A new copy of ``name`` was pulled: read it when next asked for."""
        if name == CATALOGUE:
            self._load_catalogue()
        elif name == HALLS:
            self._calendars = None
        elif name == TRUST_LIST:
            self._trust, self._trust_read = None, False

    # -- the catalogue ----------------------------------------------------------------

    def _load_catalogue(self) -> None:
        found = self._pulled.get(CATALOGUE) if self._pulled is not None else None
        catalogue = self._bundled
        if found is not None:
            try:
                catalogue = parse_catalogue(found.body)
            except CatalogueError as exc:
                log.warning("the pulled catalogue is not used: %s", exc)
                return
        if catalogue != self.catalogue:
            self.catalogue = catalogue
            self.index = self._index_for(catalogue)
            self._calendars = None  # the halls may have changed

    # -- the halls' calendars -----------------------------------------------------------

    def hall_calendar(self, hall: str) -> HallCalendar | None:
        """The hall's calendar: the pulled copy, else the bundled one; None if neither has it."""
        if self._calendars is None:
            self._calendars = self._read_calendars()
        return self._calendars.get(hall)

    def _read_calendars(self) -> dict[str, HallCalendar]:
        from kiosk.rules.calendar import (
            DEMO_CALENDARS,
            CalendarError,
            calendars_from_wire,
            load_calendars,
        )

        found = self._pulled.get(HALLS) if self._pulled is not None else None
        if found is not None:
            try:
                return calendars_from_wire(found.body)
            except CalendarError as exc:
                log.warning("the pulled hall calendars are not used: %s", exc)
        try:
            return load_calendars(self.catalogue.halls, self._calendar_file or DEMO_CALENDARS)
        except CalendarError as exc:
            log.error("no hall calendars: %s", exc)
            return {}

    # -- the issuers' trust list --------------------------------------------------------

    def trust_list(self) -> TrustList | None:
        """The pulled trust list, None when there is none yet or it is unusable."""
        if not self._trust_read:  # none yet is asked again: the first pull may be under way
            found = self._pulled.get(TRUST_LIST) if self._pulled is not None else None
            if found is not None:
                from kiosk.ecert.verify import TrustList

                self._trust = TrustList.from_wire(found.body)
                self._trust_read = True
        return self._trust

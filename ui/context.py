"""What a screen is given: the services it needs, and nothing global.

``ScreenDeps`` is built once by the shell and handed to every screen. It holds
read-only services (the reference data: catalogue, search index, hall calendars,
trust list; settings) and two narrow handles
back to the shell: the navigator and the current presentation (language,
长辈版, theme). The resident's session is reached through ``session()`` because
a new one is made for every resident.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from kiosk.device.session import ResidentSession
from kiosk.device.settings import Settings
from kiosk.rules.catalogue import Catalogue
from kiosk.search.deferred import DeferredIndex
from kiosk.sync.reference import ReferenceData
from ui.theme import Theme

if TYPE_CHECKING:
    from pathlib import Path

    from kiosk.sync.engine import SyncStatus
    from ui.central_access import CentralAccess
    from ui.staff_mode import StaffMode
    from ui.workers.idcard import IdCardWorker


class Navigator(Protocol):
    """Moving between screens, and the steps of staff mode that change the whole session."""

    def go(self, name: str, **kwargs: Any) -> None: ...

    def back(self) -> None: ...

    def home(self) -> None: ...

    def set_elderly(self, elderly: bool) -> None:
        """长辈版 on or off, as the header's toggle does (the attract screen's entry)."""

    def finish(self) -> None:
        """The resident is done (Done on a result): their session ends and is wiped, as
        after the idle time, and the next resident starts on the home screen."""

    def staff_signed_in(self) -> None:
        """After a right PIN: the previous resident forgotten, the staff panel shown."""

    def begin_assist(self) -> None:
        """The resident consented: a fresh session of their own, with staff beside them."""

    def hand_back(self) -> None:
        """Staff or assisted mode ends: audited, signed out, everything wiped."""


class DeviceControls(Protocol):
    """What the staff panel shows and does beyond the staff desk (the window has them)."""

    def sync_status(self) -> SyncStatus | None: ...

    def urge_sync(self) -> None: ...

    def speech_status(self) -> str: ...

    def hall_default(self, name: str) -> Any: ...

    def hall_defaults_changed(self) -> None: ...

    def export_diagnostics(self) -> Path | None:
        """The diagnostics bundle's path; None where there is no data folder to export."""

    def has_outage_switch(self) -> bool:
        """Only the demo can stop its own central server."""

    def toggle_outage(self) -> None: ...

    def exit_kiosk(self) -> None: ...


class Presentation:
    """How the kiosk looks right now; owned and changed by the shell only."""

    __slots__ = ("elderly", "language", "portrait", "theme")

    def __init__(self, language: str, elderly: bool, theme: Theme, portrait: bool = False) -> None:
        self.language = language
        self.elderly = elderly
        self.theme = theme
        self.portrait = portrait


class ScreenDeps(NamedTuple):
    #: the catalogue, its search index, the halls' calendars and the trust list: pulled
    #: from the platform when there is a good copy, else the bundled ones
    reference: ReferenceData[DeferredIndex]
    settings: Settings
    presentation: Presentation
    navigator: Navigator
    session: Callable[[], ResidentSession]
    #: the central platform, once connected (None: not configured, or not yet)
    central: Callable[[], CentralAccess | None] = lambda: None
    #: staff and assisted mode (sign-in, who helps whom, the audit trail)
    staff: StaffMode | None = None
    #: the device's health and controls for the staff panel
    device: DeviceControls | None = None
    #: the wall clock (aware UTC): the window's, so tests fix the time of day
    now: Callable[[], datetime] = lambda: datetime.now(UTC)
    #: the ID-card reader's worker (None: no reader configured; the keypad only)
    card_reader: IdCardWorker | None = None

    @property
    def catalogue(self) -> Catalogue:
        return self.reference.catalogue

    @property
    def search_index(self) -> DeferredIndex:
        return self.reference.index

"""What a screen is given: the services it needs, and nothing global.

``ScreenDeps`` is built once by the shell and handed to every screen. It holds
read-only services (catalogue, search index, settings) and two narrow handles
back to the shell: the navigator and the current presentation (language,
长辈版, theme). The resident's session is reached through ``session()`` because
a new one is made for every resident.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from kiosk.device.session import ResidentSession
from kiosk.device.settings import Settings
from kiosk.rules.catalogue import Catalogue
from kiosk.search.deferred import DeferredIndex
from ui.theme import Theme

if TYPE_CHECKING:
    from ui.central_access import CentralAccess
    from ui.staff_mode import StaffMode


class Navigator(Protocol):
    def go(self, name: str, **kwargs: Any) -> None: ...

    def back(self) -> None: ...

    def home(self) -> None: ...


@dataclass
class Presentation:
    """How the kiosk looks right now; owned and changed by the shell only."""

    language: str
    elderly: bool
    theme: Theme
    portrait: bool = False


@dataclass(frozen=True)
class ScreenDeps:
    catalogue: Catalogue
    index: DeferredIndex
    settings: Settings
    presentation: Presentation
    navigator: Navigator
    session: Callable[[], ResidentSession]
    #: the central platform, once connected (None: not configured, or not yet)
    central: Callable[[], CentralAccess | None] = lambda: None
    #: staff and assisted mode (sign-in, who helps whom, the audit trail)
    staff: StaffMode | None = None

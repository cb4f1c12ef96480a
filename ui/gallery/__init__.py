"""The gallery: every screen rendered to PNG in both modes, languages and orientations.

``render`` (``kiosk gallery DIR``: the states and the loop over modes and sizes),
``booking`` (booking, appointments and scanning states with fake services),
``staff`` (staff sign-in, panel and assisted states), ``help`` (calling staff: sent,
answered, offline; the staff panel's list of calls), ``speech`` (read-aloud with a
silent engine). Used by the gallery command and by the accessibility tests.
"""

from __future__ import annotations

from typing import TypeVar

from ui.screens.base import Screen

S = TypeVar("S", bound=Screen)


def as_screen(screen: Screen, kind: type[S]) -> S:
    """``screen`` as the class it is (``KioskWindow.screens`` and ``current`` give the
    base class), to reach the widgets a state taps."""
    assert isinstance(screen, kind), f"{screen.name} is not a {kind.__name__}"
    return screen

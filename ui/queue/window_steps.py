"""The window terminal's steps (call next, recall, transfer, no-show, served) run off the
GUI thread, one at a time, with their errors turned into plain words.

Every step is a direct call to the platform, never queued: a window that cannot reach it
cannot call anyone, and says so; nothing is lost, because nothing happened. A step whose
answer was lost (the network dropped mid-way) is retried with the same Idempotency-Key
when staff press the same button for the same ticket again, so it is never done twice.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QThreadPool

from kiosk.queue.client import QueueClient
from kiosk.sync.api_client import ApiError, BadResponse, Refused, ServerBusy, Unreachable
from ui.i18n import translate
from ui.workers.tasks import OneCall

log = logging.getLogger(__name__)

STEPS = ("next", "recall", "transfer", "no_show", "served", "current")


def step_error_text(exc: Exception) -> str:
    """What went wrong, for staff, in the UI language."""
    if isinstance(exc, Unreachable):
        return translate("Window", "Network down: nothing was done. Press again when the "
                                   "network is back; nothing is lost.")
    if isinstance(exc, ServerBusy):
        return translate("Window", "The platform is busy: nothing was done. Press again in a "
                                   "moment.")
    if isinstance(exc, Refused):
        return refusal_text(exc.reason)
    if isinstance(exc, BadResponse | ApiError):
        return translate("Window", "The platform gave an answer this terminal cannot read. "
                                   "Press again; if it keeps happening, call hall IT.")
    return translate("Window", "Something went wrong: nothing was done. Press again.")


def refusal_text(code: str) -> str:
    words = {
        "window_busy": translate("Window", "This window still has a number called: finish it "
                                           "(Served, No-show or Transfer) first."),
        "too_few_recalls": translate("Window", "Recall the number first: a no-show can be "
                                               "marked only after the hall's number of recalls."),
        "unknown_staff": translate("Window", "The platform does not know this staff number "
                                             "for this hall. Sign in again, or ask hall IT."),
        "not_called": translate("Window", "This number is no longer called at this window."),
        "unknown_window": translate("Window", "The platform does not know this window. Check "
                                              "its number with hall IT."),
        "unknown_area": translate("Window", "There is no such area in this hall."),
        # enrolled as a resident's kiosk or a display, not a window terminal: a new code
        # of the window role is the way out (kiosk-central enrolment-code --role window)
        "wrong_device_role": translate("StaffPanel", "the platform does not accept this "
                                                     "kiosk: enrol it again"),
    }
    if code not in words:  # the code is for the log, never for the screen
        log.warning("the platform refused a window step: %s", code)
    return words.get(code, translate("Window", "The platform refused this step. Press again; "
                                               "if it keeps happening, call hall IT."))


class WindowSteps:
    """One step at a time for the window ``window``, by the staff member ``staff``."""

    def __init__(self, queue: Callable[[], QueueClient | None], window: str) -> None:
        self._queue = queue
        self.window = window
        self.staff = ""
        # a thread of its own: a press never waits behind other work in Qt's global pool,
        # which has as many threads as cores (two on a small terminal) and may be held by
        # calls waiting out a network timeout
        self._pool = QThreadPool()
        self._pool.setMaxThreadCount(1)
        self._call = OneCall(self._pool)
        #: (step, ticket) → the key of a press whose answer never came
        self._unanswered: dict[tuple[str, str], str] = {}

    @property
    def busy(self) -> bool:
        return self._call.busy

    def cancel(self) -> None:
        self._call.cancel()

    def run(self, step: str, ticket_id: str, on_done: Callable[[Any], None],
            on_failed: Callable[[Exception], None], **extra: Any) -> bool:
        """Start ``step`` (False: another is under way, or not connected: ``on_failed``)."""
        queue = self._queue()
        if queue is None:
            on_failed(Unreachable("not_connected", "no platform configured or enrolled"))
            return False
        if self._call.busy:
            return False
        slot = (step, ticket_id)
        key = self._unanswered.get(slot) or str(uuid.uuid4())
        self._unanswered = {slot: key} if step != "current" else self._unanswered
        staff, window = self.staff, self.window

        def work() -> Any:
            if step == "next":
                return queue.call_next(staff, window, key=key)
            if step == "current":
                return queue.current(staff, window)
            if step == "recall":
                return queue.recall(staff, window, ticket_id, key=key)
            if step == "transfer":
                return queue.transfer(staff, window, ticket_id, key=key, **extra)
            if step == "no_show":
                return queue.no_show(staff, window, ticket_id, key=key)
            if step == "served":
                return queue.served(staff, window, ticket_id, key=key)
            raise ValueError(f"unknown step {step!r}")

        def done(result: Any) -> None:
            self._unanswered.pop(slot, None)
            on_done(result)

        def failed(exc: Exception) -> None:
            if not isinstance(exc, Unreachable | ServerBusy):
                self._unanswered.pop(slot, None)  # answered (a refusal): a new press is new
            on_failed(exc)

        self._call.start(work, done, failed)
        return True

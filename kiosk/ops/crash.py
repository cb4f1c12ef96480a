"""Crash hooks: an unexpected exception is logged (scrubbed) and the UI told; a hard crash
leaves its traceback in ``fatal.log``.

An exception raised in a Qt slot or event handler does not reach any ``try`` of
ours: PySide6 hands it to ``sys.excepthook`` and goes on with the event loop,
which could leave a resident on "Sending…". The hook logs it as CRITICAL with its
traceback (through the kiosk's log handlers, which scrub) and calls ``on_error``
so that the UI can start over. Exceptions in other threads are logged only: the
UI is not theirs to touch. A crash Python cannot catch (a segfault in a native
library, an abort) is written by ``faulthandler`` to ``fatal.log``; the kiosk
session then starts the kiosk again.
"""

from __future__ import annotations

import faulthandler
import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import IO

from kiosk.device.paths import private_dir, private_file

log = logging.getLogger("kiosk.ops.crash")

FATAL_LOG = "fatal.log"


class CrashHooks:
    """The installed hooks; ``uninstall()`` puts back what was there before."""

    def __init__(self, log_dir: Path, on_error: Callable[[BaseException], None] | None) -> None:
        self.on_error = on_error
        self._previous_excepthook = sys.excepthook
        self._previous_threading_hook = threading.excepthook
        self._faulthandler_was_on = faulthandler.is_enabled()
        private_dir(log_dir)
        private_file(log_dir / FATAL_LOG)
        # faulthandler writes to the file descriptor itself, so the file stays open
        self._fatal: IO[str] | None = open(log_dir / FATAL_LOG, "a", encoding="utf-8")  # noqa: SIM115
        faulthandler.enable(self._fatal, all_threads=True)
        sys.excepthook = self._excepthook
        threading.excepthook = self._threading_excepthook

    def _excepthook(self, kind: type[BaseException], error: BaseException,
                    tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):  # Ctrl+C in a terminal: not a crash
            self._previous_excepthook(kind, error, tb)
            return
        log.critical("unexpected error: %s", kind.__name__, exc_info=(kind, error, tb))
        if self.on_error is not None and threading.current_thread() is threading.main_thread():
            try:
                self.on_error(error)
            except Exception:  # never an error loop through this hook
                log.exception("the recovery after an unexpected error failed too")

    def _threading_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:  # as the default hook: a thread may end that way
            return
        name = args.thread.name if args.thread is not None else "?"
        log.critical("unexpected error in thread %s: %s", name, args.exc_type.__name__,
                     exc_info=(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback))

    def uninstall(self) -> None:
        if self._fatal is None:
            return
        sys.excepthook = self._previous_excepthook
        threading.excepthook = self._previous_threading_hook
        faulthandler.disable()
        if self._faulthandler_was_on and sys.__stderr__ is not None:
            faulthandler.enable(sys.__stderr__)
        self._fatal.close()
        self._fatal = None

    def __enter__(self) -> CrashHooks:
        return self

    def __exit__(self, *exc: object) -> None:
        self.uninstall()


def install_crash_hooks(log_dir: Path,
                        on_error: Callable[[BaseException], None] | None = None) -> CrashHooks:
    """Log unexpected exceptions and hard crashes into ``log_dir``; ``on_error`` is called
    (on the main thread) after each exception raised there."""
    return CrashHooks(Path(log_dir), on_error)

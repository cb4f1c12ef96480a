"""The ``kiosk`` command: run the kiosk, smoke-test it, or render the gallery.

    kiosk [--demo | --central URL] [--windowed] [--config FILE] [--catalog FILE]
          [--data DIR] [--size WxH]
    kiosk --smoke-test          start, show the home screen, exit 0
    kiosk gallery DIR           render every screen to PNG
    kiosk enrol --central URL --code CODE [--label NAME]
                                enrol this device; its token goes to the OS credential store
    kiosk window --hall H --window 3 [--central URL]
                                a window terminal: staff call numbers (ui/queue/terminal.py)
    kiosk display --hall H [--central URL] [--distance 8] [--diagonal 55] [--announce-english]
                                the hall display: calls shown and spoken (ui/queue/display.py)
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from tempfile import TemporaryDirectory

    from PySide6.QtWidgets import QApplication

    from ui.central_link import DemoCentral
    from ui.workers.sync import SyncWorker

log = logging.getLogger("kiosk")


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="kiosk", description="Service Hall Kiosk")
    parser.add_argument("--demo", action="store_true",
                        help="run on the sample data with a demo central server on loopback")
    parser.add_argument("--central", metavar="URL",
                        help="the central platform (overrides central_url in kiosk.toml)")
    parser.add_argument("--data", type=Path, help="folder for the local database (outbox)")
    parser.add_argument("--code", help="enrolment code (kiosk enrol)")
    parser.add_argument("--label", help="device name (kiosk enrol; the host's name if not given)")
    parser.add_argument("--windowed", action="store_true", help="a normal window (development)")
    parser.add_argument("--smoke-test", action="store_true",
                        help="start, show the home screen, exit 0")
    parser.add_argument("--config", type=Path, help="the kiosk.toml settings file")
    parser.add_argument("--catalog", type=Path, help="a catalogue JSON file")
    parser.add_argument("--size", default="1920x1080", help="window size with --windowed")
    parser.add_argument("--hall", help="the hall (kiosk window / display; else kiosk.toml's)")
    parser.add_argument("--window", help="this window's number (kiosk window)")
    parser.add_argument("--distance", type=float, default=8.0,
                        help="metres from the display to the farthest seat (kiosk display)")
    parser.add_argument("--diagonal", type=float, default=55.0,
                        help="the display's diagonal in inches (kiosk display)")
    parser.add_argument("--announce-english", action="store_true",
                        help="say each call in English too (kiosk display)")
    parser.add_argument("command", nargs="?", choices=["gallery", "enrol", "window", "display"],
                        help="gallery DIR | enrol | window | display")
    parser.add_argument("directory", nargs="?", type=Path, help="output folder for gallery")
    args = parser.parse_args(argv)
    if args.command == "gallery" and args.directory is None:
        parser.error("gallery needs an output folder: kiosk gallery DIR")
    if args.command == "enrol" and not (args.central and args.code):
        parser.error("enrol needs --central URL and --code CODE")
    if args.command == "window" and not args.window:
        parser.error("window needs --window N: the number of the window this terminal serves")
    if args.demo and args.central:
        parser.error("--demo starts its own central server; leave out --central")
    if args.central and args.command != "enrol":
        from kiosk.device.settings import platform_url_problem

        problem = platform_url_problem(args.central)
        if problem:
            parser.error(f"--central {args.central}: {problem}")
    return args


def parse_size(text: str) -> tuple[int, int]:
    w, _, h = text.lower().partition("x")
    if not (w.isdigit() and h.isdigit()):
        raise SystemExit(f"kiosk: --size must look like 1920x1080, not {text!r}")
    return int(w), int(h)


def resident_mb() -> float:
    """This process's resident memory in MB (Linux /proc; elsewhere peak RSS)."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    try:
        import resource
    except ImportError:  # Windows
        return 0.0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["staff"]:  # kiosk staff add|list|remove|unlock: no Qt needed
        from kiosk.staff.cli import main as staff_main

        return staff_main(argv[1:])
    args = parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")

    headless = sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if (args.command == "gallery" or args.smoke_test) and headless \
            and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"

    # imports after argument parsing: --help needs no Qt
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from kiosk.device.paths import cache_dir
    from kiosk.device.settings import load_settings
    from kiosk.rules.catalogue import DEMO_CATALOGUE, CatalogueError, load_catalogue
    from kiosk.search.deferred import DeferredIndex
    from ui.i18n import LanguageSwitch

    if args.command == "enrol":
        import socket

        return enrol(args.central, args.code, args.label or socket.gethostname())

    guards = None
    if args.command is None and not args.smoke_test:  # the kiosk itself
        from ui.single_instance import ALREADY_RUNNING_EXIT, CANT_CREATE_EXIT, DataFolderError

        try:
            guards = KioskGuards.start(args.data)
        except DataFolderError as exc:
            print(f"kiosk: {exc}", file=sys.stderr)
            return CANT_CREATE_EXIT
        if guards is None:
            return ALREADY_RUNNING_EXIT

    loaded = load_settings(args.config)
    for problem in loaded.problems:
        log.warning("%s", problem)
    settings = loaded.settings
    try:
        catalogue = load_catalogue(args.catalog or DEMO_CATALOGUE)
    except CatalogueError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return 2

    # the stubs' QCoreApplication: an application already made here is a QApplication
    app = cast("QApplication | None", QApplication.instance()) or QApplication(["kiosk"])
    app.setApplicationName("Service Hall Kiosk")
    languages = LanguageSwitch(app)
    try:
        languages.set_language(settings.default_language)
    except FileNotFoundError as exc:
        log.error("%s", exc)
    # a hall's own words go with the bundled ones (a broken file is logged and skipped)
    synonyms = (Path(settings.search_synonyms),) if settings.search_synonyms else ()
    index = DeferredIndex(catalogue.matters, cache_dir() / "pinyin-spellings.json", synonyms)

    if args.command == "gallery":
        from ui.gallery.render import render_gallery

        files = render_gallery(args.directory, catalogue, index, settings, languages)
        print(f"{len(files)} screens written to {args.directory}")
        return 0

    if args.command in ("window", "display"):  # the other roles: their modules only here
        from ui.queue.roles import run_role

        return run_role(args, settings, catalogue, index, languages, app)

    from ui.screen_stack import FIRST_REACHED
    from ui.shell import KioskWindow

    if not args.demo and not args.smoke_test:
        settings = enrolled_hall(settings, args.central or settings.central_url)
    demo_card = None
    if args.demo and not args.smoke_test and not settings.idcard_port:
        from ui.demo_card import DemoCardReader  # a simulated reader, sample cards on keys

        demo_card = DemoCardReader.start()
        if demo_card is not None:
            settings = demo_card.settings(settings)
    # the smoke test shows home at once: the attract screen it would never show is not made
    window = KioskWindow(catalogue, index, settings, languages,
                         first_screen="home" if args.smoke_test else "attract")
    if demo_card is not None:
        demo_card.add_shortcuts(window)
        app.aboutToQuit.connect(demo_card.close)
    sync = SyncHookup(args, settings, window, app)
    if not args.smoke_test:
        window.staff.use_desk(sync.staff_desk)
    if guards is not None:
        guards.recovery.window = window
        window.use_diagnostics(lambda: guards.export_diagnostics(window.settings, sync.store_path))
    if not args.smoke_test:
        window.first_painted.connect(lambda: after_first_paint(window, sync, index))
    if args.smoke_test:
        window.resize(*parse_size(args.size))
        window.show()
        app.processEvents()
        window.repaint()
        shown_at = time.time()
        ok = window.current.name == "home" and window.isVisible()
        print("smoke test:", "home screen shown" if ok else "FAILED")
        sync.connect()  # as the kiosk does once its first screen is painted
        # what the idle kiosk holds: the search index too, its attract screen, and the
        # screens made ahead of the first taps
        index.warm()
        window.prepare_screens(("attract", *FIRST_REACHED), now=True)
        app.processEvents()
        print(f"shown_at={shown_at:.6f} rss_mb={resident_mb():.1f}", flush=True)
        window.close()
        sync.close()
        return 0 if ok else 1
    if args.windowed:
        window.resize(*parse_size(args.size))
        window.show()
    else:
        from ui.lockdown import Lockdown, apply_kiosk_window_flags, hide_cursor

        apply_kiosk_window_flags(window)
        Lockdown(window, lambda: window.exit_allowed)
        if settings.touch_screen:
            hide_cursor(app)
        window.showFullScreen()
    QTimer.singleShot(0, lambda: log.info("kiosk ready: %d matters", len(catalogue.matters)))
    if os.environ.get("NOTIFY_SOCKET"):  # under systemd: READY=1, then the GUI-thread watchdog
        from ui.watchdog import start_watchdog

        start_watchdog(app)
    try:
        return app.exec()
    finally:
        if guards is not None:
            guards.stop()


def after_first_paint(window, sync: SyncHookup, index) -> None:
    """What waits until the first screen is on the display, so that none of it delays
    that paint however slow the start: the search index 0.2 s after it, the network
    side (requests, the demo server) and the staff's hall defaults at 0.3 s, then the
    screens the home tiles lead to, one at a time while the kiosk idles; the speech
    engine, which can take seconds to open, at 3 s rather than when a resident asks."""
    from PySide6.QtCore import QTimer

    QTimer.singleShot(200, index.warm)
    QTimer.singleShot(300, window.load_hall_defaults)
    QTimer.singleShot(300, sync.connect)
    QTimer.singleShot(1000, window.prepare_screens)
    QTimer.singleShot(3000, window.speech.warm_up)


def enrol(url: str, code: str, label: str) -> int:
    from kiosk.device.settings import platform_url_problem
    from kiosk.sync.api_client import ApiError, CentralClient

    problem = platform_url_problem(url)
    if problem:
        print(f"kiosk enrol: {url}: {problem}", file=sys.stderr)
        return 2
    from kiosk.sync.enrolment import CredentialStore, NoSecureStore

    try:
        creds = CredentialStore().enrol(CentralClient(url), code, label)
    except NoSecureStore as exc:
        print(f"kiosk enrol: {exc}", file=sys.stderr)
        return 3
    except ApiError as exc:
        print(f"kiosk enrol: {url} refused or could not be reached: {exc}", file=sys.stderr)
        return 4
    print(f"enrolled as device {creds.device_id} for hall {creds.hall_code}")
    return 0


#: the exit status after errors that recovery could not stop: the kiosk session starts a
#: fresh process (sysexits' EX_SOFTWARE)
TOO_MANY_ERRORS_EXIT = 70


class KioskGuards:
    """What only the kiosk itself runs with: one instance, log files, the crash hooks."""

    def __init__(self, folder: Path, lock, hooks, recovery: ErrorRecovery) -> None:
        self.folder, self.lock, self.hooks, self.recovery = folder, lock, hooks, recovery

    @classmethod
    def start(cls, data: Path | None) -> KioskGuards | None:
        """None when another kiosk is running (it says so in the log)."""
        from kiosk.device.paths import data_dir
        from kiosk.ops.crash import install_crash_hooks
        from kiosk.ops.logs import setup_file_logging
        from ui.single_instance import claim

        folder = data or data_dir()
        lock = claim(folder)
        if lock is None:
            return None
        log_file = setup_file_logging(folder / "logs")
        print(f"kiosk: log file {log_file}", flush=True)
        recovery = ErrorRecovery()
        return cls(folder, lock, install_crash_hooks(folder / "logs", recovery), recovery)

    def export_diagnostics(self, settings, store_path: Path | None) -> Path:
        """The staff panel's diagnostics bundle, into ``<data folder>/diagnostics``."""
        from datetime import UTC, datetime

        import PySide6
        from PySide6.QtCore import qVersion

        import kiosk
        from kiosk.ops.diagnostics import export_bundle

        return export_bundle(
            self.folder / "diagnostics", log_dir=self.folder / "logs",
            store_path=store_path or self.folder / "kiosk.db", settings=settings,
            versions={"service-hall-kiosk": kiosk.__version__, "PySide6": PySide6.__version__,
                      "Qt": qVersion()},
            now=datetime.now(UTC))

    def stop(self) -> None:
        self.hooks.uninstall()
        self.lock.release()


def enrolled_hall(settings, url: str | None, keys=None):
    """``settings`` with the hall this device is enrolled in, when kiosk.toml names
    another: the platform lets a device act only in its enrolment's hall, so with the
    other hall every booking and number would be refused. Said in the log."""
    if not url:
        return settings

    from kiosk.sync.enrolment import CredentialStore, NoSecureStore

    try:
        creds = (keys or CredentialStore()).load()
    except NoSecureStore:
        return settings
    if creds is None or creds.central_url.rstrip("/") != url.rstrip("/") \
            or creds.hall_code == settings.hall_code:
        return settings
    log.warning("kiosk.toml names hall %r, but this device is enrolled in hall %r: the "
                "kiosk serves hall %r (enrol again to change it)",
                settings.hall_code, creds.hall_code, creds.hall_code)
    return settings._replace(hall_code=creds.hall_code)  # as enrolled, unchecked


class ErrorRecovery:
    """Called by the crash hook after an unexpected error on the GUI thread: the window
    starts over ("Sorry, something went wrong"), once the failed handler has unwound.

    When errors keep coming (the recovery itself failing, a timer that raises every
    time) the kiosk exits instead, and the kiosk session starts a fresh one."""

    LIMIT, WITHIN_S = 5, 60.0

    def __init__(self, window=None, clock=time.monotonic, exit_app=None) -> None:
        from PySide6.QtCore import QCoreApplication

        self.window = window
        self._clock = clock
        self._exit_app = exit_app or QCoreApplication.exit
        self._times: list[float] = []

    def __call__(self, error: BaseException) -> None:
        from PySide6.QtCore import QTimer

        now = self._clock()
        self._times = [t for t in self._times if now - t < self.WITHIN_S] + [now]
        if len(self._times) >= self.LIMIT:
            log.critical("%d unexpected errors within %.0f s: the kiosk restarts",
                         len(self._times), self.WITHIN_S)
            self._exit_app(TOO_MANY_ERRORS_EXIT)
        elif self.window is not None:
            QTimer.singleShot(0, self.window.recover_after_error)


class SyncHookup:
    """Connects the window to a central platform: --demo, --central URL or central_url.

    Nothing happens without one of them. The demo's server is started by the
    worker thread, so the window never waits for it."""

    def __init__(self, args: argparse.Namespace, settings, window, app) -> None:
        self.args, self.settings, self.window, self.app = args, settings, window, app
        self.worker: SyncWorker | None = None
        self.demo: DemoCentral | None = None
        self._folder: TemporaryDirectory[str] | None = None
        self._keys = None
        if args.demo:  # a fresh demo each time: the database in a temporary folder
            from tempfile import TemporaryDirectory

            self._folder = TemporaryDirectory(prefix="kiosk-demo-")
            self.store_path = (args.data or Path(self._folder.name)) / "kiosk.db"
        else:
            from kiosk.device.paths import data_dir

            self.store_path = (args.data or data_dir()) / "kiosk.db"

    def keys(self):
        """The credential store: the OS's, or for the demo one in memory, shared by the
        enrolment and staff sign-in (the staff PIN pepper must be the same for both)."""
        if self._keys is None:
            from kiosk.sync.enrolment import CredentialStore, MemoryKeyring

            self._keys = CredentialStore(MemoryKeyring()) if self.args.demo else CredentialStore()
        return self._keys

    @property
    def pulls_staff_list(self) -> bool:
        """A kiosk and a window terminal pull the staff list (staff sign in there); a hall
        display does not (``kiosk display``: the platform answers it 403)."""
        return getattr(self.args, "command", None) != "display"

    def staff_desk(self):
        from kiosk.staff.desk import StaffDesk

        return StaffDesk.open(self.store_path, self.keys())

    def connect(self) -> None:
        args = self.args
        url = args.central or self.settings.central_url
        if not (args.demo or url):
            return
        from ui.central_link import demo_worker, enrolled_worker

        outage = None
        if args.demo:
            assert self._folder is not None  # made in __init__ for the demo
            folder = Path(self._folder.name)
            role = getattr(self.args, "command", None)
            self.worker, self.demo = demo_worker(
                folder, self.store_path, self.keys(), staff_list=self.pulls_staff_list,
                role=role if role in ("window", "display") else "kiosk")
            from PySide6.QtGui import QKeySequence, QShortcut

            # the demo's outage switch: stop the local server, or start it again; also
            # in the staff panel
            outage = self.demo.toggle_soon
            QShortcut(QKeySequence("Ctrl+Shift+O"), self.window).activated.connect(outage)
        else:
            self.worker = enrolled_worker(url, self.store_path, self.keys(),
                                          staff_list=self.pulls_staff_list)
            if self.worker is None:
                return
        self._drop_left_behind_calls()
        self.worker.ready.connect(self._ready)
        self.window.attach_sync(self.worker, outage)
        self.app.aboutToQuit.connect(self.close)
        self.worker.start()

    def _drop_left_behind_calls(self) -> None:
        """Calls for staff still waiting from a session that ended with the last run (a
        crash, a restart) are taken back before the sync could send them: nobody of that
        session is here any more (``kiosk.staff.help_calls.drop_left_behind``)."""
        from datetime import UTC, datetime

        from kiosk.staff.help_calls import drop_left_behind
        from kiosk.sync.outbox import Outbox
        from kiosk.sync.store import LocalStore

        try:
            creds = None if self.args.demo else self.keys().load()
            with LocalStore(self.store_path) as store:
                dropped = drop_left_behind(Outbox(store), creds.device_id if creds else "",
                                           datetime.now(UTC))
        except Exception:  # noqa: BLE001 - the kiosk starts anyway; said in the log
            log.exception("calls for staff left behind could not be taken back")
            return
        if dropped:
            log.info("%d call(s) for staff left behind by the last run taken back", dropped)

    def _ready(self, creds) -> None:
        from ui.central_access import CentralAccess

        if self.worker is None:  # closed before the worker's queued "ready" came through
            return
        self.window.attach_central(CentralAccess(creds, self.store_path, self.worker.urge,
                                                 acting=self.window.acting))

    def close(self) -> None:
        self.window.detach_central()
        if self.worker is not None:
            self.worker.stop()
            self.worker = None
        if self.demo is not None:
            self.demo.stop()
            self.demo = None
        if self._folder is not None:
            self._folder.cleanup()
            self._folder = None


if __name__ == "__main__":
    sys.exit(main())

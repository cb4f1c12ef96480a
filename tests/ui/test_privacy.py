"""The privacy sweep: after a session ends — by the idle timeout, by "Done", by the
staff hand-back — nothing holds the resident's name, ID number or mobile number: no
widget, model, clipboard, Python state, temporary file or log (tests/ui/privacy_sweep.py
says where it looks). Each test first sweeps while the session is still on, to show
the sweep finds what is there."""

from __future__ import annotations

import logging
import tempfile
import uuid
from datetime import UTC, datetime

import pytest

from central.mint import SAMPLES, mint
from kiosk.booking.draft import BookingDraft
from tests.helpers.central_server import running_central
from tests.helpers.journeys import scan_to, type_on_keypad, walk_to_review
from tests.helpers.qr_images import write_code_png
from tests.ui.privacy_sweep import Resident, sweep

ID = "11010519491231002X"
MOBILE = "13800138000"
HOLDER = SAMPLES["eid"][2]  # 张小三
CARD_NUMBER = SAMPLES["eid"][4]
PIN = "246810"
RESIDENT = Resident(ID, MOBILE, names=(HOLDER,), others=((CARD_NUMBER, "certificate number"),))


class RawLog(logging.Handler):
    """Every log record's message as the kiosk wrote it, before any scrubbing."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        text = record.getMessage()
        if record.exc_info:
            text += "\n" + logging.Formatter().formatException(record.exc_info)
        self.lines.append(text)


@pytest.fixture
def places(tmp_path, monkeypatch, caplog):
    """A fresh temporary folder and cache (TMPDIR, tempfile.tempdir, XDG_CACHE_HOME),
    a folder for slips, the kiosk's log file (kiosk.ops.logs) and the raw log records."""
    from kiosk.ops import logs

    root = tmp_path / "sweep"
    folders = {name: root / name for name in ("tmp", "cache", "slips", "logs")}
    for folder in folders.values():
        folder.mkdir(parents=True)
    monkeypatch.setattr(tempfile, "tempdir", str(folders["tmp"]))
    for var in ("TMPDIR", "TEMP", "TMP"):
        monkeypatch.setenv(var, str(folders["tmp"]))
    monkeypatch.setenv("XDG_CACHE_HOME", str(folders["cache"]))
    caplog.set_level(logging.DEBUG)
    root_logger = logging.getLogger()
    level = root_logger.level
    log_file = logs.setup_file_logging(folders["logs"])
    raw = RawLog()
    root_logger.handlers.insert(0, raw)  # ahead of the scrubbing filters
    folders["log_file"] = log_file
    folders["raw"] = raw
    yield folders
    root_logger.removeHandler(raw)
    logs.close_file_logging()
    root_logger.setLevel(level)


def sweep_all(w, places, caplog, resident=RESIDENT):
    for handler in logging.getLogger().handlers:
        handler.flush()
    log_file = places["log_file"]
    return sweep(
        w, resident,
        temp_folders=[places["tmp"], places["cache"]],
        slip_folders=[places["slips"]],
        logs=[("log file", log_file.read_text(encoding="utf-8") if log_file.exists() else ""),
              ("caplog", caplog.text),
              ("log records as written", "\n".join(places["raw"].lines))],
    )


def report(findings) -> str:
    return "still holding the resident's data:\n" + "\n".join(map(str, findings))


def time_out(w, clock):
    """Idle past the warning and its countdown: the session is wiped."""
    w.check_idle()
    clock.advance(w.settings.idle_seconds)
    w.check_idle()
    assert w.overlay.isVisible()
    clock.advance(w.settings.idle_countdown_seconds)
    w.check_idle()
    assert w.current.name == "attract"


def test_a_booking_left_at_the_review_step_times_out_and_leaves_nothing(
        make_window, qtbot, tmp_path, clock, connect, places, caplog):  # noqa: F811
    w = make_window(default_language="en", slip_pdf_dir=str(places["slips"]))
    w.home()
    with running_central(f"sqlite:///{tmp_path / 'central.db'}") as url:
        connect(w, url)
        review = walk_to_review(w, qtbot)
        kinds = {f.what for f in sweep_all(w, places, caplog)}
        assert {"ID number", "mobile number"} <= kinds  # it is there now (whole, to check)
        assert review.isVisible()
        time_out(w, clock)
        findings = sweep_all(w, places, caplog)
    assert not findings, report(findings)
    assert w.session.booking is None


def test_a_booking_with_the_id_card_times_out_and_leaves_nothing(
        make_window, qtbot, tmp_path, clock, connect, places, caplog):  # noqa: F811
    """The card's name and address (shown masked) and number go with the session."""
    from kiosk.idcard import samples
    from kiosk.idcard.simulator import SimulatedReader
    from tests.helpers.journeys import first_enabled, walk_to_times

    card = samples.VALID
    holder = Resident(card.id_number, MOBILE, names=(card.name,),
                      others=((card.address, "address"), (card.address[6:], "address's end")))
    with SimulatedReader(pace=False) as reader:
        w = make_window(default_language="en", slip_pdf_dir=str(places["slips"]),
                        idcard_port=reader.port)
        w.home()
        with running_central(f"sqlite:///{tmp_path / 'central.db'}") as url:
            connect(w, url)
            walk_to_times(w, qtbot)
            first_enabled(qtbot, w.screens["book_time"].grid, "slot-").click()
            qtbot.waitUntil(lambda: w.current.name == "book_who", timeout=10_000)
            who = w.screens["book_who"]
            reader.put_card(card)
            qtbot.waitUntil(lambda: who.part == "mobile", timeout=5000)
            kinds = {f.what for f in sweep_all(w, places, caplog, holder)}
            assert {"ID number", "masked name"} <= kinds  # held while the session is on
            type_on_keypad(who, MOBILE)
            who.next_button.click()
            assert w.current.name == "book_review"
            reader.take_card()
            time_out(w, clock)
            findings = sweep_all(w, places, caplog, holder)
    assert not findings, report(findings)
    assert w.session.id_card is None and not w.card_reader.running


def test_a_booking_confirmed_printed_and_done_leaves_only_the_masked_slip(
        make_window, qtbot, tmp_path, clock, connect, places, caplog):  # noqa: F811
    from tests.helpers.journeys import pdf_text

    w = make_window(default_language="en", slip_pdf_dir=str(places["slips"]))
    w.home()
    with running_central(f"sqlite:///{tmp_path / 'central.db'}") as url:
        connect(w, url)
        walk_to_review(w, qtbot).confirm_button.click()
        result = w.screens["book_result"]
        qtbot.waitUntil(lambda: result.state == "confirmed", timeout=10_000)
        result.print_button.click()
        result.done_button.click()
        assert w.current.name == "home"
        time_out(w, clock)
        findings = sweep_all(w, places, caplog)
    assert not findings, report(findings)  # the slip folder included: full forms never
    pdfs = list(places["slips"].glob("*.pdf"))
    assert len(pdfs) == 1
    slip = pdf_text(str(pdfs[0]))
    assert "110105********002X" in slip and ID not in slip  # the masked form only


def show_code(path):
    """A fresh sample e-ID on the 'phone' the camera looks at."""
    write_code_png(mint("eid"), path)


def test_a_scanned_card_is_gone_after_done_and_after_use_for_booking(
        make_window, qtbot, tmp_path, clock, connect, places, caplog):  # noqa: F811
    png = tmp_path / "phone.png"
    show_code(png)
    w = make_window(default_language="en", camera=str(png))
    w.home()
    with running_central(f"sqlite:///{tmp_path / 'c.db'}") as url:
        scan_to(qtbot, w, connect(w, url))
        kinds = {f.what for f in sweep_all(w, places, caplog)}
        assert {"masked name", "masked ID number", "certificate number"} <= kinds
        w.screens["card"].done_button.click()
        assert w.current.name == "home"
        findings = sweep_all(w, places, caplog)
        assert not findings, "after Done: " + report(findings)

        # again, this time for a booking: the ID goes into the draft, the card goes away
        show_code(png)
        w.session.booking = BookingDraft("GA-0001", hall="city_centre")
        w.go("scan")
        qtbot.waitUntil(lambda: w.current.name == "card", timeout=10_000)
        w.screens["card"].use_button.click()
        who = w.screens["book_who"]
        assert w.current.name == "book_who" and who.part == "mobile"
        type_on_keypad(who, MOBILE)
        time_out(w, clock)
        findings = sweep_all(w, places, caplog)
    assert not findings, "after the idle timeout: " + report(findings)


@pytest.fixture
def staff_desk(tmp_path):
    from kiosk.staff.desk import StaffDesk
    from kiosk.sync.enrolment import CredentialStore, MemoryKeyring

    desk = StaffDesk.open(tmp_path / "kiosk.db", CredentialStore(MemoryKeyring()))
    desk.roster.add_local("0371", "王芳", "assistant", PIN, datetime.now(UTC))
    return desk


def book_for(url, person):
    from kiosk.rules.wire_time import utc_iso
    from kiosk.sync.api_client import CentralClient

    client = CentralClient(url, "test-token")
    day = next(d for d in client.get("/v1/halls/city_centre/availability",
                                     {"matter": "GA-0001"}).body["days"] if d["remaining"])
    slot = client.get("/v1/halls/city_centre/slots",
                      {"matter": "GA-0001", "date": day["date"]}).body["slots"][0]
    return client.post("/v1/bookings", {
        "hall": "city_centre", "matter": "GA-0001", "start": slot["start"], "hold_id": None,
        "person": {"id_number": person, "phone": MOBILE},
        "requested_at": utc_iso(datetime.now(UTC)),
    }, idempotency_key=str(uuid.uuid4())).body


def test_assisted_lookup_then_hand_back_leaves_nothing(
        make_window, qtbot, tmp_path, clock, connect, places, caplog, staff_desk):  # noqa: F811
    w = make_window(default_language="en", window_options={"staff_desk": lambda: staff_desk})
    w.home()
    with running_central(f"sqlite:///{tmp_path / 'central.db'}") as url:
        connect(w, url)
        booked = book_for(url, ID)
        w.enter_staff()
        sign_in = w.screens["staff_sign_in"]
        assert w.current is sign_in
        type_on_keypad(sign_in, "0371")
        sign_in.next_button.click()
        type_on_keypad(sign_in, PIN)
        sign_in.next_button.click()
        assert w.current.name == "staff_panel"
        w.current.findChild(type(sign_in.next_button), "staff-assist").click()
        w.current.findChild(type(sign_in.next_button), "consent-yes").click()
        assert w.staff.assisting
        # the resident looks up their own appointments
        w.go("appointments")
        type_on_keypad(w.screens["appointments"], ID)
        w.screens["appointments"].find_button.click()
        qtbot.waitUntil(lambda: w.current.name == "appointment_list", timeout=10_000)
        w.screens["appointment_list"].grid.items_on_page()[0].click()
        assert booked["reference"] in w.screens["appointment"].details.text()
        kinds = {f.what for f in sweep_all(w, places, caplog)}
        assert "ID number" in kinds
        w.banner.button.click()
        assert w.current.name == "hand_back"
        w.current.findChild(type(sign_in.next_button), "hand-back-finish").click()
        assert w.current.name == "attract" and not w.staff.signed_in
        staff = Resident(ID, MOBILE, names=(HOLDER,), others=((PIN, "staff PIN"),))
        findings = sweep_all(w, places, caplog, staff)
    assert not findings, report(findings)


def test_the_sweep_finds_each_kind_of_hold(make_window, qtbot, places, caplog, tmp_path):
    """The sweep itself: every place it searches, it finds what was left there."""
    import functools

    from PySide6.QtGui import QGuiApplication, QPixmap
    from PySide6.QtWidgets import QLabel, QLineEdit

    w = make_window(default_language="en")
    w.home()
    png = tmp_path / "code.png"
    show_code(png)
    shown = QLabel(w.current)
    shown.setPixmap(QPixmap(str(png)))  # a credential's QR code, still on a label
    typed = QLineEdit(w.current)
    typed.setReadOnly(True)
    typed.setText(MOBILE)
    typed.clear()  # gone from the box, not from its undo history
    w.current.kept = functools.partial(print, ID)  # state: a callable holding the number
    QGuiApplication.clipboard().setText(f"ID: {ID}")
    (places["tmp"] / "draft.txt").write_text(HOLDER, encoding="utf-16")
    (places["slips"] / "slip.txt").write_text(f"{ID} 110105********002X", encoding="utf-8")
    (places["slips"] / "masked.txt").write_text("110105********002X 138****8000", encoding="utf-8")
    logging.getLogger("kiosk.probe").info("looked up %s", ID)
    try:
        found = {(f.where.split(" ")[0], f.what) for f in sweep_all(w, places, caplog)}
    finally:
        QGuiApplication.clipboard().clear()
        del w.current.kept
    assert ("QLabel", "name") in found  # decoded from the pixmap's QR code, inside the JWS
    assert ("QLineEdit", "mobile number") in found
    assert any(where.startswith("HomeScreen") for where, what in found if what == "ID number")
    assert ("clipboard", "ID number") in found
    assert ("file", "name") in found
    wheres = {f.where for f in sweep_all(w, places, caplog)}
    assert any(x.endswith("slip.txt") for x in wheres)
    assert not any(x.endswith("masked.txt") for x in wheres)  # masked forms: allowed on slips
    assert "log records as written" in wheres  # the message as the code wrote it
    assert "log file" not in wheres  # the file handler scrubbed it (kiosk.ops.logs)
    QGuiApplication.clipboard().clear()
    shown.deleteLater()
    typed.deleteLater()

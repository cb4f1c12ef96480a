"""Booking an appointment through the real widgets, against the real server on loopback."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from kiosk.rules import idnumber
from kiosk.rules.wire_time import utc_iso
from kiosk.sync.api_client import CentralClient
from tests.helpers.central_server import running_central
from tests.helpers.journeys import (
    ID,
    MOBILE,
    first_enabled,
    pdf_text,
    type_on_keypad,
    walk_to_review,
    walk_to_times,
)
from tests.helpers.utc_clock import FakeUtcClock


def test_book_and_confirm_then_print_the_slip(make_window, qtbot, tmp_path, connect):
    w = make_window(default_language="en", slip_pdf_dir=str(tmp_path / "slips"))
    w.home()
    with running_central(f"sqlite:///{tmp_path / 'central.db'}") as url:
        connect(w, url)
        review = walk_to_review(w, qtbot)
        assert "hall" not in review.change  # the kiosk's own hall, never another
        assert review.values["hall"].text() == "Sample City Citizen Service Centre"
        review.confirm_button.click()
        assert w.current.name == "book_result"
        result = w.screens["book_result"]
        qtbot.waitUntil(lambda: result.state == "confirmed", timeout=10_000)
        reference = result.booking["reference"]
        assert result.title.text() == "Your appointment is booked"
        assert reference in result.details.text()
        assert result.qr.isVisible() and result.qr.text == f"SHK-BOOKING:{reference}"
        assert "110105********002X" in result.details.text()
        # the server has it, with the masked number only
        found = CentralClient(url, "test-token").post(
            "/v1/booking-lookups", {"id_number": ID}).body["bookings"]
        assert [b["reference"] for b in found] == [reference]
        result.print_button.click()
    pdf = result.printed_to
    assert pdf.endswith(".pdf")
    text = pdf_text(pdf)
    assert reference in text and "110105********002X" in text and ID not in text
    assert "Appointment confirmed" in text


def test_a_chinese_slip_keeps_its_characters(make_window, qtbot, tmp_path, connect):
    w = make_window(default_language="zh_CN", slip_pdf_dir=str(tmp_path / "slips"))
    w.home()
    with running_central(f"sqlite:///{tmp_path / 'central.db'}") as url:
        connect(w, url)
        walk_to_review(w, qtbot).confirm_button.click()
        result = w.screens["book_result"]
        qtbot.waitUntil(lambda: result.state == "confirmed", timeout=10_000)
        result.print_button.click()
    text = pdf_text(result.printed_to)
    assert "预约成功" in text and "居民身份证换领" in text and "110105********002X" in text
    assert "请携带" in text and "居民户口簿" in text  # what to bring: the required materials
    local = result.draft.slot.start.astimezone(__import__("zoneinfo").ZoneInfo("Asia/Shanghai"))
    assert f"{local:%H:%M}" in text  # the hall's local time, not UTC


def test_booking_while_the_server_is_down_is_a_request_then_confirmed(
        make_window, qtbot, tmp_path, connect, monkeypatch):
    from ui.screens.booking import result as booking

    monkeypatch.setattr(booking, "CONFIRM_WAIT_MS", 500)
    w = make_window(default_language="en", slip_pdf_dir=str(tmp_path / "slips"))
    w.home()
    db = tmp_path / "central.db"
    with running_central(f"sqlite:///{db}") as url:
        port = int(url.rsplit(":", 1)[1])
        access = connect(w, url)
    # the network is gone before the resident starts
    review = walk_to_review(w, qtbot)
    assert "cannot be reached" in w.screens["book_day"].message.text()
    # said once above the list, not on each line of it
    times = w.screens["book_time"]
    assert "places left are not known" in times.message.text()
    assert all("not known" not in b.text_content() for b in times.grid.items_on_page())
    review.confirm_button.click()
    result = w.screens["book_result"]
    qtbot.waitUntil(lambda: result.state == "request", timeout=10_000)
    assert result.title.text() == "Request saved – not yet confirmed"
    assert "not an appointment" in result.instruction.text()
    assert not result.qr.isVisible()  # nothing that looks like a voucher
    result.print_button.click()
    text = pdf_text(result.printed_to)
    assert "NOT yet confirmed" in text and "Reference" not in text
    result.phone_button.click()  # the alternative to paper: the same words as a QR code
    assert result.qr.isVisible() and "NOT yet confirmed" in result.qr.text
    assert "110105********002X" in result.qr.text and ID not in result.qr.text
    assert access.outbox.counts().pending == 1
    # the server comes back: the request is sent and confirmed while the resident is here
    with running_central(f"sqlite:///{db}", port=port):
        qtbot.waitUntil(lambda: result.state == "confirmed", timeout=15_000)
    assert result.title.text() == "Your appointment is booked"


def test_the_slot_is_lost_to_another_kiosk_between_choosing_and_confirming(
        make_window, qtbot, tmp_path, connect):
    # the kiosk and the platform on one fixed clock, whatever the time of day the test runs
    # at: Tuesday 8 December 2026, 09:00 in the hall; the resident books for Wednesday, so
    # the minimum notice never runs out while they hesitate
    clock = FakeUtcClock(datetime(2026, 12, 8, 1, 0, tzinfo=UTC))
    w = make_window(default_language="en", window_options={"wall_clock": clock},
                    hall_code="dongcheng")  # one place per slot there
    w.home()
    with running_central(f"sqlite:///{tmp_path / 'central.db'}", clock=clock,
                         dev_hall="dongcheng") as url:  # the platform binds the device there
        connect(w, url)
        review = walk_to_review(w, qtbot, day="2026-12-09")
        slot = review.draft.slot
        assert review.draft.hold is not None
        clock.advance(minutes=6)  # the resident hesitates; the hold expires
        other = CentralClient(url, "test-token")
        other.post("/v1/bookings", {
            "hall": "dongcheng", "matter": "GA-0001", "start": utc_iso(slot.start),
            "hold_id": None, "person": {"id_number": idnumber.with_check_digit("11010519800101001"),
                       "phone": "13900139000"},
            "requested_at": utc_iso(clock()),
        }, idempotency_key="00000000-0000-4000-8000-000000000001")
        review.confirm_button.click()
        result = w.screens["book_result"]
        qtbot.waitUntil(lambda: result.state == "refused", timeout=10_000)
        assert result.title.text() == "The booking was not made"
        assert "taken" in result.instruction.text()
        alternatives = result.alternatives.items_on_page()
        assert alternatives and result.alternatives.isVisible()
        alternatives[0].click()
        assert w.current.name == "book_time"


def test_the_id_number_is_checked_on_the_keypad(make_window, qtbot):
    w = make_window(default_language="zh_CN")
    w.home()
    w.session.booking = __import__("kiosk.booking.draft", fromlist=["x"]).BookingDraft("GA-0001")
    w.go("book_who")
    who = w.screens["book_who"]
    type_on_keypad(who, "1101051949")
    who.next_button.click()
    assert "18" in who.id_error.text()
    assert w.current.name == "book_who" and who.part == "id"
    w.wipe()
    assert who.id_field.text() == "" and who.phone_field.text() == "" and who.part == "id"
    _ = timedelta  # noqa: F841


def test_times_are_the_halls_across_the_utc_date_line(make_window, qtbot, tmp_path, connect):
    """dongcheng opens at 07:00 here: 08:30 local on the 24th is 00:30 UTC, and 16:30 local
    is 08:30 UTC; both are shown, booked and printed as the hall's local times."""
    from tests.helpers.central_fixtures import seed_with

    early = [{"weekday": d, "opens": "07:00", "closes": "17:00"} for d in range(1, 6)]
    seed = seed_with(tmp_path, opening_hours={"dongcheng": early})
    clock = FakeUtcClock("2026-11-22T12:00:00Z")  # Sunday 20:00 in the hall
    w = make_window(default_language="en", slip_pdf_dir=str(tmp_path / "slips"),
                    hall_code="dongcheng")
    w.home()
    second = idnumber.with_check_digit("11010519900101001")
    with running_central(f"sqlite:///{tmp_path / 'central.db'}", clock=clock, seed=seed,
                         dev_hall="dongcheng") as url:
        connect(w, url)
        for person, slot, utc in ((ID, "0830", "2026-11-24T00:30:00Z"),
                                  (second, "1630", "2026-11-24T08:30:00Z")):
            w.wipe()
            w.home()
            review = walk_to_review(w, qtbot, day="2026-11-24", slot=slot, person=person)
            local = f"Tue 24 Nov 2026, {slot[:2]}:{slot[2:]}"
            assert review.values["time"].text() == local
            review.confirm_button.click()
            result = w.screens["book_result"]
            qtbot.waitUntil(lambda r=result: r.state == "confirmed", timeout=10_000)
            assert result.booking["start"] == utc
            assert local in result.details.text()
            result.print_button.click()
            assert local in pdf_text(result.printed_to)


def test_a_missing_printer_is_reported_and_the_slip_saved_on_a4(make_window, tmp_path):
    from kiosk.booking.slips import booking_slip
    from ui.printing import print_slip

    w = make_window(default_language="en", printer_name="Front desk printer (gone)",
                    slip_paper="A4", slip_pdf_dir=str(tmp_path / "slips"))
    slip = booking_slip(lang="en", confirmed=True, hall="Hall", matter="Service",
                        start=datetime(2026, 11, 24, 1, 0, tzinfo=UTC), timezone="Asia/Shanghai",
                        id_number=ID, mobile=MOBILE, reference="ABCD2345")
    result = print_slip(slip, w.settings)
    assert result.ok and result.target.endswith(".pdf")
    assert result.message.startswith("The printer is not available.")
    info = subprocess.run(["pdfinfo", result.target], capture_output=True, text=True).stdout
    assert "595" in info and "842" in info  # A4 in points
    assert "Tue 24 Nov 2026, 09:00" in pdf_text(result.target)


def test_a_time_taken_while_choosing_says_so_after_the_list_reloads(
        make_window, qtbot, tmp_path, connect):
    """The hold is refused (``slot_full``): the list of times is asked for again, and the
    resident still reads why they are back on it (the reload used to wipe the message)."""
    w = make_window(default_language="en", hall_code="dongcheng")  # one place a slot
    w.home()
    with running_central(f"sqlite:///{tmp_path / 'central.db'}", dev_hall="dongcheng") as url:
        connect(w, url)
        times = walk_to_times(w, qtbot)
        button = first_enabled(qtbot, times.grid, "slot-")
        hall_time = ZoneInfo("Asia/Shanghai")
        [slot] = [s for s in times.slots
                  if f"slot-{s.start.astimezone(hall_time):%H%M}" == button.objectName()]
        CentralClient(url, "test-token").post("/v1/holds", {
            "hall": "dongcheng", "matter": "GA-0001", "start": utc_iso(slot.start)},
            idempotency_key="00000000-0000-4000-8000-000000000002")  # another kiosk holds it
        button.click()
        qtbot.waitUntil(lambda: not times.busy and "taken" in times.message.text(), timeout=10_000)
        qtbot.waitUntil(lambda: not times.busy, timeout=10_000)  # the reload has answered
        qtbot.wait(50)
        assert w.current.name == "book_time"
        assert times.message.isVisible() and "taken just now" in times.message.text()


def test_leaving_a_step_drops_its_late_answer(make_window, qtbot, tmp_path, connect):
    """The resident taps a time, then Back before the platform has held it: the hold's
    answer must not carry them on to the next step from wherever they are now."""
    w = make_window(default_language="en")
    w.home()
    with running_central(f"sqlite:///{tmp_path / 'central.db'}") as url:
        connect(w, url)
        times = walk_to_times(w, qtbot)
        first_enabled(qtbot, times.grid, "slot-").click()  # the hold is asked for …
        w.back()  # … and the resident leaves before the answer is in
        assert w.current.name == "book_day"
        qtbot.wait(1500)  # the platform has long answered
        assert w.current.name == "book_day" and not times.busy


def test_today_and_tomorrow_are_named_in_the_day_list(qapp):
    from datetime import date

    from ui.i18n import LanguageSwitch
    from ui.screens.booking.step import day_label

    today = date(2026, 12, 7)  # a Monday
    switch = LanguageSwitch(qapp)
    switch.set_language("zh_CN")
    try:
        assert day_label(today, "zh", today) == "今天 12月7日 星期一"
        assert day_label(date(2026, 12, 8), "zh", today) == "明天 12月8日 星期二"
        assert day_label(date(2026, 12, 9), "zh", today) == "12月9日 星期三"
        assert day_label(date(2026, 12, 9), "zh") == "12月9日 星期三"
    finally:
        switch.set_language("en")
    assert day_label(date(2026, 12, 8), "en", today) == "Tomorrow, Tue 8 Dec"
    assert day_label(date(2026, 12, 10), "en", today) == "Thu 10 Dec"

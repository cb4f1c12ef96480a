"""The ID card where the resident says who they are, through the real widgets, with the
SAM reader simulated on a pseudo-terminal (kiosk.idcard.simulator); the keypad's
grouping, count and X. Taps are counted one by one, as a resident makes them."""

from __future__ import annotations

import sys
import uuid

import pytest
import requests

from kiosk.idcard import samples
from kiosk.idcard.simulator import Fault
from tests.helpers.central_server import running_central
from tests.helpers.journeys import ID, first_enabled, pick, type_on_keypad
from tests.ui.test_appointments_journey import book, hall  # noqa: F401 - hall: a fixture
from ui.widgets.keypad import group_id

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the simulator needs a pty")

VALID = samples.VALID


@pytest.fixture
def reader():
    from kiosk.idcard.simulator import SimulatedReader

    with SimulatedReader(pace=False) as sim:
        yield sim


class Taps:
    """Each tap a resident makes, counted; waits for the widget to be enabled first."""

    def __init__(self, qtbot) -> None:
        self.qtbot, self.count = qtbot, 0

    def __call__(self, widget) -> None:
        self.qtbot.waitUntil(lambda: widget.isEnabled() and widget.isVisible(), timeout=10_000)
        self.count += 1
        widget.click()

    def type(self, keypad_screen, text: str) -> None:
        for ch in text:
            self(keypad_screen.keypad.keys[ch])


def tap_to_who(w, taps: Taps, qtbot):
    """Home → Book an appointment → the matter → Book a time → the first day and time
    open: 5 taps, counted, to "Who is the appointment for?"."""
    taps(w.screens["home"].button("book"))
    taps(pick(qtbot, w.screens["matter_list"].grid, "matter-GA-0001"))
    taps(w.screens["matter"].book_button)
    taps(first_enabled(qtbot, w.screens["book_day"].grid, "day-"))
    taps(first_enabled(qtbot, w.screens["book_time"].grid, "slot-"))
    qtbot.waitUntil(lambda: w.current.name == "book_who", timeout=10_000)
    return w.screens["book_who"]


def test_a_booking_with_the_id_card_from_the_home_screen(make_window, qtbot, tmp_path,
                                                         connect, reader):
    w = make_window(default_language="en", idcard_port=reader.port)
    w.home()
    taps = Taps(qtbot)
    with running_central(f"sqlite:///{tmp_path / 'central.db'}") as url:
        connect(w, url)
        who = tap_to_who(w, taps, qtbot)
        # the card first: the picture and the keypad as the second choice
        assert who.cards.on_panel and who.cards.panel.keypad_button.isVisible()
        assert "place your ID card" in who.instruction.text()
        reader.put_card(VALID)  # no tap: the card on the reader
        qtbot.waitUntil(lambda: who.part == "mobile", timeout=5000)
        assert w.session.booking.id_number == VALID.id_number
        assert who.card_line.isVisible() and who.card_line.text() == (
            "ID card read: 王*英, 河南省郑州市****")
        assert not who.keypad.keys["X"].isVisible() and not who.keypad.keys["X"].isEnabled()
        taps.type(who, "13800138000")
        taps(who.next_button)
        assert w.current.name == "book_review"
        review = w.screens["book_review"]
        assert review.values["id"].text() == group_id(VALID.id_number)  # whole, to check
        assert review.values["mobile"].text() == "138 0013 8000"
        taps(review.confirm_button)
        result = w.screens["book_result"]
        qtbot.waitUntil(lambda: result.state == "confirmed", timeout=10_000)
    # home → Book an appointment → the matter → Book a time → day → time → (card) →
    # 11 digits → Next → Confirm: 18 taps (37 typing the ID without a typo: the card
    # saves 19); the 11-digit mobile number is 12 of them
    assert taps.count == 18


def test_a_booking_with_the_id_card_and_no_phone(make_window, qtbot, tmp_path, connect, reader):
    """The mobile number is optional: 7 taps from home; the booking then says it cannot be
    cancelled at a kiosk, and the platform refuses to (``no_phone_given``)."""
    w = make_window(default_language="en", idcard_port=reader.port)
    w.home()
    taps = Taps(qtbot)
    with running_central(f"sqlite:///{tmp_path / 'central.db'}") as url:
        connect(w, url)
        who = tap_to_who(w, taps, qtbot)
        assert not who.no_phone_button.isVisible()  # the ID number first
        reader.put_card(VALID)
        qtbot.waitUntil(lambda: who.part == "mobile", timeout=5000)
        assert "leave it out" in who.instruction.text()
        taps(who.no_phone_button)
        review = w.screens["book_review"]
        assert w.current is review
        assert review.values["mobile"].text() == "not given"
        taps(review.confirm_button)
        result = w.screens["book_result"]
        qtbot.waitUntil(lambda: result.state == "confirmed", timeout=10_000)
        assert taps.count == 7  # 39 typing the ID and the phone
        assert result.outcome.tone() == "success" and not result.title.isVisible()
        assert result.outcome.text().startswith("Your appointment is booked")
        slip = result.slip()
        assert slip is not None and ("Mobile", "not given") in slip.lines
        booking_id = result.booking["booking_id"]
        assert result.booking["person"]["phone_masked"] is None
        w.footer.back_button.click()  # made: Back goes home, not to "check your answers"
        assert w.current.name == "home"

        # My appointments: check in, yes; cancel, no, and it says why
        w.screens["home"].button("appointments").click()
        reader.take_card()
        reader.put_card(VALID)
        qtbot.waitUntil(lambda: w.current.name == "appointment_list", timeout=10_000)
        [row] = w.screens["appointment_list"].grid.items_on_page()
        row.click()
        one = w.screens["appointment"]
        assert one.check_in_button.isVisible() and not one.cancel_button.isVisible()
        assert "made without a phone number" in one.instruction.text()

        # the platform refuses a kiosk that cancels anyway (the test server's dev token)
        reply = requests.post(f"{url}/v1/bookings/{booking_id}/cancel", json={"phone": "13800138000"},
                           headers={"Authorization": "Bearer test-token",
                                    "Idempotency-Key": str(uuid.uuid4())}, timeout=10)
        assert reply.status_code == 409 and reply.json()["code"] == "no_phone_given"


def test_check_in_with_the_id_card(hall, qtbot, reader):  # noqa: F811 - the fixture
    connect, url, clock, day = hall
    w = connect(default_language="en", idcard_port=reader.port)
    book(url, clock, day, VALID.id_number)
    clock.advance(minutes=40)  # check-in is open
    taps = Taps(qtbot)
    taps(w.screens["home"].button("appointments"))
    screen = w.screens["appointments"]
    assert screen.cards.on_panel and "Place your ID card" in screen.instruction.text()
    # the other ways in, beside the card: the booking code, a number without a booking
    panel = screen.cards.panel
    assert screen.scan_button.isVisible() and screen.walk_in_button.isVisible()
    assert panel.isAncestorOf(screen.scan_button) and panel.isAncestorOf(screen.walk_in_button)
    panel.keypad_button.click()
    assert screen.scan_button.isVisible() and not panel.isAncestorOf(screen.scan_button)
    screen.cards.begin()  # back to the card, as entering the screen does
    reader.put_card(VALID)  # no tap
    qtbot.waitUntil(lambda: w.current.name == "appointment_list", timeout=10_000)
    assert w.session.lookup_id == VALID.id_number
    rows = w.screens["appointment_list"].grid.items_on_page()
    assert len(rows) == 1 and "Confirmed" in rows[0].text_content()
    taps(rows[0])
    appointment = w.screens["appointment"]
    taps(appointment.check_in_button)
    qtbot.waitUntil(lambda: appointment.number.isVisible(), timeout=10_000)
    assert taps.count == 3  # 22 typing the ID
    # landscape: the title says it and the number keeps the height (portrait: a panel)
    assert appointment.title.isVisible() and appointment.title.text() == "You are checked in"
    assert appointment.outcome.isHidden()


def test_the_expired_card_is_said_plainly_and_not_used(make_window, qtbot, reader):
    w = make_window(default_language="en", idcard_port=reader.port)
    w.home()
    w.go("appointments")
    screen = w.screens["appointments"]
    assert screen.cards.on_panel
    reader.put_card(samples.EXPIRED)
    panel = screen.cards.panel
    qtbot.waitUntil(lambda: panel.state == "expired", timeout=5000)
    assert "expired on 10 January 2016" in panel.status.text()
    assert screen.field.digits() == "" and w.session.id_card is None
    assert w.current.name == "appointments" and panel.keypad_button.isVisible()
    # lifted, and a valid card put on: that one counts (not connected: said so)
    reader.take_card()
    qtbot.waitUntil(lambda: panel.state == "expired" and not reader.has_card, timeout=5000)
    reader.put_card(VALID)
    qtbot.waitUntil(lambda: screen.field.digits() == VALID.id_number, timeout=5000)
    assert "not connected" in screen.message.text()


def test_the_expired_card_in_chinese_and_by_the_halls_date(make_window, qtbot, reader):
    from datetime import date

    from kiosk.idcard.card import IdCard

    w = make_window(default_language="zh_CN", idcard_port=reader.port)
    w.home()
    w.go("appointments")
    screen = w.screens["appointments"]
    today = screen.cards.today()
    # valid through yesterday (the hall's date): expired; through today: still good
    fields = {f: getattr(VALID, f) for f in VALID.__slots__}
    ran_out = IdCard(**{**fields, "valid_to": date.fromordinal(today.toordinal() - 1)})
    reader.put_card(ran_out)
    panel = screen.cards.panel
    qtbot.waitUntil(lambda: panel.state == "expired", timeout=5000)
    assert "过期，不能使用" in panel.status.text()
    reader.take_card()
    qtbot.wait(800)
    reader.put_card(IdCard(**{**fields, "valid_to": today}))
    qtbot.waitUntil(lambda: screen.field.digits() == VALID.id_number, timeout=5000)


def test_a_read_failure_says_so_and_offers_the_keypad(make_window, qtbot, reader):
    from kiosk.idcard import sam_protocol as sam

    w = make_window(default_language="en", idcard_port=reader.port)
    w.home()
    w.go("appointments")
    screen = w.screens["appointments"]
    panel = screen.cards.panel
    reader.inject(Fault.CARD_LIFTED, command=sam.READ_BASE, times=50)
    reader.put_card(VALID)
    qtbot.waitUntil(lambda: panel.state == "failed", timeout=8000)
    assert "could not be read" in panel.status.text()
    assert screen.field.digits() == "" and w.session.id_card is None
    panel.keypad_button.click()
    assert not screen.cards.on_panel and screen.keypad.isVisible()
    assert screen.instruction.text() == "Type your ID card number."
    type_on_keypad(screen, ID)
    assert screen.field.text() == "110105 19491231 002X"


def test_an_unplugged_reader_says_so(make_window, qtbot, reader):
    w = make_window(default_language="en", idcard_port=reader.port)
    reader.unplug()
    w.home()
    w.go("appointments")
    panel = w.screens["appointments"].cards.panel
    qtbot.waitUntil(lambda: panel.state == "failed", timeout=8000)
    assert "reader is not working" in panel.status.text()
    reader.plug()
    reader.put_card(VALID)
    qtbot.waitUntil(lambda: w.screens["appointments"].field.digits() == VALID.id_number,
                    timeout=8000)


def test_no_reader_the_keypad_as_before(make_window):
    w = make_window(default_language="en")
    assert w.card_reader is None
    w.home()
    w.go("appointments")
    screen = w.screens["appointments"]
    assert not screen.cards.on_panel and screen.keypad.isVisible()
    assert screen.instruction.text() == "Type your ID card number."


def test_polling_stops_when_the_screen_is_left(make_window, qtbot, reader):
    w = make_window(default_language="en", idcard_port=reader.port)
    w.home()
    w.go("appointments")
    qtbot.waitUntil(lambda: w.card_reader.running, timeout=2000)
    w.home()
    assert not w.card_reader.running
    asked = len(reader.requests)
    qtbot.wait(600)
    assert len(reader.requests) == asked


def test_the_id_is_grouped_and_counted_and_x_only_at_the_18th(make_window):
    w = make_window(default_language="en")
    w.home()
    w.go("appointments")
    screen = w.screens["appointments"]
    x = screen.keypad.keys["X"]
    assert screen.field.counter.text() == "0 of 18 typed, 18 to go."
    type_on_keypad(screen, "11010519491")
    assert screen.field.text() == "110105 19491"
    assert screen.field.counter.text() == "11 of 18 typed, 7 to go."
    assert not x.isEnabled()
    x.click()  # disabled: nothing
    type_on_keypad(screen, "231002")
    assert x.isEnabled() and screen.field.digits() == "11010519491231002"
    x.click()
    assert screen.field.text() == "110105 19491231 002X"
    assert screen.field.counter.text() == "All 18 typed: please check them."
    assert not x.isEnabled()
    screen.keypad.backspace.emit()
    assert x.isEnabled() and screen.field.text() == "110105 19491231 002"


def test_the_count_in_chinese(make_window):
    w = make_window(default_language="zh_CN")
    w.home()
    w.go("appointments")
    screen = w.screens["appointments"]
    type_on_keypad(screen, "11010519491")
    assert screen.field.counter.text() == "已输入 11 位，还差 7 位"


def test_the_who_step_groups_the_id_and_the_mobile_step_has_no_x(make_window, qtbot):
    from kiosk.booking.draft import BookingDraft

    w = make_window(default_language="en")
    w.home()
    w.session.booking = BookingDraft("GA-0001", hall=w.settings.hall_code)
    w.go("book_who")
    who = w.screens["book_who"]
    assert not who.cards.on_panel  # no reader: the keypad, as before
    assert who.keypad.keys["X"].isVisible() and not who.keypad.keys["X"].isEnabled()
    type_on_keypad(who, ID[:-1])
    assert who.keypad.keys["X"].isEnabled()
    type_on_keypad(who, "X")
    assert who.id_field.text() == "110105 19491231 002X" and who.id_field.counter.isVisible()
    who.next_button.click()
    assert who.part == "mobile"
    x = who.keypad.keys["X"]
    assert not x.isVisible() and not x.isEnabled() and not who.id_field.counter.isVisible()
    zero = who.keypad.keys["0"]
    assert zero.width() > 2 * who.keypad.keys["1"].width()  # 0 across the row

"""The queue's data classes as read from the wire (kiosk/queue/model.py) and a rating as
written to the outbox (kiosk/queue/rating.py)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from kiosk.queue.model import Ahead, BoardCall, CallEvent, HallBoard, TicketState, WindowTicket
from kiosk.queue.rating import Rating, submit
from kiosk.rules.ratings import Level
from kiosk.sync.outbox import Outbox
from kiosk.sync.store import LocalStore

TICKET = {"ticket_id": "t1", "number": "GA001", "hall": "city_centre", "area": "GA",
          "matter": "GA-0002", "priority": False, "appointment": True, "state": "called",
          "window": "3", "issued_at": "2026-11-23T01:00:00Z", "called_at": "2026-11-23T01:05:00Z",
          "recalls": 2, "finished_at": None}


def test_a_window_ticket_from_the_wire():
    got = WindowTicket.from_wire({
        "ticket": TICKET, "matter_name": {"zh": "户口迁移", "en": "Moving a household"},
        "checklist": [{"name": {"zh": "身份证", "en": "ID card"}, "form": "original", "copies": 1,
                       "required": True, "note": None}],
        "no_show_after": 3})
    assert got.ticket.state is TicketState.CALLED and got.ticket.recalls == 2
    assert got.ticket.called_at == datetime(2026, 11, 23, 1, 5, tzinfo=UTC)
    assert got.checklist[0].name.get("en") == "ID card" and not got.may_mark_no_show


@pytest.mark.parametrize("change", [
    {"recalls": -1}, {"recalls": True}, {"state": "lost"}, {"issued_at": "yesterday"},
    {"priority": "no"}, {"number": None},
])
def test_an_answer_not_as_the_contract_says_is_a_value_error(change):
    with pytest.raises(ValueError):
        WindowTicket.from_wire({"ticket": {**TICKET, **change}, "matter_name": None,
                                "checklist": [], "no_show_after": 3})


def test_a_board_and_an_ahead_count_from_the_wire():
    board = HallBoard.from_wire({
        "hall": "city_centre", "cursor": 7, "server_time": "2026-11-23T01:05:01Z",
        "calls": [{"call_id": 7, "ticket_id": "t1", "number": "GA001", "window": "3",
                   "area": "GA", "event": "recalled", "at": "2026-11-23T01:05:00Z"}],
        "waiting": [{"area": "GA", "name": None, "waiting": 4}]})
    assert board.calls == (BoardCall(7, "t1", "GA001", "3", "GA", CallEvent.RECALLED,
                                     datetime(2026, 11, 23, 1, 5, tzinfo=UTC)),)
    assert board.calls[0].event.announced and not CallEvent.SERVED.announced
    ahead = Ahead.from_wire({"ticket_id": "t1", "number": "GA001", "area": "GA",
                             "state": "waiting", "ahead": 2, "window": None})
    assert ahead.ahead == 2
    with pytest.raises(ValueError):
        HallBoard.from_wire({"hall": "x", "calls": {}, "waiting": [], "cursor": 0,
                             "server_time": "2026-11-23T01:05:01Z"})


def test_a_rating_is_checked_before_it_reaches_the_outbox(tmp_path):
    with pytest.raises(ValueError):
        Rating(matter="GA-0002", level=Level.DISSATISFIED, ticket_id="t1")  # no reason
    with LocalStore(tmp_path / "k.db") as store:
        outbox = Outbox(store)
        rating = Rating(matter="GA-0002", level=Level.VERY_SATISFIED, booking_id="b1")
        item = submit(outbox, rating, datetime(2026, 11, 23, 2, tzinfo=UTC))
        assert (item.kind, item.path) == ("rating", "/v1/submissions")
        assert item.body == {"kind": "rating", "created_at": "2026-11-23T02:00:00Z",
                             "identity": {"resident": None, "staff": None},
                             "payload": {"booking_id": "b1", "matter": "GA-0002",
                                         "level": "very_satisfied", "reasons": []}}

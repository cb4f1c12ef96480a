"""A resident's call for staff in the kiosk's outbox, without a network: what the screen
is told at each step, and what the end of a session does to a call."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from kiosk.rules.help_id import help_id
from kiosk.staff import help_calls
from kiosk.staff.help_calls import CallState, HelpRequest
from kiosk.sync.api_client import BadResponse
from kiosk.sync.outbox import Outbox
from kiosk.sync.store import LocalStore

NOW = datetime(2026, 11, 23, 2, 42, tzinfo=UTC)


@pytest.fixture
def outbox(tmp_path):
    with LocalStore(tmp_path / "kiosk.db") as store:
        yield Outbox(store)


def answer(made, state="open", **more):
    return {"help_id": made.help_id, "hall": "city_centre", "device_id": "k1", "screen": "home",
            "location": "3号机", "requested_at": "2026-11-23T02:42:00Z",
            "received_at": "2026-11-23T02:42:01Z", "state": state, "acknowledged_by": None,
            "acknowledged_at": None, "closed_by": None, "ended_at": None, "raised_count": 0,
            "raised_at": None, **more}


def test_a_call_is_named_before_any_answer_and_says_what_became_of_it(outbox):
    made = help_calls.call(outbox, "k1", "matter", "  一楼大厅 3号机 ", NOW)
    assert made.help_id == help_id("k1", made.item_id)
    item = outbox.get(made.item_id)
    assert item.kind == "help" and item.path == "/v1/help-requests"
    assert item.body == {"screen": "matter", "location": "一楼大厅 3号机",
                         "requested_at": "2026-11-23T02:42:00Z"}
    assert help_calls.status(outbox, made, 1.0, 6.0).state is CallState.SENDING
    assert help_calls.status(outbox, made, 6.0, 6.0).state is CallState.NOT_SENT  # waited
    outbox.mark_retry(made.item_id, "unreachable: no route", 0)
    assert help_calls.status(outbox, made, 0.5, 6.0).state is CallState.NOT_SENT  # tried
    outbox.mark_sent(made.item_id, 201, answer(made), NOW)
    sent = help_calls.status(outbox, made, 7.0, 6.0)
    assert sent.state is CallState.OPEN and sent.request.location == "3号机"


def test_a_refused_call_fails_and_is_discarded_when_the_resident_leaves(outbox):
    made = help_calls.call(outbox, "k1", "home", "", NOW)
    outbox.mark_dead(made.item_id, 404, {"code": "not_found"}, "not_found", NOW)
    assert help_calls.status(outbox, made, 1, 6).state is CallState.FAILED
    assert not help_calls.leave(outbox, made, NOW)
    assert outbox.get(made.item_id).state == "discarded"  # no retry by staff sends it later
    assert not help_calls.take_back(outbox, made, NOW)


def test_taking_back_withdraws_what_is_unsent_and_cancels_by_id(outbox):
    made = help_calls.call(outbox, "k1", "home", "", NOW)
    assert help_calls.take_back(outbox, made, NOW)
    assert outbox.get(made.item_id).state == "discarded"
    (cancel,) = [i for i in outbox.items("pending") if i.kind == "help_cancel"]
    assert cancel.path == f"/v1/help-requests/{made.help_id}/cancel" and cancel.body == {}
    assert help_calls.status(outbox, made, 1, 6).state is CallState.CANCELLED


def test_leaving_keeps_a_call_already_sent(outbox):
    made = help_calls.call(outbox, "k1", "home", "", NOW)
    outbox.mark_sent(made.item_id, 201, answer(made, "acknowledged",
                                               acknowledged_by={"number": "0371", "name": "王芳"},
                                               acknowledged_at="2026-11-23T02:43:00Z"), NOW)
    assert not help_calls.leave(outbox, made, NOW)
    status = help_calls.status(outbox, made, 1, 6)
    assert status.state is CallState.ACKNOWLEDGED
    assert status.request.acknowledged_by.name == "王芳"
    assert outbox.counts().pending == 0


@pytest.mark.parametrize("body", [None, [], {"help_id": "x"}, {"state": "weird"},
                                  {"help_id": "x", "state": "open", "screen": "s",
                                   "location": "l", "device_id": "d",
                                   "received_at": "not a time"}])
def test_an_answer_that_is_no_help_request_is_a_bad_response(body):
    with pytest.raises(BadResponse):
        HelpRequest.from_wire(body)

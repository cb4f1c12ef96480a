"""The shared 好差评 rules (kiosk/rules/ratings.py): levels, reasons, what a rating may say,
the satisfaction rate; and the follow-up case's due day over holidays and 调休."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from central.ratings import due_on
from central.reference import Reference
from kiosk.rules.calendar import load_calendars
from kiosk.rules.catalogue import load_catalogue
from kiosk.rules.ratings import (
    BAD_LEVELS,
    COMMENT_MAX,
    REASONS,
    Level,
    rating_payload,
    reason,
    satisfaction_rate,
)


def test_the_five_levels_in_order_with_their_words_and_stable_wire_values():
    assert [lv.value for lv in Level] == ["very_satisfied", "satisfied", "basically_satisfied",
                                          "dissatisfied", "very_dissatisfied"]
    assert [lv.words.zh for lv in Level] == ["非常满意", "满意", "基本满意", "不满意", "非常不满意"]
    assert all(lv.words.en for lv in Level)
    assert [lv.score for lv in Level] == [5, 4, 3, 2, 1]
    assert {lv for lv in Level if lv.bad} == BAD_LEVELS == {Level.DISSATISFIED,
                                                           Level.VERY_DISSATISFIED}


def test_reasons_have_unique_codes_and_both_languages():
    codes = [r.code for r in REASONS]
    assert len(codes) == len(set(codes)) and codes[-1] == "other"
    assert all(r.words.zh and r.words.en for r in REASONS)
    assert reason("long_wait").words.zh == "等候时间长"
    with pytest.raises(KeyError):
        reason("nope")


def test_a_payload_is_normalised():
    got = rating_payload({"ticket_id": " T-1 ", "matter": "GA-0002", "level": "dissatisfied",
                          "reasons": ["long_wait"], "comment": "  太慢  ", "window": "3",
                          "phone": "138-0013-8000", "follow_up_consent": True})
    assert got == {"ticket_id": "T-1", "matter": "GA-0002", "level": "dissatisfied",
                   "reasons": ["long_wait"], "comment": "太慢", "window": "3",
                   "phone": "13800138000", "follow_up_consent": True}
    assert "comment" not in rating_payload({"booking_id": "B", "matter": "M", "level": "satisfied",
                                            "comment": "   "})


@pytest.mark.parametrize("raw", [
    {"matter": "M", "level": "satisfied"},
    {"ticket_id": "T", "booking_id": "B", "matter": "M", "level": "satisfied"},
    {"ticket_id": "T", "matter": "", "level": "satisfied"},
    {"ticket_id": "T", "matter": "M", "level": "SATISFIED"},
    {"ticket_id": "T", "matter": "M", "level": "dissatisfied", "reasons": []},
    {"ticket_id": "T", "matter": "M", "level": "dissatisfied", "reasons": ["fees", "fees"]},
    {"ticket_id": "T", "matter": "M", "level": "dissatisfied", "reasons": "fees"},
    {"ticket_id": "T", "matter": "M", "level": "satisfied", "comment": "x" * (COMMENT_MAX + 1)},
    {"ticket_id": "T", "matter": "M", "level": "satisfied", "phone": "13800138000"},
    {"ticket_id": "T", "matter": "M", "level": "satisfied", "follow_up_consent": "yes"},
    {"ticket_id": "T", "matter": "M", "level": "satisfied", "name": "张三"},
])
def test_a_payload_breaking_a_rule_is_a_value_error(raw):
    with pytest.raises(ValueError):
        rating_payload(raw)


def test_the_satisfaction_rate_counts_basically_satisfied_as_satisfied():
    assert satisfaction_rate({}) is None
    assert satisfaction_rate({Level.BASICALLY_SATISFIED: 3, Level.DISSATISFIED: 1}) == 0.75
    assert satisfaction_rate({Level.VERY_DISSATISFIED: 2}) == 0.0


def test_a_case_is_due_in_working_days_over_the_national_holiday_and_its_make_up_day():
    catalogue = load_catalogue()
    ref = Reference(catalogue=catalogue, calendars=load_calendars(catalogue.halls))
    # Wednesday 30 September 2026, 10:00 in Shanghai; 1-7 October is the holiday,
    # Saturday 10 October a make-up working day
    rated = datetime(2026, 9, 30, 2, tzinfo=UTC)
    assert due_on(ref, "city_centre", rated, 1).isoformat() == "2026-10-08"
    assert due_on(ref, "city_centre", rated, 3).isoformat() == "2026-10-10"
    assert due_on(ref, "city_centre", rated, 4).isoformat() == "2026-10-12"
    assert due_on(ref, "no-such-hall", rated, 3).isoformat() == "2026-10-05"  # Mon-Fri only

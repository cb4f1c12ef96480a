from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.rules import idnumber
from kiosk.rules.calendar import CalendarError, load_calendars, parse_calendars
from kiosk.rules.catalogue import load_catalogue


@pytest.fixture(scope="module")
def centre():
    return load_calendars(load_catalogue().halls)["city_centre"]


def test_holidays_close_and_make_up_days_open(centre):
    assert not centre.is_open(date(2026, 10, 1))  # National Day
    assert centre.is_open(date(2026, 10, 10))  # 调休 Saturday: Monday's hours
    assert len(centre.slot_starts(date(2026, 10, 10))) == len(centre.slot_starts(date(2026, 11, 23)))
    assert not centre.is_open(date(2026, 11, 29))  # an ordinary Sunday
    assert centre.is_open(date(2026, 9, 20))  # 调休 Sunday
    assert not centre.is_open(date(2026, 12, 31))  # the hall's own closure


def test_slots_are_local_times_with_their_utc_offset(centre):
    starts = centre.slot_starts(date(2026, 11, 23))
    assert starts[0].isoformat() == "2026-11-23T09:00:00+08:00"
    assert starts[0].astimezone(UTC).isoformat() == "2026-11-23T01:00:00+00:00"
    assert starts[-1].isoformat() == "2026-11-23T16:30:00+08:00"  # last one ends at 17:00
    assert len(starts) == 6 + 7  # 09:00-12:00 and 13:30-17:00 in half hours


def test_booking_rules_at_the_utc_day_boundary(centre):
    # 23:30 UTC on the 22nd is 07:30 on the 23rd in Shanghai: "today" is the 23rd
    now = datetime(2026, 11, 22, 23, 30, tzinfo=UTC)
    assert centre.bookable_days(now)[0] == date(2026, 11, 23)
    nine = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)
    assert centre.booking_problem(nine, now) is None
    assert centre.booking_problem(nine, datetime(2026, 11, 23, 0, 45, tzinfo=UTC)) == "too_short_notice"
    assert centre.booking_problem(datetime(2026, 11, 23, 1, 10, tzinfo=UTC), now) == "not_a_slot"
    late = datetime(2026, 12, 1, 1, 0, tzinfo=UTC)  # 8 days ahead
    assert centre.booking_problem(late, now) == "outside_booking_window"


def test_bad_calendars_name_the_place():
    halls = load_catalogue().halls
    with pytest.raises(CalendarError, match=r"public_holidays\[0\]"):
        parse_calendars(halls, {"public_holidays": ["2026-13-01"]})
    with pytest.raises(CalendarError, match="both a public holiday and a working day"):
        parse_calendars(halls, {"public_holidays": ["2026-10-01"], "working_days": ["2026-10-01"]})
    with pytest.raises(CalendarError, match="slot_minutes"):
        parse_calendars(halls, {"halls": {"city_centre": {"rules": {"slot_minutes": 0}}}})


SAMPLE = "11010519491231002X"


def test_a_valid_number_and_its_mask():
    assert idnumber.validate(" 110105 19491231 002x ") == SAMPLE
    assert idnumber.mask(SAMPLE) == "110105********002X"
    assert idnumber.age_on(SAMPLE, date(2026, 11, 23)) == 76
    assert idnumber.age_on(SAMPLE, date(2009, 12, 30)) == 59


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("1101051949123100", "length"),
        ("11010519491231002A", "characters"),
        ("110105194902300027", "birth_date"),
        ("110105194912310021", "check_digit"),
    ],
)
def test_each_kind_of_mistake_is_named(text, code):
    with pytest.raises(idnumber.IdNumberError) as err:
        idnumber.validate(text)
    assert err.value.code == code


@given(st.text(alphabet="0123456789", min_size=17, max_size=17), st.sampled_from("0123456789X"))
def test_exactly_one_check_character_is_right(first17, last):
    candidate = first17 + last
    try:
        idnumber.birth_date(candidate)
    except ValueError:
        return
    ok = idnumber.check_digit(first17) == last
    if ok:
        assert idnumber.validate(candidate) == candidate
    else:
        with pytest.raises(idnumber.IdNumberError):
            idnumber.validate(candidate)

"""A kiosk books only at its own hall: a matter served here goes straight to the days,
one served elsewhere gets the screen that says so and where, with nothing to tap."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel

from tests.helpers.journeys import walk_to_review


def texts_of(widget) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel)]


def only_at(catalogue, hall: str) -> str:
    """A bookable matter of the demo catalogue served at ``hall`` alone."""
    return next(m.code for m in catalogue.matters if m.bookable and list(m.halls) == [hall])


@pytest.mark.parametrize(("here", "there"), [("city_centre", "dongcheng"),
                                              ("dongcheng", "city_centre")])
def test_a_matter_not_served_here_says_where_and_books_nothing(make_window, demo_catalogue,
                                                               here, there):
    w = make_window(default_language="en", hall_code=here)
    w.home()
    code = only_at(demo_catalogue, there)
    w.go("matter", code=code)
    matter = w.screens["matter"]
    facts = texts_of(matter.facts)
    assert "Not at this hall (see Halls)" in facts
    assert matter.book_button.text_content() == "Where to book"
    matter.book_button.click()
    assert w.current.name == "book_hall"
    screen = w.screens["book_hall"]
    name = demo_catalogue.find_matter(code).name.en
    assert screen.title.text() == "This service cannot be booked here"
    assert name in screen.instruction.text() and "一网通办" in screen.instruction.text()
    [card] = screen.cards
    hall = demo_catalogue.hall(there)
    assert card.objectName() == f"other-hall-{there}" and card.isVisible()
    texts = texts_of(card)
    assert hall.name.en in texts and f"Address: {hall.address.en}" in texts
    assert f"Phone: {hall.phone}" in texts
    # information, not a way to book elsewhere: no button on the screen but the footer's
    assert not [b for b in screen.findChildren(QAbstractButton) if b.isVisible()]
    assert w.session.booking is None  # no booking was begun
    w.back()
    assert w.current.name == "matter"


def test_the_screen_is_in_chinese_and_follows_a_language_change(make_window, demo_catalogue):
    w = make_window(default_language="zh_CN")
    w.home()
    code = only_at(demo_catalogue, "dongcheng")
    w.go("matter", code=code)
    assert w.screens["matter"].book_button.text_content() == "去哪里预约"
    w.screens["matter"].book_button.click()
    screen = w.screens["book_hall"]
    assert screen.title.text() == "这里不能预约这项业务"
    assert demo_catalogue.find_matter(code).name.zh in screen.instruction.text()
    assert "地址：示例市东城区和平路8号" in texts_of(screen.cards[0])
    w.set_language("en")  # the resident switches: the screen follows, the matter kept
    assert screen.title.text() == "This service cannot be booked here"
    assert demo_catalogue.find_matter(code).name.en in screen.instruction.text()
    assert "8 Heping Road" in " ".join(texts_of(screen.cards[0]))


def test_a_matter_served_here_goes_straight_to_the_days(make_window, qtbot, connect):
    """Served in both halls: this kiosk's hall is the booking's, and the review offers no
    other (the platform refuses a device another hall). Offline here: the days and times
    come from the hall's calendar."""
    w = make_window(default_language="en", hall_code="dongcheng")
    w.home()
    connect(w, "http://127.0.0.1:9")  # the discard port: the platform cannot be reached
    w.go("matter", code="GA-0001")
    matter = w.screens["matter"]
    facts = texts_of(matter.facts)
    assert "Yes" in facts
    assert ("Sample City Citizen Service Centre; "
            "Dongcheng District Government Service Centre, Sample City (this hall)") in facts
    assert matter.book_button.text_content() == "Book a time"
    review = walk_to_review(w, qtbot)
    assert review.draft is w.session.booking and review.draft.hall == "dongcheng"
    assert set(review.change) == {"time", "id", "mobile"}
    assert review.values["hall"].text() == (
        "Dongcheng District Government Service Centre, Sample City")

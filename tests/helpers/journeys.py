"""Steps of the residents' journeys through the real widgets, shared by the UI tests:
tapping, typing on the keypad, picking from paged lists, walking a booking to its
review step, and reading a printed slip back out of its PDF."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata

import pytest

ID = "11010519491231002X"
MOBILE = "13800138000"


def tap(qtbot, widget):
    qtbot.waitUntil(widget.isEnabled, timeout=5000)
    widget.click()


def first_enabled(qtbot, grid, prefix):
    def ready():
        return [b for b in grid.items_on_page()
                if b.objectName().startswith(prefix) and b.isEnabled()]
    qtbot.waitUntil(lambda: bool(ready()), timeout=10_000)
    return ready()[0]


def type_on_keypad(screen, text):
    for ch in text:
        screen.keypad.keys[ch].click()


def pick(qtbot, grid, name):
    """The button ``name`` of a paged list, turning pages until it shows."""
    def find():
        return [b for b in grid.items_on_page() if b.objectName() == name]
    qtbot.waitUntil(lambda: bool(grid.items_on_page()), timeout=10_000)
    while not find() and grid.page < grid.page_count - 1:
        grid.show_page(grid.page + 1)
    assert find(), f"{name} not in the list"
    return find()[0]


def walk_to_times(w, qtbot, day=None):
    """From the matter GA-0001 to its list of times at the kiosk's own hall (its settings'
    ``hall_code``: no hall to choose), then ``day`` (ISO date) or the first day with
    places; the book_time screen."""
    w.go("matter", code="GA-0001")
    w.screens["matter"].book_button.click()
    assert w.current.name == "book_day"
    assert w.session.booking.hall == w.settings.hall_code
    day_button = (pick(qtbot, w.screens["book_day"].grid, f"day-{day}") if day
                  else first_enabled(qtbot, w.screens["book_day"].grid, "day-"))
    day_button.click()
    assert w.current.name == "book_time"
    return w.screens["book_time"]


def walk_to_review(w, qtbot, day=None, slot=None, person=ID):
    walk_to_times(w, qtbot, day)
    slot_button = (pick(qtbot, w.screens["book_time"].grid, f"slot-{slot}") if slot
                   else first_enabled(qtbot, w.screens["book_time"].grid, "slot-"))
    slot_button.click()
    qtbot.waitUntil(lambda: w.current.name == "book_who", timeout=10_000)
    who = w.screens["book_who"]
    assert who.part == "id" and not who.keypad.keys["X"].isEnabled()  # X: the 18th only
    type_on_keypad(who, person[:-1] + ("0" if person[-1] != "0" else "1"))  # a typo at the end
    who.next_button.click()
    assert who.part == "id" and who.id_error.isVisible() and who.id_error.text()
    who.keypad.backspace.emit()
    type_on_keypad(who, person[-1])
    who.next_button.click()
    assert who.part == "mobile" and not who.keypad.keys["X"].isEnabled()
    type_on_keypad(who, "1380013800")
    who.next_button.click()
    assert who.part == "mobile" and who.phone_error.isVisible() and "11" in who.phone_error.text()
    type_on_keypad(who, "0")
    who.next_button.click()
    assert w.current.name == "book_review"
    review = w.screens["book_review"]
    # the resident's own numbers, whole and grouped, to check
    assert review.values["id"].text().replace(" ", "") == person
    assert review.values["mobile"].text() == "138 0013 8000"
    return review


def pdf_text(path: str) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    out = subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True, text=True,
                         check=True).stdout
    # ligatures (ﬁ) and the radicals a CJK font shares glyphs with (⽉ for 月, ⺠ for 民,
    # 戶 for 户): pdftotext names the glyph by the first code point the font maps to it
    out = unicodedata.normalize("NFKC", out)
    return out.translate(str.maketrans({"⺠": "民", "戶": "户"}))


def scan_to(qtbot, window, access, screen="card"):
    """Once the trust list is pulled, open the scan screen and wait for the camera's code
    to lead to ``screen``."""
    qtbot.waitUntil(lambda: access.pulled.get("trust_list") is not None, timeout=10_000)
    window.go("scan")
    qtbot.waitUntil(lambda: window.current.name == screen, timeout=10_000)

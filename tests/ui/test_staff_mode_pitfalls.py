# ruff: noqa: F811  (the fixtures of test_staff_mode, imported by name)
"""Staff and assisted mode's pitfalls, found in review: each was a failing test first."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtWidgets import QLineEdit

from kiosk.sync.enrolment import PEPPER_ACCOUNT, SERVICE
from tests.helpers.journeys import type_on_keypad
from tests.ui.test_staff_mode import (  # noqa: F401  (fixtures)
    NUMBER,
    PIN,
    audit_events,
    keys,
    open_desk,
    sign_in,
    staff_window,
    type_pin,
    wall,
)


def test_a_pin_typed_into_the_number_field_never_reaches_the_audit_trail(make_window, open_desk):
    """Staff numbers and PINs are both digits: a staff member who types the PIN at the
    "staff number" step (a common slip) sends the PIN, in clear, to the outbox and the
    central platform as the ``staff`` of a ``staff_sign_in_failed`` event."""
    w, desk = staff_window(make_window, open_desk)
    w.home()
    w.enter_staff()
    type_pin(w, number=PIN, pin=PIN)  # the PIN typed at both steps
    assert w.current.outcome.result == "wrong"
    bodies = [str(i.body) + str(i.identity) for i in desk.outbox.items("pending", 1000)]
    assert not any(PIN in b for b in bodies), "the PIN is in an audit event"


def test_back_from_the_staff_panel_does_not_reopen_the_pin_pad_for_a_second_sign_in(
        make_window, open_desk):
    """Back from the panel goes to the PIN pad although staff are signed in; another
    member can then sign in over the first, whose session ends without any audit
    event (and Cancel there leaves staff mode on at the resident's home screen)."""
    w, desk = staff_window(make_window, open_desk)
    sign_in(w)
    w.back()
    assert w.current.name == "home" and w.staff.signed_in
    w.enter_staff()  # the hidden entry again: the panel, not a second PIN pad
    assert w.current.name == "staff_panel"
    # and a second sign-in (through the staff mode itself) signs the first out first
    assert w.staff.sign_in("0001", "135790").result == "signed_in"
    events = [e for e, _ in audit_events(desk)]
    assert events[-2:] == ["staff_signed_out", "staff_signed_in"], events


def test_staff_acting_outside_assisted_mode_is_audited_or_impossible(make_window, open_desk):
    """Signed in without a resident (no consent), Home leads to every resident screen:
    what staff do there is neither audited nor attributed (``acting()`` is None, so a
    booking made now carries no staff number)."""
    w, desk = staff_window(make_window, open_desk)
    sign_in(w)
    before = len(audit_events(desk))
    w.home()
    w.go("appointments")
    reached = w.current.name == "appointments"
    assert not reached or w.acting() is not None or len(audit_events(desk)) > before


def test_assisted_mode_starts_without_the_previous_residents_data(make_window, open_desk):
    """Resident A types an ID and walks off; before A's idle timeout, staff sign in to
    help resident B. After B's consent, A's ID number is still in the lookup field (and
    in the session), and B sees it."""
    w, desk = staff_window(make_window, open_desk)
    w.home()
    w.go("appointments")
    a_id = "11010519491231002X"
    w.screens["appointments"].field.setText(a_id)
    w.session.lookup_id = a_id
    w.enter_staff()
    type_pin(w)
    w.current.assist_button.click()
    w.current.yes.click()
    assert w.staff.assisting
    w.go("appointments")
    assert w.session.lookup_id != a_id
    assert a_id not in w.current.field.text()


def test_the_pin_is_not_kept_in_the_pin_fields_undo_history(make_window, open_desk):
    """``QLineEdit.clear()`` records the removed text in the undo history (the
    appointments screen says so and uses ``setText("")``); the PIN pad uses clear()."""
    w, _desk = staff_window(make_window, open_desk)
    w.home()
    w.enter_staff()
    screen = w.current
    type_on_keypad(screen, NUMBER)
    screen.next_button.click()
    type_on_keypad(screen, "975310")
    screen.next_button.click()  # wrong: the field is cleared
    field: QLineEdit = screen.pin_field
    field.setEchoMode(QLineEdit.EchoMode.Normal)  # undo is refused only in password mode
    field.setReadOnly(False)
    field.undo()
    assert "975310" not in field.text()


def test_the_pin_pad_is_not_wiped_by_the_residents_countdown_while_staff_type(
        make_window, open_desk, clock):
    """The hidden entry hides the "Are you still there?" overlay but leaves the
    resident's idle policy in WARNING, where key presses do not count: the countdown
    goes on and wipes the PIN pad while staff type their PIN."""
    w, _desk = staff_window(make_window, open_desk)
    w.home()
    clock.now += w.idle.idle_seconds + 1
    w.check_idle()
    assert w.overlay.isVisible()
    w.enter_staff()
    assert w.current.name == "staff_sign_in"
    type_on_keypad(w.current, NUMBER)
    w.idle.touch()  # what the event filter does for each key
    clock.now += w.settings.idle_countdown_seconds + 1
    w.check_idle()
    assert w.current.name == "staff_sign_in"


def test_a_reset_credential_store_is_not_counted_as_wrong_pins(tmp_path, keys, wall):
    """When the pepper disappears from the credential store (a recreated login keyring),
    ``staff_pepper`` silently makes a new one: every local account then fails as a
    *wrong PIN*, each attempt counts towards the hard lock and is audited as a failure."""
    from kiosk.staff.desk import StaffDesk

    desk = StaffDesk.open(tmp_path / "kiosk.db", keys, wall=wall)
    desk.roster.add_local(NUMBER, "王芳", "assistant", PIN, datetime.now(UTC))
    keys._keyring().delete_password(SERVICE, PEPPER_ACCOUNT)  # the store was reset
    outcome = desk.sign_in(NUMBER, PIN)
    assert outcome.result != "wrong" or outcome.member is not None
    assert desk.guard.state().failures == 0
    desk.store.close()


def test_checked_and_passing_the_residents_idle_comes_back_after_staff_sign_out(
        make_window, open_desk, clock):
    """Not a defect (kept as a guard): after Sign out, the next resident's idle timeout
    runs again, and Back cannot return to the staff panel."""
    w, _desk = staff_window(make_window, open_desk)
    sign_in(w)
    w.banner.button.click()  # Sign out
    w.home()
    w.back()
    assert w.current.name == "home"
    clock.now += w.idle.idle_seconds + 1
    w.check_idle()
    assert w.overlay.isVisible()

"""What the staff panel calls an outbox item's kind and a problem code, in words.

The outbox and the sync engine keep stable codes (``ticket``, ``unknown_matter``,
``unreachable``: kiosk/sync/outbox.py, docs/api.md); staff read them in their language.
A code not listed here is shown as "another problem", with the code as a reference
for IT, never bare.
"""

from __future__ import annotations

from ui.i18n import translate


def kind_text(kind: str) -> str:
    """An outbox item's kind (``kiosk.sync.outbox.KINDS``) in words."""
    return {
        "hold": translate("StaffPanel", "holding a time"),
        "booking": translate("StaffPanel", "a booking"),
        "cancel": translate("StaffPanel", "cancelling a booking"),
        "check_in": translate("StaffPanel", "a check-in"),
        "ticket": translate("StaffPanel", "a queue number"),
        "rating": translate("StaffPanel", "a rating"),
        "message": translate("StaffPanel", "a message"),
        "audit": translate("StaffPanel", "a record of a staff action"),
        "help": translate("StaffPanel", "a call for staff"),
        "help_cancel": translate("StaffPanel", "a call for staff taken back"),
    }.get(kind, translate("StaffPanel", "a submission"))


def problem_text(code: str | None) -> str:
    """A problem code (the platform's refusal or the sync engine's failure) in words.

    A retry's reason is stored as ``code: message``; only the code is read."""
    if not code:
        return translate("StaffPanel", "no reason given")
    code = code.split(":", 1)[0].strip()
    known = {
        # the platform refused the submission (docs/api.md)
        "unknown_matter": translate("StaffPanel", "this hall does not handle that service"),
        "unknown_hall": translate("StaffPanel", "the platform does not know this hall"),
        "matter_not_bookable": translate("StaffPanel", "that service cannot be booked"),
        "invalid_id_number": translate("StaffPanel", "the ID number is not valid"),
        "invalid_phone": translate("StaffPanel", "the phone number is not valid"),
        "validation_failed": translate("StaffPanel", "the platform found the data incomplete or wrong"),
        "bad_request": translate("StaffPanel", "the platform found the data incomplete or wrong"),
        "booking_not_found": translate("StaffPanel", "the platform does not know this booking"),
        "slot_full": translate("StaffPanel", "the time was fully booked"),
        "per_person_limit": translate("StaffPanel", "the resident already has a booking that day"),
        "outside_booking_window": translate("StaffPanel", "the day is outside the booking period"),
        "too_short_notice": translate("StaffPanel", "the time was too soon or had passed"),
        "not_a_slot": translate("StaffPanel", "the time is not a bookable time"),
        "hall_closed": translate("StaffPanel", "the hall is closed that day"),
        "hall_not_open_now": translate("StaffPanel", "outside the hall's opening hours"),
        "calendar_not_valid": translate(
            "StaffPanel", "the hall's calendar is not published that far ahead: ask IT to publish a "
            "newer one"),
        "bad_rating": translate("StaffPanel", "the platform found the rating incomplete or wrong"),
        "already_rated": translate("StaffPanel", "this visit was already rated"),
        "matter_not_of_visit": translate("StaffPanel", "the rating named a service of another visit"),
        "outside_checkin_window": translate("StaffPanel", "outside the check-in time"),
        "booking_cancelled": translate("StaffPanel", "the booking was already cancelled"),
        "booking_checked_in": translate("StaffPanel", "the booking was already checked in"),
        "phone_mismatch": translate("StaffPanel", "the phone number did not match"),
        "cancel_locked": translate("StaffPanel", "cancelling is locked after wrong phone numbers"),
        "no_phone_given": translate("StaffPanel", "no phone number was given, so it cannot be cancelled here"),
        "help_request_not_found": translate("StaffPanel", "the platform does not know this call"),
        "help_request_ended": translate("StaffPanel", "the call had already ended"),
        "unknown_staff": translate("StaffPanel", "the platform does not know this staff number"),
        "staff_not_found": translate("StaffPanel", "the platform does not know this staff number"),
        "idempotency_key_reused": translate("StaffPanel", "the platform saw this submission with other data"),
        "content_too_large": translate("StaffPanel", "the submission is too large"),
        # the kiosk could not get a usable answer (kiosk/sync/api_client.py)
        "unauthorized": translate("StaffPanel", "the platform does not accept this kiosk: enrol it again"),
        "wrong_device_role": translate("StaffPanel", "this device was enrolled in a role that may "
                                                     "not send this: enrol it with a code of its role"),
        "timeout": translate("StaffPanel", "the platform did not answer in time"),
        "unreachable": translate("StaffPanel", "the platform cannot be reached"),
        "truncated": translate("StaffPanel", "the answer was cut off"),
        "bad_response": translate("StaffPanel", "the answer could not be read"),
        "bad_shape": translate("StaffPanel", "the answer could not be read"),
        "too_large": translate("StaffPanel", "the answer was too large"),
        "internal": translate("StaffPanel", "an error in the kiosk's program"),
    }
    if code in known:
        return known[code]
    if code.startswith("http_"):
        return translate("StaffPanel", "the platform is busy")
    if code.endswith("_signature") or code.startswith("older_"):
        return translate("StaffPanel", "a list from the platform failed its signature check")
    return translate("StaffPanel", "another problem (code %1)").replace("%1", code)

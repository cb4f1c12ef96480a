"""Issue 12, finding 8: digits that are not ASCII (fullwidth, Arabic-Indic, Devanagari,
Bengali) no longer make one person several people. Where residents type, the kiosk
normalises (NFKC: fullwidth digits become ASCII); on the wire only ASCII digits and X
are accepted."""

from __future__ import annotations

import pytest

from kiosk.rules import idnumber, phone
from tests.helpers.central_fixtures import booking_body, key, person_id

ID = person_id(7)
FULLWIDTH = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
DEVANAGARI = str.maketrans("0123456789", "०१२३४५६७८९")
BENGALI = str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")
DISGUISES = [ARABIC_INDIC, DEVANAGARI, BENGALI, FULLWIDTH]


@pytest.mark.parametrize("table", DISGUISES)
def test_the_wire_takes_ascii_digits_only(table):
    with pytest.raises(idnumber.IdNumberError):
        idnumber.validate(ID.translate(table))
    with pytest.raises(phone.PhoneError):
        phone.validate("13800138000".translate(table))


def test_what_a_resident_types_is_normalised():
    assert idnumber.from_typed(ID.translate(FULLWIDTH)) == ID
    assert idnumber.from_typed(" " + ID.lower() + " ") == ID
    assert phone.from_typed("１３８ ００１３ ８０００") == "13800138000"
    for table in (ARABIC_INDIC, DEVANAGARI, BENGALI):  # NFKC keeps these: refused
        with pytest.raises(idnumber.IdNumberError):
            idnumber.from_typed(ID.translate(table))


def test_the_per_person_limit_holds_whatever_the_digits(client):
    """One person, one booking for a matter and day: the disguised numbers are refused
    (422), not counted as other people."""
    first = client.post("/v1/bookings", json=booking_body("2026-11-23T01:00:00Z", 7),
                        headers=key())
    assert first.status_code in (200, 201), first.text
    for table in DISGUISES:
        body = booking_body("2026-11-23T02:00:00Z", 7)
        body["person"]["id_number"] = ID.translate(table)
        answer = client.post("/v1/bookings", json=body, headers=key())
        assert answer.status_code == 422, (table, answer.text)
        assert answer.json()["code"] == "invalid_id_number"


@pytest.mark.parametrize("table", DISGUISES)
def test_a_disguised_phone_is_refused(client, table):
    body = booking_body("2026-11-23T01:00:00Z", 8)
    body["person"]["phone"] = "13800138000".translate(table)
    answer = client.post("/v1/bookings", json=body, headers=key())
    assert answer.status_code == 422 and answer.json()["code"] == "invalid_phone"


def test_a_lookup_with_disguised_digits_is_refused(client):
    answer = client.post("/v1/booking-lookups", json={"id_number": ID.translate(FULLWIDTH)})
    assert answer.status_code == 422

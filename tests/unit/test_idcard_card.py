"""What an ID card gives: the text block decoded and checked, nations, expiry, masking."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from kiosk.device.settings import IDCARD_BAUD_RATES, Settings, load_settings
from kiosk.idcard import sam_protocol, text_block
from kiosk.idcard.card import IdCard, Sex, mask_address
from kiosk.idcard.nations import NATIONALITIES, OTHER_CODES, nation
from kiosk.idcard.reader import (
    NO_CARD,
    CardRead,
    FailureReason,
    ReaderState,
    ReadFailure,
    open_reader,
    wait_for_card,
)
from kiosk.idcard.samples import EXPIRED, LONG_TERM, SAMPLES, VALID
from kiosk.idcard.serial_reader import SamSerialReader
from tests.helpers.clock import FakeClock


def _ucs2(text: str, size: int) -> bytes:
    data = text.encode("utf-16-le")
    return data + b" \x00" * ((size - len(data)) // 2)


def _block(name="王秀英", sex="2", nation_code="01", birth="19880316",
           address="河南省郑州市金水区花园路56号院3号楼2单元501号",
           number="410105198803160041", authority="郑州市公安局金水分局",
           valid_from="20190520", valid_to="20390520", reserved="") -> bytes:
    """A text block put together by hand, field by field, as the layout says."""
    return (_ucs2(name, 30) + _ucs2(sex, 2) + _ucs2(nation_code, 4) + _ucs2(birth, 16)
            + _ucs2(address, 70) + _ucs2(number, 36) + _ucs2(authority, 30)
            + _ucs2(valid_from, 16) + _ucs2(valid_to, 16) + _ucs2(reserved, 36))


def test_a_hand_made_block_decodes_field_by_field():
    block = _block()
    assert len(block) == 256
    assert text_block.decode(block) == VALID


def test_fields_sit_where_the_layout_says():
    block = _block()
    assert block[0:6].decode("utf-16-le") == "王秀英"
    assert block[30:32].decode("utf-16-le") == "2"
    assert block[32:36].decode("utf-16-le") == "01"
    assert block[122:158].decode("utf-16-le") == "410105198803160041"
    assert block[204:220].decode("utf-16-le") == "20390520"
    assert sum(size for _, size in text_block.LAYOUT) == text_block.SIZE


def test_long_term_has_no_end_date():
    block = _block(name="赵淑华", sex="2", birth="19491001", number="410102194910010025",
                   valid_from="20120815", valid_to="长期")
    card = text_block.decode(block)
    assert card.valid_to is None and card.long_term
    assert not card.expired(date(2100, 1, 1))


def test_padding_is_stripped_spaces_or_nuls():
    with_nuls = bytearray(_block())
    with_nuls[6:30] = bytes(24)  # NUL padding after the name, as some readers give
    card = text_block.decode(bytes(with_nuls))
    assert card.name == "王秀英"
    assert card.address == VALID.address
    assert card.issuing_authority == "郑州市公安局金水分局"


def test_a_name_with_a_middle_dot_and_a_minority_nation():
    block = _block(name="阿依古丽·买买提", nation_code="05")
    card = text_block.decode(block)
    assert card.name == "阿依古丽·买买提"
    assert card.nation == ("05", "维吾尔", "Uygur")


@pytest.mark.parametrize("card", list(SAMPLES.values()), ids=list(SAMPLES))
def test_samples_go_through_encode_and_decode_unchanged(card):
    assert text_block.decode(text_block.encode(card)) == card


@pytest.mark.parametrize(("change", "says"), [
    ({"number": "410105198803160042"}, "ID number is not valid"),
    ({"number": "41010519880316004"}, "ID number is not valid"),
    ({"birth": "19880317"}, "birth date and the ID number's birth date differ"),
    ({"valid_to": "20390231"}, "valid-to is not a date that exists"),
    ({"valid_from": "2019052"}, "valid-from is not a date"),
    ({"valid_from": "20400101"}, "valid-to is before valid-from"),
    ({"sex": "5"}, "sex code"),
    ({"nation_code": "汉"}, "two-digit code"),
    ({"name": ""}, "name is empty"),
])
def test_a_block_that_is_not_a_valid_card_says_which_field(change, says):
    with pytest.raises(text_block.CardDataError) as caught:
        text_block.decode(_block(**change))
    assert says in str(caught.value)
    assert "4101051988" not in str(caught.value)  # never the number itself


@pytest.mark.parametrize(("mark", "kind"), [("I", "permanent residence"), ("Y", "2023"),
                                            ("J", "Hong Kong, Macao or Taiwan")])
def test_other_cards_of_the_same_reader_are_named(mark, kind):
    reserved = " " * 14 + mark  # byte 248: 220 + 28
    with pytest.raises(text_block.OtherCardError, match=kind):
        text_block.decode(_block(reserved=reserved))


def test_a_block_of_the_wrong_size():
    with pytest.raises(text_block.CardDataError, match="255 bytes"):
        text_block.decode(_block()[:255])


def test_encode_refuses_what_a_card_cannot_hold():
    with pytest.raises(ValueError, match="do not fit"):
        text_block.encode(dataclasses.replace(VALID, name="王" * 16))
    with pytest.raises(ValueError, match="UCS-2"):
        text_block.encode(dataclasses.replace(VALID, name="王\U00020000英"))


def test_the_56_nationalities():
    assert list(NATIONALITIES) == [f"{n:02d}" for n in range(1, 57)]
    assert len({n.zh for n in NATIONALITIES.values()}) == 56
    assert len({n.en for n in NATIONALITIES.values()}) == 56
    assert nation("01") == ("01", "汉", "Han")
    assert nation("03").zh == "回"
    assert nation("11").zh == "满"
    assert nation("56") == ("56", "基诺", "Jino")
    assert nation("97") == OTHER_CODES["97"]
    assert nation("98").zh == "外国血统中国籍人士"
    assert nation("57") is None and nation("00") is None


def test_expiry_is_inclusive_of_the_last_day():
    assert not VALID.expired(date(2039, 5, 20))
    assert VALID.expired(date(2039, 5, 21))
    assert EXPIRED.expired(date(2016, 1, 11))
    assert not EXPIRED.expired(date(2016, 1, 10))
    assert not LONG_TERM.expired(date(9999, 12, 31))


def test_repr_never_shows_name_address_number_or_birth_in_full():
    for card in SAMPLES.values():
        text = repr(card)
        assert card.name not in text
        assert card.address not in text
        assert card.id_number not in text
        assert card.birth_date.strftime("%Y%m%d") not in text
        assert str(card.birth_date) not in text
        assert str(card) == text
    text = repr(VALID)
    assert "王*英" in text
    assert "410105********0041" in text
    assert "河南省郑州市*" in text
    assert "valid_to=2039-05-20" in text
    assert "valid_to=长期" in repr(LONG_TERM)
    assert repr(CardRead(VALID)).count("王秀英") == 0


def test_mask_address():
    assert mask_address("河南省郑州市金水区") == "河南省郑州市****"
    # the same stars whatever the length: it says nothing of the rest
    assert mask_address("河南省郑州市金水区文化路街道办事处辖区某某小区八号楼") == "河南省郑州市****"
    assert mask_address("  北京市  ") == "****"
    assert mask_address("") == ""


def test_sex_codes_and_words():
    assert Sex("1") is Sex.MALE and Sex.MALE.zh == "男" and Sex.FEMALE.en == "female"
    assert {s.value for s in Sex} == {"0", "1", "2", "9"}


def test_a_card_is_a_value():
    assert dataclasses.replace(VALID) == VALID
    with pytest.raises(dataclasses.FrozenInstanceError):
        VALID.name = "x"  # type: ignore[misc]
    assert isinstance(VALID, IdCard)


# --- the interface -------------------------------------------------------------------


def test_wait_for_card_gives_up_after_its_timeout_with_no_card():
    clock = FakeClock(0.0)
    polls = []

    def poll():
        polls.append(clock())
        return NO_CARD

    assert wait_for_card(poll, 1.0, 0.25, clock=clock, sleep=clock.advance) == NO_CARD
    assert polls == [0.0, 0.25, 0.5, 0.75, 1.0]


def test_wait_for_card_returns_the_first_card_or_failure():
    clock = FakeClock(0.0)
    answers = iter([NO_CARD, NO_CARD, CardRead(VALID)])
    result = wait_for_card(lambda: next(answers), 5.0, 0.1, clock=clock, sleep=clock.advance)
    assert result == CardRead(VALID) and clock() == pytest.approx(0.2)
    failure = ReadFailure(FailureReason.READER_GONE, "unplugged")
    assert wait_for_card(lambda: failure, 5.0, 0.1, clock=clock, sleep=clock.advance) == failure


def test_wait_for_card_polls_once_even_with_no_time():
    calls = []
    wait_for_card(lambda: calls.append(1) or NO_CARD, 0.0, 0.1)
    assert calls == [1]


def test_open_reader_from_the_settings():
    settings = Settings.defaults()
    assert settings.idcard_port == "" and settings.idcard_baud == 115200
    assert open_reader(settings.idcard_port, settings.idcard_baud) is None
    reader = open_reader("/dev/ttyUSB-none", 9600)
    assert isinstance(reader, SamSerialReader)
    health = reader.health()  # nothing opened yet: a reader plugged in later is found
    assert health.state is ReaderState.UNKNOWN and health.port == "/dev/ttyUSB-none"
    assert health.last_error is None and health.cards_read == 0
    reader.close()


def test_a_reader_runs_only_at_the_protocols_speeds():
    with pytest.raises(ValueError, match="115200"):
        SamSerialReader("/dev/null", 14400)
    assert IDCARD_BAUD_RATES == sam_protocol.BAUD_RATES


def test_reader_settings_in_the_hall_file(tmp_path):
    path = tmp_path / "kiosk.toml"
    path.write_text('config_version = 2\nidcard_port = "/dev/ttyUSB0"\nidcard_baud = 14400\n',
                    encoding="utf-8")
    loaded = load_settings(path)
    assert loaded.settings.idcard_port == "/dev/ttyUSB0"
    assert loaded.settings.idcard_baud == 115200
    assert any("idcard_baud" in p and "115200, 57600" in p for p in loaded.problems)
    assert Settings.defaults().with_values(idcard_baud=9600).idcard_baud == 9600

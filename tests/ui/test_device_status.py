"""The staff panel's line about the ID-card reader: its port, state, cards read and last
problem, from a real driver against the pseudo-terminal simulator."""

from __future__ import annotations

import re
import sys
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from kiosk.idcard import samples
from kiosk.idcard.reader import CardRead, FailureReason, ReaderHealth, ReaderState
from kiosk.idcard.serial_reader import SamSerialReader
from ui.device_status import card_reader_status, reader_problem_text
from ui.workers.idcard import IdCardWorker

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the simulator needs a pty")

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture(autouse=True)
def english(qapp, built_translations):
    """The lines in English, whatever language a test before left installed."""
    from ui.i18n import LanguageSwitch

    LanguageSwitch(qapp).set_language("en")


def test_without_a_reader_the_panel_says_residents_type():
    assert card_reader_status(None, UTC) == "none (residents type their ID number)"


def test_a_reader_is_named_with_its_state_and_cards_read():
    from kiosk.idcard.simulator import SimulatedReader

    with SimulatedReader(pace=False) as simulator:
        reader = SamSerialReader(simulator.port)
        worker = IdCardWorker(reader)
        try:
            assert card_reader_status(worker, SHANGHAI) == f"{simulator.port} not tried yet, 0 cards read"
            simulator.put_card(samples.VALID)
            assert isinstance(reader.poll(), CardRead)
            assert card_reader_status(worker, SHANGHAI) == f"{simulator.port} connected, 1 card read"
            simulator.unplug()
            reader.poll()
            said = card_reader_status(worker, SHANGHAI)
            assert said.startswith(f"{simulator.port} not found, 1 card read; last problem at ")
            assert samples.VALID.id_number not in said and samples.VALID.name not in said
        finally:
            worker.close()


class FaultyReader:
    """A reader whose last poll failed for ``reason`` (the driver's English detail kept)."""

    def __init__(self, reason: FailureReason) -> None:
        self.reason = reason

    def health(self) -> ReaderHealth:
        return ReaderHealth(ReaderState.FAILING, "/dev/ttyUSB0", "read base message: a frame's "
                            "checksum is wrong (3 tries)", datetime(2026, 12, 7, 2, 5, tzinfo=UTC),
                            3, self.reason)

    def poll(self):
        raise AssertionError("the panel only asks for the health")

    read = poll

    def close(self) -> None:
        pass


@pytest.mark.parametrize("reason", list(FailureReason))
def test_every_reader_fault_is_said_in_chinese_words(qapp, reason):
    """The panel showed the driver's English ("read base message: a frame's checksum is
    wrong") to staff reading Chinese: each fault is words in their language."""
    from ui.i18n import LanguageSwitch

    worker = IdCardWorker(FaultyReader(reason))
    try:
        LanguageSwitch(qapp).set_language("zh_CN")
        said = card_reader_status(worker, SHANGHAI)
        assert said.startswith("/dev/ttyUSB0 ")
        words = said.removeprefix("/dev/ttyUSB0 ")
        assert "10:05" in words and not re.search("[A-Za-z]", words), said
        assert re.search("[\u4e00-\u9fff]", reader_problem_text(reason))
        LanguageSwitch(qapp).set_language("en")
        english = card_reader_status(worker, SHANGHAI)
        assert "checksum is wrong" not in english and reason.value not in english
        assert english.endswith(reader_problem_text(reason))
    finally:
        worker.close()

"""The staff panel's line about the ID-card reader: its port, state, cards read and last
problem, from a real driver against the pseudo-terminal simulator."""

from __future__ import annotations

import sys
from datetime import UTC
from zoneinfo import ZoneInfo

import pytest

from kiosk.idcard import samples
from kiosk.idcard.reader import CardRead
from kiosk.idcard.serial_reader import SamSerialReader
from ui.device_status import card_reader_status
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

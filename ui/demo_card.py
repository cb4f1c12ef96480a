"""``kiosk --demo``'s ID-card reader: the pseudo-terminal simulator (kiosk.idcard.simulator)
in place of a reader, when kiosk.toml names none, and keys that put a sample card on it.

    Ctrl+Shift+I   the sample card (王秀英, valid) on the reader for a few seconds
    Ctrl+Shift+E   the expired sample card (马建国, ran out in 2016) for a few seconds

The card is taken away again after ``ON_READER_S``, as a resident would lift it. Linux
and macOS only (a pty); elsewhere the demo has no reader and says so in the log.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from kiosk.idcard import samples
from kiosk.idcard.card import IdCard
from kiosk.idcard.simulator import SimulatedReader, SimulatorUnavailable

log = logging.getLogger(__name__)

#: how long a demo card stays on the reader
ON_READER_S = 4.0


class DemoCardReader:
    def __init__(self, simulator: SimulatedReader) -> None:
        self.simulator = simulator
        self._lift = QTimer()
        self._lift.setSingleShot(True)
        self._lift.timeout.connect(simulator.take_card)

    @classmethod
    def start(cls) -> DemoCardReader | None:
        try:
            return cls(SimulatedReader())
        except (SimulatorUnavailable, OSError) as exc:
            log.warning("the demo's simulated ID-card reader cannot start here: %s", exc)
            return None

    def settings(self, settings):
        """``settings`` with this reader as ``idcard_port`` (when none is configured)."""
        return settings._replace(idcard_port=self.simulator.port)

    def put(self, card: IdCard) -> None:
        self.simulator.put_card(card)
        self._lift.start(int(ON_READER_S * 1000))

    def add_shortcuts(self, window: QWidget) -> None:
        QShortcut(QKeySequence("Ctrl+Shift+I"), window).activated.connect(
            lambda: self.put(samples.VALID))
        QShortcut(QKeySequence("Ctrl+Shift+E"), window).activated.connect(
            lambda: self.put(samples.EXPIRED))

    def close(self) -> None:
        self._lift.stop()
        self.simulator.close()

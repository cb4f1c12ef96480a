"""ID card on the reader → identity decoded, against the simulated reader at 115200 baud.

    python tests/bench/bench_idcard.py      (or tests/bench/run.py --only idcard)

The simulator (kiosk/idcard/simulator.py) paces its bytes at the line's speed: each
request's line time is waited, then the answer goes out 16 bytes at a time, each
chunk when its last byte would have arrived over a real 8N1 line. The card's own radio
exchange inside a real reader (a few hundred ms for a base message) is not modelled:
these figures are the line and our code, not a particular reader.

    idcard_card_on_to_identity_ms   a card put on at a random moment while the driver
                                    polls (``read``, every 100 ms) → the decoded card
                                    returned: median; _min/_max are the spread of the
                                    runs' medians
    idcard_poll_read_ms             one poll with the card already on: find, select,
                                    read base message, decode, validate
    idcard_bare_exchange_ms         the baseline, measured in the same run on the same
                                    simulator: the same three requests written and their
                                    answers read by plain pyserial, nothing parsed
    idcard_read_ratio               poll_read / bare_exchange (median of the runs'
                                    ratios; _min/_max their spread)
    idcard_wire_floor_ms            the line time of the three exchanges, computed
    idcard_unpaced_*                the same poll and baseline with the simulator not
                                    pacing (bytes as fast as the pty takes them): what
                                    our parsing and checks cost beyond the line

``screen()``, the same on the screens: the kiosk window (offscreen) on "My
appointments", the card put on at a random moment → the ID number in its box.

    idcard_screen_card_on_to_field_ms  median; _min/_max the spread of the runs' medians
    idcard_screen_baseline_ms          the driver alone (card on → decoded card, as above),
                                       measured in the same runs on the same simulator
    idcard_screen_ratio                screen / driver alone (median of the runs' ratios;
                                       _min/_max their spread): what the worker thread,
                                       the signal to the GUI thread and the screen add
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import serial  # noqa: E402

from kiosk.idcard import sam_protocol as sam  # noqa: E402
from kiosk.idcard.reader import CardRead  # noqa: E402
from kiosk.idcard.samples import VALID  # noqa: E402
from kiosk.idcard.serial_reader import SamSerialReader  # noqa: E402
from kiosk.idcard.simulator import SimulatedReader  # noqa: E402
from tests.bench.bench_ui import kiosk_window  # noqa: E402

BAUD = 115200
POLL_INTERVAL = 0.1
#: (request, answer length) of one reading
EXCHANGES = ((sam.FIND_CARD, 15), (sam.SELECT_CARD, 19), (sam.READ_BASE, 1295))


def _bare(port: serial.Serial) -> float:
    t = time.perf_counter()
    for command, size in EXCHANGES:
        port.write(sam.build_request(command))
        if len(port.read(size)) != size:
            raise RuntimeError(f"{command.name}: short answer")
    return (time.perf_counter() - t) * 1000


def _card_on(sim: SimulatedReader, reader: SamSerialReader, rng: random.Random) -> float:
    got: list[float] = []

    def wait() -> None:
        result = reader.read(timeout=5)
        if not isinstance(result, CardRead):
            raise RuntimeError(f"no card read: {result}")
        got.append(time.perf_counter())

    worker = threading.Thread(target=wait)
    worker.start()
    time.sleep(0.15 + rng.uniform(0, POLL_INTERVAL))  # into the polling, at a random phase
    start = time.perf_counter()
    sim.put_card(VALID)
    worker.join()
    sim.take_card()
    return (got[0] - start) * 1000


def _unpaced(reads: int) -> tuple[float, float]:
    with SimulatedReader(BAUD, pace=False) as sim:
        sim.put_card(VALID)
        with SamSerialReader(sim.port, BAUD) as reader:
            reader.poll()
            ours = []
            for _ in range(reads):
                t = time.perf_counter()
                reader.poll()
                ours.append((time.perf_counter() - t) * 1000)
        with serial.Serial(sim.port, BAUD, timeout=2) as port:
            floor = [_bare(port) for _ in range(reads)]
    return statistics.median(ours), statistics.median(floor)


def run(runs: int = 5, reads: int = 10) -> dict[str, float | int]:
    rng = random.Random(7)
    card_on, poll_read, bare, ratios = [], [], [], []
    with SimulatedReader(BAUD) as sim:
        for _ in range(runs):
            with SamSerialReader(sim.port, BAUD, poll_interval=POLL_INTERVAL) as reader:
                reader.poll()  # open the port: not part of a reading
                on = [_card_on(sim, reader, rng) for _ in range(reads)]
                sim.put_card(VALID)
                ours = []
                for _ in range(reads):
                    t = time.perf_counter()
                    if not isinstance(reader.poll(), CardRead):
                        raise RuntimeError("the card was not read")
                    ours.append((time.perf_counter() - t) * 1000)
            with serial.Serial(sim.port, BAUD, timeout=2) as port:
                floor = [_bare(port) for _ in range(reads)]
            sim.take_card()
            card_on.append(statistics.median(on))
            poll_read.append(statistics.median(ours))
            bare.append(statistics.median(floor))
            ratios.append(poll_read[-1] / bare[-1])
    unpaced = [_unpaced(reads * 5) for _ in range(runs)]
    unpaced_ratios = [ours / floor for ours, floor in unpaced]
    wire = sum(sam.wire_seconds(len(sam.build_request(c)) + n, BAUD) for c, n in EXCHANGES)
    return {
        "idcard_card_on_to_identity_ms": round(statistics.median(card_on), 1),
        "idcard_card_on_to_identity_ms_min": round(min(card_on), 1),
        "idcard_card_on_to_identity_ms_max": round(max(card_on), 1),
        "idcard_poll_read_ms": round(statistics.median(poll_read), 1),
        "idcard_bare_exchange_ms": round(statistics.median(bare), 1),
        "idcard_read_ratio": round(statistics.median(ratios), 3),
        "idcard_read_ratio_min": round(min(ratios), 3),
        "idcard_read_ratio_max": round(max(ratios), 3),
        "idcard_wire_floor_ms": round(wire * 1000, 1),
        "idcard_poll_interval_ms": POLL_INTERVAL * 1000,
        "idcard_unpaced_poll_read_ms": round(statistics.median(o for o, _ in unpaced), 2),
        "idcard_unpaced_bare_exchange_ms": round(statistics.median(f for _, f in unpaced), 2),
        "idcard_unpaced_ratio": round(statistics.median(unpaced_ratios), 2),
        "idcard_unpaced_ratio_min": round(min(unpaced_ratios), 2),
        "idcard_unpaced_ratio_max": round(max(unpaced_ratios), 2),
        "idcard_runs": runs,
    }


def _card_on_screen(app, window, sim: SimulatedReader, rng: random.Random) -> float:
    window.home()
    window.go("appointments")
    screen = window.screens["appointments"]
    deadline = time.perf_counter() + 0.15 + rng.uniform(0, POLL_INTERVAL)
    while time.perf_counter() < deadline:  # the worker polling, at a random phase
        app.processEvents()
        time.sleep(0.002)
    start = time.perf_counter()
    sim.put_card(VALID)
    while screen.field.digits() != VALID.id_number:
        app.processEvents()
        time.sleep(0.0005)
        if time.perf_counter() - start > 5:
            raise RuntimeError("the card never reached the screen")
    took = (time.perf_counter() - start) * 1000
    sim.take_card()
    window.wipe()  # the session (and the number) gone, as at the end of a visit
    app.processEvents()
    return took


def screen(runs: int = 5, reads: int = 10) -> dict[str, float | int]:
    rng = random.Random(11)
    on_screen, alone, ratios = [], [], []
    # two simulated readers alike: the window keeps its port open between readings
    with SimulatedReader(BAUD) as sim, SimulatedReader(BAUD) as other:
        app, window = kiosk_window((1080, 1920), idcard_port=sim.port, idcard_baud=BAUD)
        try:
            for _ in range(runs):
                shown = [_card_on_screen(app, window, sim, rng) for _ in range(reads)]
                window.home()  # the screen's worker stops polling
                app.processEvents()
                with SamSerialReader(other.port, BAUD, poll_interval=POLL_INTERVAL) as reader:
                    reader.poll()
                    bare = [_card_on(other, reader, rng) for _ in range(reads)]
                on_screen.append(statistics.median(shown))
                alone.append(statistics.median(bare))
                ratios.append(on_screen[-1] / alone[-1])
        finally:
            window.close()
    return {
        "idcard_screen_card_on_to_field_ms": round(statistics.median(on_screen), 1),
        "idcard_screen_card_on_to_field_ms_min": round(min(on_screen), 1),
        "idcard_screen_card_on_to_field_ms_max": round(max(on_screen), 1),
        "idcard_screen_baseline_ms": round(statistics.median(alone), 1),
        "idcard_screen_ratio": round(statistics.median(ratios), 3),
        "idcard_screen_ratio_min": round(min(ratios), 3),
        "idcard_screen_ratio_max": round(max(ratios), 3),
    }


if __name__ == "__main__":
    print(json.dumps({**run(), **screen()}, indent=2))

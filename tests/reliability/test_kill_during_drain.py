"""SIGKILL the kiosk at random moments while 1,000 submissions queue and drain.

The kiosk process (tests/reliability/drain_child.py) is killed again and again
and restarted. In the end the server holds exactly the 1,000 submissions (none
lost, none duplicated) and the kiosk's database passes integrity_check.
"""

from __future__ import annotations

import json
import os
import random
import select
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.sync.outbox import Outbox
from kiosk.sync.store import LocalStore
from tests.helpers.central_server import running_central

ROOT = Path(__file__).resolve().parents[2]
TOTAL = 1000
START_TIMEOUT = 60


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_killed_again_and_again_loses_and_duplicates_nothing(tmp_path):
    rng = random.Random(20261123)
    kiosk_db = tmp_path / "kiosk.db"
    central_db = tmp_path / "central.db"
    kills = 0
    with running_central(f"sqlite:///{central_db}") as url:
        for _ in range(200):
            ready, ready_w = os.pipe()
            child = subprocess.Popen(
                [sys.executable, "-m", "tests.reliability.drain_child", str(kiosk_db), url,
                 "test-token", str(TOTAL), str(ready_w)],
                cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                env={**os.environ, "PYTHONPATH": str(ROOT)}, pass_fds=(ready_w,),
            )
            os.close(ready_w)
            try:
                # the kill moment counts from the end of the child's imports (EOF if it
                # failed before: communicate() below then reports how)
                if not select.select([ready], [], [], START_TIMEOUT)[0]:
                    child.kill()
                    child.communicate()
                    pytest.fail(f"the kiosk process did not start in {START_TIMEOUT} s")
            finally:
                os.close(ready)
            try:
                out, err = child.communicate(timeout=rng.uniform(0.3, 1.5))
            except subprocess.TimeoutExpired:
                child.send_signal(signal.SIGKILL)
                child.communicate()
                kills += 1
                continue
            assert child.returncode == 0, err
            assert out.startswith("done"), out
            break
        else:
            pytest.fail(f"the kiosk never finished after {kills} kills")
    assert kills >= 5, "the kill schedule should interrupt the work several times"
    with sqlite3.connect(central_db) as db:
        numbers = [json.loads(p)["n"] for (p,) in db.execute("SELECT payload FROM submissions")]
    assert len(numbers) == TOTAL, f"{len(numbers)} rows on the server after {kills} kills"
    assert sorted(numbers) == list(range(TOTAL))
    with LocalStore(kiosk_db) as store:
        assert store.integrity_check() == "ok"
        counts = Outbox(store).counts()
        assert counts.sent == TOTAL and counts.pending == 0 and counts.dead == 0
    print(f"\n{kills} SIGKILLs; {TOTAL} delivered exactly once")

"""A kiosk process for the kill test: queue submissions and drain them, until done.

    python -m tests.reliability.drain_child DB URL TOKEN TOTAL [READY_FD]

It queues submissions numbered 0..TOTAL-1 ten at a time (the next number is
read from the outbox, so a restarted process carries on where the last one
was killed) and drains between batches. It prints ``done`` and exits 0 when
all TOTAL are queued and none is pending.

With READY_FD, it writes one byte to that file descriptor once its imports are done,
just before it opens the database: the test's random kill moment counts from then, so
the kills land in the kiosk's work however long the interpreter takes to start on a
busy machine (a kill during the imports tests nothing).
"""

from __future__ import annotations

import os
import sys
import time
from datetime import UTC, datetime

from kiosk.sync.api_client import CentralClient
from kiosk.sync.backoff import Backoff
from kiosk.sync.engine import SyncEngine
from kiosk.sync.outbox import Identity, Outbox
from kiosk.sync.pulled import PulledCache
from kiosk.sync.store import LocalStore


def main(db: str, url: str, token: str, total: int) -> int:
    store = LocalStore(db)
    outbox = Outbox(store)
    engine = SyncEngine(
        CentralClient(url, token, timeout=(1.0, 5.0)), outbox, PulledCache(store),
        backoff=Backoff(base_s=0.01, cap_s=0.05), pulls=(),
    )
    while True:
        queued = store.read("SELECT COUNT(*) FROM outbox")[0][0]
        for n in range(queued, min(queued + 10, total)):
            outbox.enqueue(
                "message", "POST", "/v1/submissions",
                {"kind": "message", "created_at": datetime.now(UTC).isoformat(),
                 "identity": {"resident": None, "staff": None},
                 "payload": {"n": n, "text": "kill test"}},
                Identity(), datetime.now(UTC),
            )
        engine.drain()
        counts = outbox.counts()
        if queued >= total and counts.pending == 0:
            print(f"done sent={counts.sent} dead={counts.dead}", flush=True)
            return 0
        wait = engine.next_attempt_in()
        if wait:
            time.sleep(min(wait, 0.05))


if __name__ == "__main__":
    if len(sys.argv) > 5:
        ready = int(sys.argv[5])
        os.write(ready, b"r")
        os.close(ready)
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])))

"""Retry delays: exponential backoff with full jitter, capped, honouring Retry-After.

Full jitter (a uniform draw between 0 and the exponential ceiling) spreads a
fleet of kiosks that all lost the network at the same moment, so they do not
come back in lock-step and knock the server over again.
"""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Backoff:
    base_s: float = 1.0
    cap_s: float = 300.0
    retry_after_cap_s: float = 3600.0

    def delay(self, attempt: int, rng: random.Random, retry_after: float | None = None) -> float:
        """Seconds to wait before attempt ``attempt + 1`` (``attempt`` ≥ 1 failures so far)."""
        ceiling = min(self.cap_s, self.base_s * 2 ** min(attempt, 32))
        jittered = rng.uniform(0.0, ceiling)
        if retry_after is not None:
            return max(jittered, min(max(retry_after, 0.0), self.retry_after_cap_s))
        return jittered

import random

from hypothesis import given
from hypothesis import strategies as st

from kiosk.sync.backoff import Backoff


@given(st.integers(min_value=1, max_value=10_000), st.integers(0, 2**32))
def test_full_jitter_stays_between_zero_and_the_capped_ceiling(attempt, seed):
    b = Backoff(base_s=1.0, cap_s=300.0)
    delay = b.delay(attempt, random.Random(seed))
    assert 0.0 <= delay <= min(300.0, 2.0 ** min(attempt, 32))


def test_delays_spread_a_fleet_instead_of_synchronising_it():
    b = Backoff(base_s=1.0, cap_s=300.0)
    rng = random.Random(7)
    delays = [b.delay(8, rng) for _ in range(1000)]
    assert min(delays) < 30 and max(delays) > 220  # spread across [0, 256)


def test_retry_after_is_honoured_but_capped():
    b = Backoff(base_s=1.0, cap_s=300.0, retry_after_cap_s=3600.0)
    rng = random.Random(1)
    assert b.delay(1, rng, retry_after=120) >= 120
    assert b.delay(1, rng, retry_after=10**9) == 3600.0
    assert b.delay(1, rng, retry_after=-5) >= 0.0

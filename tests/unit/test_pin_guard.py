"""The staff PIN pad's guard: free failures, doubling waits, a hard lock, kept across restarts."""

from __future__ import annotations

import pytest

from kiosk.staff.pin_guard import (
    FIRST_WAIT_S,
    FREE_FAILURES,
    HARD_LOCK_AT,
    LONGEST_WAIT_S,
    GuardState,
    PinGuard,
    wait_after,
)
from kiosk.sync.store import LocalStore

START = 1_800_000_000.0  # wall-clock seconds


class WallClock:
    """Wall-clock seconds that a test sets and moves (also backwards)."""

    def __init__(self, now: float = START) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def wall() -> WallClock:
    return WallClock()


@pytest.fixture
def store(tmp_path):
    with LocalStore(tmp_path / "kiosk.db") as s:
        yield s


def fail_until_waiting(guard: PinGuard, wall: WallClock) -> GuardState:
    """Wrong PINs, each tried as soon as the guard allows, until the first wait starts."""
    state = guard.state()
    while state.seconds_to_wait(wall()) == 0 and not state.hard_locked:
        state = guard.record_failure()
    return state


def test_the_constants_are_the_documented_ones():
    assert (FREE_FAILURES, FIRST_WAIT_S, HARD_LOCK_AT) == (5, 30.0, 10)
    assert LONGEST_WAIT_S == 480.0


def test_a_new_kiosk_starts_open(store, wall):
    state = PinGuard(store, wall).state()
    assert state == GuardState(failures=0, wait_until=0.0, hard_locked=False)
    assert state.seconds_to_wait(wall()) == 0 and state.tries_before_wait == FREE_FAILURES


def test_the_first_four_failures_cost_nothing_and_the_fifth_starts_a_30_s_wait(store, wall):
    guard = PinGuard(store, wall)
    for n in range(1, FREE_FAILURES):
        state = guard.record_failure()
        assert (state.failures, state.hard_locked) == (n, False)
        assert state.seconds_to_wait(wall()) == 0
        assert state.tries_before_wait == FREE_FAILURES - n
    state = guard.record_failure()
    assert state.failures == FREE_FAILURES and state.tries_before_wait == 0
    assert state.wait_until == START + 30
    assert state.seconds_to_wait(wall()) == 30


@pytest.mark.parametrize(
    ("failures", "wait"),
    [(1, 0), (4, 0), (5, 30), (6, 60), (7, 120), (8, 240), (9, 480), (10, 3600), (11, 3600)],
)
def test_wait_after_doubles_from_the_fifth_failure_then_an_hour(failures, wait):
    assert wait_after(failures) == wait


def test_the_waits_are_30_60_120_240_480_s_then_a_hard_lock_at_ten(store, wall):
    guard = PinGuard(store, wall)
    for _ in range(FREE_FAILURES - 1):
        guard.record_failure()
    waits = []
    for _ in range(FREE_FAILURES, HARD_LOCK_AT):
        state = guard.record_failure()
        assert not state.hard_locked
        waits.append(state.seconds_to_wait(wall()))
        # one second short of the wait, the pad is still waiting; at its end it is open
        wall.now += waits[-1] - 1
        assert guard.state().seconds_to_wait(wall()) == 1
        wall.now += 1
        assert guard.state().seconds_to_wait(wall()) == 0
    assert waits == [30, 60, 120, 240, 480]
    state = guard.record_failure()
    assert state.failures == HARD_LOCK_AT and state.hard_locked
    assert state.locked(wall()) and state.minutes_locked(wall()) == 60
    # the lock runs out after an hour (a day's lock-out by anyone at the kiosk is worse)
    wall.now += 3599
    assert guard.state().locked(wall())
    wall.now += 1
    assert not guard.state().locked(wall())
    # then one more wrong PIN locks it for another hour
    state = guard.record_failure()
    assert state.failures == HARD_LOCK_AT + 1 and state.locked(wall())
    wall.now += 1800
    assert guard.state().minutes_locked(wall()) == 30


def test_seconds_to_wait_rounds_up_to_whole_seconds(store, wall):
    guard = PinGuard(store, wall)
    fail_until_waiting(guard, wall)
    wall.now += 29.5
    assert guard.state().seconds_to_wait(wall()) == 1
    wall.now += 0.5
    assert guard.state().seconds_to_wait(wall()) == 0


def test_the_state_survives_a_restart(tmp_path, wall):
    path = tmp_path / "kiosk.db"
    with LocalStore(path) as store:
        state = fail_until_waiting(PinGuard(store, wall), wall)
    assert state.failures == FREE_FAILURES
    wall.now += 10  # the kiosk is restarted ten seconds later
    with LocalStore(path) as store:
        again = PinGuard(store, wall).state()
    assert again == state
    assert again.seconds_to_wait(wall()) == 20


def test_a_hard_lock_survives_a_restart_and_unlock_clears_it(tmp_path, wall):
    path = tmp_path / "kiosk.db"
    with LocalStore(path) as store:
        guard = PinGuard(store, wall)
        for _ in range(HARD_LOCK_AT):
            guard.record_failure()
    with LocalStore(path) as store:
        guard = PinGuard(store, wall)
        assert guard.state().hard_locked
        guard.unlock()  # ``kiosk staff unlock`` on the command line
    with LocalStore(path) as store:
        state = PinGuard(store, wall).state()
    assert state == GuardState(failures=0, wait_until=0.0, hard_locked=False)


def test_a_success_resets_the_count(store, wall):
    guard = PinGuard(store, wall)
    for _ in range(FREE_FAILURES - 1):
        guard.record_failure()
    guard.record_success()
    assert guard.state() == GuardState(0, 0.0, False)
    # the next run of failures starts from the beginning: four more are free again
    for _ in range(FREE_FAILURES - 1):
        assert guard.record_failure().seconds_to_wait(wall()) == 0


def test_a_clock_set_back_is_held_to_the_longest_wait(store, wall):
    guard = PinGuard(store, wall)
    fail_until_waiting(guard, wall)  # a 30 s wait, until START + 30
    wall.now = START - 3 * 86_400  # someone sets the clock back three days
    assert guard.state().seconds_to_wait(wall()) == LONGEST_WAIT_S
    # the wait runs down from there: it does not stay at 480 s until the clock catches up
    wall.now += 100
    assert guard.state().seconds_to_wait(wall()) == LONGEST_WAIT_S - 100
    wall.now += LONGEST_WAIT_S - 100
    assert guard.state().seconds_to_wait(wall()) == 0
    assert guard.state().failures == FREE_FAILURES  # only the wait was cut, not the count


def test_a_clock_set_back_is_held_to_the_longest_wait_across_a_restart(tmp_path, wall):
    path = tmp_path / "kiosk.db"
    with LocalStore(path) as store:
        fail_until_waiting(PinGuard(store, wall), wall)
    wall.now = START - 86_400
    with LocalStore(path) as store:
        assert PinGuard(store, wall).state().seconds_to_wait(wall()) == LONGEST_WAIT_S
    wall.now += LONGEST_WAIT_S
    with LocalStore(path) as store:
        assert PinGuard(store, wall).state().seconds_to_wait(wall()) == 0


def test_a_clock_moved_forward_ends_the_wait_early_but_not_the_count(store, wall):
    guard = PinGuard(store, wall)
    fail_until_waiting(guard, wall)
    wall.now += 3600
    state = guard.record_failure()  # the sixth wrong PIN still doubles the wait
    assert state.failures == FREE_FAILURES + 1 and state.seconds_to_wait(wall()) == 60


def test_unlock_clears_a_running_wait(store, wall):
    guard = PinGuard(store, wall)
    fail_until_waiting(guard, wall)
    guard.unlock()
    state = guard.state()
    assert state.seconds_to_wait(wall()) == 0 and state.failures == 0


def test_the_guard_is_one_for_the_whole_kiosk(tmp_path, wall):
    """Two guards on the same file (two windows, or the UI and a worker) share the count."""
    path = tmp_path / "kiosk.db"
    with LocalStore(path) as a, LocalStore(path) as b:
        PinGuard(a, wall).record_failure()
        PinGuard(b, wall).record_failure()
        assert PinGuard(a, wall).state().failures == 2

import pytest

from kiosk.device.idle import IdlePolicy, IdleState
from tests.helpers.clock import FakeClock


def make(idle=90, countdown=30):
    clock = FakeClock()
    policy = IdlePolicy(clock, idle, countdown)
    policy.start_session()
    return clock, policy


def test_off_until_a_session_starts():
    clock = FakeClock()
    policy = IdlePolicy(clock, 90, 30)
    clock.advance(10_000)
    assert policy.poll().state is IdleState.OFF


def test_warns_after_idle_time_then_counts_down_then_expires():
    clock, policy = make()
    clock.advance(89.9)
    assert policy.poll().state is IdleState.ACTIVE
    clock.advance(0.1)
    status = policy.poll()
    assert status.state is IdleState.WARNING and status.seconds_left == 30
    clock.advance(10.5)
    assert policy.poll().seconds_left == 20
    clock.advance(19.5)
    assert policy.poll().state is IdleState.EXPIRED


def test_touch_postpones_the_warning():
    clock, policy = make()
    clock.advance(80)
    policy.touch()
    clock.advance(80)
    assert policy.poll().state is IdleState.ACTIVE


def test_touch_during_the_warning_does_not_dismiss_it_only_the_button_does():
    clock, policy = make()
    clock.advance(90)
    policy.poll()
    policy.touch()
    assert policy.poll().state is IdleState.WARNING
    policy.still_here()
    assert policy.poll().state is IdleState.ACTIVE


def test_still_here_works_at_least_ten_times():
    clock, policy = make()
    for _ in range(12):
        clock.advance(90)
        assert policy.poll().state is IdleState.WARNING
        clock.advance(25)
        policy.still_here()
        assert policy.poll().state is IdleState.ACTIVE
    assert policy.extensions == 12


def test_suspended_while_printing_and_resumes_with_a_full_wait():
    clock, policy = make()
    policy.suspend("printing")
    clock.advance(1000)
    assert policy.poll().state is IdleState.ACTIVE
    policy.resume("printing")
    clock.advance(89)
    assert policy.poll().state is IdleState.ACTIVE
    clock.advance(1)
    assert policy.poll().state is IdleState.WARNING


def test_suspending_during_the_warning_cancels_it():
    clock, policy = make()
    clock.advance(95)
    policy.poll()
    policy.suspend("assisted")
    clock.advance(100)
    assert policy.poll().state is IdleState.ACTIVE


def test_elderly_idle_time_is_longer_and_takes_effect_at_once():
    clock, policy = make()
    clock.advance(60)
    policy.set_idle_seconds(180)
    clock.advance(170)
    assert policy.poll().state is IdleState.ACTIVE
    clock.advance(10)
    assert policy.poll().state is IdleState.WARNING


def test_countdown_shorter_than_wcag_minimum_is_refused():
    with pytest.raises(ValueError):
        IdlePolicy(FakeClock(), 90, 10)


def test_end_session_switches_off():
    clock, policy = make()
    policy.end_session()
    clock.advance(1000)
    assert policy.poll().state is IdleState.OFF


def test_in_session_follows_start_and_end_not_the_countdown():
    clock, policy = make()
    assert policy.in_session
    clock.advance(200)
    policy.poll()
    assert policy.in_session
    policy.end_session()
    assert not policy.in_session

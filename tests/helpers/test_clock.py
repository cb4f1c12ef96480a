import pytest

from tests.helpers.clock import FakeClock


def test_starts_where_told_and_advances():
    clock = FakeClock(5.0)
    assert clock() == 5.0
    clock.advance(2.5)
    assert clock() == 7.5


def test_refuses_to_go_back():
    clock = FakeClock()
    with pytest.raises(ValueError):
        clock.advance(-1)

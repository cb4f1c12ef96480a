"""Fixtures for the central server's integration tests."""

from __future__ import annotations

import pytest

from tests.helpers.central_fixtures import MONDAY_0800_LOCAL, client_for
from tests.helpers.utc_clock import FakeUtcClock


@pytest.fixture
def clock() -> FakeUtcClock:
    return FakeUtcClock(MONDAY_0800_LOCAL)


@pytest.fixture
def db_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'central.db'}"


@pytest.fixture
def client(db_url, clock):
    with client_for(db_url, clock) as c:
        yield c

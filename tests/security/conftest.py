"""The security tests run the server on SQLite and, where it is involved, PostgreSQL."""

from __future__ import annotations

import pytest

from tests.helpers.central_fixtures import (  # noqa: F401 - db_url is a fixture
    MONDAY_0800_LOCAL,
    client_for,
    db_url_on_both_databases,
)
from tests.helpers.utc_clock import FakeUtcClock


@pytest.fixture
def clock() -> FakeUtcClock:
    return FakeUtcClock(MONDAY_0800_LOCAL)


@pytest.fixture
def client(db_url, clock):
    with client_for(db_url, clock) as c:
        yield c

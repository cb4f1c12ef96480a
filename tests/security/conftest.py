"""The security tests run the server on SQLite and, where it is involved, PostgreSQL."""

from __future__ import annotations

import pytest

from tests.helpers.central_fixtures import MONDAY_0800_LOCAL, client_for, fresh_pg, pg_url_or_skip
from tests.helpers.utc_clock import FakeUtcClock


@pytest.fixture
def clock() -> FakeUtcClock:
    return FakeUtcClock(MONDAY_0800_LOCAL)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'central.db'}"
    return fresh_pg(pg_url_or_skip())


@pytest.fixture
def client(db_url, clock):
    with client_for(db_url, clock) as c:
        yield c

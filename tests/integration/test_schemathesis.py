"""Property-based API tests from the app's own OpenAPI document (schemathesis).

Generated requests (valid and invalid) against every operation, with the dev token:
never a 5xx, responses conform to the documented schemas and content types. Bounded
(a few examples per operation) so the whole run stays well under a minute.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
)

from central.app import create_app
from tests.helpers.central_fixtures import AUTH, MONDAY_0800_LOCAL
from tests.helpers.central_server import running_central
from tests.helpers.utc_clock import FakeUtcClock

schema = schemathesis.openapi.from_dict(create_app("sqlite://").openapi())


@pytest.fixture(scope="module")
def central_url(tmp_path_factory):
    database = tmp_path_factory.mktemp("schemathesis") / "central.db"
    with running_central(f"sqlite:///{database}", clock=FakeUtcClock(MONDAY_0800_LOCAL)) as url:
        yield url


@pytest.mark.slow
@schema.parametrize()
@settings(max_examples=25, deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
def test_no_server_errors_and_documented_responses(case, central_url):
    case.call_and_validate(
        base_url=central_url,
        headers=AUTH,
        checks=[not_a_server_error, response_schema_conformance, content_type_conformance],
    )

"""Property-based API tests from the app's own OpenAPI document (schemathesis).

Generated requests (valid and invalid) against every operation, each with the credential
its operation names: the dev token (a device of the demo hall) for device routes, an
operator's token for operator routes. Never a 5xx, responses conform to the documented
schemas and content types. Bounded (a few examples per operation) so the whole run stays
well under a minute. No quotas: the generated requests should reach the handlers.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
)

from central import operators
from central.app import create_app
from central.context import Quotas
from central.db import Database
from tests.helpers.central_fixtures import AUTH, MONDAY_0800_LOCAL
from tests.helpers.central_server import running_central
from tests.helpers.utc_clock import FakeUtcClock

schema = schemathesis.openapi.from_dict(create_app("sqlite://").openapi())


@pytest.fixture(scope="module")
def central(tmp_path_factory):
    """The server's URL and an operator's Authorization header."""
    database = f"sqlite:///{tmp_path_factory.mktemp('schemathesis') / 'central.db'}"
    clock = FakeUtcClock(MONDAY_0800_LOCAL)
    with running_central(database, clock=clock, quotas=Quotas.unlimited()) as url:
        db = Database.connect(database)
        try:
            _id, token = operators.add(db, "schemathesis", None, clock())
        finally:
            db.dispose()
        yield url, {"Authorization": f"Bearer {token}"}


@pytest.mark.slow
@schema.parametrize()
@settings(max_examples=25, deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
def test_no_server_errors_and_documented_responses(case, central):
    url, operator = central
    by_operator = case.operation.definition.raw.get("security") == [{"OperatorToken": []}]
    response = case.call_and_validate(
        base_url=url,
        headers=operator if by_operator else AUTH,
        checks=[not_a_server_error, response_schema_conformance, content_type_conformance],
    )
    # a valid request (negative ones may mangle the headers) reaches the operation with
    # the credential it takes
    if case.meta is not None and case.meta.generation.mode == GenerationMode.POSITIVE:
        assert response.status_code != 401, (case.method, case.path, response.text)

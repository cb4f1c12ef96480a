"""central/openapi.json is what the server serves: no drift between code and contract.

Regenerate after a change: python -m central openapi > central/openapi.json
"""

from __future__ import annotations

import json
from pathlib import Path

from central.app import create_app

COMMITTED = Path(__file__).resolve().parents[2] / "central" / "openapi.json"


def test_committed_openapi_matches_the_app():
    committed = json.loads(COMMITTED.read_text(encoding="utf-8"))
    live = create_app("sqlite://").openapi()
    assert committed == live, "central/openapi.json is stale: python -m central openapi > central/openapi.json"


def test_every_operation_documents_problem_json_errors():
    doc = create_app("sqlite://").openapi()
    assert "HTTPValidationError" not in doc["components"]["schemas"]
    for path, item in doc["paths"].items():
        for method, operation in item.items():
            default = operation["responses"]["default"]
            assert "application/problem+json" in default["content"], (method, path)
            idempotent = any(p["name"] == "Idempotency-Key" for p in operation.get("parameters", []))
            by_operator = operation.get("security") == [{"OperatorToken": []}]
            assert by_operator == ("operators" in operation["tags"] or path == "/v1/audit-events")
            # what a kiosk sends through its outbox is idempotent; an operator's actions
            # are not queued, and deactivating or revoking twice changes nothing
            assert idempotent == (method == "post" and not by_operator and path not in {
                "/v1/enrolments", "/v1/booking-lookups", "/v1/devices/me/heartbeat"}), (method, path)

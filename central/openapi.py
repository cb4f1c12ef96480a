"""The OpenAPI document: FastAPI's, with every error documented as problem+json.

FastAPI documents its own 422 shape (HTTPValidationError); this server answers every
error, validation included, as RFC 9457 problem details, so the document says so:
each operation gets a ``default`` problem+json response, and the 422s point at it too.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from central import VERSION
from central.problems import MEDIA_TYPE, ProblemBody

_PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}
_PROBLEM_CONTENT = {MEDIA_TYPE: {"schema": _PROBLEM_REF}}


def build(app: FastAPI) -> dict[str, Any]:
    doc = get_openapi(
        title="Service Hall Kiosk central API",
        version=VERSION,
        description="The contract between the kiosk and the central platform (docs/api.md).",
        routes=app.routes,
    )
    schemas = doc.setdefault("components", {}).setdefault("schemas", {})
    schemas.pop("HTTPValidationError", None)
    schemas.pop("ValidationError", None)
    schemas["Problem"] = ProblemBody.model_json_schema(ref_template="#/components/schemas/{model}")
    for path_item in doc.get("paths", {}).values():
        for operation in path_item.values():
            responses = operation.setdefault("responses", {})
            if "422" in responses:
                responses["422"] = {"description": "Validation failed or refused (problem+json)",
                                    "content": _PROBLEM_CONTENT}
            responses["default"] = {"description": "An error (problem+json, RFC 9457)",
                                    "content": _PROBLEM_CONTENT}
    return doc


def install(app: FastAPI) -> None:
    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = build(app)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]

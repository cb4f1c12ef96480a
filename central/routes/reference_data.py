"""Catalogue, halls (calendars and rules) and the issuers' trust list: conditional GETs."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from central.auth import DeviceId
from central.conditional import served
from central.context import context
from central.reference import CATALOGUE, TRUST_LIST, reissued
from central.schemas import HallsOut, TrustListOut

router = APIRouter(tags=["reference data"])
_CONDITIONAL: dict[int | str, dict[str, Any]] = {304: {"description": "Not modified (If-None-Match matched the ETag)"}}


@router.get("/catalogue", response_model=dict[str, Any], responses=_CONDITIONAL)
def catalogue(request: Request, _device: DeviceId) -> Response:
    """The matter catalogue, in the format of resources/demo/catalogue.json."""
    return served(request, context(request).reference.served.get(CATALOGUE), "catalogue")


@router.get("/halls", response_model=HallsOut, responses=_CONDITIONAL)
def halls(request: Request, _device: DeviceId) -> Response:
    return served(request, context(request).reference.served.get("halls"), "halls")


@router.get("/trust-list", response_model=TrustListOut, responses=_CONDITIONAL)
def trust_list(request: Request, _device: DeviceId) -> Response:
    """The credential issuers' public keys (never a private key), re-issued daily."""
    ctx = context(request)
    document = ctx.reference.served.get(TRUST_LIST)
    return served(request, reissued(document, ctx.now()) if document else None, "trust list")

"""Catalogue, halls (calendars and rules) and the issuers' trust list: conditional GETs,
each signed with the platform key (``key_id``, ``signature``: central/signing.py).

Each answer comes from the one reference version its request took (``context(request)``)
and says which in ``Reference-Version``; its strong ETag is of the document's bytes, so a
new version that leaves a document unchanged still answers 304 to the kiosk's ETag.

Who may call: every role (``kiosk``, ``window``, ``display``): each device shows the
matters and the hall, and checks what it pulls."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from central.auth import AnyDevice
from central.conditional import served
from central.context import Context, context
from central.reference import CATALOGUE, HALLS, TRUST_LIST
from central.reference_store import VERSION_HEADER
from central.schemas import HallsOut, TrustListOut

router = APIRouter(tags=["reference data"])
_CONDITIONAL: dict[int | str, dict[str, Any]] = {304: {"description": "Not modified (If-None-Match matched the ETag)"}}


@router.get("/catalogue", response_model=dict[str, Any], responses=_CONDITIONAL)
def catalogue(request: Request, _device: AnyDevice) -> Response:
    """The matter catalogue, in the format of resources/demo/catalogue.json, with the
    platform's ``key_id`` and ``signature`` (a kiosk takes no catalogue without them)."""
    return _versioned(context(request), request, CATALOGUE, "catalogue")


@router.get("/halls", response_model=HallsOut, responses=_CONDITIONAL)
def halls(request: Request, _device: AnyDevice) -> Response:
    """The halls' opening hours, calendars and booking rules, signed with the platform key."""
    return _versioned(context(request), request, HALLS, "halls")


@router.get("/trust-list", response_model=TrustListOut, responses=_CONDITIONAL)
def trust_list(request: Request, _device: AnyDevice) -> Response:
    """The credential issuers' public keys (never a private key), re-issued daily and
    signed with the platform key: a kiosk checks codes only against a list so signed."""
    return _versioned(context(request), request, TRUST_LIST, "trust list")


def _versioned(ctx: Context, request: Request, name: str, what: str) -> Response:
    answer = served(request, ctx.served(name), what)
    answer.headers[VERSION_HEADER] = str(ctx.reference.version)
    return answer

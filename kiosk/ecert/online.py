"""Asking the central platform about a code only it can check (an opaque ``ECTOKEN:…``).

The call blocks: the UI runs it off its thread. The answer is read by
``kiosk.ecert.verify.online_result``.
"""

from __future__ import annotations

from typing import Any

from kiosk.sync.api_client import CentralClient

VERIFY_PATH = "/v1/credentials/verify"


class CertificateCalls:
    def __init__(self, client: CentralClient) -> None:
        self.client = client

    def verify(self, token: str, key: str) -> Any:
        """The platform's verdict on ``token``. ``key``: one check's idempotency key, so a
        retry after a lost answer gets the same verdict (the first check uses a token up)."""
        return self.client.post(VERIFY_PATH, {"token": token}, idempotency_key=key,
                                shape={"verdict": str}).body

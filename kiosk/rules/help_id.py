"""The id of a call for staff (a help request), known to the kiosk before any answer.

The server names a help request after the device that made it and the Idempotency-Key
the kiosk sent it with (the outbox item's id): a UUID version 5 of ``"<device_id>
<key>"``. So the kiosk can take back a call whose answer it never got (sent just as the
resident cancelled, or as the session ended, or before a crash): the cancel names the
request without having heard of it. Both sides compute it here.
"""

from __future__ import annotations

import uuid

#: fixed for ever: changing it would orphan every call in flight
NAMESPACE = uuid.UUID("6f1c9a52-5b0e-4f7e-9d55-2f3b8c41a7e0")


def help_id(device_id: str, key: str) -> str:
    """The help request's id for the call ``key`` (its Idempotency-Key) of ``device_id``."""
    return str(uuid.uuid5(NAMESPACE, f"{device_id} {str(uuid.UUID(key))}"))

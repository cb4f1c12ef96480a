"""Talking to the central platform: the local store, the outbox and the sync engine.

``store`` (the kiosk's SQLite file: WAL, ``synchronous=FULL``, ``BEGIN IMMEDIATE``),
``outbox`` (what residents and staff submit, kept until the platform has it),
``api_client`` (HTTP with timeouts on every call and typed errors), ``backoff``
(full jitter, ``Retry-After``), ``pulled`` (local copies replaced only whole),
``engine`` (drains the outbox and refreshes the pulled copies), ``enrolment``
(the device's id and token in the OS credential store).

``reference`` (the catalogue, calendars and trust list the screens read: pulled copies
over the bundled ones).

May import: ``kiosk.rules``, ``kiosk.device.paths`` (private files), ``kiosk.staff.roster``
for the staff list it pulls, ``kiosk.ecert.verify`` to check a pulled trust list. Never
Qt or the UI.
"""

"""Hall staff at the kiosk: accounts, PIN sign-in, the audit trail, the hall's defaults.

``roster`` (the pulled staff list and PIN checks), ``pin_guard`` (growing waits,
then a lock), ``desk`` (signing in: roster, guard and audit together), ``audit``
(audit events sent through the outbox), ``hall_defaults`` (what staff set over
kiosk.toml), ``cli`` (``kiosk staff …`` for the installer).

``health`` (the staff panel's snapshot of the kiosk's state), ``help_calls`` (a
resident's call for staff from this kiosk, and the hall's calls staff answer).

May import: ``kiosk.rules``, ``kiosk.sync``, ``kiosk.device``. Never Qt or the UI.
"""

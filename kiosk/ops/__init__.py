"""Running the kiosk unattended: scrubbed logs, crash hooks, the diagnostics bundle.

May import: ``kiosk.rules`` (masking), ``kiosk.device.paths`` (private files),
``kiosk.sync`` (the outbox's state for diagnostics). Never Qt or the UI.
"""

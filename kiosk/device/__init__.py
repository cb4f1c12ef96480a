"""This device and the resident in front of it: settings, sizes, idle, the session.

``settings`` (kiosk.toml, declared once with defaults and bounds), ``paths``
(where files go on each OS), ``design_tokens`` (sizes and colours for the
standard and 长辈版 modes, calibrated to the screen), ``contrast`` (WCAG ratios),
``idle`` (when to ask "您还在吗？" and when to wipe), ``session`` (one resident's
personal data, dropped at the wipe), ``handoff`` (the checklist carried to a phone).

May import: the standard library and ``kiosk.rules``. Never Qt or the UI.
"""

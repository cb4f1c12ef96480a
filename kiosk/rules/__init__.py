"""The shared rules: what the kiosk and the central server must agree on.

The matter catalogue and hall calendars (when a hall is open and how it books),
resident ID numbers and mobile numbers, staff PIN hashing, e-certificate code
rules, signed documents (the staff list's signature), times on the wire, the id of
a call for staff (``help_id``) and how composed Chinese text is punctuated and dated
(``typography``). Plain functions and data classes.

May import: the standard library and small pure libraries (``cryptography`` for
Ed25519). Never another part of
``kiosk`` — this is the only package the server (``central``) may import, so
everything here must stand on its own (an import-linter contract keeps it so).
"""

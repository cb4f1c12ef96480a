"""E-certificates shown by QR (扫码亮证): what a code holds and whether to believe it.

``verify`` (parsing a scanned text, the trust list, offline checks of signed codes,
online answers for opaque tokens, masking), ``scanning`` (decoding QR codes from
camera frames; frame sources; reads accepted only when stable).

``online`` (asking the platform about an opaque token).

``used_codes`` (the nonces of accepted codes, kept until they expire).

May import: ``kiosk.rules``, ``kiosk.sync.api_client`` (online checks) and
``kiosk.sync.store`` (used codes kept across restarts). Never Qt or the
UI. Signing codes is the issuer's business and lives with the server (``central.mint``).
"""

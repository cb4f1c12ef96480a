"""The reference central API server: the contract the kiosk speaks (docs/api.md).

FastAPI + SQLAlchemy 2; SQLite by default, PostgreSQL (several processes against one
database) in production. Everything hangs off the app made by ``central.app.create_app``.
It never imports ``ui`` or Qt; it shares the Qt-free core modules ``kiosk.rules.calendar``,
``kiosk.rules.idnumber`` and ``kiosk.rules.catalogue`` with the kiosk.
"""

VERSION = "1.0.0"

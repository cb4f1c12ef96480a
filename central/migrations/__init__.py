"""The central schema's migrations (Alembic): ``env.py`` runs them on the connection
``central.schema`` hands over, ``versions/`` holds one revision per schema change.

Shipped as package data, so an installed server can ``kiosk-central migrate``.
"""

"""Service Hall Kiosk core: plain Python, no Qt, no UI, no server code.

One package per concern: ``rules`` (shared with the server), ``sync``, ``booking``,
``staff``, ``search``, ``ecert``, ``device``, ``ops``; each opens with what it holds
and what it may import. The README's "Where things live" maps them.
"""

__version__ = "0.1.0"

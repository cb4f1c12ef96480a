"""The hall's queue loop from the kiosk side: windows calling numbers, the hall display,
"前面还有 N 人", and residents' 好差评 ratings (docs/queue.md).

``model`` (what the screens read: ``QueueTicket``, ``WindowTicket``, ``HallBoard``,
``Ahead`` …), ``client`` (``QueueClient``: the calling steps, the board's long poll, the
ahead count, staff sign-in at a window), ``rating`` (``Rating`` and ``submit``: a rating
through the outbox). The levels and reasons are shared rules: ``kiosk.rules.ratings``.

May import: ``kiosk.rules``, ``kiosk.sync`` (the HTTP client, the outbox). Never Qt or
the UI.
"""

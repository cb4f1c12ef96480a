"""Appointments: booking one, finding and checking in to one, and the slips.

``draft`` (days, slots, holds, the booking submitted through the outbox and what
became of it), ``appointments`` (my appointments: look-up, check-in, cancel,
walk-in numbers), ``slips`` (what a printed slip says).

May import: ``kiosk.rules`` and ``kiosk.sync``. Never Qt or the UI.
"""

"""Booking an appointment at this kiosk's hall, step by step: day, time, who, check, result.

The server decides (docs/api.md). Network calls run off the GUI thread
(ui.workers.tasks); when the central platform cannot be reached the journey goes on
from the hall's calendar with places left unknown, and the booking is saved as
a *request* in the outbox — never shown or printed as confirmed.

``step`` (what the steps share, and ``begin``), ``when`` (day, time), ``who`` (ID
and mobile number), ``review`` (the check), ``result`` (the answer and the slip);
``other_halls`` (a matter this hall does not serve: where it is served, as information).
"""

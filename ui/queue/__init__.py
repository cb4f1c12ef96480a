"""The hall's queue on the Qt side (issue 18): the window terminal staff call numbers
with, the hall display that shows and speaks the calls, and "前面还有 N 人" on the
kiosk's tickets. The calls themselves are the core's (``kiosk.queue.client``), made off
the GUI thread (``ui.workers.tasks``)."""

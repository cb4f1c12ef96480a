"""Background work for the Qt face: core calls off the GUI thread, results on it.

``tasks`` (one call on the thread pool, delivered on the GUI thread; one call at a
time per owner), ``sync`` (the sync engine on a timer), ``scan`` (camera frames to
the decoder), ``outcome_watch`` (follows a submission until the platform answers).
No widget is touched off the GUI thread.
"""

"""The Qt face of the kiosk (PySide6): the window, its screens, widgets and workers.

``app`` (the ``kiosk`` command), ``shell`` (the window: header, screens, footer;
navigation, idle and the wipe, staff mode's transitions), ``screen_stack`` (the table
of screens), ``context`` (what a screen is given), ``read_aloud`` and ``speech``,
``staff_mode``, ``theme``, ``i18n``, ``lockdown``, ``single_instance``, ``printing``,
``central_link`` and ``central_access`` (reaching the platform), and the packages
``screens``, ``widgets``, ``workers`` and ``gallery``.

May import: ``kiosk`` (any of it) and Qt. Never ``central`` except to start the demo
server as a separate process (``central_link``). Core logic belongs in ``kiosk``.
"""

"""The screens, one module per screen or journey (``booking/`` for the booking steps).

Each screen is a ``ui.screens.base.Screen`` given a ``ui.context.ScreenDeps``; it
moves on through the navigator and reaches nothing global. ``retranslate`` sets texts
only; reading data is ``enter`` (or a screen's own ``refresh``). The table from name to
class is ``ui.screen_stack.SCREENS``.

May import: ``kiosk``, ``ui.widgets``, ``ui.workers``, ``ui.theme``, ``ui.i18n``,
``ui.context``. Never ``ui.shell`` or ``ui.app`` (the window is reached as the navigator).
"""

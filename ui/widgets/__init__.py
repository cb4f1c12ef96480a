"""Reusable widgets: buttons, bars, the keypad and keyboard, paged grids, the QR code,
the idle overlay, the speech bar, the status chip, the assisted banner.

May import: ``kiosk`` (design tokens, QR matrix, masks), ``ui.theme``, ``ui.i18n``.
Never a screen, the shell or the app.
"""

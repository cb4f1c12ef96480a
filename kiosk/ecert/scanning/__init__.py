"""Reading QR codes from camera frames: decoding, frame sources, stable reads.

May import: ``kiosk.ecert``. Never Qt or the UI (frames come as bytes; the Qt camera
adapter lives in ``ui.workers.scan``).
"""

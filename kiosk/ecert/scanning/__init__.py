"""Reading QR codes from camera frames: decoding, frame sources, stable reads.

May import: ``kiosk.ecert``. Never Qt or the UI: the QtMultimedia sources live in
``ui.camera`` and implement ``sources.FrameSource``; OpenCV (the optional ``[opencv]``
extra) only in ``opencv.py``, imported when a source or tool needs it.
"""

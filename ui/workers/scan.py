"""The camera worker: frames from a source, a mirrored preview, decoding, stable reads.

The source is opened on the GUI thread (``ui.camera.sources``: Qt's camera and player
live there; nothing there blocks). A plain thread (not the GUI's) reads it, sends a
preview image about 15 times a second and decodes every frame; a code read the same on
consecutive frames is reported once. A source that cannot be opened, gives no first
picture within ``FIRST_FRAME_S``, fails, or stops giving frames is reported as a failure
with a plain reason — never a hang. ``stop`` joins the thread, then closes the source on
the GUI thread.
"""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from kiosk.ecert.scanning.decode import decode
from kiosk.ecert.scanning.sources import FrameSource, SourceError
from kiosk.ecert.scanning.stable import StableReads
from ui.camera.frames import preview_image, to_qimage
from ui.camera.sources import open_source

__all__ = ["ScanWorker", "to_qimage"]

PREVIEW_INTERVAL_S = 1 / 15
MISSING_FRAMES_LIMIT = 30  # ~2–5 s without a frame: the camera has gone
#: a camera may take a few seconds to give its first picture (exposure, USB start-up)
FIRST_FRAME_S = 5.0


class ScanWorker(QObject):
    preview = Signal(QImage)
    read = Signal(str)
    failed = Signal(str)  # a SourceError's message

    def __init__(self, spec: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._source: FrameSource | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        if self.running:
            return
        self._stop.clear()
        try:
            self._source, error = open_source(self.spec), ""
        except SourceError as exc:  # said from the thread, as a failure while reading is
            self._source, error = None, str(exc)
        self._thread = threading.Thread(target=self._run, args=(self._source, error),
                                        name="camera", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        if self._source is not None:
            self._source.close()
            self._source = None

    def _run(self, source: FrameSource | None, error: str) -> None:
        if source is None:
            self.failed.emit(error)
            return
        try:
            self._loop(source)
        except SourceError as exc:
            self.failed.emit(str(exc))

    def _loop(self, source: FrameSource) -> None:
        stable = StableReads(needed=2)
        opened, seen = time.monotonic(), False
        missing, last_preview = 0, 0.0
        while not self._stop.is_set():
            frame = source.read()
            if frame is None:
                missing += 1
                if not seen and time.monotonic() - opened > FIRST_FRAME_S:
                    self.failed.emit(f"the camera gave no picture in {FIRST_FRAME_S:.0f} s")
                    return
                if seen and missing > MISSING_FRAMES_LIMIT:
                    self.failed.emit("the camera stopped giving pictures")
                    return
                time.sleep(PREVIEW_INTERVAL_S)
                continue
            seen, missing = True, 0
            now = time.monotonic()
            if now - last_preview >= PREVIEW_INTERVAL_S:
                last_preview = now
                self.preview.emit(preview_image(frame))  # mirrored, like a mirror
            accepted = stable.feed(decode(frame).texts)
            if accepted is not None:
                self.read.emit(accepted)
            time.sleep(0.005)  # a file source would otherwise spin a core

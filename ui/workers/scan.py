"""The camera worker: frames from a source, a mirrored preview, decoding, stable reads.

A plain thread (not the GUI's) reads the source, sends a preview image about 15
times a second and decodes every frame; a code read the same on consecutive frames
is reported once. A source that cannot be opened, or that stops giving frames, is
reported as a failure with a plain reason — never a hang. ``stop`` joins the thread.
"""

from __future__ import annotations

import threading
import time

import cv2
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from kiosk.ecert.scanning.decode import decode
from kiosk.ecert.scanning.sources import FrameSource, SourceError, open_source
from kiosk.ecert.scanning.stable import StableReads

PREVIEW_INTERVAL_S = 1 / 15
MISSING_FRAMES_LIMIT = 30  # ~2 s without a frame: the camera has gone


class ScanWorker(QObject):
    preview = Signal(QImage)
    read = Signal(str)
    failed = Signal(str)  # a SourceError's message

    def __init__(self, spec: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        if self.running:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="camera", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def _run(self) -> None:
        try:
            source = open_source(self.spec)
        except SourceError as exc:
            self.failed.emit(str(exc))
            return
        try:
            self._loop(source)
        finally:
            source.close()

    def _loop(self, source: FrameSource) -> None:
        stable = StableReads(needed=2)
        missing, last_preview = 0, 0.0
        while not self._stop.is_set():
            frame = source.read()
            if frame is None:
                missing += 1
                if missing > MISSING_FRAMES_LIMIT:
                    self.failed.emit("the camera stopped giving pictures")
                    return
                time.sleep(PREVIEW_INTERVAL_S)
                continue
            missing = 0
            now = time.monotonic()
            if now - last_preview >= PREVIEW_INTERVAL_S:
                last_preview = now
                self.preview.emit(to_qimage(cv2.flip(frame, 1)))  # mirrored, like a mirror
            accepted = stable.feed(decode(frame).texts)
            if accepted is not None:
                self.read.emit(accepted)
            time.sleep(0.005)  # a file source would otherwise spin a core


def to_qimage(frame) -> QImage:
    """A BGR (or grey) frame as a QImage that owns its pixels."""
    if frame.ndim == 2:
        frame = cv2.cvtColor(frame, cv2.COLOR_GRAY2BGR)
    rgb = cv2.cvtColor(frame, cv2.COLOR_BGR2RGB)
    h, w = rgb.shape[:2]
    return QImage(rgb.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()

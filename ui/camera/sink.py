"""The sink side of a QtMultimedia source: the newest frame a ``QVideoSink`` was given,
read by the camera thread.

Qt delivers frames on its own threads; ``offer`` keeps only the newest (a slow decoder
skips frames, it never queues them) and ``read`` waits a little for one and raises the
source's error, once there is one, as a ``SourceError``. The frame is read on the
reader's thread, not the GUI's: from its luma plane where it has one, else converted to a
QImage (``frames.VideoFrame``).
"""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from PySide6.QtMultimedia import QVideoFrame, QVideoSink

from kiosk.ecert.scanning.sources import SourceError
from ui.camera.frames import VideoFrame

#: how long ``read`` waits for a new frame before saying there is none yet
WAIT_S = 0.1


class SinkFrames:
    def __init__(self, wait_s: float = WAIT_S) -> None:
        self.sink = QVideoSink()
        self.wait_s = wait_s
        self._new = threading.Condition()
        self._frame: QVideoFrame | None = None
        self._error = ""
        self._closed = False
        # direct: called on the thread that has the frame, not queued behind the GUI
        self.sink.videoFrameChanged.connect(self.offer, Qt.ConnectionType.DirectConnection)

    def offer(self, frame: QVideoFrame) -> None:
        if not frame.isValid():
            return
        with self._new:
            if not self._closed:
                self._frame = QVideoFrame(frame)  # a shared copy: Qt's may not outlive the call
                self._new.notify()

    def fail(self, reason: str) -> None:
        with self._new:
            self._error = self._error or reason
            self._new.notify()

    def read(self) -> VideoFrame | None:
        with self._new:
            if self._frame is None and not self._error and not self._closed:
                self._new.wait(self.wait_s)
            if self._error:
                raise SourceError(self._error)
            frame, self._frame = self._frame, None
        return None if frame is None else VideoFrame(frame)

    def close(self) -> None:
        with self._new:
            self._closed, self._frame = True, None
            self._new.notify()
        self.sink.videoFrameChanged.disconnect(self.offer)

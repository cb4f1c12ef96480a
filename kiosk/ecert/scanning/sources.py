"""Where frames come from, behind one small interface: a camera (OpenCV), an image
file, a video file, or a folder of images (for the demo and the tests).

``read()`` returns the next frame (a BGR numpy array) or None when there is none
(yet); ``SourceError`` says plainly why a source cannot be used. Nothing here waits
for ever: OpenCV's capture is opened with timeouts where the backend has them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

import cv2
import numpy as np

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".bmp", ".webp"}


class SourceError(RuntimeError):
    """The frame source cannot be used (no camera, unreadable file …)."""


class FrameSource(Protocol):
    def read(self) -> np.ndarray | None: ...

    def close(self) -> None: ...


class ImageSource:
    """One image, given again and again (a phone held still)."""

    def __init__(self, path: Path | str) -> None:
        frame = cv2.imread(str(path), cv2.IMREAD_COLOR)
        if frame is None:
            raise SourceError(f"{path} is not an image this kiosk can read")
        self._frame = frame

    def read(self) -> np.ndarray | None:
        return self._frame

    def close(self) -> None:
        pass


class FolderSource:
    """The images of a folder in name order, then the last one again."""

    def __init__(self, path: Path | str) -> None:
        files = sorted(p for p in Path(path).iterdir() if p.suffix.lower() in IMAGE_SUFFIXES)
        if not files:
            raise SourceError(f"{path} holds no images")
        self._files, self._i = files, 0

    def read(self) -> np.ndarray | None:
        path = self._files[min(self._i, len(self._files) - 1)]
        self._i += 1
        return cv2.imread(str(path), cv2.IMREAD_COLOR)

    def close(self) -> None:
        pass


class CaptureSource:
    """A camera (device index) or a video file or URL, through OpenCV."""

    def __init__(self, spec: int | str) -> None:
        params = [cv2.CAP_PROP_OPEN_TIMEOUT_MSEC, 3000, cv2.CAP_PROP_READ_TIMEOUT_MSEC, 3000]
        self._cap = cv2.VideoCapture(spec, cv2.CAP_ANY, params)
        if not self._cap.isOpened():
            self._cap.release()
            raise SourceError(f"no camera or video at {spec!r}")
        self._spec = spec

    def read(self) -> np.ndarray | None:
        ok, frame = self._cap.read()
        return frame if ok else None

    def close(self) -> None:
        self._cap.release()


def open_source(spec: str) -> FrameSource:
    """From the ``--camera`` option or the config: a device index, a folder, an image,
    a video file or a URL."""
    if spec.isdigit():
        return CaptureSource(int(spec))
    path = Path(spec)
    if path.is_dir():
        return FolderSource(path)
    if path.suffix.lower() in IMAGE_SUFFIXES:
        return ImageSource(path)
    if path.exists() or "://" in spec:
        return CaptureSource(spec)
    raise SourceError(f"{spec} does not exist")

"""The OpenCV path, the optional ``[opencv]`` extra: numpy frames and OpenCV's sources.

For sources QtMultimedia cannot open (RTSP/IP cameras, some industrial USB cameras), for
the decode benchmarks and for the command line. Importing this module imports cv2 and
numpy: only ``sources.opencv_source`` and the tools that need OpenCV do, never the
kiosk's default camera path.
"""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np

from kiosk.ecert.scanning.sources import (
    IMAGE_SUFFIXES,
    OPENCV_PREFIX,
    FolderSource,
    FrameSource,
    ImageSource,
    SourceError,
)

#: how long OpenCV may take to open a device or URL, and to give one frame
TIMEOUT_MS = 3000


def to_gray(frame: np.ndarray) -> np.ndarray:
    if frame.ndim == 2:
        return frame
    if frame.ndim == 3 and frame.shape[2] == 4:
        return cv2.cvtColor(frame, cv2.COLOR_BGRA2GRAY)
    return cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)


class ArrayFrame:
    """A BGR, BGRA or grey numpy frame; read in grey (converted once, when first asked)."""

    def __init__(self, array: np.ndarray) -> None:
        self.array = array
        self._gray: np.ndarray | None = None

    def gray(self) -> np.ndarray:
        if self._gray is None:
            self._gray = to_gray(self.array)
        return self._gray

    def pixels(self) -> object:
        return self.gray()

    def small_side(self) -> int:
        return int(min(self.array.shape[:2]))

    def enlarged(self) -> ArrayFrame:
        return ArrayFrame(cv2.resize(self.gray(), None, fx=2, fy=2,
                                     interpolation=cv2.INTER_CUBIC))

    def grey(self) -> tuple[bytes, int, int]:
        g = self.gray()
        return g.tobytes(), int(g.shape[1]), int(g.shape[0])


def opencv_detector(frame: ArrayFrame) -> list[str]:
    """OpenCV's own QR detector: measured in the benchmark, not used in the live loop."""
    text, _points, _ = cv2.QRCodeDetector().detectAndDecode(frame.gray())
    return [text] if text else []


def read_image(path: Path | str) -> ArrayFrame | None:
    array = cv2.imread(str(path), cv2.IMREAD_COLOR)
    return None if array is None else ArrayFrame(array)


class CaptureSource:
    """A camera (device index) or a video file or URL, through OpenCV's capture, opened
    with timeouts where the backend has them."""

    def __init__(self, spec: int | str) -> None:
        params = [cv2.CAP_PROP_OPEN_TIMEOUT_MSEC, TIMEOUT_MS, cv2.CAP_PROP_READ_TIMEOUT_MSEC,
                  TIMEOUT_MS]
        self._cap = cv2.VideoCapture(spec, cv2.CAP_ANY, params)
        if not self._cap.isOpened():
            self._cap.release()
            raise SourceError(f"no camera or video at {spec!r}")

    def read(self) -> ArrayFrame | None:
        ok, array = self._cap.read()
        return ArrayFrame(array) if ok else None

    def close(self) -> None:
        self._cap.release()


def open_opencv_source(spec: str) -> FrameSource:
    """A device index, a folder, an image, a video file or a URL (``opencv:`` in front
    is allowed and means the same)."""
    spec = spec.removeprefix(OPENCV_PREFIX)
    if spec.isdigit():
        return CaptureSource(int(spec))
    path = Path(spec)
    if path.is_dir():
        return FolderSource(path, read_image)
    if path.suffix.lower() in IMAGE_SUFFIXES:
        return ImageSource(path, read_image)
    if path.exists() or "://" in spec:
        return CaptureSource(spec)
    raise SourceError(f"{spec} does not exist")

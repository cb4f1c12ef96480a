"""Where frames come from, behind one small interface, and what a frame offers the decoder.

A ``FrameSource`` gives the next ``Frame`` from ``read()``, or None when there is none
(yet); ``SourceError`` says plainly why a source cannot be used, at opening or at any
read. Nothing here waits for ever.

Two families implement it, and the core imports neither:

* ``ui.camera``: QtMultimedia (``QCamera`` → ``QVideoSink`` → ``QImage``), video files
  through ``QMediaPlayer``, images and folders through ``QImage``. The kiosk's default:
  it ships with Qt, asks for the camera permission the platform's way, and needs neither
  numpy nor OpenCV.
* ``kiosk.ecert.scanning.opencv``: OpenCV, the optional ``[opencv]`` extra, for what Qt
  cannot open (RTSP/IP cameras, some industrial USB cameras) and for the decode
  benchmarks. ``opencv_source`` says plainly when the extra is not installed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".bmp", ".webp"}
#: ``camera = "opencv:0"`` (or ``opencv:/dev/video2``): this device through OpenCV, not Qt
OPENCV_PREFIX = "opencv:"
MISSING_OPENCV = ("{what} needs OpenCV, which is not installed: "
                  "pip install 'service-hall-kiosk[opencv]'")


class SourceError(RuntimeError):
    """The frame source cannot be used (no camera, unreadable file …)."""


class Frame(Protocol):
    """One picture from a source, in the form the source has it; the decoder asks for
    what it needs, so nothing is converted before it is asked for."""

    def pixels(self) -> object:
        """The picture as zxing-cpp reads it as it is (a QImage, a numpy array …)."""
        ...

    def small_side(self) -> int: ...

    def enlarged(self) -> Frame:
        """The picture at twice the size, smoothly scaled: a code held far away."""
        ...

    def grey(self) -> tuple[bytes, int, int]:
        """8-bit grey pixels row after row, with the width and height: for zbar."""
        ...


class FrameSource(Protocol):
    def read(self) -> Frame | None:
        """The next frame, or None when there is none yet; SourceError when the source
        has failed for good."""
        ...

    def close(self) -> None: ...


#: a picture file read as a frame (QImage's or OpenCV's reader); None when it is not one
ImageReader = Callable[[Path], Frame | None]


class ImageSource:
    """One image, given again and again (a phone held still)."""

    def __init__(self, path: Path, read_image: ImageReader) -> None:
        frame = read_image(path)
        if frame is None:
            raise SourceError(f"{path} is not an image this kiosk can read")
        self._frame = frame

    def read(self) -> Frame | None:
        return self._frame

    def close(self) -> None:
        pass


class FolderSource:
    """The images of a folder in name order, then the last one again."""

    def __init__(self, path: Path, read_image: ImageReader) -> None:
        files = sorted(p for p in path.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES)
        if not files:
            raise SourceError(f"{path} holds no images")
        self._files, self._i, self._read_image = files, 0, read_image

    def read(self) -> Frame | None:
        path = self._files[min(self._i, len(self._files) - 1)]
        self._i += 1
        return self._read_image(path)

    def close(self) -> None:
        pass


def opencv_source(spec: str) -> FrameSource:
    """A camera (device index), video file, URL, image or folder through OpenCV; a
    SourceError that names the extra when OpenCV is not installed."""
    try:
        from kiosk.ecert.scanning.opencv import open_opencv_source
    except ImportError as exc:
        raise SourceError(MISSING_OPENCV.format(what=f"the camera source {spec!r}")) from exc
    return open_opencv_source(spec)

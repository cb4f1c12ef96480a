"""Frame sources through Qt, and the one place the ``camera`` setting is turned into one.

``open_source`` runs on the GUI thread, where Qt's multimedia objects must live; none of
it blocks: ``QCamera`` and ``QMediaPlayer`` start asynchronously and report failures
through their ``errorOccurred`` signals, which reach the camera thread as a
``SourceError`` from ``read()``. An OpenCV source (the ``[opencv]`` extra) may block for
seconds while it opens, so it is opened on the camera thread, at its first read.

    "0", "1" …              a camera, by its place in QMediaDevices.videoInputs()
    a folder / an image     QImage (PNG, JPEG, BMP, WebP)
    any other file          a video file, through QMediaPlayer, played in a loop
    rtsp://… http://…       an IP camera, through OpenCV (the extra)
    opencv:0, opencv:FILE   this device or file through OpenCV (cameras Qt cannot open)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCameraPermission, QCoreApplication, QPermission, Qt, QUrl
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import (
    QCamera,
    QCameraDevice,
    QCameraFormat,
    QMediaCaptureSession,
    QMediaDevices,
    QMediaPlayer,
)

from kiosk.ecert.scanning.sources import (
    IMAGE_SUFFIXES,
    OPENCV_PREFIX,
    FolderSource,
    FrameSource,
    ImageSource,
    SourceError,
    opencv_source,
)
from ui.camera.frames import QImageFrame, VideoFrame
from ui.camera.sink import SinkFrames

#: the camera format asked for: enough for a phone's code at arm's length, and a 720p
#: frame decodes in a few milliseconds (tests/bench/bench_scanning.py)
WANTED_SIZE = (1280, 720)
NO_CAMERA = "no camera found: the system lists no video input"
NOT_ALLOWED = "this program is not allowed to use the camera (the system's camera permission)"


def nearest_format(formats: Sequence[QCameraFormat]) -> QCameraFormat | None:
    """The format whose size is nearest 1280×720, the fastest of those."""
    want = WANTED_SIZE[0] * WANTED_SIZE[1]

    def distance(f: QCameraFormat) -> tuple[int, float]:
        size = f.resolution()
        return abs(size.width() * size.height() - want), -f.maxFrameRate()

    return min(formats, key=distance, default=None)


class CameraSource:
    """A camera through ``QCamera`` → ``QMediaCaptureSession`` → ``QVideoSink``."""

    def __init__(self, index: int,
                 devices: Callable[[], Sequence[QCameraDevice]] = QMediaDevices.videoInputs
                 ) -> None:
        found = list(devices())
        if not found:
            raise SourceError(NO_CAMERA)
        if index >= len(found):
            raise SourceError(f"no camera number {index}: the system lists {len(found)}")
        device = found[index]
        self._frames = SinkFrames()
        self._camera = QCamera(device)
        fmt = nearest_format(device.videoFormats())
        if fmt is not None:
            self._camera.setCameraFormat(fmt)
        self._camera.errorOccurred.connect(self._on_error)
        self._session = QMediaCaptureSession()
        self._session.setCamera(self._camera)
        self._session.setVideoSink(self._frames.sink)
        self._ask_then_start()

    def _ask_then_start(self) -> None:
        """macOS (and some others) ask the person first; elsewhere this is Granted."""
        app = QCoreApplication.instance()
        status = app.checkPermission(QCameraPermission()) if app else Qt.PermissionStatus.Granted
        if status == Qt.PermissionStatus.Denied:
            raise SourceError(NOT_ALLOWED)
        if app is None or status == Qt.PermissionStatus.Granted:
            self._camera.start()
            return
        app.requestPermission(QCameraPermission(), self._camera, self._on_permission)

    def _on_permission(self, permission: QPermission) -> None:
        if permission.status() == Qt.PermissionStatus.Granted:
            self._camera.start()
        else:
            self._frames.fail(NOT_ALLOWED)

    def _on_error(self, _error: QCamera.Error, text: str) -> None:
        self._frames.fail(f"the camera failed: {text}")

    def read(self) -> VideoFrame | None:
        return self._frames.read()

    def close(self) -> None:
        self._frames.close()
        self._camera.stop()


class VideoFileSource:
    """A video file through ``QMediaPlayer`` → ``QVideoSink``, in a loop (a phone held up)."""

    def __init__(self, path: Path) -> None:
        self._frames = SinkFrames()
        self._player = QMediaPlayer()
        self._player.setVideoSink(self._frames.sink)
        self._player.setLoops(QMediaPlayer.Loops.Infinite)
        self._player.errorOccurred.connect(
            lambda _error, text: self._frames.fail(f"cannot play {path.name}: {text}"))
        self._player.setSource(QUrl.fromLocalFile(str(path.resolve())))
        self._player.play()

    def read(self) -> VideoFrame | None:
        return self._frames.read()

    def close(self) -> None:
        self._frames.close()
        self._player.stop()


def read_image(path: Path) -> QImageFrame | None:
    image = QImage(str(path))
    return None if image.isNull() else QImageFrame(image)


class OpenedOnFirstRead:
    """A source whose opening may block (OpenCV waits up to 3 s for a device or URL):
    opened by the first ``read``, on the camera thread, never on the GUI's."""

    def __init__(self, opener: Callable[[], FrameSource]) -> None:
        self._opener = opener
        self._source: FrameSource | None = None

    def read(self):
        if self._source is None:
            self._source = self._opener()
        return self._source.read()

    def close(self) -> None:
        if self._source is not None:
            self._source.close()


def open_source(spec: str) -> FrameSource:
    """The ``camera`` setting as a frame source (see the table above); SourceError says
    plainly why there is none. Call it on the GUI thread."""
    if spec.startswith(OPENCV_PREFIX) or "://" in spec:
        return OpenedOnFirstRead(lambda: opencv_source(spec))
    if spec.isdigit():
        return CameraSource(int(spec))
    path = Path(spec)
    if path.is_dir():
        return FolderSource(path, read_image)
    if path.suffix.lower() in IMAGE_SUFFIXES:
        return ImageSource(path, read_image)
    if path.is_file():
        return VideoFileSource(path)
    raise SourceError(f"{spec} does not exist")

"""Frames from Qt: what the decoder reads (``sources.Frame``) and what the preview shows."""

from __future__ import annotations

from typing import Any

import zxingcpp
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import QVideoFrame, QVideoFrameFormat

from kiosk.ecert.scanning.sources import Frame

_F = QVideoFrameFormat.PixelFormat
#: camera formats whose first plane is the luma, a byte a pixel: the grey picture the
#: decoder wants, with no colour conversion (QVideoFrame.toImage() costs 3–4 ms at 720p)
PLANAR_LUMA = {_F.Format_NV12, _F.Format_NV21, _F.Format_YUV420P, _F.Format_YV12,
               _F.Format_YUV422P, _F.Format_IMC1, _F.Format_IMC2, _F.Format_IMC3,
               _F.Format_IMC4, _F.Format_Y8}
#: packed formats, luma in every other byte: where the first luma byte is
PACKED_LUMA = {_F.Format_YUYV: 0, _F.Format_UYVY: 1}

#: the QImage formats zxing-cpp reads as they are; any other is converted to grey first
#: (measured: premultiplied and RGBX formats are refused)
READABLE = {
    QImage.Format.Format_Grayscale8, QImage.Format.Format_RGB32, QImage.Format.Format_ARGB32,
    QImage.Format.Format_RGB888, QImage.Format.Format_BGR888, QImage.Format.Format_RGBA8888,
}


class QImageFrame:
    """A camera picture as a QImage (``QVideoFrame.toImage()`` or a file)."""

    def __init__(self, image: QImage) -> None:
        self.image = image
        self._readable: QImage | None = None

    def pixels(self) -> QImage:
        if self._readable is None:
            ok = self.image.format() in READABLE
            self._readable = self.image if ok else self.image.convertToFormat(
                QImage.Format.Format_Grayscale8)
        return self._readable

    def small_side(self) -> int:
        return min(self.image.width(), self.image.height())

    def enlarged(self) -> QImageFrame:
        grey = self.image.convertToFormat(QImage.Format.Format_Grayscale8)
        return QImageFrame(grey.scaled(grey.width() * 2, grey.height() * 2,
                                       Qt.AspectRatioMode.IgnoreAspectRatio,
                                       Qt.TransformationMode.SmoothTransformation))

    def grey(self) -> tuple[bytes, int, int]:
        g = self.image.convertToFormat(QImage.Format.Format_Grayscale8)
        w, h, stride = g.width(), g.height(), g.bytesPerLine()
        data = bytes(g.constBits())[:stride * h]
        if stride != w:  # rows are padded to 4 bytes
            data = b"".join(data[y * stride:y * stride + w] for y in range(h))
        return data, w, h


class VideoFrame:
    """A frame from a ``QVideoSink``: decoded from its luma plane when it has one (camera
    formats: NV12, YUV 4:2:0, YUYV …), else from ``toImage()``; converted to a QImage
    only when the preview or an enlargement asks for one."""

    def __init__(self, video: QVideoFrame) -> None:
        self.video = video
        self._luma = luma_of(video)
        self._image: QImageFrame | None = None

    def image(self) -> QImageFrame:
        if self._image is None:
            self._image = QImageFrame(self.video.toImage())
        return self._image

    def pixels(self) -> object:
        if self._luma is None:
            return self.image().pixels()
        data, w, h, stride = self._luma
        rows = memoryview(data).cast("B", (h, stride))  # any buffer does; the stub says ndarray
        return zxingcpp.ImageView(rows, w, h, zxingcpp.ImageFormat.Lum, stride, 1)  # type: ignore[arg-type]

    def small_side(self) -> int:
        size = self.video.size()
        return min(size.width(), size.height())

    def enlarged(self) -> QImageFrame:
        return self.image().enlarged()

    def grey(self) -> tuple[bytes, int, int]:
        if self._luma is None:
            return self.image().grey()
        data, w, h, stride = self._luma
        if stride != w:
            data = b"".join(data[y * stride:y * stride + w] for y in range(h))
        return data, w, h


def luma_of(video: QVideoFrame) -> tuple[bytes, int, int, int] | None:
    """The frame's luma as (bytes, width, height, bytes a row), copied out of the mapped
    frame; None for formats without a luma plane (RGB, JPEG …)."""
    fmt = video.pixelFormat()
    packed = PACKED_LUMA.get(fmt)
    if fmt not in PLANAR_LUMA and packed is None:
        return None
    if not video.map(QVideoFrame.MapMode.ReadOnly):
        return None
    try:
        w, h, stride = video.width(), video.height(), video.bytesPerLine(0)
        data = bytes(video.bits(0))[:stride * h]
    finally:
        video.unmap()
    if packed is not None:  # Y U Y V …: every other byte, from the first luma byte on
        data, stride = data[packed::2], stride // 2
    if len(data) < stride * h:
        return None
    return data, w, h, stride


def to_qimage(array: Any) -> QImage:
    """A BGR, BGRA or grey numpy frame (the OpenCV extra's) as a QImage that owns its
    pixels; without importing numpy or OpenCV."""
    h, w = array.shape[:2]
    channels = 1 if array.ndim == 2 else array.shape[2]
    fmt = {1: QImage.Format.Format_Grayscale8, 3: QImage.Format.Format_BGR888,
           4: QImage.Format.Format_ARGB32}[channels]  # BGRA bytes are ARGB32 on little-endian
    return QImage(array.tobytes(), w, h, w * channels, fmt).copy()


def mirrored(image: QImage) -> QImage:
    """Left and right swapped: the preview is a mirror to the person in front of it."""
    if hasattr(image, "flipped"):  # Qt 6.9 (mirrored() is deprecated there)
        return image.flipped(Qt.Orientation.Horizontal)
    return image.mirrored(True, False)


def preview_image(frame: Frame) -> QImage:
    """The frame as the preview shows it, mirrored."""
    if isinstance(frame, QImageFrame):
        return mirrored(frame.image)
    if isinstance(frame, VideoFrame):
        return mirrored(frame.image().image)
    return mirrored(to_qimage(frame.array))  # type: ignore[attr-defined]  # opencv.ArrayFrame

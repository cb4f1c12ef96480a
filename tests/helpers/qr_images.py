"""QR codes as QImages and image files written by Qt: the kiosk's default camera path
tested without numpy or OpenCV (tests/helpers/qr_frames.py makes OpenCV's frames)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import QVideoFrame, QVideoFrameFormat

from ui.widgets.qr import code_scene

#: a grey scene with the code in its middle (the gallery's camera picture too)
code_image = code_scene


def write_code_png(text: str, path: Path, module_px: int = 6) -> Path:
    if not code_image(text, module_px).save(str(path), "PNG"):
        raise OSError(f"cannot write {path}")
    return path


_F = QVideoFrameFormat.PixelFormat


def video_frame(image: QImage, pixel_format: QVideoFrameFormat.PixelFormat) -> QVideoFrame:
    """The picture, in grey, as a camera hands it to Qt: NV12, YUV420P (planar luma, then
    neutral chroma) or YUYV, UYVY (luma in every other byte)."""
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    w, h, grey_stride = grey.width(), grey.height(), grey.bytesPerLine()
    pixels = bytes(grey.constBits())
    rows = [pixels[y * grey_stride:y * grey_stride + w] for y in range(h)]
    video = QVideoFrame(QVideoFrameFormat(QSize(w, h), pixel_format))
    if not video.map(QVideoFrame.MapMode.WriteOnly):
        raise ValueError(f"cannot map a {pixel_format.name} frame")
    try:
        stride = video.bytesPerLine(0)
        plane = video.bits(0)
        packed = {_F.Format_YUYV: 0, _F.Format_UYVY: 1}.get(pixel_format)
        for y, row in enumerate(rows):
            line = bytearray([128]) * stride
            if packed is None:
                line[:w] = row
            else:
                line[packed:2 * w:2] = row
            plane[y * stride:(y + 1) * stride] = bytes(line)
        for p in range(1, video.planeCount()):
            chroma = video.bits(p)
            chroma[:] = bytes([128]) * len(chroma)
    finally:
        video.unmap()
    return video

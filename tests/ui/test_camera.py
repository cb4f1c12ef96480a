"""The camera through QtMultimedia (ui.camera): no camera said plainly, frames handed to
a QVideoSink read as QImages by the decoder, a video file played through the same sink,
images through QImage, and the whole path without numpy or OpenCV."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import QCameraDevice, QMediaDevices, QVideoFrame, QVideoFrameFormat

from kiosk.ecert.scanning.decode import decode
from kiosk.ecert.scanning.sources import SourceError
from tests.helpers.qr_images import code_image, video_frame, write_code_png
from ui.camera.frames import QImageFrame, VideoFrame, preview_image
from ui.camera.sink import SinkFrames
from ui.camera.sources import NO_CAMERA, CameraSource, ImageSource, open_source
from ui.workers.scan import ScanWorker

ROOT = Path(__file__).resolve().parents[2]


def camera_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "camera"]


def test_no_camera_is_a_plain_error(qapp):
    with pytest.raises(SourceError, match="no camera found"):
        CameraSource(0, devices=lambda: [])
    with pytest.raises(SourceError, match="no camera number 1: the system lists 1"):
        CameraSource(1, devices=lambda: [QCameraDevice()])


@pytest.mark.skipif(bool(QMediaDevices.videoInputs()), reason="this machine has a camera")
def test_the_worker_says_so_when_the_system_has_no_camera(qtbot):
    worker = ScanWorker("0")
    with qtbot.waitSignal(worker.failed, timeout=5000) as failed:
        worker.start()
    assert failed.args == [NO_CAMERA]
    worker.stop()
    assert not camera_threads()


def test_frames_given_to_the_sink_are_read_newest_first_and_once(qapp):
    frames = SinkFrames(wait_s=0.01)
    assert frames.read() is None  # nothing yet: no wait for ever
    frames.sink.setVideoFrame(QVideoFrame(code_image("OLDER")))
    frames.sink.setVideoFrame(QVideoFrame(code_image("NEWEST")))
    frame = frames.read()
    assert decode(frame).texts == ("NEWEST",)  # the older one was skipped, not queued
    assert frames.read() is None  # each frame is read once
    frames.close()
    frames.sink.setVideoFrame(QVideoFrame(code_image("LATE")))
    assert frames.read() is None  # closed: late frames are dropped


def test_a_failure_of_the_source_reaches_the_reader_as_a_source_error(qapp):
    frames = SinkFrames(wait_s=0.01)
    frames.fail("the camera failed: device busy")
    frames.fail("a second reason")  # the first one stays
    with pytest.raises(SourceError, match="device busy"):
        frames.read()
    frames.close()


def test_a_frame_from_another_thread_wakes_the_reader(qapp):
    frames = SinkFrames(wait_s=5)
    image = code_image("FROM-A-THREAD")
    threading.Timer(0.05, lambda: frames.offer(QVideoFrame(image))).start()
    frame = frames.read()  # waits for it, not the whole 5 s
    assert frame is not None and decode(frame).texts == ("FROM-A-THREAD",)
    frames.close()


@pytest.mark.parametrize("pixel_format", [
    QVideoFrameFormat.PixelFormat.Format_NV12, QVideoFrameFormat.PixelFormat.Format_YUV420P,
    QVideoFrameFormat.PixelFormat.Format_YUYV, QVideoFrameFormat.PixelFormat.Format_UYVY,
], ids=lambda f: f.name)
def test_camera_formats_are_read_from_their_luma_without_conversion(qapp, pixel_format):
    frames = SinkFrames(wait_s=0.01)
    frames.sink.setVideoFrame(video_frame(code_image("LUMA-PLANE", size=(642, 480)), pixel_format))
    frame = frames.read()
    assert isinstance(frame, VideoFrame)
    assert type(frame.pixels()).__name__ == "ImageView"  # the luma itself, no QImage made
    assert decode(frame).texts == ("LUMA-PLANE",)
    assert frame.grey()[1:] == (642, 480) and len(frame.grey()[0]) == 642 * 480
    assert preview_image(frame).width() == 642  # the preview converts, when it is asked
    frames.close()


@pytest.mark.parametrize("fmt", [
    QImage.Format.Format_RGB32, QImage.Format.Format_ARGB32_Premultiplied,
    QImage.Format.Format_RGBX8888, QImage.Format.Format_Grayscale8, QImage.Format.Format_BGR888,
], ids=lambda f: f.name)
def test_qimages_in_any_format_are_decoded(qapp, fmt):
    frame = QImageFrame(code_image("ANY-FORMAT", fmt=fmt))
    assert decode(frame).texts == ("ANY-FORMAT",)


def test_a_small_qimage_is_also_read_at_twice_the_size(qapp):
    frame = QImageFrame(code_image("SMALL", module_px=1, size=(161, 121)))
    assert frame.small_side() == 121
    big = frame.enlarged()
    assert (big.image.width(), big.image.height()) == (322, 242)
    data, w, h = frame.grey()  # rows of 161 bytes, without Qt's padding to 4
    assert (w, h, len(data)) == (161, 121, 161 * 121)
    assert decode(frame).texts == ("SMALL",)


def test_the_preview_is_mirrored(qapp):
    image = QImage(2, 1, QImage.Format.Format_RGB32)
    image.setPixelColor(0, 0, Qt.GlobalColor.red)
    image.setPixelColor(1, 0, Qt.GlobalColor.blue)
    shown = preview_image(QImageFrame(image))
    assert shown.pixelColor(0, 0) == Qt.GlobalColor.blue


def test_images_and_folders_through_qimage(qapp, tmp_path):
    write_code_png("FIRST", tmp_path / "a.png")
    write_code_png("SECOND", tmp_path / "b.png")
    folder = open_source(str(tmp_path))
    assert [decode(folder.read()).texts for _ in range(3)] == [("FIRST",), ("SECOND",), ("SECOND",)]
    image = open_source(str(tmp_path / "a.png"))
    assert isinstance(image, ImageSource) and decode(image.read()).texts == ("FIRST",)
    (tmp_path / "broken.png").write_bytes(b"not a png")
    with pytest.raises(SourceError, match="not an image"):
        open_source(str(tmp_path / "broken.png"))
    with pytest.raises(SourceError, match="does not exist"):
        open_source(str(tmp_path / "none.mp4"))
    (tmp_path / "empty").mkdir()
    with pytest.raises(SourceError, match="holds no images"):
        open_source(str(tmp_path / "empty"))


def test_the_worker_reads_a_code_from_an_image_and_shows_it_mirrored(qtbot, tmp_path):
    worker = ScanWorker(str(write_code_png("WORKER-READ", tmp_path / "c.png")))
    shown: list[QImage] = []
    worker.preview.connect(shown.append)
    with qtbot.waitSignal(worker.read, timeout=5000) as read:
        worker.start()
    assert read.args == ["WORKER-READ"]
    assert shown and shown[0].width() == 1280
    worker.stop()
    assert not camera_threads()


def test_an_ip_camera_without_opencv_names_the_extra(qtbot, monkeypatch):
    monkeypatch.setitem(sys.modules, "cv2", None)
    monkeypatch.delitem(sys.modules, "kiosk.ecert.scanning.opencv", raising=False)
    worker = ScanWorker("rtsp://camera.local/stream")
    with qtbot.waitSignal(worker.failed, timeout=5000) as failed:
        worker.start()
    assert "pip install 'service-hall-kiosk[opencv]'" in failed.args[0]
    worker.stop()


def test_a_source_that_gives_no_picture_is_a_failure_not_a_hang(qtbot, monkeypatch):
    from ui.workers import scan

    class Silent:
        def read(self):
            return None

        def close(self):
            pass

    monkeypatch.setattr(scan, "FIRST_FRAME_S", 0.2)
    monkeypatch.setattr(scan, "open_source", lambda spec: Silent())
    worker = ScanWorker("0")
    with qtbot.waitSignal(worker.failed, timeout=5000) as failed:
        worker.start()
    assert failed.args == ["the camera gave no picture in 0 s"]
    worker.stop()


def video_of(text: str, path: Path) -> Path:
    pytest.importorskip("cv2", reason="the [opencv] extra writes the test video")
    from tests.helpers.qr_frames import write_video

    return write_video(text, path)


def test_a_video_file_plays_through_the_sink_to_a_read(qtbot, tmp_path):
    worker = ScanWorker(str(video_of("FROM-A-VIDEO", tmp_path / "code.avi")))
    with qtbot.waitSignal(worker.read, timeout=10_000) as read:
        worker.start()
    assert read.args == ["FROM-A-VIDEO"]
    worker.stop()
    assert not camera_threads()


@pytest.mark.qt_log_ignore("Could not open media")  # Qt's own words for it, expected here
def test_a_file_that_is_no_video_is_said_plainly(qtbot, tmp_path):
    junk = tmp_path / "camera.mp4"
    junk.write_bytes(b"this is no video")
    worker = ScanWorker(str(junk))
    with qtbot.waitSignal(worker.failed, timeout=10_000) as failed:
        worker.start()
    assert failed.args[0].startswith("cannot play camera.mp4: ")
    worker.stop()


def test_the_qt_path_imports_neither_numpy_nor_opencv(tmp_path):
    script = "import sys\nsys.modules['cv2'] = None\nsys.modules['numpy'] = None\n" + \
        textwrap.dedent(f"""
        from PySide6.QtGui import QGuiApplication
        app = QGuiApplication([])
        from kiosk.ecert.scanning.decode import decode
        from tests.helpers.qr_images import write_code_png
        from ui.camera.sources import open_source
        from ui.workers.scan import ScanWorker
        source = open_source(str(write_code_png("QT-ONLY", __import__("pathlib").Path({str(tmp_path)!r}) / "q.png")))
        print(decode(source.read()).texts[0])
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         cwd=ROOT, timeout=60, env={**__import__("os").environ,
                                                    "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "QT-ONLY"

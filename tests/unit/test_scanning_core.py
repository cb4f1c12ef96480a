"""The scanning core without OpenCV: decoding any frame, stable reads, and plain words
where a source or tool needs the ``[opencv]`` extra that is not installed."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from kiosk.ecert.scanning.decode import STILL_STEPS, decode
from kiosk.ecert.scanning.sources import SourceError, opencv_source
from kiosk.ecert.scanning.stable import StableReads
from tests.helpers.grey_frames import code_frame

ROOT = Path(__file__).resolve().parents[2]


def without(*modules: str) -> str:
    """Python source that makes importing these modules fail, as if not installed."""
    return "import sys\n" + "".join(f"sys.modules[{m!r}] = None\n" for m in modules)


def test_a_code_is_accepted_only_when_read_twice_running():
    s = StableReads(needed=2)
    assert s.feed(("A",)) is None
    assert s.feed(()) is None  # a frame without it starts again
    assert s.feed(("A",)) is None
    assert s.feed(("B",)) is None
    assert s.feed(("B",)) == "B"
    assert s.feed(("B",)) is None  # accepted once, then counted anew


class FarAway:
    """A frame whose code only shows at twice the size (as a code held far away)."""

    def __init__(self, side: int) -> None:
        self.side = side

    def pixels(self):
        return code_frame("x", module_px=0).pixels()  # grey, nothing in it

    def small_side(self) -> int:
        return self.side

    def enlarged(self):
        return code_frame("FAR-AWAY")

    def grey(self):
        return code_frame("x", module_px=0).grey()


def test_any_frame_is_decoded_and_a_small_one_also_at_twice_the_size():
    assert decode(code_frame("SHK-BOOKING:ABCD2345")).texts == ("SHK-BOOKING:ABCD2345",)
    assert decode(code_frame("x", module_px=0)).texts == ()  # no code at all
    small = decode(FarAway(side=479))
    assert small.texts == ("FAR-AWAY",) and small.step == "zxing-x2"
    assert decode(FarAway(side=480)).texts == ()  # large enough: not enlarged


def test_still_steps_end_with_zbar_on_the_grey_bytes():
    name, zbar = STILL_STEPS[-1]
    assert name == "pyzbar"
    texts = zbar(code_frame("ZBAR-READS-BYTES"))
    assert texts in (["ZBAR-READS-BYTES"], [])  # [] only where libzbar0 is missing
    pytest.importorskip("pyzbar.pyzbar", reason="the system zbar library is missing")
    assert texts == ["ZBAR-READS-BYTES"]


def test_decoding_imports_neither_numpy_nor_opencv():
    script = without("cv2", "numpy") + textwrap.dedent("""
        from kiosk.ecert.scanning.decode import decode
        from tests.helpers.grey_frames import code_frame
        print(decode(code_frame("NO-NUMPY-HERE")).texts[0])
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         cwd=ROOT, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "NO-NUMPY-HERE"


def test_an_opencv_source_without_opencv_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "cv2", None)
    monkeypatch.delitem(sys.modules, "kiosk.ecert.scanning.opencv", raising=False)
    with pytest.raises(SourceError, match=r"service-hall-kiosk\[opencv\]"):
        opencv_source("rtsp://camera.local/stream")


def test_the_command_line_without_opencv_says_what_to_install(tmp_path):
    script = without("cv2") + textwrap.dedent(f"""
        import runpy
        sys.argv = ["kiosk.ecert.scanning", {str(tmp_path / "code.png")!r}]
        runpy.run_module("kiosk.ecert.scanning", run_name="__main__")
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         cwd=ROOT, timeout=60)
    assert out.returncode == 2
    assert "pip install 'service-hall-kiosk[opencv]'" in out.stderr

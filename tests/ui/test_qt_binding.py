"""The Qt binding itself: PySide6 6.12.0 on Python 3.11 lost a reference to None
on every void call and aborted the kiosk after a few thousand taps."""

import sys

import pytest


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_void_calls_keep_none_alive(qapp):
    from PySide6.QtWidgets import QLabel

    label = QLabel()
    label.setText("warm-up")
    before = sys.getrefcount(None)
    for n in range(2000):
        label.setText(str(n))
        label.resize(100, 40)
    assert sys.getrefcount(None) >= before - 10

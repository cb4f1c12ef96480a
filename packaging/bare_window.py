"""A hello window and nothing else: the baseline the kiosk's bundle is measured against
(``packaging/bare.spec``; ``bare_bundle_mib`` and ``bare_bundle_start_s`` in
tests/bench/bench_bundle.py).

    bare-window --smoke-test    show and paint the window, print the lines the kiosk
                                prints (``shown_at=`` when it is painted), exit 0
"""

import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel


def main() -> int:
    app = QApplication(sys.argv[:1])
    label = QLabel("Hello")
    label.resize(1920, 1080)
    label.show()
    if "--smoke-test" in sys.argv[1:]:
        # painted as the kiosk's smoke test paints its first screen before it says so
        app.processEvents()
        label.repaint()
        shown_at = time.time()

        def done() -> None:
            print("smoke test: home screen shown", flush=True)
            print(f"shown_at={shown_at:.6f}", flush=True)
            app.quit()

        QTimer.singleShot(0, done)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())

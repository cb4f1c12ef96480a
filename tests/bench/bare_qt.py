"""The baseline for start-up and memory: a bare PySide6 window, shown and painted."""

import sys
import time

from PySide6.QtWidgets import QApplication, QLabel

from ui.app import resident_mb

app = QApplication(sys.argv[:1])
label = QLabel("Hello")
label.resize(1920, 1080)
label.show()
app.processEvents()
label.repaint()
print(f"shown_at={time.time():.6f} rss_mb={resident_mb():.1f}", flush=True)
label.close()

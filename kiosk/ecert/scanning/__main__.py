"""``python -m kiosk.ecert.scanning FILE [FILE ...]``: decode image files with the kiosk's
pipeline; one JSON object a line: {"file": ..., "texts": [...], "ms": ...}.

Reads the files with OpenCV (the ``[opencv]`` extra): the core imports no Qt, and the
kiosk itself reads images through Qt (``ui.camera``)."""

from __future__ import annotations

import json
import sys

from kiosk.ecert.scanning.decode import STILL_STEPS, decode
from kiosk.ecert.scanning.sources import MISSING_OPENCV


def main(argv: list[str]) -> int:
    if not argv:
        print("usage: python -m kiosk.ecert.scanning FILE [FILE ...]", file=sys.stderr)
        return 2
    try:
        from kiosk.ecert.scanning.opencv import read_image
    except ImportError:
        print(MISSING_OPENCV.format(what="reading image files here"), file=sys.stderr)
        return 2
    status = 0
    for name in argv:
        frame = read_image(name)
        if frame is None:
            print(json.dumps({"file": name, "error": "not an image that can be read"},
                             ensure_ascii=False))
            status = 1
            continue
        result = decode(frame, STILL_STEPS)
        print(json.dumps({"file": name, "texts": list(result.texts), "ms": round(result.ms, 2),
                          "step": result.step}, ensure_ascii=False))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""``python -m kiosk.ecert.scanning FILE [FILE ...]``: decode image files with the kiosk's
pipeline; one JSON object a line: {"file": ..., "texts": [...], "ms": ...}."""

from __future__ import annotations

import json
import sys

import cv2

from kiosk.ecert.scanning.decode import STILL_STEPS, decode


def main(argv: list[str]) -> int:
    if not argv:
        print("usage: python -m kiosk.ecert.scanning FILE [FILE ...]", file=sys.stderr)
        return 2
    status = 0
    for name in argv:
        frame = cv2.imread(name, cv2.IMREAD_COLOR)
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

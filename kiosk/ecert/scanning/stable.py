"""A code is accepted only once it is read the same on consecutive frames.

One misread frame (a half-visible code, a reflection) must not become a result.
The state belongs to one scan; the session wipe drops it with the scan.
"""

from __future__ import annotations


class StableReads:
    def __init__(self, needed: int = 2) -> None:
        self.needed = needed
        self._last = ""
        self._count = 0

    def feed(self, texts: tuple[str, ...]) -> str | None:
        """The accepted text, once the same one has been read ``needed`` frames running."""
        text = texts[0] if texts else ""
        if not text:
            self._last, self._count = "", 0
            return None
        if text == self._last:
            self._count += 1
        else:
            self._last, self._count = text, 1
        if self._count >= self.needed:
            self._last, self._count = "", 0
            return text
        return None

    def reset(self) -> None:
        self._last, self._count = "", 0

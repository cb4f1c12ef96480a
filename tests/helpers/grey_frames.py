"""A frame made of plain bytes: the core's decoder tested without numpy, OpenCV or Qt."""

from __future__ import annotations

from kiosk.rules.qr_code import qr_matrix


class GreyFrame:
    """8-bit grey pixels row after row; implements ``kiosk.ecert.scanning.sources.Frame``."""

    def __init__(self, data: bytes, width: int, height: int) -> None:
        if len(data) != width * height:
            raise ValueError(f"{len(data)} bytes for {width}×{height} pixels")
        self.data, self.width, self.height = data, width, height

    def pixels(self) -> memoryview:
        return memoryview(self.data).cast("B", (self.height, self.width))

    def small_side(self) -> int:
        return min(self.width, self.height)

    def enlarged(self) -> GreyFrame:
        """Twice the size, each pixel made four (nearest neighbour)."""
        out = bytearray()
        for y in range(self.height):
            row = self.data[y * self.width:(y + 1) * self.width]
            doubled = bytes(b for b in row for _ in range(2))
            out += doubled + doubled
        return GreyFrame(bytes(out), self.width * 2, self.height * 2)

    def grey(self) -> tuple[bytes, int, int]:
        return self.data, self.width, self.height


def code_frame(text: str, module_px: int = 4, background: int = 110,
               margin: int = 40) -> GreyFrame:
    """The code (black on white, with its quiet zone) on a grey background."""
    rows = [bytes(0 if dark else 255 for dark in row for _ in range(module_px))
            for row in qr_matrix(text)]
    side = len(rows[0])
    width = side + 2 * margin
    edge = bytes([background]) * width
    body = [bytes([background]) * margin + row + bytes([background]) * margin
            for row in rows for _ in range(module_px)]
    return GreyFrame(b"".join([edge] * margin + body + [edge] * margin), width, len(body) + 2 * margin)

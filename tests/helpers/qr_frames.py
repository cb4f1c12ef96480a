"""Camera-like frames holding a QR code, generated: a phone screen in a 1280×720 scene,
then rotated, tilted, blurred, noisy, dim, glaring or small, as a hand holds it; and a
short video of one. Made with OpenCV and numpy (the ``[opencv]`` extra): tests that use
this module skip where it is not installed."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np

from kiosk.rules.qr_code import qr_matrix

W, H = 1280, 720


def qr_image(text: str, module_px: int = 8, quiet: int = 4) -> np.ndarray:
    m = np.array(qr_matrix(text), dtype=np.uint8)
    img = np.where(m == 1, 0, 255).astype(np.uint8)
    img = np.pad(img, quiet, constant_values=255)
    return cv2.resize(img, None, fx=module_px, fy=module_px, interpolation=cv2.INTER_NEAREST)


def scene(text: str, side: int = 360, seed: int = 0) -> np.ndarray:
    """A grey, textured background with a phone screen (the code on white) in it."""
    rng = np.random.default_rng(seed)
    frame = (rng.normal(110, 25, (H, W))).clip(0, 255).astype(np.uint8)
    frame = cv2.GaussianBlur(frame, (0, 0), 3)
    code = cv2.resize(qr_image(text), (side, side), interpolation=cv2.INTER_AREA)
    phone = np.full((side + 80, side + 40), 40, np.uint8)  # the phone's dark bezel
    phone[40:40 + side, 20:20 + side] = code
    y, x = (H - phone.shape[0]) // 2, (W - phone.shape[1]) // 2
    frame[y:y + phone.shape[0], x:x + phone.shape[1]] = phone
    return cv2.cvtColor(frame, cv2.COLOR_GRAY2BGR)


def rotated(frame: np.ndarray, degrees: float) -> np.ndarray:
    m = cv2.getRotationMatrix2D((W / 2, H / 2), degrees, 1.0)
    return cv2.warpAffine(frame, m, (W, H), borderValue=(110, 110, 110))


def tilted(frame: np.ndarray, amount: float) -> np.ndarray:
    src = np.float32([[0, 0], [W, 0], [W, H], [0, H]])
    d = amount * W
    dst = np.float32([[d, d * 0.3], [W - d, 0], [W, H], [0, H - d * 0.3]])
    return cv2.warpPerspective(frame, cv2.getPerspectiveTransform(src, dst), (W, H),
                               borderValue=(110, 110, 110))


def blurred(frame: np.ndarray, sigma: float) -> np.ndarray:
    return cv2.GaussianBlur(frame, (0, 0), sigma)


def noisy(frame: np.ndarray, sd: float, seed: int = 1) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return (frame + rng.normal(0, sd, frame.shape)).clip(0, 255).astype(np.uint8)


def dim(frame: np.ndarray, contrast: float) -> np.ndarray:
    return (128 + (frame.astype(np.float32) - 128) * contrast).clip(0, 255).astype(np.uint8)


def glare(frame: np.ndarray, strength: float = 0.8) -> np.ndarray:
    mask = np.zeros((H, W), np.float32)
    cv2.ellipse(mask, (W // 2 + 60, H // 2 - 40), (160, 90), 30, 0, 360, 1.0, -1)
    mask = cv2.GaussianBlur(mask, (0, 0), 40)[..., None]
    return (frame * (1 - mask * strength) + 255 * mask * strength).clip(0, 255).astype(np.uint8)


DISTORTIONS = {
    "clean": lambda f: f,
    "rotated 15°": lambda f: rotated(f, 15),
    "rotated 45°": lambda f: rotated(f, 45),
    "upside down": lambda f: rotated(f, 180),
    "tilted": lambda f: tilted(f, 0.12),
    "blur σ1.5": lambda f: blurred(f, 1.5),
    "blur σ3": lambda f: blurred(f, 3.0),
    "noise σ20": lambda f: noisy(f, 20),
    "low contrast ×0.25": lambda f: dim(f, 0.25),
    "glare": lambda f: glare(f, 0.6),
    "strong glare": lambda f: glare(f, 0.95),
}


def write_video(text: str, path: Path, side: int = 360, frames: int = 10) -> Path:
    """A one-second MJPEG video of the scene (1280×720, 10 fps): a phone held still."""
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 10, (W, H))
    if not writer.isOpened():
        raise OSError(f"cannot write {path}")
    for _ in range(frames):
        writer.write(scene(text, side))
    writer.release()
    return path

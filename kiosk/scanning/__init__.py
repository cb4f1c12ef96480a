"""Reading QR codes from camera frames: decoding, frame sources, stable reads (no Qt)."""

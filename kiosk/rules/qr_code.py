"""The modules of a QR code: one encoding for everything the kiosk or the platform shows.

Error correction M and a 4-module quiet zone, for every QR code we make (hand-off
links, slips, booking vouchers, the demo issuer's sample certificates).
"""

from __future__ import annotations


def qr_matrix(text: str) -> list[list[bool]]:
    """The modules of a QR code for the text, with a 4-module quiet zone."""
    import qrcode  # imported on first use: the first screens need no QR code
    import qrcode.constants

    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
    qr.add_data(text)
    qr.make(fit=True)
    return [list(row) for row in qr.get_matrix()]

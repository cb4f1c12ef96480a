import zxingcpp
from PySide6.QtGui import QImage

from tests.helpers.qr_images import code_image, write_code_png


def test_the_code_reads_back_in_the_size_and_format_asked(tmp_path):
    image = code_image("HELPER", size=(640, 480), fmt=QImage.Format.Format_Grayscale8)
    assert (image.width(), image.height()) == (640, 480)
    assert image.format() == QImage.Format.Format_Grayscale8
    assert [b.text for b in zxingcpp.read_barcodes(image)] == ["HELPER"]
    png = write_code_png("HELPER-FILE", tmp_path / "c.png")
    assert [b.text for b in zxingcpp.read_barcodes(QImage(str(png)))] == ["HELPER-FILE"]

import pytest

from tests.helpers.grey_frames import GreyFrame, code_frame


def test_enlarged_makes_each_pixel_four():
    frame = GreyFrame(bytes([1, 2, 3, 4]), 2, 2).enlarged()
    assert (frame.width, frame.height) == (4, 4)
    assert frame.data == bytes([1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4])


def test_pixels_are_rows_of_the_given_width():
    frame = code_frame("A", module_px=2, margin=3)
    assert frame.pixels().shape == (frame.height, frame.width)
    assert frame.pixels()[0, 0] == 110 and frame.small_side() == min(frame.width, frame.height)


def test_refuses_bytes_that_do_not_fill_the_size():
    with pytest.raises(ValueError):
        GreyFrame(bytes(5), 2, 2)

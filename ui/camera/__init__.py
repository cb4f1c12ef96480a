"""The camera through QtMultimedia: frame sources for ``kiosk.ecert.scanning``.

``sources.open_source`` turns the ``camera`` setting into a ``FrameSource``: a camera
through ``QCamera`` (the platform's own backend and camera permission), a video file
through ``QMediaPlayer``, an image or a folder of images through ``QImage``; both
cameras and videos hand their frames to ``sink.SinkFrames``. zxing-cpp reads a camera
frame's luma plane where its format has one (NV12, YUV 4:2:0, YUYV …) and a QImage as
it is otherwise (``frames``): no numpy, no OpenCV. RTSP/IP cameras, and devices named
``opencv:…``, go to the optional OpenCV extra.
"""

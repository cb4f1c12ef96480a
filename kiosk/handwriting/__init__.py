"""Handwriting (手写): a character written on the search screen's pad, recognised offline.

``recognizer`` (the ``Recognizer`` interface a screen uses: strokes in, ranked
candidates out; stroke normalisation; ``open_recognizer`` from the settings, ``None``
where no engine or model is installed), ``zinnia`` (the Zinnia engine through its C
API with ctypes, with the Tegaki simplified-Chinese model).

Strokes are what a resident drew on the pad: they are handed in, recognised and not
kept.

May import: the standard library. Never Qt or the UI.
"""

"""好差评: the resident's rating of a service, on the kiosk and at a window.

``words``: the five levels and the reasons, in the resident's language; ``faces``: the
faces drawn with QPainter (no emoji font needed); ``comment``: typing or writing the
optional comment; ``panel``: the steps (face, reasons, comment, phone) as one widget the
kiosk's rating screen and the window terminal both show.
"""

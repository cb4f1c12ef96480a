"""The gallery: every screen rendered to PNG in both modes, languages and orientations.

``render`` (``kiosk gallery DIR``: the states and the loop over modes and sizes),
``booking`` (booking, appointments and scanning states with fake services),
``staff`` (staff sign-in, panel and assisted states), ``speech`` (read-aloud with
a silent engine). Used by the gallery command and by the accessibility tests.
"""

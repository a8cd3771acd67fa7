"""Photo mode's pure part: a hostile image read safely, one face's landmarks found, the map warped onto it.

Nothing here imports Qt. Pillow and numpy read and warp; MediaPipe (the
optional extra `meridian-map[photo]`) finds the landmarks, and is imported
only when a face is looked for, so the rest of the app never pays for it.
"""

"""Photo mode's pure part: a hostile image read safely, one face's landmarks found, the map warped onto it.

Nothing here imports Qt. Pillow and numpy read and warp; MediaPipe (the
optional extra `meridian-map[photo]`) finds the landmarks, and is imported
only when a face is looked for, so the rest of the app never pays for it.
"""

from __future__ import annotations

import importlib.util

EXTRA_INSTALL = "pip install 'meridian-map[photo]'"


def photo_mode_problem() -> str | None:
    """Why photo mode is not available here, with how to enable it; None when it is.

    Looks the packages up without importing them: MediaPipe takes a second to import.
    """
    missing = []
    for name in ("mediapipe", "PIL"):
        try:
            found = importlib.util.find_spec(name) is not None
        except (ImportError, ValueError):  # a half-installed package
            found = False
        if not found:
            missing.append(name)
    if not missing:
        return None
    return f"Photo mode needs the optional extra: {EXTRA_INSTALL} (missing: {', '.join(missing)})"

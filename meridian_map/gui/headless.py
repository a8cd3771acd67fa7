"""Rendering without a screen: the window's screenshot and the sheets pick Qt's offscreen platform.

No Qt import here: the platform must be chosen before Qt starts.
"""

from __future__ import annotations

import os


def offscreen_without_display() -> None:
    """Use Qt's offscreen platform when there is no display and none was chosen.

    Otherwise Qt tries its X11 plugin on a machine without one and aborts
    the whole process.
    """
    has_display = os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    if not os.environ.get("QT_QPA_PLATFORM") and not has_display:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"

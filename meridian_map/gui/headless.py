"""Rendering without a screen: the window's screenshot and the sheets pick Qt's offscreen platform.

No Qt import here: the platform must be chosen before Qt starts.
"""

from __future__ import annotations

import math
import os
import sys


def offscreen_without_display() -> None:
    """Use Qt's offscreen platform when there is no display and none was chosen.

    Otherwise Qt tries its X11 plugin on a machine without one and aborts
    the whole process.
    """
    has_display = os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    if not os.environ.get("QT_QPA_PLATFORM") and not has_display:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


SCALE_FACTOR_RANGE = (0.1, 10.0)  # Qt crashes painting at 0, below it and at 1000; 10 already makes 4 MB screenshots


def scale_factor_problem() -> str | None:
    """Why `QT_SCALE_FACTOR` cannot be used, if it cannot: Qt would crash on it (0, -1, 1000, nan)."""
    text = os.environ.get("QT_SCALE_FACTOR", "").strip()
    if not text:
        return None
    low, high = SCALE_FACTOR_RANGE
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if low <= value <= high:  # false for nan
        return None
    shown = text if len(text) <= 20 else text[:19] + "…"
    return f"QT_SCALE_FACTOR={shown!r} is not usable: give a number from {low:g} to {high:g}, or unset it"


def display_problem() -> str | None:
    """Why the window cannot open, if there is plainly no display to open it on.

    Without this Qt tries its X11 plugin, fails, advises reinstalling the
    application and aborts. Only Linux and the other Unixes need a display
    variable; Windows and macOS always have their own platform. A platform
    chosen in QT_QPA_PLATFORM is trusted, except X11's (xcb) without DISPLAY.
    """
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if sys.platform in ("win32", "darwin") or (platform and not platform.startswith("xcb")):
        return None
    if os.environ.get("DISPLAY") or (not platform and os.environ.get("WAYLAND_DISPLAY")):
        return None
    unset = "DISPLAY is not set" if platform else "neither DISPLAY nor WAYLAND_DISPLAY is set"
    return (
        f"no display found ({unset}), so the window cannot open: "
        "start meridian-map from a desktop session, or over ssh with -X. Without a display, "
        "'meridian-map sheet' writes PDF sheets and 'meridian-map --screenshot FILE' saves the window as PNG."
    )

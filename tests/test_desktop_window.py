"""The real program's window, as a window manager and a dock see it on an X server."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from meridian_map.core.appid import APP_ID

pytestmark = pytest.mark.xvfb

REPO = Path(__file__).resolve().parents[1]


def xprop(window: str, *properties: str) -> str:
    return subprocess.run(["xprop", "-id", window, *properties], capture_output=True, text=True, check=True).stdout


def desktop_entry_value(key: str) -> str:
    text = (REPO / "assets" / "desktop" / f"{APP_ID}.desktop").read_text()
    (value,) = (line.split("=", 1)[1] for line in text.splitlines() if line.startswith(f"{key}="))
    return value


def test_the_window_names_its_desktop_entry_shows_the_icon_and_quits_on_ctrl_q(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb"}
    env |= {f"XDG_{kind}_HOME": str(tmp_path / kind.lower()) for kind in ("CONFIG", "DATA", "CACHE")}
    app = subprocess.Popen([sys.executable, "-m", "meridian_map"], env=env)
    try:
        found = subprocess.run(
            ["xdotool", "search", "--sync", "--onlyvisible", "--pid", str(app.pid), "--name", "^Meridian Map$"],
            capture_output=True,
            text=True,
            timeout=60,
        )
        window = found.stdout.split()[0]
        wm_class = xprop(window, "WM_CLASS")
        assert wm_class.strip().endswith(f'"{desktop_entry_value("StartupWMClass")}"')
        ids = xprop(window, "_GTK_APPLICATION_ID", "_KDE_NET_WM_DESKTOP_FILE")
        assert ids.count(f'"{APP_ID}"') == 2
        icon = xprop(window, "-notype", "_NET_WM_ICON")
        assert "Icon (16 x 16)" in icon
        assert "Icon (48 x 48)" in icon
        subprocess.run(["xdotool", "windowfocus", "--sync", window, "key", "ctrl+q"], check=True, timeout=30)
        assert app.wait(timeout=30) == 0
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()

"""The application's icon and the names the desktop knows it by."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from ..core.appid import APP_ID, ICON_SIZES
from ..core.assets import shipped_assets


def app_icon() -> QIcon:
    """The shipped PNG sizes; Qt reads a file only when that size is first drawn."""
    hicolor = shipped_assets() / "icons" / "hicolor"
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(Path(str(hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"))), QSize(size, size))
    return icon


def identify(app: QApplication) -> None:
    """Name and icon: the desktop file name is what lets a dock group the window with its menu entry."""
    app.setApplicationName("Meridian Map")
    app.setApplicationDisplayName("Meridian Map")
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())

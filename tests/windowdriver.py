"""The main window as a user first sees it: shown at a size of the test's choosing, on the screen it asks for."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from meridian_map.core.catalog import Catalog
from meridian_map.gui.mainwindow import MainWindow


def shown_window(qtbot: QtBot, catalog: Catalog, width: int = 1280, height: int = 800) -> MainWindow:
    """The window shown and exposed at `width` × `height`, closed when the test ends."""
    window = MainWindow(catalog)
    qtbot.addWidget(window)
    window.resize(width, height)
    window.show()
    qtbot.waitExposed(window)
    return window


def switch_to(window: MainWindow, mode: str) -> QWidget:
    """The page of `mode` ("study", "clients"…), switched to as its menu action (Ctrl+digit) does."""
    window.named_actions[f"mode_{mode}"].trigger()
    return window.pages.currentWidget()

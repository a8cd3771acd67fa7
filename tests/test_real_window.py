"""A real window on an X server (Xvfb): QTest clicks and a screen grab.

Offscreen rendering skips the window system; these tests prove the same
clicks work through a real platform plugin, and that what the screen shows
is the map, not an empty frame.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from meridian_map.core.catalog import Catalog
from meridian_map.gui.mainwindow import MainWindow

from .mapdriver import clickable_spot

pytestmark = pytest.mark.xvfb


@pytest.fixture
def window(qtbot: QtBot, catalog: Catalog) -> MainWindow:
    assert QGuiApplication.platformName() == "xcb"
    win = MainWindow(catalog)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: win.view.viewport().isVisible())
    win.view.fit()
    return win


def test_clicks_on_a_real_window_select_zones(window: MainWindow, catalog: Catalog) -> None:
    for key in ("cheek_r", "cheek_l", "forehead_l", "neck_side_r", "under_eye_l"):
        QTest.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=clickable_spot(window, key))
        assert window.map_state.selection.key == key


def test_the_screen_shows_the_map(window: MainWindow, qtbot: QtBot) -> None:
    window.select("cheek_l")
    screen = window.screen()
    qtbot.waitUntil(lambda: not screen.grabWindow(window.winId()).isNull())
    image = screen.grabWindow(window.winId()).toImage()
    assert image.width() >= 1200
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 17) for y in range(0, image.height(), 17)}
    assert len(colours) > 50, "the window looks empty"


def test_the_side_view_opens_by_its_shortcut_and_takes_real_clicks(window: MainWindow, qtbot: QtBot) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: window.side_inset is not None and window.side_inset.isVisible())
    inset = window.side_inset
    assert inset is not None
    point = inset.side.point("GB12.L")
    assert point is not None
    QTest.mouseClick(inset, Qt.MouseButton.LeftButton, pos=inset.to_widget().map(QPointF(*point.pos)).toPoint())
    assert window.map_state.selection.point == "GB12.L"
    screen = window.screen()
    corner = inset.mapTo(window, QPoint(0, 0))
    image = screen.grabWindow(window.winId(), corner.x(), corner.y(), inset.width(), inset.height()).toImage()
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 20, "the side view looks empty on screen"

"""A three-step consult on a real window (Xvfb), driven by the keyboard only, checked on the screen at each step."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from meridian_map.core.catalog import Catalog
from meridian_map.core.load import load_screening
from meridian_map.core.session.routine import for_concerns
from meridian_map.core.session.screening import screen
from meridian_map.gui.consult.player import PlayerPage
from meridian_map.gui.mainwindow import MainWindow
from meridian_map.gui.state import EXPLORE

pytestmark = pytest.mark.xvfb


def key(qtbot: QtBot, pressed: Qt.Key) -> None:
    """A key to whatever has the keyboard focus, as a person's keyboard would send it."""
    target = QApplication.focusWidget()
    assert isinstance(target, QWidget), "something must have the keyboard focus"
    QTest.keyClick(target, pressed)


def screen_image(window: MainWindow, qtbot: QtBot) -> QImage:
    screen = window.screen()
    qtbot.waitUntil(lambda: not screen.grabWindow(window.winId()).isNull())
    return screen.grabWindow(window.winId()).toImage()


def zone_chroma(page: PlayerPage, image: QImage, zone: str) -> int:
    """How colourful the screen is inside the zone's right side: the most colourful pixel near its roomiest spot.

    The number sits at that spot on the left side; the right side is its mirror image.
    """
    (spot, _room), *_ = page.catalog.label_spots[zone]
    middle = page.catalog.face.view_box.x + page.catalog.face.view_box.width / 2
    at = page.face.mapTo(page.window(), page.face.transform.map(QPointF(2 * middle - spot[0], spot[1])).toPoint())
    ratio = image.devicePixelRatio()
    chroma = []
    for dx in range(-4, 5, 2):
        for dy in range(-4, 5, 2):
            colour = image.pixelColor(round((at.x() + dx) * ratio), round((at.y() + dy) * ratio))
            parts = (colour.red(), colour.green(), colour.blue())
            chroma.append(max(parts) - min(parts))
    return max(chroma)


def test_a_three_step_session_by_keyboard(qtbot: QtBot, catalog: Catalog) -> None:
    assert QGuiApplication.platformName() == "xcb"
    window = MainWindow(catalog)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    checklist = load_screening(catalog)
    routine = screen(for_concerns(catalog, ["dark_circles"]), (), dt.date.today(), checklist, catalog)
    zones = [step.zone for step in routine.steps]
    assert len(zones) == 3
    window.map_state.set_routine(routine)
    window.view.setFocus()

    key(qtbot, Qt.Key.Key_F5)
    page = window.pages.currentWidget()
    assert isinstance(page, PlayerPage)
    qtbot.waitUntil(lambda: window.isFullScreen() and QApplication.focusWidget() is page)
    qtbot.waitUntil(lambda: page.width() > 1200)
    assert window.menuBar().isHidden()

    done: list[tuple[int, ...]] = []
    page.steps_done_changed.connect(done.append)
    for number, zone in enumerate(zones, start=1):
        name = catalog.zones[zone].name.get()
        qtbot.waitUntil(lambda n=name: page.words.name.text() == n)  # type: ignore[misc]
        assert page.words.step.text() == f"Step {number} of 3"
        strokes = routine.steps[number - 1].strokes
        key(qtbot, Qt.Key.Key_Space)
        key(qtbot, Qt.Key.Key_Space)
        assert page.words.count.text() == f"2/{strokes}"

        def stands_out(zone: str = zone) -> bool:
            """The screen shows the step's zone in colour and the routine's other zones quiet."""
            image = screen_image(window, qtbot)
            if image.width() < window.width() * image.devicePixelRatio():
                return False  # the screen still shows the window before it went full screen
            lit = zone_chroma(page, image, zone)
            return all(lit > zone_chroma(page, image, other) + 40 for other in zones if other != zone)

        qtbot.waitUntil(stands_out)
        key(qtbot, Qt.Key.Key_PageDown if number % 2 else Qt.Key.Key_Right)

    qtbot.waitUntil(lambda: page.words.name.text() == "Routine complete")
    assert page.steps_done() == (1, 2, 3) and done[-1] == (1, 2, 3)
    key(qtbot, Qt.Key.Key_B)

    def blank() -> bool:
        image = screen_image(window, qtbot)
        return image.pixelColor(image.width() // 2, image.height() // 2).name() == "#000000"

    qtbot.waitUntil(blank)
    key(qtbot, Qt.Key.Key_B)
    key(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.map_state.mode == EXPLORE and not window.isFullScreen())
    assert not window.menuBar().isHidden()

"""Pointer events reach the view's tool in face units; the explore tool writes the state."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from meridian_map.gui.mainwindow import MainWindow
from meridian_map.gui.map.tools import ExploreTool, MapEvent, Tool
from meridian_map.gui.map.view import MapView
from meridian_map.gui.state import Hover

from ...mapdriver import clickable_spot


class Recorder(Tool):
    def __init__(self, view: MapView) -> None:
        super().__init__(view)
        self.events: list[tuple[str, MapEvent]] = []
        self.ended = False

    def press(self, event: MapEvent) -> None:
        self.events.append(("press", event))

    def release(self, event: MapEvent) -> None:
        self.events.append(("release", event))

    def end(self) -> None:
        self.ended = True


def shown(window: MainWindow, qtbot: QtBot) -> None:
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)


def test_an_installed_tool_gets_clicks_in_face_units(qtbot: QtBot, window: MainWindow) -> None:
    shown(window, qtbot)
    view = window.view
    explore = view.tool
    assert isinstance(explore, ExploreTool)
    recorder = Recorder(view)
    view.set_tool(recorder)
    spot = clickable_spot(window, "chin_l")
    with qtbot.assertNotEmitted(window.map_state.selection_changed):
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    assert [kind for kind, _event in recorder.events] == ["press", "release"]
    face = recorder.events[-1][1].face
    assert face == view.mapToScene(spot)
    area = window.catalog.hit(face.x(), face.y())
    assert area is not None and area.key == "chin_l"
    view.set_tool(explore)
    assert recorder.ended


def test_a_drag_pans_and_is_no_click(qtbot: QtBot, window: MainWindow) -> None:
    shown(window, qtbot)
    view = window.view
    recorder = Recorder(view)
    view.set_tool(recorder)
    start = clickable_spot(window, "chin_l")
    QTest.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start)
    QTest.mouseMove(view.viewport(), start + QPoint(40, 0))
    QTest.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=start + QPoint(40, 0))
    assert [kind for kind, _event in recorder.events] == ["press"]


def test_explore_hover_and_click_write_the_state(qtbot: QtBot, window: MainWindow) -> None:
    shown(window, qtbot)
    view = window.view
    spot = clickable_spot(window, "forehead_r")
    with qtbot.waitSignal(window.map_state.hover_changed) as hovered:
        QTest.mouseMove(view.viewport(), spot)
    assert hovered.args == [Hover(area="forehead_r")]
    with qtbot.waitSignal(window.map_state.selection_changed):
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    assert window.map_state.selection.area == "forehead_r"
    assert view.focused_zone == "forehead_r"
    tool = view.tool
    far = MapEvent(face=QPointF(-1000, -1000), screen=QPointF(-1000, -1000))
    with qtbot.waitSignal(window.map_state.selection_changed):
        tool.release(far)
    assert window.map_state.selection.key == ""
    QTest.mouseMove(view.viewport(), QPoint(1, 1))

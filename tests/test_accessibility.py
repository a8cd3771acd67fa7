"""Screen readers, the keyboard and large type: names and descriptions, points by keyboard, the focus ring."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QFont
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from meridian_map.core.catalog import Catalog
from meridian_map.core.text.spoken import first_sentence, spoken_area, spoken_point
from meridian_map.gui.mainwindow import MainWindow
from meridian_map.gui.map.looks import Layer
from meridian_map.gui.theme import LIGHT

from .clipping import clipped

REPO = Path(__file__).resolve().parents[1]


def accessible_text(widget: QWidget, kind: QAccessible.Text) -> str:
    """What a screen reader is told, through the accessibility interface Qt gives it."""
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None, widget
    return interface.text(kind)


@pytest.fixture
def with_concern(window: MainWindow) -> Iterator[MainWindow]:
    """The window with a concern chosen, which shows the note field; the note's measuring is over by the end.

    Its worker lays text out with the application's font, which later tests change.
    """
    yield window
    window.map_state.set_concern("")  # a measurement not started yet finds no concern and is not made
    if window.sidebar.room is not None:
        window.sidebar.room.wait()


def test_every_control_has_a_name_and_a_description(with_concern: MainWindow) -> None:
    window = with_concern
    window.map_state.set_concern("dark_circles")
    missing = []
    for widget in window.findChildren(QWidget):
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or not widget.isVisibleTo(window):
            continue
        if widget.parent() is not None and widget.parent().inherits("QComboBox"):
            continue  # a combo box's own popup parts
        if widget is window.view.viewport() or widget.inherits("QSplitterHandle"):
            continue
        for kind in (QAccessible.Text.Name, QAccessible.Text.Description):
            if not accessible_text(widget, kind).strip():
                missing.append(f"{type(widget).__name__} {widget.objectName()} {kind.name}")
    assert not missing


def test_every_zone_side_and_point_has_spoken_words(catalog: Catalog) -> None:
    for key in catalog.areas:
        for lang in catalog.content.languages:
            spoken = spoken_area(catalog, key, lang)
            assert spoken.name.strip() and spoken.description.strip(), (key, lang)
    for point in catalog.points:
        spoken = spoken_point(catalog, point.key)
        assert point.code in spoken.name and spoken.description.strip(), point.key


def test_a_zone_is_read_with_its_side_direction_and_pressure(catalog: Catalog) -> None:
    spoken = spoken_area(catalog, "cheek_l")
    assert spoken.name == "Cheek, subject's left side"
    assert spoken.description.startswith("Stroke outward from beside the nose")
    assert spoken.description.endswith("Pressure: Light")
    assert spoken_area(catalog, "cheek_l", "zh").name == "面颊, 受术者左侧"


def test_first_sentence_ends_at_the_first_full_stop_in_either_language() -> None:
    assert first_sentence("Glide out. Then up.") == "Glide out."
    assert first_sentence("向外滑。再向上。") == "向外滑。"
    assert first_sentence("No stop at all") == "No stop at all"


def press(window: MainWindow, key: Qt.Key, times: int = 1) -> None:
    for _ in range(times):
        QTest.keyClick(window.view, key)


def test_right_visits_points_as_well_as_zones(window: MainWindow, catalog: Catalog) -> None:
    view = window.view
    view.setFocus(Qt.FocusReason.TabFocusReason)
    press(window, Qt.Key.Key_Right)
    assert view.focused_zone == view.focus_order[0]
    assert view.accessibleName() == spoken_area(catalog, view.focus_order[0]).name
    press(window, Qt.Key.Key_Right)
    point = view.focused_point
    assert point and catalog.point(point).info.zone == catalog.areas[view.focus_order[0]].zone
    assert view.accessibleName() == spoken_point(catalog, point).name
    assert accessible_text(view, QAccessible.Text.Description) == spoken_point(catalog, point).description
    assert window.map_state.hover.point == point
    press(window, Qt.Key.Key_Return)
    assert window.map_state.selection.point == point
    press(window, Qt.Key.Key_Up)
    assert view.focused_zone == view.focus_order[0], "Up from a point goes back to its zone"
    press(window, Qt.Key.Key_Escape)
    assert view.accessibleName() == view.map_name()


def test_every_point_is_reachable_by_keyboard(window: MainWindow, catalog: Catalog) -> None:
    view = window.view
    view.setFocus(Qt.FocusReason.TabFocusReason)
    reached = set()
    for _ in range(len(view.focus_sequence)):
        press(window, Qt.Key.Key_Right)
        reached.add(view.focused_point)
    assert reached - {""} == {point.key for point in catalog.points}


def test_hidden_points_are_passed_over(window: MainWindow) -> None:
    window.map_state.set_layer(Layer.POINTS, False)
    view = window.view
    view.setFocus(Qt.FocusReason.TabFocusReason)
    for _ in range(len(view.focus_order) + 1):
        press(window, Qt.Key.Key_Right)
        assert not view.focused_point


def test_tab_still_walks_zones_only(window: MainWindow) -> None:
    view = window.view
    view.setFocus(Qt.FocusReason.TabFocusReason)
    press(window, Qt.Key.Key_Tab, 3)
    assert view.focused_zone == view.focus_order[2]


def ring_pixels(window: MainWindow) -> int:
    image = window.view.viewport().grab().toImage()
    focus = LIGHT.focus.rgb()
    return sum(image.pixel(x, y) == focus for x in range(0, image.width(), 2) for y in range(0, image.height(), 2))


def test_keyboard_focus_on_the_map_is_visible(window: MainWindow) -> None:
    view = window.view
    window.search.setFocus(Qt.FocusReason.TabFocusReason)
    assert ring_pixels(window) == 0
    view.setFocus(Qt.FocusReason.TabFocusReason)
    frame = ring_pixels(window)
    assert frame > 100, "the whole map is ringed when it has focus and nothing in it has"
    press(window, Qt.Key.Key_Down)
    assert 0 < ring_pixels(window) != frame, "the focused zone is ringed"
    press(window, Qt.Key.Key_Right)
    assert window.view.focused_point and ring_pixels(window) > 0


def test_a_click_gives_focus_without_the_ring(window: MainWindow) -> None:
    from .mapdriver import clickable_spot

    QTest.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=clickable_spot(window, "chin_l"))
    assert window.view.hasFocus() and ring_pixels(window) == 0


# large type ---------------------------------------------------------------------------


@pytest.fixture
def large_font() -> Iterator[QFont]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.font()
    font = QFont(before)
    font.setPointSizeF(before.pointSizeF() * 1.5)
    app.setFont(font)
    yield font
    app.setFont(before)


def test_nothing_is_clipped_at_the_default_font(window: MainWindow) -> None:
    assert clipped(window) == []


def test_nothing_is_clipped_in_high_contrast(window: MainWindow, qtbot: QtBot, light_theme_after: None) -> None:
    """High contrast draws its own edges around fields and check boxes, which take room."""
    window.map_state.set_theme("high-contrast")
    qtbot.waitUntil(lambda: clipped(window) == [])


def test_nothing_is_clipped_with_a_one_and_a_half_times_system_font(
    large_font: QFont, qtbot: QtBot, catalog: Catalog
) -> None:
    window = MainWindow(catalog)
    qtbot.addWidget(window)
    window.map_state.set_concern("dark_circles")  # its caution is the longest text in the sidebar
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    assert window.sidebar.concern_box.font().pointSizeF() == pytest.approx(large_font.pointSizeF())
    qtbot.waitUntil(lambda: clipped(window) == [])  # once the wrapped texts have been laid out at their width
    window.map_state.set_concern("")
    if window.sidebar.room is not None:
        window.sidebar.room.wait()


def test_nothing_is_clipped_at_twice_the_scale() -> None:
    env = {**os.environ, "QT_SCALE_FACTOR": "2", "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "tests.clipping"], capture_output=True, text=True, timeout=120, cwd=REPO, env=env
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""


def test_label_size_follows_the_setting_and_the_system_font(window: MainWindow, large_font: QFont) -> None:
    scene = window.scene
    window.map_state.set_layer(Layer.LABELS, True)
    label = next(iter(scene.label_items.values()))
    normal = label.font().pointSizeF()
    window.sidebar.label_size.setCurrentIndex(window.sidebar.label_size.findData(150))
    assert window.map_state.label_size == 150
    assert label.font().pointSizeF() == pytest.approx(normal * 1.5)
    assert window.state()["label_size"] == 150
    assert normal == pytest.approx(large_font.pointSizeF() * 0.85)

"""The side view beside the map: built on first show, following and writing the shared state."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from pytestqt.qtbot import QtBot

from meridian_map.gui.mainwindow import MainWindow
from meridian_map.gui.map.looks import Layer


def test_the_side_view_is_built_when_first_shown_and_remembered(window: MainWindow) -> None:
    assert window.side_inset is None  # nothing of it at start-up
    window.named_actions["side_view"].trigger()
    inset = window.side_inset
    assert inset is not None and inset.isVisibleTo(window.view)
    assert window.view.viewportMargins().right() == inset.width()  # the front map is fitted beside it
    assert window.map_state.to_settings()["side_view"] is True
    window.named_actions["side_view"].trigger()
    assert not inset.isVisibleTo(window.view) and window.view.viewportMargins().right() == 0


def test_clicking_a_side_point_selects_it_and_a_search_shows_it_there(window: MainWindow, qtbot: QtBot) -> None:
    window.map_state.set_side_view(True)
    inset = window.side_inset
    assert inset is not None
    window.map_state.set_layer(Layer.LABELS, True)
    point = inset.side.point("GB12.L")
    assert point is not None
    at = inset.to_widget().map(QPointF(*point.pos)).toPoint()
    qtbot.mouseClick(inset, Qt.MouseButton.LeftButton, pos=at)
    assert window.map_state.selection.point == "GB12.L"
    window.map_state.select_text("SI19")
    assert inset.selected_key() == "SI19.L"
    assert "SI19.L" in inset.label_rects(inset.label_font())


def test_the_side_view_is_reached_by_keys_and_says_what_has_focus(window: MainWindow, qtbot: QtBot) -> None:
    window.map_state.set_side_view(True)
    inset = window.side_inset
    assert inset is not None
    inset.setFocus()
    qtbot.keyClick(inset, Qt.Key.Key_Right)
    assert inset.accessibleName().startswith(("In front of the ear", "Temple", "Jaw", "Side of the neck"))
    qtbot.keyClick(inset, Qt.Key.Key_Return)
    assert window.map_state.selection.area == inset.sequence[0]


def test_the_side_labels_do_not_overlap_and_stay_inside(window: MainWindow) -> None:
    """The points in front of the ear are closer than a label is tall: crowded labels stand off with a leader."""
    window.map_state.set_layer(Layer.LABELS, True)
    window.map_state.set_side_view(True)
    inset = window.side_inset
    assert inset is not None
    rects = list(inset.label_rects(inset.label_font()).values())
    assert len(rects) == len(inset.side.points)
    inside = inset.rect()
    for number, rect in enumerate(rects):
        assert inside.contains(rect.toAlignedRect())
        assert not any(rect.intersects(other) for other in rects[number + 1 :])

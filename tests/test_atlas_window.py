"""The atlas in the window: channels explored, how a point is found, search hits, hover text, labels."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from meridian_map.core.catalog import Catalog
from meridian_map.core.text.search import Kind
from meridian_map.gui.mainwindow import MainWindow
from meridian_map.gui.map.explorer import END_MARK, START_MARK, course_badges
from meridian_map.gui.map.looks import Layer
from meridian_map.gui.state import MapState, Selection

from .mapdriver import clickable_spot

CHANNELS = ("ST", "LI", "GV", "CV", "BL", "GB", "TE", "SI")


@pytest.mark.parametrize("code", CHANNELS)
def test_every_channel_can_be_explored_and_lists_its_course_in_flow_order(
    window: MainWindow, catalog: Catalog, code: str
) -> None:
    window.map_state.select_channel(code)
    assert window.map_state.selection == Selection(channel=code)
    text = window.panel.toPlainText()
    assert catalog.channels[code].name.get() in text
    for course in catalog.channels[code].courses:
        codes = [step.code for step in course]
        found = [m.start() for c in codes if (m := re.search(rf"\b{re.escape(c)}\b", text))]
        assert len(found) == len(codes)
        line = re.search(r"\b" + r"\b.*?\b".join(map(re.escape, codes)) + r"\b", text.replace("\n", " "))
        assert line is not None, f"{code}: {codes} not in order"
    for other, items in window.scene.channel_items.items():
        assert all(item.isVisible() == (other == code or item.isVisible()) for item in items)
        assert all((item.opacity() == 1.0) == (other == code) for item in items), other
    assert window.scene.course is not None and window.scene.course.items
    window.map_state.clear_selection()
    assert window.scene.course is None
    assert all(item.opacity() == 1.0 for items in window.scene.channel_items.values() for item in items)


def test_inner_segments_are_said_as_such(window: MainWindow) -> None:
    window.map_state.select_channel("ST")
    text = window.panel.toPlainText()
    assert "LI20 → BL1 → ST1" in text
    assert "ST3 ┄→ ST4 runs inside" in text
    assert "ST5 → ST9 → ST10 → ST11 → ST12" in text


def test_the_stops_are_numbered_in_flow_order_with_start_and_end_marked(catalog: Catalog) -> None:
    badges = {stop.key: text for stop, text in course_badges(catalog, "ST")}
    assert badges["LI20.R"] == f"{START_MARK}1" and badges["LI20.L"] == f"{START_MARK}1"
    assert badges["ST1.L"] == "3"
    assert badges["GV24"] == f"13{END_MARK}"
    assert badges["ST9.L"] == "14"  # the branch goes on counting where the main course stopped
    assert badges["ST12.R"] == f"17{END_MARK}"
    assert badges["ST5.L"] == "8"  # where the branch leaves keeps its first number
    gb = {stop.key: text for stop, text in course_badges(catalog, "GB")}
    assert gb["GB7.L"] == f"7{END_MARK}" and gb["GB13.L"] == "8" and gb["GB15.L"] == f"10{END_MARK}"


def test_an_explored_channel_is_drawn_even_with_its_layer_off(window: MainWindow) -> None:
    assert not window.map_state.layers[Layer.OTHER_CHANNELS]
    window.map_state.select_channel("GB")
    assert all(item.isVisible() for item in window.scene.channel_items["GB"])
    assert not any(item.isVisible() for item in window.scene.channel_items["TE"])
    assert window.legend.rows["GB"].isVisible() and window.legend.rows["GB"].isChecked()
    assert not window.legend.rows["TE"].isVisible()
    window.map_state.clear_selection()
    assert not any(item.isVisible() for item in window.scene.channel_items["GB"])


def test_the_legend_lists_every_channel_drawn_and_picks_one(window: MainWindow, qtbot: QtBot) -> None:
    legend = window.legend
    assert [c for c, row in legend.rows.items() if row.isVisible()] == ["ST", "LI"]
    window.map_state.set_layer(Layer.OTHER_CHANNELS, True)
    assert all(row.isVisible() for row in legend.rows.values())
    window.map_state.select_point("ST2.L")
    assert legend.isVisible(), "the legend stays when something is selected"
    QTest.mouseClick(legend.rows["TE"], Qt.MouseButton.LeftButton)
    assert window.map_state.selection.channel == "TE"
    QTest.mouseClick(legend.rows["TE"], Qt.MouseButton.LeftButton)
    assert window.map_state.selection.channel == ""
    viewport = window.view.viewport().geometry()
    assert legend.geometry().top() >= viewport.bottom(), "the legend never covers the map"


def test_clicking_a_channel_line_explores_it(window: MainWindow, catalog: Catalog) -> None:
    line = catalog.channel_lines("ST")[1]  # the subject's left side of the main course
    a, b = line.stops[3].pos, line.stops[4].pos  # ST1 → ST2, a straight run on the pupil line
    middle = window.view.mapFromScene(QPointF((a[0] + b[0]) / 2, (a[1] + b[1]) / 2))
    QTest.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=middle)
    assert window.map_state.selection.channel == "ST"


def test_searching_a_channel_explores_it(window: MainWindow) -> None:
    window.search.setText("large intestine")
    QTest.keyClick(window.search, Qt.Key.Key_Return)
    assert window.map_state.selection.channel == "LI"


def test_an_explored_channel_is_saved_and_restored(window: MainWindow, catalog: Catalog) -> None:
    window.map_state.select_channel("BL")
    saved = window.map_state.to_settings()
    assert saved["selection"] == "BL"
    state = MapState(catalog)
    state.restore(saved)
    assert state.selection.channel == "BL"


def test_a_points_panel_gives_its_full_record(window: MainWindow, catalog: Catalog) -> None:
    window.map_state.select_point("GV24")
    text = window.panel.toPlainText()
    info = catalog.point_info("GV24")
    for part in (info.location.get(), info.who.get(), info.cun.get(), info.category.get(), "DU24"):
        assert part in text
    assert "Bladder channel" in text and "Stomach channel" in text  # the channels that meet there
    assert "Needling depth and indications are out of scope" in text


def test_the_how_it_is_found_overlay_draws_the_measured_lines(window: MainWindow, catalog: Catalog) -> None:
    window.map_state.select_point("BL4.L")
    guide = window.scene.guide
    assert guide is not None
    words = [item.text() for item in guide.items if hasattr(item, "text")]
    assert words == ["0.5 B-cun", "1.5 B-cun"]
    window.map_state.set_guide(False)
    assert window.scene.guide is None
    window.map_state.set_guide(True)
    assert window.scene.guide is not None
    window.map_state.select_channel("BL")
    assert window.scene.guide is None


def test_every_point_draws_its_guide(window: MainWindow, catalog: Catalog) -> None:
    for point in catalog.points:
        window.map_state.select_point(point.key)
        assert window.scene.guide is not None and window.scene.guide.items, point.key


def test_search_hits_say_their_kind(window: MainWindow) -> None:
    window.search.setText("li")
    window.search.textEdited.emit("li")
    rows = window.search._model.stringList()
    assert rows[0].startswith("channel · LI")
    assert rows[1].startswith("point · LI17")
    assert any(row.startswith("point · CV23") for row in rows)
    window.search.textEdited.emit("dark")
    assert window.search._model.stringList()[0].startswith("concern · ")


def test_search_says_no_match_visibly(window: MainWindow) -> None:
    window.search.setText("qwxzk")
    window.search.textEdited.emit("qwxzk")
    assert window.search.no_match
    assert window.search._model.stringList() == ["No match for “qwxzk”"]
    QTest.keyClick(window.search, Qt.Key.Key_Return)
    assert window.map_state.selection.key == ""


def test_search_entries_are_not_cut_off(window: MainWindow) -> None:
    window.search.textEdited.emit("st")
    popup = window.search.completer().popup()
    metrics = popup.fontMetrics()
    widest = max(metrics.horizontalAdvance(row) for row in window.search._model.stringList())
    assert popup.minimumWidth() > widest
    assert popup.textElideMode() == Qt.TextElideMode.ElideNone


@pytest.mark.parametrize(("side", "key"), [("both", "ST2.L"), ("L", "ST2.L"), ("R", "ST2.R")])
def test_search_selects_the_copy_that_has_a_label(window: MainWindow, side: str, key: str) -> None:
    window.map_state.set_layer(Layer.LABELS, True)
    window.map_state.set_label_side(side)
    window.search.setText("ST2")
    QTest.keyClick(window.search, Qt.Key.Key_Return)
    assert window.map_state.selection.point == key
    assert key in window.scene.label_items


def _move(window: MainWindow, pos: QPoint) -> None:
    """A pointer move as the viewport receives it, whatever the test cursor's last position was."""
    viewport = window.view.viewport()
    event = QMouseEvent(
        QEvent.Type.MouseMove, QPointF(pos), QPointF(viewport.mapToGlobal(pos)),
        Qt.MouseButton.NoButton, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    QApplication.sendEvent(viewport, event)


def test_one_move_onto_a_point_inside_a_zone_names_the_point(window: MainWindow, catalog: Catalog) -> None:
    _move(window, clickable_spot(window, "forehead_l"))
    assert window.hover_label.text().startswith("Hover: Forehead")
    st2 = window.view.mapFromScene(QPointF(*catalog.point("ST2.L").pos))
    _move(window, st2)
    assert window.hover_label.text().startswith("Hover: ST2 ")


def test_the_hover_text_clears_on_escape(window: MainWindow) -> None:
    view = window.view
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Right)
    assert window.hover_label.text()
    QTest.keyClick(view, Qt.Key.Key_Escape)
    assert window.hover_label.text() == ""


def test_the_hover_text_clears_when_keyboard_focus_moves_on(window: MainWindow, qtbot: QtBot) -> None:
    view = window.view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    QTest.keyClick(view, Qt.Key.Key_Right)
    assert window.hover_label.text()
    window.search.setFocus()
    qtbot.waitUntil(lambda: not view.hasFocus())
    assert window.hover_label.text() == ""


def test_labels_dim_with_their_points_under_yang_ming_focus(window: MainWindow) -> None:
    window.map_state.set_layer(Layer.LABELS, True)
    window.map_state.set_focus(True)
    labels = window.scene.label_items
    assert labels["BL2.L"].opacity() < 0.5 and labels["ST2.L"].opacity() == 1.0
    assert labels["BL2.L"].opacity() == window.scene.point_items["BL2.L"].opacity()
    window.map_state.set_focus(False)
    assert labels["BL2.L"].opacity() == 1.0


def test_crowded_labels_are_called_out_on_leader_lines(window: MainWindow) -> None:
    window.map_state.set_layer(Layer.LABELS, True)
    assert not window.scene.leaders.path().isEmpty(), "the philtrum and ear crowd at fit zoom"
    assert window.scene.leaders.isVisible()


def test_the_map_says_which_side_is_the_subjects_right(window: MainWindow) -> None:
    right, left = window.scene.side_markers
    assert right.text().startswith("R") and left.text().endswith("L")
    assert window.view.mapFromScene(right.pos()).x() < window.view.mapFromScene(left.pos()).x()


def test_kind_names_cover_every_kind(window: MainWindow) -> None:
    assert set(window.search.kind_names()) == set(Kind)

"""The window follows the technique school: arrows, animation, panel, sidebar, sheets, comparison and sources."""

from __future__ import annotations

from html import escape
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from pytestqt.qtbot import QtBot

from meridian_map.core.catalog import Catalog
from meridian_map.gui.mainwindow import MainWindow
from meridian_map.gui.map.scene import MapScene
from meridian_map.gui.panels.panel import Panel
from meridian_map.gui.panels.sidebar import Sidebar
from meridian_map.gui.state import MapState


@pytest.fixture
def state(catalog: Catalog) -> MapState:
    return MapState(catalog)


def arrow_paths(scene: MapScene, key: str) -> list[tuple[float, float, float, float]]:
    """Where each drawn stroke of a zone side starts and ends."""
    ends = []
    for item in scene.stroke_items[key]:
        path = item.path()
        start, end = path.pointAtPercent(0.0), path.pointAtPercent(1.0)
        ends.append((round(start.x(), 2), round(start.y(), 2), round(end.x(), 2), round(end.y(), 2)))
    return ends


def test_the_school_is_a_state_value_said_once_and_saved(qtbot: QtBot, state: MapState) -> None:
    assert state.school == "lift"
    with qtbot.waitSignal(state.school_changed) as blocker:
        state.set_school("drainage")
    assert blocker.args == ["drainage"]
    assert state.catalog.current_school == "drainage"
    assert state.catalog.zones["cheek"].pressure == "feather"
    with qtbot.assertNotEmitted(state.school_changed):
        state.set_school("drainage")
    assert state.to_settings()["school"] == "drainage"
    fresh = MapState(state.base_catalog)
    fresh.restore({"school": "channel"})
    assert fresh.school == "channel"
    fresh.restore({"school": "no_such_school"})  # a stale setting falls back to the default
    assert fresh.school == "lift"


def test_switching_the_school_redraws_the_arrows_and_replays_the_stroke(
    qtbot: QtBot, catalog: Catalog, state: MapState
) -> None:
    scene = MapScene(catalog, state)
    state.select_area("cheek_l")
    lift = arrow_paths(scene, "cheek_l")
    assert lift[0][3] < lift[0][1]  # lift: the main cheek stroke ends higher than it starts
    scene._animation.stop()
    state.set_school("channel")
    channel = arrow_paths(scene, "cheek_l")
    assert channel != lift
    assert channel[0][3] > channel[0][1]  # channel flow: straight down the pupil line
    assert scene.animation_running  # the selected zone's stroke is shown again, the new way
    assert scene._marker_path.pointAtPercent(1.0).y() > scene._marker_path.pointAtPercent(0.0).y()
    drawn = [parts[0] for _bounds, parts in scene._background_lines if parts[0] in scene.stroke_items["cheek_l"]]
    assert len(drawn) == len(scene.stroke_items["cheek_l"])  # the old arrows are gone from the painted lines
    assert len(scene._background_lines) == len({id(parts[0]) for _b, parts in scene._background_lines})


def test_hidden_arrows_stay_hidden_when_the_school_changes(catalog: Catalog, state: MapState) -> None:
    from meridian_map.gui.map.looks import Layer

    scene = MapScene(catalog, state)
    state.set_layer(Layer.STROKES, False)
    state.set_school("drainage")
    assert scene.layers[Layer.STROKES]
    assert not any(item.isVisible() for item in scene.layers[Layer.STROKES])


def test_the_panel_says_where_schools_disagree_with_each_source_one_click_away(
    qtbot: QtBot, catalog: Catalog, state: MapState
) -> None:
    panel = Panel(catalog, state)
    qtbot.addWidget(panel)
    state.select_area("neck_side_l")
    html = panel.toHtml()
    text = panel.toPlainText()
    assert "Where schools disagree" in text
    assert "Stroke up the side of the neck" in text  # channel flow: the Large Intestine climbs
    assert "Stroke down from behind the earlobe" in text  # drainage and lift stroke down
    assert "source:lingshu_10" in html and "source:foldi_2012" in html and "source:lift_guides" in html
    with qtbot.waitSignal(panel.source_requested) as blocker:
        panel.anchorClicked.emit(QUrl("source:foldi_2012"))
    assert blocker.args == ["foldi_2012"]
    with qtbot.waitSignal(state.school_changed):
        panel.anchorClicked.emit(QUrl("school:channel"))
    assert "Stroke up the side of the neck" in panel.toPlainText().split("Where schools disagree")[0]


def test_the_panel_says_when_the_schools_agree_and_names_a_gap(qtbot: QtBot, catalog: Catalog, state: MapState) -> None:
    panel = Panel(catalog, state)
    qtbot.addWidget(panel)
    state.select_area("neck_front_r")
    assert "Every school strokes this zone the same way." in panel.toPlainText()
    state.set_school("drainage")
    state.select_area("cheek_r")
    assert "The cited works give the route, not a stroke on the cheek" in panel.toPlainText()


def test_the_sidebar_lists_zones_in_the_schools_order_and_writes_the_state(
    qtbot: QtBot, catalog: Catalog, state: MapState
) -> None:
    sidebar = Sidebar(catalog, state)
    qtbot.addWidget(sidebar)
    assert sidebar.zone_list.item(0).text() == "Forehead"
    box = sidebar.schools.box
    with qtbot.waitSignal(state.school_changed):
        box.setCurrentIndex(box.findData("drainage"))
    assert state.school == "drainage"
    assert sidebar.zone_list.item(0).text() == "Side of the neck"
    state.set_school("channel")
    assert box.currentData() == "channel"
    assert sidebar.zone_list.item(0).text() == "Sides of the nose"


def test_the_printed_sheet_follows_the_school(window: MainWindow) -> None:
    state = window.map_state
    lift = window.exporter.current_sheet()
    state.set_school("drainage")
    drainage = window.exporter.current_sheet()
    assert drainage.school == "drainage" and lift.school == "lift"
    assert "Drainage" in drainage.subtitle and "Drainage" not in lift.subtitle
    assert [m.zone for m in drainage.marks][:2] == ["neck_side", "neck_front"]


def test_the_comparison_shows_every_school_and_saves_one_page(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    window.map_state.select_area("front_of_ear_l")
    window.named_actions["compare_schools"].trigger()
    dialog = window.compare_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert dialog.zone == "front_of_ear"
    words = [column.words.text() for column in dialog.columns]
    assert [w.split("</b>")[0].split("<b>")[1].rstrip(" ✓") for w in words] == ["Channel flow", "Drainage", "Lift"]
    assert "Stroke up in front of the ear" in words[0]
    assert "✓" in words[2]  # the school the window shows
    pictures = [column.picture.grab().toImage() for column in dialog.columns]
    assert pictures[0] != pictures[2]  # channel flow strokes up here, lift down
    with qtbot.waitSignal(dialog.source_requested) as blocker:
        dialog.columns[1].words.linkActivated.emit("source:foldi_2012")
    assert blocker.args == ["foldi_2012"]
    dialog.zone_box.setCurrentIndex(dialog.zone_box.findData("cheek"))
    assert "Stroke straight down the cheek" in dialog.columns[0].words.text()
    target = tmp_path / "cheek.pdf"
    dialog.save_pdf(target)
    assert target.read_bytes().startswith(b"%PDF")
    assert target.read_bytes().count(b"/Type /Page\n") + target.read_bytes().count(b"/Type/Page\n") <= 1
    sources = window.sources_dialog
    assert sources is not None and sources.isVisible()  # opened by the source link above
    window.close()
    assert not dialog.isVisible() and not sources.isVisible()  # the main window's own windows go with it


def test_the_sources_view_lists_every_cited_work_and_opens_at_the_one_clicked(qtbot: QtBot, window: MainWindow) -> None:
    window.panel.source_requested.emit("wittlinger_2011")
    dialog = window.sources_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    text = dialog.browser.toPlainText()
    for ref in window.catalog.content.references:
        assert ref.citation in text
    assert dialog.browser.verticalScrollBar().value() > 0  # scrolled down to the work
    assert "Zones its works do not cover stroke by stroke" in text
    for ref in window.catalog.content.references:
        assert escape(ref.citation) in window.about_text()
    dialog.close()

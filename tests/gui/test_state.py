"""The state without a window: its signals, its saved form, and the views that follow it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from meridian_map.core.catalog import Catalog
from meridian_map.gui.map.looks import LabelMode, Layer, Look
from meridian_map.gui.map.scene import MapScene
from meridian_map.gui.panels.panel import Panel
from meridian_map.gui.panels.sidebar import Sidebar
from meridian_map.gui.state import NOTHING, Hover, MapState, Selection


@pytest.fixture
def state(catalog: Catalog) -> MapState:
    return MapState(catalog)


def test_selecting_a_zone_side_says_so_once(qtbot: QtBot, state: MapState) -> None:
    with qtbot.waitSignal(state.selection_changed) as blocker:
        state.select_area("cheek_l")
    assert blocker.args == [Selection(area="cheek_l", zone="cheek")]
    with qtbot.assertNotEmitted(state.selection_changed), qtbot.waitSignal(state.reselected):
        state.select_area("cheek_l")


def test_a_point_carries_the_zone_side_it_lies_in(state: MapState) -> None:
    assert state.select_text("st2.l")
    assert state.selection == Selection(area="cheek_l", point="ST2.L", zone="cheek")
    assert state.selection.key == "ST2.L"


def test_unknown_text_selects_nothing(qtbot: QtBot, state: MapState) -> None:
    with qtbot.assertNotEmitted(state.selection_changed):
        assert not state.select_text("nowhere")
    assert state.selection == NOTHING


@pytest.mark.parametrize(
    ("signal", "change", "same"),
    [
        ("concern_changed", lambda s: s.set_concern("acne"), lambda s: s.set_concern("")),
        ("layer_changed", lambda s: s.set_layer(Layer.LABELS, True), lambda s: s.set_layer(Layer.ZONES, True)),
        (
            "label_mode_changed",
            lambda s: s.set_label_mode(LabelMode.HANZI),
            lambda s: s.set_label_mode(LabelMode.CODE),
        ),
        ("focus_changed", lambda s: s.set_focus(True), lambda s: s.set_focus(False)),
        ("animation_changed", lambda s: s.set_animate(False), lambda s: s.set_animate(True)),
        ("language_changed", lambda s: s.set_language("zh"), lambda s: s.set_language("en")),
        ("theme_changed", lambda s: s.set_theme("dark"), lambda s: s.set_theme("system")),
        ("mode_changed", lambda s: s.set_mode("study"), lambda s: s.set_mode("explore")),
        ("excluded_changed", lambda s: s.set_excluded(frozenset({"neck"})), lambda s: s.set_excluded(frozenset())),
        ("hover_changed", lambda s: s.set_hover(Hover(area="chin_l")), lambda s: s.set_hover(Hover())),
        ("note_changed", lambda s: s.set_note("Twice a day"), lambda s: s.set_note("")),
    ],
)
def test_each_setter_signals_a_change_and_nothing_else(
    qtbot: QtBot, state: MapState, signal: str, change: Callable[[MapState], None], same: Callable[[MapState], None]
) -> None:
    with qtbot.assertNotEmitted(getattr(state, signal)):
        same(state)
    with qtbot.waitSignal(getattr(state, signal)):
        change(state)


def test_an_unknown_concern_is_no_concern(qtbot: QtBot, state: MapState) -> None:
    state.set_concern("acne")
    with qtbot.waitSignal(state.concern_changed) as blocker:
        state.set_concern("not-a-concern")
    assert blocker.args == [""]


def test_messages_go_out_as_a_signal(qtbot: QtBot, state: MapState) -> None:
    with qtbot.waitSignal(state.message) as blocker:
        state.say("Saved x.pdf")
    assert blocker.args == ["Saved x.pdf", 5000]


def test_saved_form_round_trips(catalog: Catalog, state: MapState) -> None:
    state.set_layer(Layer.LABELS, True)
    state.set_layer(Layer.STROKES, False)
    state.set_label_mode(LabelMode.PINYIN)
    state.set_focus(True)
    state.set_animate(False)
    state.select_text("ST2.L")
    saved = state.to_settings()
    assert list(saved["layers"]) == ["zones", "channels", "other_channels", "strokes", "points", "labels"]
    again = MapState(catalog)
    again.restore(saved)
    assert again.to_settings() == saved
    assert again.selection == state.selection


def test_restore_skips_what_it_cannot_use(state: MapState) -> None:
    before = state.to_settings()
    state.restore(
        {"layers": {"zones": "no", "labels": 1}, "label_mode": ["code"], "yang_ming_focus": "yes", "selection": 3}
    )
    assert state.to_settings() == before


def test_the_scene_follows_the_state(catalog: Catalog, state: MapState) -> None:
    scene = MapScene(catalog, state)
    state.select_area("cheek_l")
    assert scene.zone_items["cheek_l"].state is Look.SELECTED
    assert scene.zone_items["cheek_r"].state is Look.MIRROR
    state.clear_selection()
    state.set_concern("acne")
    acne = set(catalog.concerns["acne"].zones)
    assert all(
        item.state is (Look.MATCH if item.area.zone in acne else Look.DIMMED) for item in scene.zone_items.values()
    )
    state.set_concern("")
    state.set_excluded(frozenset({"chin"}))
    assert scene.zone_items["chin_l"].state is Look.SCREENED_OUT
    state.set_layer(Layer.POINTS, False)
    assert not any(item.isVisible() for item in scene.point_items.values())


def test_choosing_the_selected_zone_again_replays_its_strokes(catalog: Catalog, state: MapState) -> None:
    scene = MapScene(catalog, state)
    state.select_area("chin_l")
    assert scene.animation_running
    scene._animation.stop()
    state.select_area("chin_l")
    assert scene.animation_running


def test_the_panel_follows_the_selection_and_its_links_write_the_state(
    qtbot: QtBot, catalog: Catalog, state: MapState
) -> None:
    panel = Panel(catalog, state)
    qtbot.addWidget(panel)
    state.select_area("chin_r")
    assert catalog.zones["chin"].name.get() in panel.toPlainText()
    with qtbot.waitSignal(state.concern_changed):
        panel.anchorClicked.emit(panel.source().fromUserInput("concern:acne"))
    assert state.concern == "acne"
    state.clear_selection()
    assert catalog.content.disclaimer.short.get() in panel.toPlainText()


def test_the_sidebar_writes_the_state_and_mirrors_it_without_echo(
    qtbot: QtBot, catalog: Catalog, state: MapState
) -> None:
    sidebar = Sidebar(catalog, state)
    qtbot.addWidget(sidebar)
    with qtbot.waitSignal(state.layer_changed) as blocker:
        sidebar.layer_boxes[Layer.LABELS].setChecked(True)
    assert blocker.args == [Layer.LABELS, True] and state.layers[Layer.LABELS]
    toggles: list[bool] = []
    sidebar.yang_ming.toggled.connect(toggles.append)
    state.set_focus(True)
    assert sidebar.yang_ming.isChecked() and toggles == []  # mirrored with its signals blocked
    state.set_label_mode(LabelMode.HANZI)
    assert sidebar.label_mode.currentData() == "hanzi"
    state.set_concern("acne")
    assert sidebar.concern_box.currentData() == "acne"
    assert sidebar.zone_list.count() == len(catalog.concerns["acne"].zones)
    first = sidebar.zone_list.item(0)
    with qtbot.waitSignal(state.selection_changed):
        sidebar.zone_list.itemClicked.emit(first)
    assert state.selection.area == first.data(Qt.ItemDataRole.UserRole)


def test_a_screened_routine_excludes_what_it_leaves_out(qtbot: QtBot, state: MapState) -> None:
    import datetime as dt

    from meridian_map.core.load import load_screening
    from meridian_map.core.screeningmodel import Answer
    from meridian_map.core.session.routine import for_concerns
    from meridian_map.core.session.screening import screen

    catalog = state.catalog
    routine = for_concerns(catalog, ["acne"])
    screened = screen(
        routine, [Answer("rosacea-flare", None, ())], dt.date(2026, 12, 5), load_screening(catalog), catalog
    )
    assert screened.left_out
    with qtbot.waitSignal(state.routine_changed), qtbot.waitSignal(state.excluded_changed):
        state.set_routine(screened)
    assert state.routine is screened
    assert state.excluded == {left.zone for left in screened.left_out}
    with qtbot.waitSignal(state.excluded_changed):
        state.set_routine(None)
    assert state.excluded == frozenset()

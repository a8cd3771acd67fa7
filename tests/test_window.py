"""The map window driven as a user would: clicks, hover, keys, search."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from itertools import combinations, pairwise
from pathlib import Path

import numpy
import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QGraphicsPathItem, QMessageBox
from pytestqt.qtbot import QtBot

from meridian_map.cli import main as cli_main
from meridian_map.core.catalog import Catalog
from meridian_map.gui import app as app_module
from meridian_map.gui.mainwindow import MainWindow
from meridian_map.gui.map.looks import LabelMode, Layer, Look

from .mapdriver import clickable_spot


def test_clicking_every_zone_on_both_sides_opens_its_panel(window: MainWindow, catalog: Catalog) -> None:
    assert len(catalog.areas) == 26
    for key, area in catalog.areas.items():
        spot = clickable_spot(window, key)
        QTest.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=spot)
        assert window.map_state.selection.key == key, f"clicked {key}, panel shows {window.map_state.selection.key!r}"
        assert catalog.zones[area.zone].name.get() in window.panel.toPlainText()
        assert window.scene.zone_items[key].state is Look.SELECTED
        assert window.scene.zone_items[area.mirror_key].state is Look.MIRROR


def test_hover_highlights_and_names_the_zone(window: MainWindow, catalog: Catalog) -> None:
    spot = clickable_spot(window, "cheek_l")
    QTest.mouseMove(window.view.viewport(), spot)
    assert window.scene.zone_items["cheek_l"].state is Look.HOVERED
    assert "Cheek (L)" in window.hover_label.text()
    assert window.view.toolTip().startswith("<p>Cheek (L)")


def test_clicking_a_point_shows_its_panel(window: MainWindow, catalog: Catalog) -> None:
    st2 = catalog.point("ST2.L")
    pixel = window.view.mapFromScene(QPointF(*st2.pos))
    QTest.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=pixel)
    text = window.panel.toPlainText()
    assert window.map_state.selection.key == "ST2.L"
    assert "ST2 Sìbái 四白" in text
    assert "left side" in text


def test_clicking_empty_canvas_clears_the_selection(window: MainWindow) -> None:
    window.select("forehead_l")
    QTest.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert window.map_state.selection.key == ""
    assert "click" in window.panel.toPlainText().lower()


def test_keyboard_walks_selects_and_clears_zones(window: MainWindow, catalog: Catalog) -> None:
    view = window.view
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Down)
    first = view.focus_order[0]
    assert catalog.areas[first].zone == "forehead"
    assert window.scene.zone_items[first].state is Look.HOVERED
    QTest.keyClick(view, Qt.Key.Key_Down)
    QTest.keyClick(view, Qt.Key.Key_Return)
    assert window.map_state.selection.key == view.focus_order[1]
    QTest.keyClick(view, Qt.Key.Key_Tab)
    assert view.hasFocus()
    assert view.focused_zone == view.focus_order[2]
    QTest.keyClick(view, Qt.Key.Key_Escape)
    assert window.map_state.selection.key == ""


@pytest.mark.parametrize("query", ["ST2", "st 2", "St-2", "sibai", "Sìbái", "四白"])
def test_search_finds_a_point_however_it_is_typed(window: MainWindow, query: str) -> None:
    window.search.setText(query)
    QTest.keyClick(window.search, Qt.Key.Key_Return)
    assert window.map_state.selection.key.startswith("ST2.")


def test_search_for_a_concern_lights_its_zones(window: MainWindow, catalog: Catalog) -> None:
    window.search.setText("dark circles")
    QTest.keyClick(window.search, Qt.Key.Key_Return)
    assert window.sidebar.concern_box.currentData() == "dark_circles"
    expected = catalog.concerns["dark_circles"].zones
    assert window.sidebar.zone_list.count() == len(expected)
    for key, item in window.scene.zone_items.items():
        wanted = Look.MATCH if item.area.zone in expected else Look.DIMMED
        assert item.state is wanted, key


def test_with_no_concern_the_list_offers_every_zone(window: MainWindow, catalog: Catalog) -> None:
    window.map_state.set_concern("acne")
    window.map_state.set_concern("")
    assert window.sidebar.zone_list.count() == len(catalog.zones)
    first = min(catalog.zones.values(), key=lambda zone: zone.order)
    assert window.sidebar.zone_list.item(0).text() == first.name.get()
    window.sidebar.zone_list.itemClicked.emit(window.sidebar.zone_list.item(0))
    assert window.map_state.selection.key == f"{first.id}_r"


def test_the_list_marks_the_selected_zone(window: MainWindow) -> None:
    window.select("chin_l")
    assert window.sidebar.zone_list.currentItem().data(Qt.ItemDataRole.UserRole) == "chin_r"
    assert window.map_state.selection.key == "chin_l"  # marking did not choose the right side instead
    window.map_state.clear_selection()
    assert window.sidebar.zone_list.currentItem() is None


@pytest.mark.parametrize("side", ["both", "R", "L"])
@pytest.mark.parametrize("mode", list(LabelMode))
def test_point_labels_never_overlap_on_screen(window: MainWindow, mode: LabelMode, side: str) -> None:
    """At laptop size the eye, philtrum and ear crowd; after zooming in the labels are laid out again."""
    window.sidebar.layer_boxes[Layer.LABELS].setChecked(True)
    window.map_state.set_label_side(side)
    window.scene.set_label_mode(mode)
    expected = {p.key for p in window.catalog.points if p.side is None or side in ("both", str(p.side))}
    assert set(window.scene.label_items) == expected
    for zoom in (1.0, 2.5):
        window.view.zoom_by(zoom)
        transform = window.view.viewportTransform()
        boxes = [
            label.deviceTransform(transform).mapRect(label.boundingRect())
            for label in window.scene.label_items.values()
        ]
        assert all(box.isValid() for box in boxes)
        overlapping = [
            (a, b) for a, b in combinations(boxes, 2) if a.intersected(b).width() * a.intersected(b).height() > 1
        ]
        assert not overlapping


def test_full_screen_shows_the_map_and_panel_without_the_controls(window: MainWindow, qtbot: QtBot) -> None:
    window.select("cheek_l")
    window.full_screen_action.trigger()
    qtbot.waitUntil(window.isFullScreen)
    assert not window.sidebar.isVisible() and not window.statusBar().isVisible()
    assert window.view.isVisible() and window.panel.isVisible() and window.full_screen_action.isChecked()
    window.full_screen_action.trigger()
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert window.sidebar.isVisible() and window.statusBar().isVisible()
    assert not window.full_screen_action.isChecked()


def test_concern_list_selects_a_zone(window: MainWindow) -> None:
    window.map_state.set_concern("acne")
    item = window.sidebar.zone_list.item(0)
    window.sidebar.zone_list.itemClicked.emit(item)
    assert window.map_state.selection.key.endswith("_r")


def test_layers_can_be_switched_off(window: MainWindow) -> None:
    window.sidebar.layer_boxes[Layer.POINTS].setChecked(False)
    assert not any(item.isVisible() for item in window.scene.layers[Layer.POINTS])
    window.sidebar.layer_boxes[Layer.LABELS].setChecked(True)
    assert all(item.isVisible() for item in window.scene.layers[Layer.LABELS])
    window.sidebar.label_mode.setCurrentIndex(2)
    assert window.scene.label_items["ST2.L"].text() == "四白"


def test_labels_are_made_when_first_shown_in_the_mode_chosen_meanwhile(window: MainWindow) -> None:
    assert window.scene.label_items == {}, "the layer starts off, so start-up makes no labels"
    window.sidebar.label_mode.setCurrentIndex(1)
    assert window.scene.label_items == {}
    window.sidebar.layer_boxes[Layer.LABELS].setChecked(True)
    labels = window.scene.label_items
    assert len(labels) == len(window.catalog.points), "both sides are labelled"
    assert all(label.isVisible() for label in labels.values())
    assert labels["ST2.L"].text() == "Sìbái"


def test_yang_ming_focus_dims_other_channels(window: MainWindow) -> None:
    window.sidebar.yang_ming.setChecked(True)
    assert all(item.opacity() == 1.0 for item in window.scene.channel_items["ST"])
    assert all(item.opacity() < 0.5 for item in window.scene.channel_items["GB"])
    assert window.scene.zone_items["cheek_l"].state is Look.NORMAL
    assert window.scene.zone_items["neck_front_l"].state is Look.NORMAL


def test_selecting_a_zone_animates_its_stroke(window: MainWindow, qtbot: QtBot) -> None:
    window.select("cheek_l")
    assert window.scene.animation_running
    assert window.scene.marker.isVisible()
    window.sidebar.animate.setChecked(False)
    assert not window.scene.animation_running


def test_zoom_around_the_cursor_and_fit(window: MainWindow) -> None:
    view = window.view
    view.zoom_by(2.0, view.viewport().rect().center())
    assert view.zoom == pytest.approx(2.0)
    assert window.zoom_label.text() == "200 %"
    QTest.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom == pytest.approx(1.0)


def test_state_is_restored_in_a_new_window(window: MainWindow, qtbot: QtBot, catalog: Catalog) -> None:
    window.select("chin_l")
    window.sidebar.layer_boxes[Layer.CHANNELS].setChecked(False)
    state = window.state()
    again = MainWindow(catalog)
    qtbot.addWidget(again)
    again.restore(state)
    assert again.map_state.selection.key == "chin_l"
    assert not again.sidebar.layer_boxes[Layer.CHANNELS].isChecked()


def test_every_control_has_an_accessible_name(window: MainWindow) -> None:
    for widget in (window.view, window.panel, window.search, window.sidebar.concern_box, window.sidebar.zone_list):
        assert widget.accessibleName()


def run_offscreen(*args: str) -> subprocess.CompletedProcess[str]:
    """Python with these arguments in a process of its own, on Qt's offscreen platform."""
    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


def test_screenshot_command_writes_the_window(tmp_path: Path) -> None:
    target = tmp_path / "shot.png"
    result = run_offscreen(
        "-m", "meridian_map", "--screenshot", str(target), "--select", "cheek_l", "--size", "1280x800"
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(target))
    assert (image.width(), image.height()) == (1280, 800)


def test_screenshot_needs_no_display(tmp_path: Path) -> None:
    """Without a display or a chosen platform, a screenshot is taken offscreen instead of aborting."""
    target = tmp_path / "shot.png"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run(
        [sys.executable, "-m", "meridian_map", "--screenshot", str(target), "--size", "640x480"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert QImage(str(target)).width() == 640


def test_start_up_loads_the_catalog_before_qt(tmp_path: Path) -> None:
    """PySide6 reads the source of every module imported after it; the catalog's modules come first."""
    code = (
        "import sys\n"
        "from meridian_map.core import load\n"
        "from meridian_map.cli import main\n"
        "real = load.load_with_user_pack\n"
        "def watched():\n"
        "    print('PySide6' in sys.modules, file=sys.stderr)\n"
        "    return real()\n"
        "load.load_with_user_pack = watched\n"
        f"assert main(['--screenshot', {str(tmp_path / 'shot.png')!r}]) == 0\n"
    )
    result = run_offscreen("-c", code)
    assert result.returncode == 0, result.stderr
    assert result.stderr.split()[:1] == ["False"]
    assert (tmp_path / "shot.png").is_file()


def test_start_up_loads_no_dialog_classes(tmp_path: Path) -> None:
    """PySide6 creates a class (and its enums) on first use; dialogs wait until one is opened."""
    code = (
        "import sys\n"
        "from PySide6 import QtWidgets\n"
        "from meridian_map.cli import main\n"
        f"assert main(['--screenshot', {str(tmp_path / 'shot.png')!r}]) == 0\n"
        "print(*sorted(vars(QtWidgets)), file=sys.stderr)\n"
    )
    result = run_offscreen("-c", code)
    assert result.returncode == 0, result.stderr
    loaded = set(result.stderr.split())
    assert {"QMainWindow", "QGraphicsView"} <= loaded
    assert not loaded & {"QDialog", "QMessageBox", "QFileDialog", "QInputDialog", "QWizard", "QTabWidget"}, loaded


def test_screenshot_paints_the_map_in_one_pass(catalog: Catalog, qtbot: QtBot, tmp_path: Path) -> None:
    """The screenshot grabs without painting the window first, yet matches the window once it has settled."""
    window = MainWindow(catalog)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    target = tmp_path / "shot.png"
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert app_module.save_screenshot(app, window, target) == 0
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()
    window.view.fit()
    image = QImage(str(target))
    assert image == window.grab().toImage().convertToFormat(image.format())


def test_the_collector_is_back_on_after_a_screenshot(tmp_path: Path) -> None:
    gc.disable()
    try:
        assert cli_main(["--screenshot", str(tmp_path / "shot.png"), "--size", "400x300"]) == 0
        assert gc.isenabled()
    finally:
        gc.enable()


def test_after_the_first_frame_the_hit_index_exists_and_the_collector_runs(window: MainWindow) -> None:
    window.catalog.__dict__.pop("index", None)
    gc.disable()
    try:
        app_module.after_first_frame(window)
        assert gc.isenabled()
        assert "index" in window.catalog.__dict__
    finally:
        gc.unfreeze()
        gc.enable()


def test_screenshot_with_an_unknown_selection_fails_cleanly(tmp_path: Path) -> None:
    result = run_offscreen("-m", "meridian_map", "--screenshot", str(tmp_path / "x.png"), "--select", "elbow")
    assert result.returncode == 2
    assert "elbow" in result.stderr
    assert "Traceback" not in result.stderr


def test_about_box_carries_the_disclaimer_and_sources(window: MainWindow) -> None:
    text = window.about_text()
    assert "medical advice" in text.lower()
    assert "educational" in text.lower()
    assert "tradition" in text.lower()
    assert "World Health Organization" in text


def test_the_cached_background_follows_zoom_and_pan(window: MainWindow) -> None:
    """The line art is a cached background: after zooming and panning it must not be stale."""
    window.scene.set_animate(False)
    before = window.view.viewport().grab().toImage()
    window.view.zoom_by(2.5, window.view.viewport().rect().center())
    QTest.mouseMove(window.view.viewport(), QPoint(300, 300))
    QTest.mousePress(window.view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(300, 300))
    QTest.mouseMove(window.view.viewport(), QPoint(360, 340))
    QTest.mouseRelease(window.view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(360, 340))
    zoomed = window.view.viewport().grab().toImage()
    QTest.mouseMove(window.view.viewport(), QPoint(2, 2))
    window.view.fit()
    after = window.view.viewport().grab().toImage()
    assert zoomed != before
    assert after == before


@pytest.mark.parametrize("size", [(1280, 800), (420, 320)])
def test_zone_tints_in_the_cached_background_are_never_stale(
    window: MainWindow, qtbot: QtBot, size: tuple[int, int]
) -> None:
    """Zones, channels and stroke lines live in the view's background cache; a change must redraw all it touched.

    After every change the view (partly redrawn from its cache) must look
    exactly like a view drawn from nothing. The small window zooms the map
    out, where the 2 px selection edge is widest in face units.
    """
    window.scene.set_animate(False)
    window.resize(*size)
    qtbot.waitUntil(lambda: window.view.viewport().width() > 0)
    window.view.fit()
    viewport = window.view.viewport()

    def settled() -> QImage:
        QApplication.processEvents()
        cached = viewport.grab().toImage()
        window.view.resetCachedContent()
        fresh = viewport.grab().toImage()
        # Redrawn parts round antialiased pixels a little differently where
        # they meet the rest; anything stale (a tint, an edge, a line) spans
        # hundreds of pixels.
        assert stale_pixels(cached, fresh) < 32
        return cached

    start = settled()
    steps = (
        lambda: window.scene.set_hover("cheek_l"),
        lambda: window.scene.set_hover("forehead_r"),
        lambda: window.select("chin_l"),
        lambda: window.map_state.set_concern("dark_circles"),
        lambda: window.map_state.set_focus(True),
        lambda: window.scene.set_layer_visible(Layer.ZONES, False),
        lambda: window.scene.set_layer_visible(Layer.ZONES, True),
        lambda: window.select("forehead_r"),
        lambda: window.map_state.set_focus(False),
        lambda: window.scene.set_layer_visible(Layer.OTHER_CHANNELS, True),
        lambda: window.scene.set_layer_visible(Layer.CHANNELS, False),
        lambda: window.scene.set_layer_visible(Layer.STROKES, False),
    )
    looks = [start]
    for step in steps:
        step()
        looks.append(settled())
    assert all(a != b for a, b in pairwise(looks))


def test_redrawing_only_an_arrow_heads_tip_draws_the_head(window: MainWindow, qtbot: QtBot) -> None:
    """A stroke's arrow head reaches past its line; a redraw of just that part must still paint it."""
    window.scene.set_animate(False)
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: window.view.viewport().width() > 0)

    def tips(parts: tuple[QGraphicsPathItem, ...]) -> list[QRectF]:
        """The parts of the head's extent beyond its line's, one per side, clear of the line by half a unit."""
        line, head = parts[0].sceneBoundingRect(), parts[1].sceneBoundingRect()
        return [
            QRectF(QPointF(line.right() + 0.5, head.top()), head.bottomRight()),
            QRectF(head.topLeft(), QPointF(line.left() - 0.5, head.bottom())),
            QRectF(QPointF(head.left(), line.bottom() + 0.5), head.bottomRight()),
            QRectF(head.topLeft(), QPointF(head.right(), line.top() - 0.5)),
        ]

    heads = [parts for _extent, parts in window.scene._background_lines if len(parts) == 2 and parts[0].isVisible()]
    tip = max((rect for parts in heads for rect in tips(parts)), key=lambda r: min(r.width(), r.height()))
    assert min(tip.width(), tip.height()) > 0.5
    window.view.zoom_by(8.0)
    window.view.centerOn(tip.center())
    QApplication.processEvents()
    viewport = window.view.viewport()
    window.view.resetCachedContent()
    fresh = viewport.grab().toImage()
    window.view.redraw_background(tip)
    QApplication.processEvents()
    assert stale_pixels(viewport.grab().toImage(), fresh) < 32


def stale_pixels(a: QImage, b: QImage) -> int:
    """How many pixels differ by more than 8 levels in some channel."""
    assert a.size() == b.size()
    pixels = [
        numpy.frombuffer(image.convertToFormat(QImage.Format.Format_RGB32).constBits(), numpy.uint8)
        .astype(int)
        .reshape(-1, 4)
        for image in (a, b)
    ]
    return int((numpy.abs(pixels[0] - pixels[1]).max(axis=1) > 8).sum())


def test_an_uncreatable_content_folder_is_a_message_not_a_crash(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setattr("meridian_map.gui.mainwindow.content_dir", lambda: blocker / "content")
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    window.open_content_folder()
    assert len(warnings) == 1
    assert "cannot be created" in warnings[0]

"""File → Export Image lays the point labels out afresh for the image's own size.

Read from the layout the export used: no two labels overlap, and each label
is nearer its own point than any other, or is called out on a leader line
from it; the labels drawn in the PNG are where the layout says.
"""

from __future__ import annotations

from itertools import combinations
from math import hypot
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from meridian_map.gui.exportmenu import Exporter, label_ratio
from meridian_map.gui.mainwindow import MainWindow
from meridian_map.gui.map.looks import Layer
from meridian_map.gui.map.scene import PlacedLabel

WIDTHS = (800, 1400, 3000)


@pytest.fixture
def labelled(window: MainWindow) -> MainWindow:
    window.map_state.set_layer(Layer.LABELS, True)
    return window


def export(window: MainWindow, target: Path, width: int) -> tuple[list[PlacedLabel], QRectF]:
    source = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    height = round(width * source.height() / source.width())
    exporter = window.findChild(Exporter)
    assert isinstance(exporter, Exporter)
    placed = exporter.write_image(target, QSize(width, height), source)
    assert placed is not None
    return placed, source


def distance(box: QRectF, x: float, y: float) -> float:
    return hypot(max(box.left() - x, 0.0, x - box.right()), max(box.top() - y, 0.0, y - box.bottom()))


@pytest.mark.parametrize("width", WIDTHS)
def test_exported_labels_do_not_overlap_and_each_reads_as_its_own_point(
    labelled: MainWindow, tmp_path: Path, width: int
) -> None:
    placed, source = export(labelled, tmp_path / "map.svg", width)
    scene = labelled.view.map_scene
    assert sorted(label.key for label in placed) == sorted(scene.label_items)
    overlapping = [(a.key, b.key) for a, b in combinations(placed, 2) if a.box.intersected(b.box).isValid()]
    assert overlapping == []
    scale = width / source.width()
    points = {
        key: ((item.x() - source.left()) * scale, (item.y() - source.top()) * scale)
        for key, item in scene.point_items.items()
    }
    misread = []
    for label in placed:
        assert points[label.key] == pytest.approx((label.x, label.y), abs=0.5)
        own = distance(label.box, label.x, label.y)
        nearer = [key for key, (x, y) in points.items() if key != label.key and distance(label.box, x, y) < own - 0.5]
        if nearer and not label.leader:
            misread.append((label.key, nearer))
    assert misread == []
    svg = (tmp_path / "map.svg").read_text()
    assert svg.count("<text") >= len(placed) and "<image" not in svg, (
        "labels and points as text and shapes, not bitmaps"
    )
    # Labels grow with the image: as tall, for its width, as on screen.
    ratio = label_ratio(scale, labelled.view.transform().m11())
    heights = {round(label.box.height() / ratio, 3) for label in placed}
    assert heights == {round(next(iter(scene.label_items.values())).boundingRect().height(), 3)}


def assert_drawn(window: MainWindow, image: QImage, placed: list[PlacedLabel]) -> None:
    """The halo's light ground with dark text over it, in each box the layout gave."""
    halo = window.view.map_scene.theme.halo
    for label in placed:
        centre = label.box.center()
        row = [
            image.pixelColor(round(label.box.left() + x), round(centre.y())) for x in range(round(label.box.width()))
        ]
        assert sum(colour.lightness() < 100 for colour in row) > 2, label.key
        assert sum(abs(colour.lightness() - halo.lightness()) < 30 for colour in row) > 2, label.key


def test_the_labels_are_drawn_where_the_layout_put_them(labelled: MainWindow, tmp_path: Path) -> None:
    target = tmp_path / "map.png"
    placed, _source = export(labelled, target, 1400)
    image = QImage(str(target))
    assert image.width() == 1400
    assert_drawn(labelled, image, placed[:20])


def test_zoomed_in_the_labels_by_the_right_and_bottom_edges_are_drawn(labelled: MainWindow, tmp_path: Path) -> None:
    """At 600 % a label's pixel offset once counted as face units, and Qt culled those near the far edges."""
    view = labelled.view
    view.zoom_by(6.0)
    view.centerOn(view.map_scene.point_items["GV26"])  # the upper lip, wherever zooming about the pointer went
    target = tmp_path / "map.png"
    placed, _source = export(labelled, target, 1400)
    image = QImage(str(target))
    inside = [label for label in placed if QRectF(image.rect()).contains(label.box)]
    assert len(inside) >= 3, "the zoomed view has labels"
    assert_drawn(labelled, image, inside)


def test_the_window_keeps_its_own_layout_after_an_export(labelled: MainWindow, tmp_path: Path) -> None:
    scene = labelled.view.map_scene
    before = {key: label.transform().dx() for key, label in scene.label_items.items()}
    leaders = scene.leaders.path()
    pen = scene.leaders.pen().widthF()
    export(labelled, tmp_path / "small.svg", 300)
    QApplication.processEvents()
    assert {key: label.transform().dx() for key, label in scene.label_items.items()} == before
    assert scene.leaders.path() == leaders and scene.leaders.pen().widthF() == pen

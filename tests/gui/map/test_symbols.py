"""Symbols under zoom: channel lines, markers and labels keep their proportions (gui/map/symbols.py).

Before the rule, a Stomach line grew six-fold at 600 % into a band while
the markers kept 8 px. Sizes are read twice: from the items and pens, and by
pixel on a grab of the map, where each cross-section is the sum of how far
each pixel is tinted towards the channel's colour (antialiased edges count
by their share, so a 2 px line measures as 2, not 1 or 3).
"""

from __future__ import annotations

from statistics import median

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPainterPathStroker
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QGraphicsPathItem
from pytestqt.qtbot import QtBot

from meridian_map.core.model import PlacedPoint, Side
from meridian_map.gui.mainwindow import MainWindow
from meridian_map.gui.map.items import marker_radius
from meridian_map.gui.map.looks import Layer
from meridian_map.gui.map.symbols import MAX_GROWTH, REFERENCE_SCALE, SymbolScale, zoom_growth
from meridian_map.gui.map.tools import POINT_PICK_PX

from .test_view_cache import wheel

ZOOMS = (1.0, 3.0, 6.0)


def test_the_rule_grows_symbols_with_the_square_root_of_the_zoom_up_to_twice() -> None:
    assert zoom_growth(1.0) == 1.0
    assert zoom_growth(3.0) == pytest.approx(3.0**0.5)
    assert zoom_growth(6.0) == zoom_growth(12.0) == MAX_GROWTH == 2.0
    assert zoom_growth(0.5) == pytest.approx(0.5**0.5)
    fitted_4k = SymbolScale(fitted=3 * REFERENCE_SCALE, zoom=6.0)
    assert fitted_4k.marks == pytest.approx(6.0)  # three times bigger for the window, twice for the zoom
    assert fitted_4k.lines == pytest.approx(2.0 / 6.0)  # face units: on screen, 2x the fitted width
    assert SymbolScale(fitted=REFERENCE_SCALE / 4, zoom=1.0).marks == 1.0  # a small window: not below reference
    assert SymbolScale(fitted=REFERENCE_SCALE / 4, zoom=6.0).marks == 1.0


def _placed(window: MainWindow, code: str) -> PlacedPoint:
    return window.catalog.placed(code, Side.L)


def _coverage(image: QImage, y: int, x_from: int, x_to: int, ink: QColor) -> float:
    """Pixels' worth of `ink` along a row: each pixel's share of the way from the row's background to it."""
    background = QColor(image.pixel(x_from, y))
    towards = [ink.red() - background.red(), ink.green() - background.green(), ink.blue() - background.blue()]
    length = sum(c * c for c in towards)
    total = 0.0
    for x in range(x_from, x_to + 1):
        pixel = QColor(image.pixel(x, y))
        moved = [pixel.red() - background.red(), pixel.green() - background.green(), pixel.blue() - background.blue()]
        total += min(1.0, max(0.0, sum(m * t for m, t in zip(moved, towards, strict=True)) / length))
    return total


def _near(item: QGraphicsPathItem, spot: QPointF) -> bool:
    stroker = QPainterPathStroker()
    stroker.setWidth(2.0)
    return stroker.createStroke(item.path()).contains(spot)


def _measure(window: MainWindow, zoom: float) -> dict[str, float]:
    """The Stomach line's width between ST2 and ST3 and ST2's marker, on screen: from the items, by pixel."""
    view, scene = window.view, window.scene
    view.fit()
    view.zoom_by(zoom)
    st2, st3 = _placed(window, "ST2"), _placed(window, "ST3")
    view.centerOn(QPointF(*st2.pos))
    view.viewport().repaint()
    image = view.viewport().grab().toImage()
    ink = QColor(scene.theme.channel_style("ST").colour)
    marker = scene.point_items[st2.key]
    between = QPointF((st2.pos[0] + st3.pos[0]) / 2, (st2.pos[1] + st3.pos[1]) / 2)
    line = next(item for item in scene.channel_paths["ST"] if _near(item, between))
    reach = int(2 * marker_radius(marker)) + 6
    centre = view.mapFromScene(QPointF(*st2.pos))
    rows = []
    for share in (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8):  # the median passes over a chevron and a crossing line
        at = view.mapFromScene(QPointF(st2.pos[0], st2.pos[1] + (st3.pos[1] - st2.pos[1]) * share))
        rows.append(_coverage(image, at.y(), at.x() - reach, at.x() + reach, ink))
    return {
        "pen": line.pen().widthF() * view.transform().m11(),  # as the pen would be drawn at the view's scale
        "marker": 2 * marker_radius(marker),
        "fill": (marker.rect().width() - marker.pen().widthF()) * marker.scale(),  # inside the halo
        "line_px": median(rows),
        "fill_px": _coverage(image, centre.y(), centre.x() - reach, centre.x() + reach, ink),
    }


def test_channel_lines_and_markers_grow_alike_under_zoom(window: MainWindow) -> None:
    window.scene.set_animate(False)
    base = _measure(window, 1.0)
    base["line"] = base["pen"]  # at 100 % the pen as it is: the Stomach line as ever, ~2 px
    fitted = window.view.transform().m11()
    assert base["line_px"] == pytest.approx(1.1 * fitted, rel=0.15)
    assert base["fill_px"] == pytest.approx(base["fill"], rel=0.15)
    for zoom in ZOOMS[1:]:
        size = _measure(window, zoom)
        growth = zoom_growth(zoom)
        # On screen: the line grows as the rule says (2x at 600 %, not 6x), and as much as the markers.
        assert size["line_px"] / base["line_px"] == pytest.approx(growth, rel=0.15)
        drawn = (size["line_px"] / size["fill_px"]) / (base["line_px"] / base["fill_px"])
        assert drawn == pytest.approx(1.0, abs=0.15), f"at {zoom:g}x the drawn line grew {drawn:.2f}x more"
        assert size["fill_px"] == pytest.approx(size["fill"], rel=0.15)
        # The items and pens say the same.
        size["line"] = size["pen"] * window.scene.symbols.lines
        assert size["line"] / base["line"] == pytest.approx(growth)
        assert size["line_px"] == pytest.approx(size["line"], rel=0.15)
        assert size["marker"] / base["marker"] == pytest.approx(max(1.0, fitted / REFERENCE_SCALE * growth))
        ratio = (size["line"] / size["marker"]) / (base["line"] / base["marker"])
        assert ratio == pytest.approx(1.0, abs=0.1), f"at {zoom:g}x lines grew {ratio:.2f}x more than markers"
    assert size["line_px"] <= 2.2 * base["line_px"]  # at 600 %


def test_labels_grow_with_the_markers(window: MainWindow) -> None:
    view, scene = window.view, window.scene
    window.map_state.set_layer(Layer.LABELS, True)
    label = scene.label_items[_placed(window, "ST2").key]

    def height() -> float:
        return label.deviceTransform(view.viewportTransform()).mapRect(label.boundingRect()).height()

    marker = scene.point_items[_placed(window, "ST2").key]
    view.fit()
    fitted, fitted_marker = height(), marker_radius(marker)
    view.zoom_by(6.0)
    assert height() / fitted > 1.8
    assert height() / fitted == pytest.approx(marker_radius(marker) / fitted_marker, rel=0.1)  # font sizes round


def test_a_window_four_times_the_size_draws_markers_as_much_bigger_as_lines(window: MainWindow) -> None:
    """At 4K the face and all its symbols are simply bigger: markers no longer stay 8 px."""
    small = _measure(window, 1.0)
    window.resize(2560, 1600)
    big = _measure(window, 1.0)
    grown = big["line_px"] / small["line_px"]
    assert grown > 1.8
    assert big["fill_px"] / small["fill_px"] == pytest.approx(grown, rel=0.1)
    assert big["marker"] / small["marker"] == pytest.approx(big["pen"] / small["pen"], rel=0.06)


def test_a_grown_marker_is_easier_to_hit(window: MainWindow, qtbot: QtBot) -> None:
    """Clicked inside its drawn edge at 600 %, though farther from its centre than the pick reach at 100 %."""
    view = window.view
    st2 = _placed(window, "ST2")
    view.zoom_by(6.0)
    view.centerOn(QPointF(*st2.pos))
    radius = marker_radius(window.scene.point_items[st2.key])
    aside = 1.4 * POINT_PICK_PX
    assert aside < radius
    centre = view.mapFromScene(QPointF(*st2.pos))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre + QPoint(-round(aside), 0))
    qtbot.waitUntil(lambda: window.map_state.selection.point == st2.key, timeout=1000)


def test_after_a_wheel_zoom_symbols_take_their_size_as_it_settles(window: MainWindow, qtbot: QtBot) -> None:
    """While the wheel turns, markers keep their size as the stretched cache does; settled, all take the rule's."""
    view = window.view
    window.scene.set_animate(False)
    st2 = _placed(window, "ST2")
    marker = window.scene.point_items[st2.key]
    before = marker_radius(marker)
    view.centerOn(QPointF(*st2.pos))
    for _ in range(8):
        wheel(window, 1)
    assert view.zoom == pytest.approx(1.25**8)
    assert marker_radius(marker) == before
    qtbot.waitUntil(lambda: not view._moving, timeout=2000)
    fitted = view.transform().m11() / view.zoom
    assert marker_radius(marker) == pytest.approx(before * max(1.0, fitted / REFERENCE_SCALE * MAX_GROWTH))
    view.centerOn(QPointF(*st2.pos))
    view.viewport().repaint()
    image = view.viewport().grab().toImage()
    ink = QColor(window.scene.theme.channel_style("ST").colour)
    st3 = _placed(window, "ST3")
    widths = []
    for share in (0.2, 0.3, 0.4, 0.5, 0.6):
        at = view.mapFromScene(QPointF(st2.pos[0], st2.pos[1] + (st3.pos[1] - st2.pos[1]) * share))
        widths.append(_coverage(image, at.y(), at.x() - 20, at.x() + 20, ink))
    assert median(widths) == pytest.approx(1.1 * fitted * MAX_GROWTH, rel=0.15)  # 2x the fitted line, drawn sharp

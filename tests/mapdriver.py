"""Finding where to click on the map, as a person would aim."""

from __future__ import annotations

import math

from PySide6.QtCore import QPoint, QPointF
from shapely.geometry import Point

from meridian_map.gui.mainwindow import MainWindow
from meridian_map.gui.map.tools import CHANNEL_PICK_PX

CLEAR_OF_POINTS_PX = 10.0


def clickable_spot(window: MainWindow, area_key: str) -> QPoint:
    """A pixel inside the zone, well away from any point marker and off the channel lines (which take the click)."""
    view = window.view
    catalog = window.catalog
    shape = catalog.index.polygons[catalog.index.keys.index(area_key)]
    markers = [view.mapFromScene(QPointF(*p.pos)) for p in catalog.points]
    min_x, min_y, max_x, max_y = shape.bounds
    best, best_gap = None, -1.0
    steps = 24
    for i in range(steps + 1):
        for j in range(steps + 1):
            x = min_x + (max_x - min_x) * i / steps
            y = min_y + (max_y - min_y) * j / steps
            if not shape.buffer(-0.6).contains(Point(x, y)):
                continue
            pixel = view.mapFromScene(QPointF(x, y))
            if not view.viewport().rect().contains(pixel):
                continue
            if view.map_scene.channel_at(QPointF(x, y), 2 * CHANNEL_PICK_PX / view.transform().m11()):
                continue
            gap = min(math.hypot(pixel.x() - m.x(), pixel.y() - m.y()) for m in markers)
            if gap > best_gap:
                best, best_gap = pixel, gap
    assert best is not None, f"no visible pixel inside {area_key}"
    assert best_gap >= CLEAR_OF_POINTS_PX or best_gap > 4, f"{area_key}: nearest point {best_gap:.1f}px"
    return best

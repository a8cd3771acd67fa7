"""One zone as one school strokes it: the face cropped to the zone, its outline, and the school's arrows.

The comparison view and its printed sheet paint the same picture, so what
is printed is what was compared on screen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from ...core.catalog import Catalog
from ..painting import LineArt, arrow_head, polygon_path, smooth_path

MARGIN = 0.35  # of the zone's size, added round it so the picture shows where on the face it is
MIN_SPAN = 60.0  # face units: a small zone is shown with enough face round it to place it


class Colours(NamedTuple):
    background: QColor
    art: Callable[[str | None], QColor | None]
    outline: QColor
    tint: QColor
    stroke: QColor


def zone_rect(catalog: Catalog, zone: str) -> QRectF:
    """Both sides of the zone with some face round them, in face units."""
    points = [p for key, area in catalog.areas.items() if area.zone == zone for p in area.outline]
    left, right = min(p[0] for p in points), max(p[0] for p in points)
    top, bottom = min(p[1] for p in points), max(p[1] for p in points)
    width, height = max(right - left, MIN_SPAN), max(bottom - top, MIN_SPAN)
    cx, cy = (left + right) / 2, (top + bottom) / 2
    width, height = width * (1 + 2 * MARGIN), height * (1 + 2 * MARGIN)
    return QRectF(cx - width / 2, cy - height / 2, width, height)


def paint_zone(painter: QPainter, catalog: Catalog, zone: str, target: QRectF, colours: Colours) -> None:
    """Paint `zone` of `catalog` (a catalog as one school works it) fitted into `target`."""
    source = zone_rect(catalog, zone)
    scale = min(target.width() / source.width(), target.height() / source.height())
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(target, colours.background)
    painter.setClipRect(target)
    painter.translate(target.center())
    painter.scale(scale, scale)
    painter.translate(-source.center())
    LineArt(catalog.face.art, colours.art).paint(painter, source)
    outline_pen = QPen(colours.outline, 1.2 / scale * 1.5)
    for area in catalog.areas.values():
        if area.zone != zone:
            continue
        painter.setPen(outline_pen)
        painter.setBrush(colours.tint)
        painter.drawPath(polygon_path(area.outline))
    width = max(0.9, 2.2 / scale)
    for area in catalog.areas.values():
        if area.zone != zone:
            continue
        for number, line in enumerate(area.strokes):
            path = smooth_path(line)
            pen = QPen(colours.stroke, width if number == 0 else width * 0.7)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
            end = path.pointAtPercent(1.0)
            before = path.pointAtPercent(max(0.0, 1.0 - 3.0 / max(path.length(), 3.0)))
            head = QPainterPath()
            head.addPolygon(arrow_head(end, QPointF(end - before), width * 3.2))
            head.closeSubpath()
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colours.stroke)
            painter.drawPath(head)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(colours.stroke, width * 0.8))
            painter.drawEllipse(QPointF(*line[0]), width * 1.3, width * 1.3)  # where the stroke starts
    painter.restore()

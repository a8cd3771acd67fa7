"""Core geometry → Qt painter paths."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from math import hypot

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPolygonF

from ..core.model import ArtPath, PathCommand, Vec


def path_from_commands(commands: Sequence[PathCommand]) -> QPainterPath:
    path = QPainterPath()
    for command in commands:
        args = command.args
        if command.op == "M":
            path.moveTo(args[0], args[1])
        elif command.op == "L":
            path.lineTo(args[0], args[1])
        elif command.op == "C":
            path.cubicTo(args[0], args[1], args[2], args[3], args[4], args[5])
        elif command.op == "Z":
            path.closeSubpath()
    return path


def polygon_path(ring: Sequence[Vec]) -> QPainterPath:
    """The ring as a closed path, one line to each point.

    The same path as a QPolygonF of QPointF added whole, made in a third of
    the time: the map builds every zone's outline before its first frame.
    """
    path = QPainterPath()
    if ring:
        path.moveTo(*ring[0])
        line_to = path.lineTo
        for x, y in ring[1:]:
            line_to(x, y)
        path.closeSubpath()
    return path


def smooth_path(points: Sequence[Vec], tension: float = 0.5) -> QPainterPath:
    """A Catmull–Rom curve through the points, so lines read as drawn, not plotted."""
    path = QPainterPath()
    if not points:
        return path
    path.moveTo(*points[0])
    if len(points) == 2:
        path.lineTo(*points[1])
        return path
    padded = [points[0], *points, points[-1]]
    factor = tension / 3
    for i in range(1, len(padded) - 2):
        p0, p1, p2, p3 = padded[i - 1], padded[i], padded[i + 1], padded[i + 2]
        c1 = (p1[0] + (p2[0] - p0[0]) * factor, p1[1] + (p2[1] - p0[1]) * factor)
        c2 = (p2[0] - (p3[0] - p1[0]) * factor, p2[1] - (p3[1] - p1[1]) * factor)
        path.cubicTo(c1[0], c1[1], c2[0], c2[1], p2[0], p2[1])
    return path


def arrow_head(tip: QPointF, direction: QPointF, size: float) -> QPolygonF:
    """A small filled triangle pointing along `direction`."""
    length = (direction.x() ** 2 + direction.y() ** 2) ** 0.5 or 1.0
    ux, uy = direction.x() / length, direction.y() / length
    back = QPointF(tip.x() - ux * size, tip.y() - uy * size)
    normal = QPointF(-uy * size * 0.55, ux * size * 0.55)
    return QPolygonF([tip, back + normal, back - normal])


class LineArt:
    """The drawing's line art as prepared paths and pens, for the map and the sheets alike.

    `colour` maps the drawing's own colours to what is painted (inverted in
    dark mode on screen, as drawn on paper).
    """

    def __init__(self, art: Sequence[ArtPath], colour: Callable[[str | None], QColor | None]) -> None:
        self._strokes: list[tuple[QPainterPath, QPen | None, QBrush | None, QRectF]] = []
        for item in art:
            stroke = colour(item.stroke)
            pen = None
            if stroke is not None and item.stroke_width > 0:
                pen = QPen(stroke, item.stroke_width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
                pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            fill = colour(item.fill)
            path = path_from_commands(item.commands)
            reach = pen.widthF() if pen is not None else 0.0
            bounds = path.controlPointRect().adjusted(-reach, -reach, reach, reach)
            self._strokes.append((path, pen, QBrush(fill) if fill is not None else None, bounds))

    def paint(self, painter: QPainter, within: QRectF | None = None) -> None:
        """Draw the art, or only the paths that reach into `within`.

        Qt strokes a whole path even where a clip hides most of it, so
        skipping paths outside a small redrawn rectangle saves most of the work.
        """
        for path, pen, brush, bounds in self._strokes:
            if within is not None and not bounds.intersects(within):
                continue
            painter.setPen(pen if pen is not None else Qt.PenStyle.NoPen)
            painter.setBrush(brush if brush is not None else Qt.BrushStyle.NoBrush)
            painter.drawPath(path)


def drawing_colour(colour: str) -> QColor:
    """A colour as the drawing writes it.

    Translucent colours come as CSS `#RRGGBBAA`, which Qt would read as
    `#AARRGGBB`: a soft shading tone would turn into a solid wrong colour.
    """
    if len(colour) == 9 and colour.startswith("#"):
        rgba = QColor("#" + colour[7:9] + colour[1:7])
        if rgba.isValid():
            return rgba
    return QColor(colour)


def as_drawn(colour: str | None) -> QColor | None:
    """The drawing's colour unchanged (paper is always light)."""
    return None if colour is None else drawing_colour(colour)


def clearance(
    centre: QPointF, leaders: Sequence[tuple[QPointF, QPointF]], circles: Sequence[QPointF], radius: float
) -> float:
    """How far a number circle of `radius` at `centre` keeps off leader lines and other such circles."""
    gaps = [hypot(c.x() - centre.x(), c.y() - centre.y()) - 2 * radius for c in circles]
    gaps += [segment_distance(centre, start, end) - radius for start, end in leaders]
    return min(gaps, default=float("inf"))


def segment_distance(point: QPointF, start: QPointF, end: QPointF) -> float:
    """How far `point` is from the segment from `start` to `end`."""
    dx, dy = end.x() - start.x(), end.y() - start.y()
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else ((point.x() - start.x()) * dx + (point.y() - start.y()) * dy) / length
    t = min(1.0, max(0.0, t))
    return hypot(point.x() - start.x() - t * dx, point.y() - start.y() - t * dy)

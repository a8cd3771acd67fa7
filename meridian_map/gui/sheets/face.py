"""The face drawn for print: every zone hatched and numbered, stroke arrows, the channels if asked.

Everything is vector, drawn from the catalog's geometry (the outlines the
window hit-tests, less the vertices closer than a printer's dot), never a
screenshot, so the sheet stays sharp at any size.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from ...core.model import PRINT_TOLERANCE, Side, Vec
from ...core.output.sheet import ZoneMark, face_bounds, spread
from ..painting import LineArt, arrow_head, as_drawn, clearance, polygon_path, smooth_path
from ..theme import channel_style
from .canvas import INK, NUMBER_RADIUS_PT, Canvas
from .hatching import fill_zone, tint

LEADER_GAP_PT = 12.0
CHANNEL_PT = 1.3
CLEARANCE_PT = 2.0
GREY_ZONE = "#8c8c8c"  # one tint for every zone in grayscale: the hatch patterns tell zones apart
GREY_CHANNEL = "#6e6e6e"  # channels a mid grey, arrows full ink, so the two never blur together
GREY_DASHES = {"ST": (5.0, 1.8), "LI": (0.1, 2.2)}  # in pen widths: Stomach dashed, Large Intestine dotted
PRINTER_DOT_PT = 0.1  # a 600 dpi dot is 0.12 pt
ARROW_PT, LATER_ARROW_PT = 0.85, 0.6  # a zone's main stroke, then its others


def as_grey(colour: str | None) -> QColor | None:
    """The drawing's colour as the grey of the same lightness, keeping its transparency."""
    drawn = as_drawn(colour)
    if drawn is None:
        return None
    return QColor.fromHslF(0.0, 0.0, drawn.lightnessF(), drawn.alphaF())


class FaceDrawing:
    """The face with its zones hatched and numbered, in any rectangle."""

    def __init__(
        self,
        canvas: Canvas,
        marks: Sequence[ZoneMark],
        channels: bool,
        both_sides: bool = False,
        grayscale: bool = False,
    ) -> None:
        self.canvas = canvas
        self.catalog = canvas.catalog
        self.marks = marks
        self.channels = channels
        self.both_sides = both_sides  # numbers and arrows on both sides, as a wall chart shows them
        self.grayscale = grayscale
        self.bounds = QRectF(*face_bounds(self.catalog))

    def zone_colour(self, mark: ZoneMark) -> QColor:
        return QColor(GREY_ZONE) if self.grayscale else tint(mark)

    def channel_pen(self, code: str, width: float, internal: bool = False) -> QPen:
        """The channel's line: its colour and dashes, or in grayscale a grey with its own dash pattern."""
        style = channel_style(code)
        pen = QPen(QColor(GREY_CHANNEL if self.grayscale else style.colour), width)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        if internal:
            pen.setStyle(Qt.PenStyle.DotLine)
        elif self.grayscale and code in GREY_DASHES:
            pen.setDashPattern(list(GREY_DASHES[code]))
        elif style.dashes:
            pen.setDashPattern(list(style.dashes))
        return pen

    def mirrored(self, point: QPointF, to_page: Callable[[float, float], QPointF]) -> QPointF:
        """The same spot on the other side of the face, on the page."""
        axis = to_page(self.catalog.frame.center_x, 0).x()
        return QPointF(2 * axis - point.x(), point.y())

    @property
    def aspect(self) -> float:
        """Height over width."""
        return self.bounds.height() / self.bounds.width()

    def size_for(self, width: float, height: float) -> tuple[float, float]:
        unit = min(width / self.bounds.width(), height / self.bounds.height())
        return self.bounds.width() * unit, self.bounds.height() * unit

    def outline(self, key: str, unit: float) -> tuple[Vec, ...]:
        """The simplified outline where its error stays under a printer's dot at `unit` pt per face unit.

        The charts draw the face bigger than that on A3 and Tabloid, and take
        the outline as drawn on screen.
        """
        if PRINT_TOLERANCE * unit < PRINTER_DOT_PT:
            return self.catalog.print_outlines[key]
        return self.catalog.areas[key].outline

    def fitted(self, rect: QRectF) -> tuple[float, QPointF]:
        """Points per face unit, and the page position of the face's top left corner, centred in `rect`."""
        unit = min(rect.width() / self.bounds.width(), rect.height() / self.bounds.height())
        width, height = self.bounds.width() * unit, self.bounds.height() * unit
        return unit, QPointF(rect.left() + (rect.width() - width) / 2, rect.top() + (rect.height() - height) / 2)

    def placement(self, rect: QRectF) -> Callable[[float, float], QPointF]:
        """Face units to page points, for the face drawn in `rect`."""
        unit, origin = self.fitted(rect)

        def to_page(x: float, y: float) -> QPointF:
            return QPointF(origin.x() + (x - self.bounds.left()) * unit, origin.y() + (y - self.bounds.top()) * unit)

        return to_page

    def draw(self, rect: QRectF) -> None:
        painter = self.canvas.painter
        unit, origin = self.fitted(rect)
        to_page = self.placement(rect)

        painter.save()
        painter.translate(origin)
        painter.scale(unit, unit)
        painter.translate(-self.bounds.left(), -self.bounds.top())
        self._photo(painter)
        outlines = [
            (mark, polygon_path(self.outline(f"{mark.zone}_{side.lower()}", unit)), side)
            for mark in self.marks
            for side in Side
        ]
        for mark, path, side in outlines:
            hatch = mark.hatch if side is Side.L else mark.hatch.mirrored()
            fill_zone(painter, path, hatch, self.zone_colour(mark), unit)
        self._art(painter)
        for mark, path, _side in outlines:
            edge = self.zone_colour(mark).darker(220)
            painter.setPen(QPen(edge, 0.55 / unit))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
        if self.channels:
            self._channels(painter, unit)
        self._strokes(painter, unit)
        painter.restore()
        self._numbers(rect, unit, to_page)

    def _numbers(self, rect: QRectF, unit: float, to_page: Callable[[float, float], QPointF]) -> None:
        """Numbers inside the zones that have room, the rest beside the face on leader lines.

        A number inside a zone keeps clear of the leader lines that cross it,
        so no line seems to point at the wrong number.
        """
        radius = NUMBER_RADIUS_PT
        outside = sorted((m for m in self.marks if m.room * unit < radius + 1.0), key=lambda m: m.label_at[1])
        placed: list[QPointF] = []
        leaders: list[tuple[QPointF, QPointF]] = []
        if outside:
            edge = max(p[0] for m in self.marks for p in self.catalog.areas[f"{m.zone}_{Side.L.lower()}"].outline)
            column = min(to_page(edge, 0).x() + LEADER_GAP_PT + radius, rect.right() - radius)
            targets = [to_page(*m.label_at) for m in outside]
            ys = spread([t.y() for t in targets], 2 * radius + 2.0, rect.top() + radius, rect.bottom() - radius)
            placed = [QPointF(column, y) for y in ys]
            leaders = [(target, QPointF(column - radius, y)) for target, y in zip(targets, ys, strict=True)]
        for mark in self.marks:
            if mark in outside:
                continue
            centre = self._inside_spot(mark, unit, to_page, leaders, placed)
            placed.append(centre)
            self.canvas.number(centre, mark.number)
            if self.both_sides:
                self.canvas.number(self.mirrored(centre, to_page), mark.number)
        painter = self.canvas.painter
        for mark, (target, end) in zip(outside, leaders, strict=True):
            sides = [(target, end, radius)]
            if self.both_sides:
                sides.append((self.mirrored(target, to_page), self.mirrored(end, to_page), -radius))
            for start, stop, offset in sides:
                painter.setPen(QPen(QColor(INK), 0.5))
                painter.drawLine(start, stop)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(INK))
                painter.drawEllipse(start, 1.3, 1.3)
                self.canvas.number(QPointF(stop.x() + offset, stop.y()), mark.number)

    @staticmethod
    def _inside_spot(
        mark: ZoneMark,
        unit: float,
        to_page: Callable[[float, float], QPointF],
        leaders: Sequence[tuple[QPointF, QPointF]],
        placed: Sequence[QPointF],
    ) -> QPointF:
        """The roomiest spot in the zone that keeps clear of leaders and numbers, else the least crowded."""
        best, best_clearance = to_page(*mark.label_at), -1e9
        for at, room in ((mark.label_at, mark.room), *mark.spots):
            if room * unit < NUMBER_RADIUS_PT + 1.0:
                break
            spot = to_page(*at)
            gap = clearance(spot, leaders, placed, NUMBER_RADIUS_PT)
            if gap >= CLEARANCE_PT:
                return spot
            if gap > best_clearance:
                best, best_clearance = spot, gap
        return best

    def _photo(self, painter: QPainter) -> None:
        """The client's photo, cropped to the face, under the zones (a take-home sheet made from a photo)."""
        photo = self.canvas.photo
        if photo is None:
            return
        box = self.catalog.face.view_box
        painter.save()
        painter.setClipRect(self.bounds)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(QRectF(box.x, box.y, box.width, box.height), photo)
        painter.restore()

    def _art(self, painter: QPainter) -> None:
        LineArt(self.catalog.face.art, as_grey if self.grayscale else as_drawn).paint(painter)

    def _channels(self, painter: QPainter, unit: float) -> None:
        for code, channel in self.catalog.channels.items():
            if not channel.yang_ming:
                continue
            for line in self.catalog.channel_lines(code):
                positions = [stop.pos for stop in line.stops]
                runs: list[tuple[bool, list[tuple[float, float]]]] = []
                for i in range(1, len(positions)):
                    if runs and runs[-1][0] == line.internal[i]:
                        runs[-1][1].append(positions[i])
                    else:
                        runs.append((line.internal[i], [positions[i - 1], positions[i]]))
                for internal, points in runs:
                    painter.setPen(self.channel_pen(code, (0.7 if internal else CHANNEL_PT) / unit, internal))
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                    painter.drawPath(smooth_path(points))

    def _strokes(self, painter: QPainter, unit: float) -> None:
        """Arrows on the subject's right, where the numbers sit on the other side; on both for a chart."""
        ink = QColor(INK)
        heavier = 1.25 if self.grayscale else 1.0
        sides = (Side.R, Side.L) if self.both_sides else (Side.R,)
        lines = [
            (index, line)
            for mark in self.marks
            for side in sides
            for index, line in enumerate(self.catalog.areas[f"{mark.zone}_{side.lower()}"].strokes)
        ]
        for index, line in lines:
            path = smooth_path(line)
            pen = QPen(
                ink,
                (ARROW_PT if index == 0 else LATER_ARROW_PT) * heavier / unit,
                Qt.PenStyle.SolidLine,
                Qt.PenCapStyle.RoundCap,
            )
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
            end = path.pointAtPercent(1.0)
            before = path.pointAtPercent(path.percentAtLength(max(path.length() - 2.0 / unit, 0.0)))
            head = QPainterPath()
            head.addPolygon(arrow_head(end, end - before, 4.2 / unit))
            head.closeSubpath()
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(ink)
            painter.drawPath(head)

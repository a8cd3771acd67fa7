"""The player's face: the routine's zones numbered, the current one standing out, its strokes animated.

A step change repaints in a few milliseconds at any screen size because the
drawing is kept in two pictures: the routine's still face (art, dimmed
zones, zones left out hatched and greyed), made again only when the size,
the routine or the mirror changes, and the current step over it (its zone,
its stroke lines, the step numbers). The moving marker is drawn over both
and repaints only the few pixels it crosses.

A step change touches only where the step before and the new one are
drawn: those parts of the second picture are copied back from the still
face and the new step painted over them, and only they are repainted on
screen. At 3840×2160 copying the whole picture twice per step took longer
than painting the step itself.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from math import cos, hypot, pi

from PySide6.QtCore import QPointF, QRect, QRectF, Qt, QTimer
from PySide6.QtGui import (
    QColor,
    QFont,
    QHideEvent,
    QImage,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QRegion,
    QResizeEvent,
    QShowEvent,
    QTransform,
)
from PySide6.QtWidgets import QWidget

from ...core.catalog import Catalog
from ...core.model import Side
from ...core.output.sheet import spread
from ...core.session.presenting import face_box
from ...core.session.routine import Sides
from ...core.session.screening import ScreenedStep
from ..map.items import blend
from ..painting import LineArt, arrow_head, clearance, polygon_path, smooth_path
from ..theme import ZONE_TINTS, Theme

MARKER_FPS = 30
SPOTS_TRIED = 48  # the roomiest places for a number inside its zone, tried in turn
KEPT_PICTURES = 2  # still pictures of the face kept for sizes shown before
DIM_ALPHA = 0.16  # the routine's other zones: there, but quiet
CURRENT_ALPHA = 0.55
LEFT_OUT_ALPHA = 0.30
HATCH_SPACING = 0.28  # of the number size, in pixels
DEFAULT_PASS_SECONDS = 1.4  # one stroke along the line when the count goes by taps


@dataclass(frozen=True)
class Badge:
    """Where a step's number sits on screen, and the point it names when it sits beside the face."""

    number: int
    centre: QPointF
    target: QPointF | None  # the end of a leader line, None when the number sits inside its zone


class PlayerFace(QWidget):
    """Draws the face for a routine; the page tells it the step, the line and the steps done."""

    def __init__(
        self, catalog: Catalog, theme: Theme, clock: Callable[[], float], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.theme = theme
        self.clock = clock
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMinimumSize(120, 120)
        self.art = LineArt(catalog.face.art, theme.art_colour)
        self.paths = {key: polygon_path(area.outline) for key, area in catalog.areas.items()}
        slots = catalog.colour_slots(len(ZONE_TINTS))
        self.tints = {zone: QColor(ZONE_TINTS[slot]) for zone, slot in slots.items()}
        self.steps: tuple[ScreenedStep, ...] = ()
        self.left_out: tuple[str, ...] = ()
        self.index: int | None = None  # the current step's index, None when there is none
        self.line = 1  # 1-based among the step's lines
        self.done: frozenset[int] = frozenset()
        self.mirror = False
        self.animate = True
        self.number_px = 56
        self.cue_px = 30
        self.cues = ("", "", "")  # client's right, client's left, mirror view
        self.pass_seconds = DEFAULT_PASS_SECONDS
        self.pass_started = 0.0
        self.transform = QTransform()
        self.unit = 1.0
        self.face_rect = QRectF()
        self.badges: list[Badge] = []
        self._mapped: dict[str, QPainterPath] = {}
        self._mapped_strokes: dict[tuple[str, int], QPainterPath] = {}  # by zone side and line
        self._lines: tuple[object, list[QPainterPath]] = (None, [])
        self._box: tuple[tuple[str, ...], tuple[float, float, float, float]] | None = None  # zones, face box
        self._base: QImage | None = None
        # Still pictures by size and look: leaving the player shows the menus again and resizes the hidden
        # page, and coming back must not draw the face anew for the size it had a moment ago.
        self._bases: dict[tuple[object, ...], QImage] = {}
        self._layer: QImage | None = None  # the still face with the current step painted on it
        self._layer_step = QRegion()  # where the layer's step is painted: elsewhere it is the still face
        self._layer_stale = False  # the step changed since the layer was painted
        self._marker_rects: list[QRectF] = []
        self._marker = QTimer(self)
        self._marker.setInterval(1000 // MARKER_FPS)
        self._marker.timeout.connect(self._move_marker)

    # what is shown -------------------------------------------------------------

    def set_routine(self, catalog: Catalog, steps: Sequence[ScreenedStep], left_out: Sequence[str]) -> None:
        """The routine's steps, drawn with `catalog`'s strokes (its technique school's); outlines are the same."""
        self.catalog = catalog
        self._lines = (None, [])
        self.steps = tuple(steps)
        self.left_out = tuple(left_out)
        self.index = None
        self._bases.clear()
        self._relayout()

    def set_step(self, index: int | None, line: int, done: frozenset[int]) -> None:
        if (index, line, done) == (self.index, self.line, self.done):
            return
        if index != self.index or line != self.line:
            self.pass_started = self.clock()
        self.index, self.line, self.done = index, line, done
        self._run_marker()
        if self._layer is None:
            self.update()
            return
        self._layer_stale = True
        self.update(self._layer_step.united(self._step_region()))

    def set_mirror(self, mirror: bool) -> None:
        if mirror != self.mirror:
            self.mirror = mirror
            self._relayout()

    def set_sizes(self, number_px: int, cue_px: int) -> None:
        if (number_px, cue_px) != (self.number_px, self.cue_px):
            self.number_px, self.cue_px = number_px, cue_px
            self._relayout()

    def set_cues(self, right: str, left: str, mirror: str) -> None:
        if (right, left, mirror) != self.cues:
            self.cues = (right, left, mirror)
            self._bases.clear()
            self._base = self._layer = None
            self.update()

    def set_animate(self, animate: bool) -> None:
        if animate != self.animate:
            self.animate = animate
            self._run_marker()
            self.update()

    def set_pace(self, seconds_per_stroke: float | None) -> None:
        """One pass of the marker per stroke counted at the tempo, or the default pass when counting by taps."""
        self.pass_seconds = seconds_per_stroke or DEFAULT_PASS_SECONDS
        self.pass_started = self.clock()

    @property
    def current(self) -> ScreenedStep | None:
        return None if self.index is None else self.steps[self.index]

    def zones(self) -> tuple[str, ...]:
        return tuple(step.zone for step in self.steps) + self.left_out

    # layout -------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relayout()

    def _relayout(self) -> None:
        """Fit the face box into the widget, leave room for numbers beside it and for the side cues below."""
        self._base = self._layer = None
        self._mapped = {}
        self._mapped_strokes = {}
        zones = self.zones()
        if self._box is None or self._box[0] != zones:
            self._box = (zones, face_box(self.catalog, zones))
        x, y, width, height = self._box[1]
        radius = self.number_px * 0.72
        side = 2 * radius + 0.3 * self.number_px
        cue = self.cue_px * 1.8
        room_w = max(self.width() - 2 * side, 10.0)
        room_h = max(self.height() - cue - 0.2 * self.number_px, 10.0)
        unit = min(room_w / width, room_h / height)
        left = (self.width() - width * unit) / 2
        top = (self.height() - cue - height * unit) / 2
        if self.mirror:
            self.transform = QTransform(-unit, 0, 0, unit, left + (x + width) * unit, top - y * unit)
        else:
            self.transform = QTransform(unit, 0, 0, unit, left - x * unit, top - y * unit)
        self.unit = unit
        self.face_rect = QRectF(left, top, width * unit, height * unit)
        self.badges = self._place_badges(radius)
        self._run_marker()
        self.update()

    def _place_badges(self, radius: float) -> list[Badge]:
        """Numbers inside their zones where there is room, the rest in a column beside the face on leader lines.

        A number inside a zone takes the first of the zone's roomy spots that
        keeps clear of the leader lines and of the numbers already placed, so
        no line seems to run to the wrong number.
        """
        inside: list[tuple[int, list[QPointF]]] = []
        outside: list[tuple[int, QPointF]] = []
        for step in self.steps:
            roomy = [at for at, room in self.catalog.label_spots[step.zone] if room * self.unit >= radius * 0.8]
            spots = [self.transform.map(QPointF(*at)) for at in roomy[:SPOTS_TRIED]]
            if spots:
                inside.append((step.number, spots))
            else:
                (at, _room), *_ = self.catalog.label_spots[step.zone]
                outside.append((step.number, self.transform.map(QPointF(*at))))
        badges: list[Badge] = []
        if outside:
            edge = max(p[0] for step in self.steps for p in self.catalog.areas[f"{step.zone}_{Side.L.lower()}"].outline)
            gap = (radius + 0.3 * self.number_px) / self.unit
            column = self.transform.map(QPointF(edge + gap, 0)).x()
            column = min(max(column, radius), self.width() - radius)
            outside.sort(key=lambda entry: entry[1].y())
            ys = spread(
                [spot.y() for _n, spot in outside], 2 * radius + 4, radius, self.height() - self.cue_px * 1.8 - radius
            )
            badges.extend(
                Badge(number, QPointF(column, y), spot) for (number, spot), y in zip(outside, ys, strict=True)
            )
        leaders = [(badge.target, badge.centre) for badge in badges if badge.target is not None]
        for number, spots in inside:
            centres = [badge.centre for badge in badges]
            gaps = []
            for spot in spots:
                gaps.append((clearance(spot, leaders, centres, radius), spot))
                if gaps[-1][0] >= 2.0:
                    break
            badges.append(Badge(number, gaps[-1][1] if gaps[-1][0] >= 2.0 else max(gaps, key=lambda g: g[0])[1], None))
        return sorted(badges, key=lambda badge: badge.number)

    # painting -----------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._layer is None:
            self._layer = self._base_picture().copy()
            self._layer_step = QRegion()
            self._layer_stale = True
        if self._layer_stale:
            self._repaint_layer()
        painter = QPainter(self)
        ratio = self._layer.devicePixelRatio()
        for rect in rects_of(event.region()):
            shown = QRectF(rect)
            source = QRectF(shown.x() * ratio, shown.y() * ratio, shown.width() * ratio, shown.height() * ratio)
            painter.drawImage(shown, self._layer, source)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.animate:
            for centre in self._marker_centres():
                self._paint_marker(painter, centre)
        painter.end()

    def _repaint_layer(self) -> None:
        """The still face back where the last step was painted, then the current step over it."""
        assert self._layer is not None
        base = self._base_picture()
        ratio = base.devicePixelRatio()
        layer = QPainter(self._layer)
        layer.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
        for rect in rects_of(self._layer_step):
            shown = QRectF(rect)
            source = QRectF(shown.x() * ratio, shown.y() * ratio, shown.width() * ratio, shown.height() * ratio)
            layer.drawImage(shown, base, source)
        layer.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
        layer.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint_step(layer)
        layer.end()
        self._layer_step = self._step_region()
        self._layer_stale = False

    def _step_region(self) -> QRegion:
        """Every pixel `_paint_step` may touch: the zone with its outline and lines, the numbers done and current."""
        region = QRegion()
        scale = self.number_px / 56
        reach = 4 + 16 * scale  # the widest line's half width and its arrow head, with antialiasing
        step = self.current
        if step is not None:
            for key in self._keys(step.zone, step.sides):
                bounds = self._screen_path(key).boundingRect()
                for _line, path in self._stroke_paths(key, step):
                    bounds = bounds.united(path.boundingRect())
                region += bounds.adjusted(-reach, -reach, reach, reach).toAlignedRect()
        current = step.number if step is not None else None
        ring = self.number_px * 0.72 + max(2.0, self.number_px / 20) / 2 + 2
        for badge in self.badges:
            if badge.number == current or badge.number in self.done:
                centre = badge.centre
                region += QRectF(centre.x() - ring, centre.y() - ring, 2 * ring, 2 * ring).toAlignedRect()
        return region

    def _picture(self) -> QImage:
        """An image in the raster engine's own opaque format: drawn on screen as a plain copy."""
        ratio = self.devicePixelRatioF()
        size = (max(1, round(self.width() * ratio)), max(1, round(self.height() * ratio)))
        picture = QImage(*size, QImage.Format.Format_RGB32)  # opaque: copied to the screen without blending
        picture.setDevicePixelRatio(ratio)
        return picture

    def _base_picture(self) -> QImage:
        if self._base is not None:
            return self._base
        look = (self.width(), self.height(), self.devicePixelRatioF(), self.mirror, self.number_px, self.cue_px)
        if look in self._bases:
            self._base = self._bases[look]
            return self._base
        picture = self._picture()
        picture.fill(self.theme.background)
        painter = QPainter(picture)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for step in self.steps:
            for key in self._keys(step.zone, Sides.BOTH):
                colour = blend(self.tints[step.zone], DIM_ALPHA, self.theme.background)
                painter.fillPath(self._screen_path(key), colour)
        for zone in self.left_out:
            for key in self._keys(zone, Sides.BOTH):
                self._hatch(painter, self._screen_path(key))
        painter.save()
        painter.setClipRect(self.face_rect)  # the neck's lines stop where the face box is cropped
        painter.setTransform(self.transform)
        self.art.paint(painter)
        painter.restore()
        edge = QPen(blend(self.theme.soft_ink, 0.5, self.theme.background), 1.2)
        for step in self.steps:
            for key in self._keys(step.zone, Sides.BOTH):
                painter.strokePath(self._screen_path(key), edge)
        self._paint_cues(painter)
        self._paint_badges(painter, still=True)
        painter.end()
        if len(self._bases) >= KEPT_PICTURES:
            del self._bases[next(iter(self._bases))]
        self._base = self._bases[look] = picture
        return picture

    def _hatch(self, painter: QPainter, path: QPainterPath) -> None:
        """Greyed and hatched: plainly not part of today's work, in colour or grey."""
        painter.fillPath(path, blend(self.theme.soft_ink, LEFT_OUT_ALPHA, self.theme.background))
        painter.save()
        painter.setClipPath(path)
        painter.setPen(QPen(self.theme.soft_ink, max(1.0, self.number_px / 28)))
        bounds = path.boundingRect()
        spacing = max(6.0, self.number_px * HATCH_SPACING)
        offset = -bounds.height()
        while offset < bounds.width():
            start = QPointF(bounds.left() + offset, bounds.bottom())
            painter.drawLine(start, QPointF(start.x() + bounds.height(), bounds.top()))
            offset += spacing
        painter.restore()
        painter.strokePath(path, QPen(self.theme.soft_ink, 1.5, Qt.PenStyle.DashLine))

    def _paint_cues(self, painter: QPainter) -> None:
        """ "Client's right" under the side drawn as the client's right, wherever the mirror puts it."""
        right, left, mirror = self.cues
        font = QFont(self.font())
        font.setPixelSize(self.cue_px)
        painter.setFont(font)
        painter.setPen(self.theme.ink)
        height = self.cue_px * 1.6
        top = self.height() - height
        half = self.face_rect.width() / 2
        for text, side in ((right, Side.R), (left, Side.L)):
            on_left = (side is Side.R) != self.mirror
            middle = self.face_rect.left() + half * (0.5 if on_left else 1.5)
            box = QRectF(middle - half, top, 2 * half, height)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        if self.mirror and mirror:
            painter.setPen(self.theme.soft_ink)
            box = QRectF(0, 0, self.width(), height)
            painter.drawText(box, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignHCenter, mirror)

    def _paint_step(self, painter: QPainter) -> None:
        """The current step over the still face: its zone lit, its lines, and every step's number."""
        step = self.current
        if step is not None:
            keys = self._keys(step.zone, step.sides)
            # Multiplied over the still face, the tint colours the skin and leaves the drawing's lines as dark
            # as they were, so the art need not be drawn again for each step.
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Multiply)
            tint = blend(self.tints[step.zone], CURRENT_ALPHA, QColor(Qt.GlobalColor.white))
            for key in keys:
                painter.fillPath(self._screen_path(key), tint)
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
            for key in keys:
                painter.strokePath(self._screen_path(key), QPen(self.theme.outline, 3.0))
            self._paint_strokes(painter, step)
        self._paint_badges(painter, still=False)

    def _screen_path(self, key: str) -> QPainterPath:
        """A zone side's outline in pixels, mapped once per layout."""
        path = self._mapped.get(key)
        if path is None:
            path = self._mapped[key] = self.transform.map(self.paths[key])
        return path

    def _stroke_paths(self, key: str, step: ScreenedStep) -> list[tuple[int, QPainterPath]]:
        """The step's lines on a zone side, each with its number, in pixels (mapped once per layout)."""
        strokes = self.catalog.areas[key].strokes
        paths = []
        for line in step.lines:
            if line < len(strokes):
                path = self._mapped_strokes.get((key, line))
                if path is None:
                    path = self._mapped_strokes[key, line] = self.transform.map(smooth_path(strokes[line]))
                paths.append((line, path))
        return paths

    def _keys(self, zone: str, sides: Sides) -> list[str]:
        wanted = (Side.R, Side.L) if sides is Sides.BOTH else (Side(sides.value),)
        return [f"{zone}_{side.lower()}" for side in wanted if f"{zone}_{side.lower()}" in self.paths]

    def _current_lines(self) -> list[QPainterPath]:
        """The line being worked on each side the step works, in screen pixels (made once per step and line)."""
        wanted = (self.index, self.line, self.transform)
        if self._lines[0] != wanted:
            self._lines = (wanted, self._make_current_lines())
        return self._lines[1]

    def _make_current_lines(self) -> list[QPainterPath]:
        step = self.current
        if step is None or not step.lines:
            return []
        line = step.lines[min(self.line, len(step.lines)) - 1]
        paths = []
        for key in self._keys(step.zone, step.sides):
            strokes = self.catalog.areas[key].strokes
            if line < len(strokes):
                paths.append(self.transform.map(smooth_path(strokes[line])))
        return paths

    def _paint_strokes(self, painter: QPainter, step: ScreenedStep) -> None:
        current = step.lines[min(self.line, len(step.lines)) - 1] if step.lines else -1
        scale = self.number_px / 56
        for key in self._keys(step.zone, step.sides):
            for line, path in self._stroke_paths(key, step):
                width = (5.0 if line == current else 2.5) * scale
                colour = self.theme.ink if line == current else self.theme.soft_ink
                painter.setPen(QPen(colour, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawPath(path)
                end = path.pointAtPercent(1.0)
                before = path.pointAtPercent(path.percentAtLength(max(path.length() - 4.0, 0.0)))
                head = QPainterPath()
                head.addPolygon(arrow_head(end, end - before, 7.0 * width / 2.5 if line == current else 11.0 * scale))
                head.closeSubpath()
                painter.fillPath(head, colour)

    def _paint_badges(self, painter: QPainter, still: bool) -> None:
        """The still picture has every number as still to come, with the leader lines; each step paints
        over it only the numbers done and the current one."""
        font = QFont(self.font())
        font.setPixelSize(self.number_px)
        font.setBold(True)
        painter.setFont(font)
        radius = self.number_px * 0.72
        current = self.current.number if self.current is not None else None
        for badge in self.badges:
            if still and badge.target is not None:
                painter.setPen(QPen(self.theme.soft_ink, 1.5))
                painter.drawLine(badge.target, self._toward(badge.centre, badge.target, radius))
                painter.setBrush(self.theme.soft_ink)
                painter.drawEllipse(badge.target, 3.0, 3.0)
            if still:
                fill, ink, ring = self.theme.background, self.theme.ink, self.theme.ink
            elif badge.number == current:
                fill, ink, ring = self.theme.outline, self.theme.background, self.theme.outline
            elif badge.number in self.done:
                fill = blend(self.theme.soft_ink, 0.35, self.theme.background)
                ink, ring = self.theme.ink, self.theme.soft_ink
            else:
                continue
            painter.setPen(QPen(ring, max(2.0, self.number_px / 20)))
            painter.setBrush(fill)
            painter.drawEllipse(badge.centre, radius, radius)
            painter.setPen(ink)
            box = QRectF(badge.centre.x() - radius, badge.centre.y() - radius, 2 * radius, 2 * radius)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, str(badge.number))

    @staticmethod
    def _toward(centre: QPointF, target: QPointF, radius: float) -> QPointF:
        dx, dy = target.x() - centre.x(), target.y() - centre.y()
        length = hypot(dx, dy) or 1.0
        return QPointF(centre.x() + dx / length * radius, centre.y() + dy / length * radius)

    # the moving marker --------------------------------------------------------

    def _run_marker(self) -> None:
        if self.animate and self.current is not None and self.isVisible():
            self._marker.start()
        else:
            self._marker.stop()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._run_marker()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._marker.stop()

    def _phase(self) -> float:
        """How far along the line the marker is: eased, so it slows at both ends as a hand does."""
        passes = max(0.0, self.clock() - self.pass_started) / self.pass_seconds
        return (1 - cos(pi * (passes % 1.0))) / 2

    def _marker_centres(self) -> list[QPointF]:
        phase = self._phase()
        return [path.pointAtPercent(path.percentAtLength(path.length() * phase)) for path in self._current_lines()]

    def _marker_radius(self) -> float:
        return self.number_px * 0.2

    def _paint_marker(self, painter: QPainter, centre: QPointF) -> None:
        radius = self._marker_radius()
        painter.setPen(QPen(self.theme.background, radius * 0.35))
        painter.setBrush(self.theme.outline)
        painter.drawEllipse(centre, radius, radius)

    def _move_marker(self) -> None:
        reach = self._marker_radius() * 1.4 + 2
        rects = [QRectF(c.x() - reach, c.y() - reach, 2 * reach, 2 * reach) for c in self._marker_centres()]
        for rect in (*self._marker_rects, *rects):
            self.update(rect.toAlignedRect())
        self._marker_rects = rects


def rects_of(region: QRegion) -> list[QRect]:
    """The rectangles a region is made of (PySide6 iterates a region; its type stubs do not say so)."""
    rects: list[QRect] = list(region)  # type: ignore[call-overload]
    return rects

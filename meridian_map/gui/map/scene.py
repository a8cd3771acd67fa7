"""The face as a QGraphicsScene: art, zones, channels, strokes and points.

Zone items are built from the very outlines the core hit-tests, so what is
highlighted is exactly what a click selects; the scene holds no state of its
own beyond how each item looks. Lines, chevrons, arrow heads, markers and
labels are symbols: they are drawn as big as symbols.py says for the view
that shows the scene, which tells the scene its scale and zoom.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from math import cos, radians, sin
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QEasingCurve, QPointF, QRect, QRectF, Qt, QVariantAnimation
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen, QTransform
from PySide6.QtWidgets import QGraphicsEllipseItem, QGraphicsItem, QGraphicsPathItem, QGraphicsScene

from ...core.catalog import Catalog, ChannelLine
from ...core.model import Side
from ..painting import LineArt, smooth_path
from ..theme import Theme
from .explorer import ChannelCourse, Guide, side_markers
from .items import EDGE_REACH_PX, HALO_PX, TINT_ALPHA, ArrowsItem, LabelItem, PointItem, ZoneItem, marker_radius
from .looks import LabelMode, Layer, Look, LookFacts, zone_look
from .symbols import SymbolScale

if TYPE_CHECKING:
    from ..state import MapState

STROKE_MS_PER_PASS = 1400
STROKE_IDLE_OPACITY = 0.28
LEADER_PX = 0.8
LABEL_FONT_SHARE = 0.85  # of the system font, at label size 100 %


class PlacedLabel(NamedTuple):
    """Where a label went, in the pixels it was laid out for: its point, its box (halo included) and any leader."""

    key: str
    x: float
    y: float
    box: QRectF
    leader: bool


class MapScene(QGraphicsScene):
    """Builds every item once; state changes only restyle them."""

    zone_item = ZoneItem  # what a zone is drawn as; photo mode's tints are see-through

    def __init__(self, catalog: Catalog, state: MapState, theme: Theme | None = None) -> None:
        super().__init__()
        self.catalog = catalog
        self.state = state
        self.theme = theme or Theme.current()
        self.setBackgroundBrush(self.theme.background)
        self.layers: dict[Layer, list[QGraphicsItem]] = {layer: [] for layer in Layer}
        self.zone_items: dict[str, ZoneItem] = {}
        self.point_items: dict[str, PointItem] = {}
        self.label_items: dict[str, LabelItem] = {}
        self.stroke_items: dict[str, list[QGraphicsPathItem]] = {}
        self.channel_items: dict[str, list[QGraphicsPathItem]] = {}
        self.channel_paths: dict[str, list[QGraphicsPathItem]] = {}  # the lines alone, without their chevrons
        self.course: ChannelCourse | None = None  # the selected channel's numbered stops
        self.guide: Guide | None = None  # how the selected point is found
        self.leaders = QGraphicsPathItem()  # lines from called-out labels to their points
        self.shown = dict(state.layers)  # each layer as last set here
        self._hover: str | None = None
        self._marked_point = ""  # the point item drawn as selected
        self.animate = True  # the state's animation, unless a still picture is being taken (set_animate)
        # Channels, then strokes (each with its arrow head), with where they reach: painted by drawBackground.
        self._background_lines: list[tuple[QRectF, tuple[QGraphicsPathItem, ...]]] = []
        self._label_scale = 1.0
        self._labels_stale = True
        self.symbols = SymbolScale()  # as the showing view last told it (set_symbol_scale)

        # The view caches the background (art, zones, channels, strokes): a state change redraws what it touched.
        self.line_art = LineArt(catalog.face.art, self.theme.art_colour)
        self._yang_ming_zones = frozenset(zone for zone in catalog.zones if self._has_yang_ming_point(zone))
        self._build_zones()
        self._build_channels()
        self._build_strokes()
        self._background_lines.sort(key=lambda line: line[1][0].zValue())
        self._build_points()
        self._label_mode = LabelMode.CODE  # labels are made when first shown: the layer starts off
        self.hover_overlay = self._build_hover_overlay()
        self.marker = self._build_marker()
        self._animation = QVariantAnimation(self)
        self._animation.setStartValue(0.0)
        self._animation.setEndValue(1.0)
        self._animation.setEasingCurve(QEasingCurve.Type.InOutSine)
        self._animation.valueChanged.connect(self._move_marker)
        self._animation.finished.connect(lambda: self.marker.setVisible(False))
        self._marker_path = QPainterPath()
        box = catalog.face.view_box
        self.face_rect = QRectF(box.x, box.y, box.width, box.height)
        self.setSceneRect(self.face_rect)
        self.set_layer_visible(Layer.OTHER_CHANNELS, False)
        self.side_markers = tuple(side_markers(self, self.face_rect, self.theme))
        state.selection_changed.connect(self._show_selection)
        state.label_side_changed.connect(lambda _side: self.set_label_mode(self._label_mode))
        state.guide_changed.connect(lambda _on: self._show_guide())
        state.reselected.connect(self._start_stroke_animation)
        state.concern_changed.connect(self._restyle)
        state.excluded_changed.connect(self._restyle)
        state.focus_changed.connect(self._show_focus)
        state.layer_changed.connect(self.set_layer_visible)
        state.label_mode_changed.connect(self.set_label_mode)
        state.animation_changed.connect(self.set_animate)
        state.label_size_changed.connect(lambda _size: self.set_label_mode(self._label_mode))
        state.school_changed.connect(self.show_school)

    # building -----------------------------------------------------------

    def _build_zones(self) -> None:
        tints = self._tint_per_zone()
        for key, area in self.catalog.areas.items():
            item = self.zone_item(area, tints[area.zone], self.theme)
            item.setZValue(1)
            self.addItem(item)
            self.zone_items[key] = item
            self.layers[Layer.ZONES].append(item)

    def _tint_per_zone(self) -> dict[str, str]:
        """Neighbouring zones get different tints."""
        tints = self.theme.zone_tints
        return {zone: tints[slot] for zone, slot in self.catalog.colour_slots(len(tints)).items()}

    def _build_channels(self) -> None:
        for code, channel in self.catalog.channels.items():
            items: list[QGraphicsPathItem] = []
            for line in self.catalog.channel_lines(code):
                items.extend(self._channel_line_items(line))
            for item in items:
                item.setZValue(3 if channel.yang_ming else 2)
                self._paint_in_background(item)
            self.channel_items[code] = items
            self.channel_paths[code] = [item for item in items if item.pen().style() != Qt.PenStyle.NoPen]
            self.layers[Layer.CHANNELS if channel.yang_ming else Layer.OTHER_CHANNELS].extend(items)

    def _channel_line_items(self, line: ChannelLine) -> Iterable[QGraphicsPathItem]:
        style = self.theme.channel_style(line.channel)
        positions = [stop.pos for stop in line.stops]
        runs: list[tuple[bool, list[tuple[float, float]]]] = []
        for i in range(1, len(positions)):
            internal = line.internal[i]
            if runs and runs[-1][0] == internal:
                runs[-1][1].append(positions[i])
            else:
                runs.append((internal, [positions[i - 1], positions[i]]))
        for internal, points in runs:
            pen = QPen(QColor(style.colour), style.width * (0.7 if internal else 1.0))
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            if internal:
                pen.setStyle(Qt.PenStyle.DotLine)
            elif style.dashes:
                pen.setDashPattern(list(style.dashes))
            path = smooth_path(points, tension=0.3)
            item = QGraphicsPathItem(path)
            item.setPen(pen)
            if internal:
                item.setOpacity(0.55)
            yield item
            if not internal:
                yield self._direction_marks(path, QColor(style.colour), style.width)

    def _direction_marks(self, path: QPainterPath, colour: QColor, width: float) -> ArrowsItem:
        """Small chevrons along a channel, pointing the way it flows; they grow with the line (symbols.py)."""
        heads = []
        length = path.length()
        count = max(1, int(length // 28))
        for i in range(count):
            percent = path.percentAtLength(length * (i + 0.5) / count)
            angle = radians(path.angleAtPercent(percent))
            heads.append((path.pointAtPercent(percent), QPointF(cos(angle), -sin(angle)), 1.2, 2.4 + width))
        item = ArrowsItem(heads)
        item.setBrush(colour)
        item.setPen(Qt.PenStyle.NoPen)
        return item

    def _build_strokes(self) -> None:
        for key, area in self.catalog.areas.items():
            items: list[QGraphicsPathItem] = []
            for line in area.strokes:
                path = smooth_path(line)
                item = QGraphicsPathItem(path)
                pen = QPen(self.theme.ink, 0.7, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
                item.setPen(pen)
                item.setOpacity(STROKE_IDLE_OPACITY if not items else 0.0)
                item.setZValue(4)
                end = path.pointAtPercent(1.0)
                before = path.pointAtPercent(max(0.0, 1.0 - 3.0 / max(path.length(), 3.0)))
                along = end - before
                reach = max((along.x() ** 2 + along.y() ** 2) ** 0.5, 1e-9)
                head = ArrowsItem([(end, along / reach, 0.0, 3.2)])
                head.setParentItem(item)
                head.setBrush(self.theme.ink)
                head.setPen(Qt.PenStyle.NoPen)
                self._paint_in_background(item, head)
                items.append(item)
            self.stroke_items[key] = items
            self.layers[Layer.STROKES].extend(items)

    def _paint_in_background(self, item: QGraphicsPathItem, *children: QGraphicsPathItem) -> None:
        """Add a line that changes only with state; drawBackground paints it, the items draw nothing."""
        parts = (item, *children)
        for part in parts:
            part.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
        self.addItem(item)
        self._background_lines.append((self._line_bounds(item), parts))

    def _build_points(self) -> None:
        for point in self.catalog.points:
            channel = self.catalog.channels.get(point.info.channel)
            yang_ming = bool(channel and channel.yang_ming)
            item = PointItem(point, self._point_colour(point.info.channel), self.theme, yang_ming)
            item.setZValue(5)
            self.addItem(item)
            self.point_items[point.key] = item
            self.layers[Layer.POINTS].append(item)

    def _point_colour(self, channel: str) -> QColor:
        """A point wears its channel's colour, as the legend shows it; one of no known channel, the theme's."""
        if channel in self.catalog.channels:
            return QColor(self.theme.channel_style(channel).colour)
        return QColor(self.theme.point)

    def label_font(self) -> QFont:
        """Labels follow the system font, times the label size setting, grown as the symbols are (symbols.py).

        Grown by the font's size rather than by scaling the item, so text is
        drawn from the glyph cache at its own size.
        """
        font = QFont()
        size = max(font.pointSizeF(), 1.0) * LABEL_FONT_SHARE * self.state.label_size / 100
        font.setPointSizeF(size * self.symbols.marks)
        return font

    def _build_labels(self, mode: LabelMode) -> None:
        """A label for each copy on the labelled sides (both, or the one chosen), midline points always."""
        font = self.label_font()
        wanted = {point.key: point for point in self.catalog.points if self._labelled(point.side)}
        for key in [key for key in self.label_items if key not in wanted]:
            label = self.label_items.pop(key)
            self.layers[Layer.LABELS].remove(label)
            self.removeItem(label)
        shown = self.shown[Layer.LABELS]
        for key, point in wanted.items():
            text = {
                LabelMode.CODE: point.code, LabelMode.PINYIN: point.info.pinyin, LabelMode.HANZI: point.info.hanzi,
            }[mode]  # fmt: skip
            existing = self.label_items.get(key)
            if existing is not None:
                label = existing
            else:
                label = LabelItem(self.theme)
                label.setVisible(shown)
                label.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
                # The same pixels at every zoom: a frame copies them rather than setting text and halo again.
                label.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
                label.setZValue(6)
                label.setPos(*point.pos)
                self.addItem(label)
                self.label_items[key] = label
                self.layers[Layer.LABELS].append(label)
            label.setFont(font)
            label.setText(text)
        if self.leaders.scene() is None:
            pen = QPen(self.theme.soft_ink, LEADER_PX)
            pen.setCosmetic(True)
            self.leaders.setPen(pen)
            self.leaders.setZValue(5.5)
            self.leaders.setVisible(shown)
            self.addItem(self.leaders)
            self.layers[Layer.LABELS].append(self.leaders)
        self._layout_labels()

    def _labelled(self, side: Side | None) -> bool:
        return side is None or self.state.label_side in ("both", str(side))

    def set_label_scale(self, scale: float, later: bool = False) -> None:
        """The view's scale (screen pixels per face unit), which decides how crowded the labels are.

        Every resize refits the view, often to the same scale: that needs no new layout.
        `later` is for a zoom under way: the labels keep their places beside
        their points, their leader lines go, and the layout waits for the
        next call, once the zoom settles.
        """
        if scale == self._label_scale and not self._labels_stale:
            return
        self._label_scale = scale
        if later:
            self._labels_stale = True
            if not self.leaders.path().isEmpty():
                self.leaders.setPath(QPainterPath())
            return
        self._layout_labels()

    def set_symbol_scale(self, fitted: float, zoom: float) -> None:
        """The showing view's scale with the face fitted and its zoom, which decide how big symbols are drawn.

        Markers, labels, a channel's numbered stops and the stroke animation's
        dot take their size now; the lines take theirs when the background is
        next drawn, which the view does whenever its scale has changed.
        """
        symbols = SymbolScale(fitted, zoom)
        if symbols == self.symbols:
            return
        self.symbols = symbols
        for point in self.point_items.values():
            point.set_marks(symbols.marks)
        if self.label_items:
            font = self.label_font()
            for label in self.label_items.values():
                label.setFont(font)
        self.marker.setScale(symbols.lines)
        if self.course is not None:
            self.course.set_marks(symbols.marks)
        self._layout_labels()

    def _layout_labels(self) -> None:
        """Put each label where it covers no other label and no point, Yang Ming points first.

        Labels are drawn in screen pixels, grown gently with the zoom (symbols.py),
        so this runs again when the zoom changes; while labels are hidden it
        waits until they are shown.
        """
        if not self.labels_shown():
            self._labels_stale = True
            return
        self._labels_stale = False
        self.place_labels(self._label_scale)

    def labels_shown(self) -> bool:
        return bool(self.label_items) and next(iter(self.label_items.values())).isVisible()

    def place_labels(self, scale: float) -> list[PlacedLabel]:
        """Lay the labels out for `scale` pixels per face unit, and say where each went, in those pixels.

        The window lays them out for its view; an exported image for its own
        size, and then puts the window's layout back (`picture`).
        """
        # Labels start hidden: not a start-up cost.
        from ...core.geometry.labels import Label, needs_leader, place_labels

        markers = [
            (item.x() * scale, item.y() * scale, marker_radius(item))
            for item in self.point_items.values()
            if item.isVisible()
        ]
        order = sorted(self.label_items.items(), key=lambda entry: self._label_priority(entry[0]))
        labels = []
        for key, label in order:
            point = self.point_items[key]
            text = label.boundingRect()
            labels.append(
                Label(
                    point.x() * scale,
                    point.y() * scale,
                    marker_radius(point),
                    text.width() + 2 * HALO_PX,
                    text.height(),
                )
            )
        leaders = QPainterPath()
        placed = []
        for (key, label), spec, (dx, dy) in zip(order, labels, place_labels(labels, markers), strict=True):
            label.setTransform(QTransform.fromTranslate(dx + HALO_PX, dy))
            label.setOpacity(self.point_items[key].opacity())
            leader = needs_leader(dx, dy, spec.width, spec.height, spec.radius)
            placed.append(
                PlacedLabel(key, spec.x, spec.y, QRectF(spec.x + dx, spec.y + dy, spec.width, spec.height), leader)
            )
            if leader:
                # From the point's edge to the nearest spot of the label, in face units.
                near_x = min(max(0.0, dx), dx + spec.width)
                near_y = min(max(0.0, dy), dy + spec.height)
                length = max((near_x**2 + near_y**2) ** 0.5, 1e-6)
                start = spec.radius / length
                at = self.point_items[key].pos()
                leaders.moveTo(at.x() + near_x * start / scale, at.y() + near_y * start / scale)
                leaders.lineTo(at.x() + near_x / scale, at.y() + near_y / scale)
        self.leaders.setPath(leaders)
        return placed

    @contextmanager
    def picture(self, scale: float, ratio: float = 1.0) -> Iterator[list[PlacedLabel]]:
        """The scene set up for a picture of another size while the block runs; gives where the labels went.

        The labels are laid out for `scale`; `ratio` is the picture's pixels
        per layout pixel, by which the leader lines, drawn a pixel wide
        whatever the zoom, are wider. Labels and points are drawn afresh
        rather than copied from the window's pixel cache, which would put
        bitmaps in an SVG. Afterwards the window's layout is put back.
        """
        cached = [*self.label_items.values(), *self.point_items.values()]
        for item in cached:
            item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
        shown = self.labels_shown()
        pen = self.leaders.pen()
        pen.setWidthF(LEADER_PX * ratio)
        self.leaders.setPen(pen)
        try:
            yield self.place_labels(scale) if shown else []
        finally:
            pen.setWidthF(LEADER_PX)
            self.leaders.setPen(pen)
            if shown:
                self.place_labels(self._label_scale)
            for item in cached:
                item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def _label_priority(self, key: str) -> tuple[bool, str]:
        channel = self.catalog.channels.get(self.point_items[key].point.info.channel)
        return (not (channel and channel.yang_ming), key)

    def _build_hover_overlay(self) -> QGraphicsPathItem:
        """The hovered zone's extra tint and edge, over the cached background."""
        overlay = QGraphicsPathItem()
        overlay.setZValue(4.5)  # over the channels and strokes in the background, under the points
        overlay.setVisible(False)
        self.addItem(overlay)
        return overlay

    def _build_marker(self) -> QGraphicsEllipseItem:
        marker = QGraphicsEllipseItem(-2.2, -2.2, 4.4, 4.4)
        colour = QColor(self.theme.outline)
        colour.setAlphaF(0.55)
        marker.setBrush(colour)
        marker.setPen(Qt.PenStyle.NoPen)
        marker.setZValue(7)
        marker.setVisible(False)
        self.addItem(marker)
        return marker

    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        """Everything that changes only with state: art, zone tints and edges, channels, stroke lines.

        The view caches what this draws, so a frame costs one copy of it plus
        the points, labels and hover overlay; a state change redraws only
        what it touched (`_redraw`). Tints are filled without antialiasing:
        neighbouring zones share their edges exactly, so they tile without
        seams, and the antialiased edge drawn over them keeps each boundary
        smooth.
        """
        area = QRectF(rect)
        # What reaches into the area: edges and antialiasing spill past outlines by a few pixels.
        margin = EDGE_REACH_PX / max(painter.transform().m11(), 1e-6)
        reach = area.adjusted(-margin, -margin, margin, margin)
        zones = [zone for zone in self.zone_items.values() if zone.isVisible() and zone.bounds.intersects(reach)]
        painter.save()
        painter.fillRect(area, self.theme.background)
        self.paint_underlay(painter, area)
        painter.setPen(Qt.PenStyle.NoPen)
        for zone in zones:
            painter.fillPath(zone.path(), zone.brush())
            if zone.hatch is not None:
                painter.fillPath(zone.path(), zone.hatch)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.line_art.paint(painter, reach)
        for zone in zones:
            painter.strokePath(zone.path(), zone.pen())
        grow = self.symbols.lines
        for bounds, parts in self._background_lines:
            line = parts[0]
            if line.isVisible() and line.effectiveOpacity() > 0 and bounds.intersects(reach):
                for part in parts:
                    painter.setOpacity(part.effectiveOpacity())
                    pen = QPen(part.pen())
                    pen.setWidthF(pen.widthF() * grow)
                    painter.setPen(pen)
                    painter.setBrush(part.brush())
                    painter.drawPath(part.path_at(grow) if isinstance(part, ArrowsItem) else part.path())
        painter.restore()

    def paint_underlay(self, painter: QPainter, area: QRectF) -> None:
        """What lies under the zone tints: nothing on the drawing, the client's photo in photo mode."""

    def _redraw(self, rects: Iterable[QRectF]) -> None:
        """Have the views (each keeps its own background cache) redraw these parts of it.

        Each rectangle on its own: when several are redrawn at once Qt clips
        to all of them, under which its rasteriser rounds a handful of
        antialiased edge pixels differently from a full repaint (invisible;
        a stress run of 300 random changes saw at most 4 pixels off by more
        than 8 levels). One rectangle around them all would be exact but, for
        two zones far apart, cost most of a full redraw. A rectangle inside
        another is left out: a zone's stroke lines lie within the zone, and
        each redraw strokes every line of the art that reaches into it.
        """
        views = [view for view in self.views() if hasattr(view, "redraw_background")]
        scales = [view.transform().m11() for view in views]
        margin = EDGE_REACH_PX / min(scales) if scales else EDGE_REACH_PX
        for rect in outermost(rects):
            for view in views:
                view.redraw_background(rect.adjusted(-margin, -margin, margin, margin))

    def _redraw_everything(self) -> None:
        for view in self.views():
            view.resetCachedContent()
            view.viewport().update()

    @staticmethod
    def _line_bounds(line: QGraphicsPathItem) -> QRectF:
        return line.sceneBoundingRect().united(line.mapRectToScene(line.childrenBoundingRect()))

    # theme ----------------------------------------------------------------

    def set_theme(self, theme: Theme) -> None:
        """Recolour every item for another theme and repaint: nothing is rebuilt but the line art."""
        self.theme = theme
        self.setBackgroundBrush(theme.background)
        self.line_art = LineArt(self.catalog.face.art, theme.art_colour)
        tints = self._tint_per_zone()
        for zone in self.zone_items.values():
            zone.set_theme(theme, tints[zone.area.zone])
        for code, items in self.channel_items.items():
            colour = QColor(theme.channel_style(code).colour)
            for item in items:
                if item.pen().style() == Qt.PenStyle.NoPen:
                    item.setBrush(colour)
                else:
                    pen = item.pen()
                    pen.setColor(colour)
                    item.setPen(pen)
        for items in self.stroke_items.values():
            for item in items:
                pen = item.pen()
                pen.setColor(theme.ink)
                item.setPen(pen)
                for head in item.childItems():
                    assert isinstance(head, QGraphicsPathItem)
                    head.setBrush(theme.ink)
        for key, point in self.point_items.items():
            point.set_theme(theme, self._point_colour(point.point.info.channel), key == self._marked_point)
        for label in self.label_items.values():
            label.set_theme(theme)
        colour = QColor(theme.outline)
        colour.setAlphaF(0.55)
        self.marker.setBrush(colour)
        self._show_overlays()
        self._redraw_everything()
        self._place_hover_overlay()
        self.update()

    # state ----------------------------------------------------------------

    def set_label_mode(self, mode: LabelMode) -> None:
        self._label_mode = mode
        if self.label_items:
            self._build_labels(mode)

    def set_layer_visible(self, layer: Layer, visible: bool) -> None:
        if layer is Layer.LABELS and visible and not self.label_items:
            self._build_labels(self._label_mode)
        self.shown[layer] = visible
        for item in self.layers[layer]:
            item.setVisible(visible)
        if layer in (Layer.CHANNELS, Layer.OTHER_CHANNELS):
            self._show_channel()  # the explored channel stays drawn with its layer off
        # Labels keep off the points; shown again, they need a new layout only if the zoom changed meanwhile.
        if layer is Layer.POINTS or (layer is Layer.LABELS and self._labels_stale):
            self._layout_labels()
        if layer in (Layer.ZONES, Layer.CHANNELS, Layer.OTHER_CHANNELS, Layer.STROKES):
            self._redraw_everything()
        if layer is Layer.ZONES:
            self._restyle()
        if layer is Layer.STROKES and not visible:
            self._animation.stop()
            self.marker.setVisible(False)

    def set_hover(self, key: str | None) -> None:
        if key != self._hover:
            self._hover = key
            self._restyle()

    def _show_focus(self, _focus: bool) -> None:
        """Yang Ming focus fades the other channels and their points, and the labels with their points."""
        self._show_channel()
        self._restyle()

    def _show_selection(self) -> None:
        if self._marked_point in self.point_items:
            self.point_items[self._marked_point].set_selected_look(False)
        self._marked_point = self.state.selection.point
        if self._marked_point in self.point_items:
            self.point_items[self._marked_point].set_selected_look(True)
        self._show_channel()
        self._show_guide()
        self._restyle()
        self._start_stroke_animation()

    def _show_channel(self) -> None:
        """The channel explorer: the chosen channel alone stands out, drawn even when its layer is off, numbered."""
        code = self.state.selection.channel
        if self.course is not None:
            self.course.remove(self)
            self.course = None
        focus = self.state.focus
        lines_changed = False
        for channel, items in self.channel_items.items():
            yang_ming = self.catalog.channels[channel].yang_ming
            layer = Layer.CHANNELS if yang_ming else Layer.OTHER_CHANNELS
            visible = self.shown[layer] or channel == code
            faded = (code and channel != code) or (focus and not yang_ming and channel != code)
            opacity = 0.12 if faded else 1.0
            for item in items:
                if item.isVisible() != visible or item.opacity() != opacity:
                    item.setVisible(visible)
                    item.setOpacity(opacity)
                    lines_changed = True
        on_course = {stop.code for line in self.catalog.channel_lines(code) for stop in line.stops} if code else None
        for marker in self.point_items.values():
            info = marker.point.info
            channel_info = self.catalog.channels.get(info.channel)
            dimmed = (on_course is not None and info.code not in on_course) or (
                on_course is None and focus and not (channel_info and channel_info.yang_ming)
            )
            marker.setOpacity(0.2 if dimmed else 1.0)
        for key, label in self.label_items.items():
            label.setOpacity(self.point_items[key].opacity())
        if code:
            self.course = ChannelCourse(self, self.catalog, code, self.theme, self.symbols.marks)
        if lines_changed:  # the lines are painted in the cached background; points and badges are items
            self._redraw_everything()

    def _show_overlays(self) -> None:
        """The side markers, the explored channel's numbers and how a point is found, made again in the theme now."""
        for marker in self.side_markers:
            self.removeItem(marker)
        self.side_markers = tuple(side_markers(self, self.face_rect, self.theme))
        if self.course is not None:
            self.course.remove(self)
            code = self.state.selection.channel
            self.course = ChannelCourse(self, self.catalog, code, self.theme, self.symbols.marks)
        self._show_guide()

    def _show_guide(self) -> None:
        """How the selected point is found, while that overlay is switched on."""
        if self.guide is not None:
            self.guide.remove(self)
            self.guide = None
        key = self.state.selection.point
        if key and self.state.guide and key in self.point_items:
            self.guide = Guide(self, self.catalog, self.catalog.point(key), self.theme)

    def channel_at(self, face: QPointF, reach: float) -> str:
        """The channel whose drawn line passes within `reach` face units, "" if none; the selected one first."""
        from PySide6.QtGui import QPainterPathStroker

        stroker = QPainterPathStroker()
        stroker.setWidth(2 * reach)
        for code, items in sorted(self.channel_paths.items(), key=lambda e: e[0] != self.state.selection.channel):
            for item in items:
                if item.isVisible() and item.opacity() > 0.5 and stroker.createStroke(item.path()).contains(face):
                    return code
        return ""

    def _has_yang_ming_point(self, zone: str) -> bool:
        return any(
            (ch := self.catalog.channels.get(p.channel)) is not None and ch.yang_ming
            for p in self.catalog.points_in_zone(zone)
        )

    def look_facts(self) -> LookFacts:
        state = self.state
        selected = self.catalog.areas.get(state.selection.area)
        concern = self.catalog.concerns.get(state.concern)
        return LookFacts(
            selected=selected.key if selected else "",
            mirror=selected.mirror_key if selected else "",
            concern_zones=frozenset(concern.zones) if concern else None,
            focus=state.focus,
            focus_zones=self._yang_ming_zones,
            excluded=state.excluded,
        )

    def _restyle(self) -> None:
        facts = self.look_facts()
        changed: list[QRectF] = []
        for key, item in self.zone_items.items():
            zone = item.area.zone
            if item.apply(zone_look(key, zone, key == self._hover, facts), zone_look(key, zone, False, facts)):
                changed.append(item.bounds)
        selected = self.catalog.areas.get(facts.selected)
        for key, items in self.stroke_items.items():
            chosen = selected is not None and key in (selected.key, selected.mirror_key)
            for number, stroke in enumerate(items):
                opacity = 0.9 if chosen else STROKE_IDLE_OPACITY if number == 0 else 0.0
                if opacity != stroke.opacity():
                    stroke.setOpacity(opacity)
                    changed.append(self._line_bounds(stroke))
        self._redraw(changed)
        self._place_hover_overlay()

    def _place_hover_overlay(self) -> None:
        """Over the hovered zone: the tint it would have when hovered, less what the background already has."""
        item = self.zone_items.get(self._hover) if self._hover else None
        if item is None or item.state is not Look.HOVERED or not item.isVisible():
            self.hover_overlay.setVisible(False)
            return
        under = TINT_ALPHA[item.base]
        tint = QColor(item.tint)
        tint.setAlphaF(max(0.0, (TINT_ALPHA[Look.HOVERED] - under) / (1 - under)))
        self.hover_overlay.setPath(item.path())
        self.hover_overlay.setBrush(tint)
        self.hover_overlay.setPen(item.highlight_edge())
        self.hover_overlay.setVisible(True)

    def _start_stroke_animation(self) -> None:
        self._animation.stop()
        self.marker.setVisible(False)
        area = self.catalog.areas.get(self.state.selection.area)
        if area is None or not self.animate or not self.layers[Layer.STROKES][0].isVisible():
            return
        zone = self.catalog.zones[area.zone]
        self._marker_path = smooth_path(area.strokes[0])
        self._animation.setDuration(STROKE_MS_PER_PASS)
        self._animation.setLoopCount(zone.strokes[0])
        self.marker.setVisible(True)
        self._animation.start()

    def show_school(self) -> None:
        """Redraw the stroke arrows as the state's school works the zones, and replay the selected zone's."""
        self.catalog = self.state.catalog
        old = {id(line) for lines in self.stroke_items.values() for line in lines}
        for lines in self.stroke_items.values():
            for line in lines:
                self.removeItem(line)  # its arrow head is its child and goes with it
        self._background_lines = [line for line in self._background_lines if id(line[1][0]) not in old]
        self.stroke_items = {}
        self.layers[Layer.STROKES] = []
        self._build_strokes()
        self._background_lines.sort(key=lambda line: line[1][0].zValue())
        visible = self.state.layers[Layer.STROKES]
        for item in self.layers[Layer.STROKES]:
            item.setVisible(visible)
        self._restyle()
        self._redraw_everything()
        self._start_stroke_animation()

    def set_animate(self, animate: bool) -> None:
        self.animate = animate
        self._start_stroke_animation()

    def _move_marker(self, value: float) -> None:
        self.marker.setPos(self._marker_path.pointAtPercent(min(max(float(value), 0.0), 1.0)))

    @property
    def animation_running(self) -> bool:
        return self._animation.state() == QVariantAnimation.State.Running


def outermost(rects: Iterable[QRectF]) -> list[QRectF]:
    """The rectangles that no other one contains, largest first; of equal ones, one."""
    kept: list[QRectF] = []
    for rect in sorted(rects, key=lambda r: r.width() * r.height(), reverse=True):
        if not any(big.contains(rect) for big in kept):
            kept.append(rect)
    return kept

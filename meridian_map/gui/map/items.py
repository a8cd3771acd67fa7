"""The scene's items: zone outlines (painted into the cached background), point markers and labels."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsSimpleTextItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from ...core.model import PlacedPoint, ZoneArea
from ..painting import arrow_head, polygon_path
from ..theme import Theme
from .looks import Look

POINT_RADIUS_PX = 3.6
HALO_PX = 1.5  # a label's halo reaches this far past its text, left and right
YANG_MING_RADIUS_PX = 4.6

SCREENED_GREY = 0.16  # how much of the soft ink a screened-out zone is greyed with
SCREENED_HATCH = 0.75  # and how dark its hatching is

# How far past its outline a zone's drawing reaches on screen: cosmetic edges
# are up to 2 px wide, plus a pixel of antialiasing.
EDGE_REACH_PX = 3.5
TINT_ALPHA = {
    Look.NORMAL: 0.13, Look.DIMMED: 0.04, Look.MATCH: 0.30,
    Look.HOVERED: 0.30, Look.MIRROR: 0.20, Look.SELECTED: 0.36,
    Look.SCREENED_OUT: 0.02, Look.QUIZ_ANSWER: 0.36, Look.CURRENT_STEP: 0.36,
}  # fmt: skip


class ZoneItem(QGraphicsPathItem):
    """A zone's outline and look; the scene paints its tint and edge into the cached background.

    `state` is what the zone is (hovered, selected…); `base` is what the
    background shows, everything but hover. Hover is drawn by one overlay
    item, so moving the mouse never redraws the background. The item itself
    draws nothing.
    """

    def __init__(self, area: ZoneArea, tint: str, theme: Theme) -> None:
        super().__init__(polygon_path(area.outline))
        self.area = area
        self.tint = QColor(tint)
        self.theme = theme
        self.state = Look.NORMAL
        self.base = Look.NORMAL
        self.bounds = self.path().boundingRect()
        self.hatch: QBrush | None = None  # drawn over the tint when the zone is screened out
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
        self.setAcceptHoverEvents(False)
        self._style(Look.NORMAL)

    def set_theme(self, theme: Theme, tint: str) -> None:
        self.theme = theme
        self.tint = QColor(tint)
        self._style(self.base)

    def apply(self, state: Look, base: Look) -> bool:
        """Take on a state; True when the background must be redrawn for it."""
        self.state = state
        if base is self.base:
            return False
        self.base = base
        self._style(base)
        return True

    def _style(self, base: Look) -> None:
        # Zones tile the face without overlapping and lie under the art, so a
        # tint laid over the background is exactly an opaque colour, which is
        # far cheaper to fill than a translucent one.
        self.setBrush(blend(self.tint, TINT_ALPHA[base], self.theme.background))
        self.hatch = None
        if base is Look.SCREENED_OUT:
            # Greyed and hatched: not to be worked today, told apart from a dimmed zone without colour.
            self.setBrush(blend(self.theme.soft_ink, SCREENED_GREY, self.theme.background))
            self.hatch = QBrush(
                blend(self.theme.soft_ink, SCREENED_HATCH, self.theme.background), Qt.BrushStyle.BDiagPattern
            )
        if base is Look.SELECTED:
            pen = QPen(self.theme.outline, 2.0)
        elif base is Look.MIRROR:
            pen = QPen(self.theme.outline, 1.4, Qt.PenStyle.DashLine)
        elif base is Look.MATCH:
            pen = self.highlight_edge()
        elif base in (Look.QUIZ_ANSWER, Look.CURRENT_STEP):
            pen = QPen(self.theme.outline, 2.0, Qt.PenStyle.DashDotLine)
        elif base is Look.SCREENED_OUT:
            pen = QPen(self.theme.soft_ink, 0.8, Qt.PenStyle.DotLine)
        else:
            pen = QPen(self.theme.zone_edge, 0.6)
        pen.setCosmetic(True)
        self.setPen(pen)

    def highlight_edge(self) -> QPen:
        pen = QPen(self.theme.tint_edge(self.tint.name()), 1.4)
        pen.setCosmetic(True)
        return pen


def blend(colour: QColor, alpha: float, base: QColor) -> QColor:
    """`colour` at `alpha` laid over `base`, as one opaque colour."""
    return QColor.fromRgbF(
        colour.redF() * alpha + base.redF() * (1 - alpha),
        colour.greenF() * alpha + base.greenF() * (1 - alpha),
        colour.blueF() * alpha + base.blueF() * (1 - alpha),
    )


class ArrowsItem(QGraphicsPathItem):
    """Filled arrow heads in face units (a channel's chevrons, a stroke's head), drawable at any symbol size.

    Each head is (anchor, unit direction, lead, size): its tip lies `lead`
    ahead of the anchor, and both lead and size grow with the symbols, so a
    head keeps its place on its line at every zoom.
    """

    def __init__(self, heads: Sequence[tuple[QPointF, QPointF, float, float]]) -> None:
        super().__init__()
        self.heads = tuple(heads)
        self._drawn = (1.0, self._heads_path(1.0))
        self.setPath(self._drawn[1])

    def path_at(self, factor: float) -> QPainterPath:
        """The heads at `factor` times their size; the last one asked for is kept, as the view asks again."""
        if factor != self._drawn[0]:
            self._drawn = (factor, self._heads_path(factor))
        return self._drawn[1]

    def _heads_path(self, factor: float) -> QPainterPath:
        path = QPainterPath()
        for anchor, direction, lead, size in self.heads:
            path.addPolygon(arrow_head(anchor + direction * (lead * factor), direction, size * factor))
            path.closeSubpath()
        return path


class PointItem(QGraphicsEllipseItem):
    """A point marker drawn in screen pixels, as big as the symbol rule (symbols.py) says for the view.

    It is resized rather than scaled: an ellipse and pen drawn under a scaled
    transform leave the painter's fast path, which at 4K cost several
    milliseconds a frame for the markers alone.
    """

    def __init__(self, point: PlacedPoint, colour: QColor, theme: Theme, yang_ming: bool) -> None:
        super().__init__()
        self.point = point
        self.radius = YANG_MING_RADIUS_PX if yang_ming else POINT_RADIUS_PX
        self.marks = 1.0  # the symbol scale's `marks`: the marker and its halo are drawn this much bigger
        self.selected = False
        self.setPos(*point.pos)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.base_pen = QPen()
        self.selected_pen = QPen()
        self.set_theme(theme, colour, False)

    def set_theme(self, theme: Theme, colour: QColor, selected: bool) -> None:
        halo = QPen(theme.halo, 1.6)
        if self.point.info.internal:
            halo = QPen(colour, 1.2, Qt.PenStyle.DotLine)
            self.setBrush(Qt.BrushStyle.NoBrush)
        else:
            self.setBrush(colour)
        self.base_pen = halo
        self.selected_pen = QPen(theme.outline, 2.2)
        self.set_selected_look(selected)

    def set_selected_look(self, selected: bool) -> None:
        """Selected, a marker is half as big again, its halo too, in the theme's outline colour."""
        self.selected = selected
        self._size()

    def set_marks(self, marks: float) -> None:
        self.marks = marks
        self._size()

    def _size(self) -> None:
        grow = (1.5 if self.selected else 1.0) * self.marks
        radius = self.radius * grow
        pen = QPen(self.selected_pen if self.selected else self.base_pen)
        pen.setWidthF(pen.widthF() * grow)
        self.setPen(pen)
        self.setRect(-radius, -radius, 2 * radius, 2 * radius)


def marker_radius(item: PointItem) -> float:
    """How far a point's marker reaches on screen, its halo included."""
    return (item.rect().width() + item.pen().widthF()) / 2


class LabelItem(QGraphicsSimpleTextItem):
    """A point label on a soft halo, so it reads over lines and tints."""

    def __init__(self, theme: Theme) -> None:
        super().__init__()
        self.halo = QColor()
        self.set_theme(theme)

    def set_theme(self, theme: Theme) -> None:
        self.halo = QColor(theme.halo)
        self.halo.setAlphaF(theme.label_halo_alpha)
        self.setBrush(theme.ink)
        self.update()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.halo)
        painter.drawRoundedRect(self.boundingRect().adjusted(-HALO_PX, 0, HALO_PX, 0), 2, 2)
        super().paint(painter, option, widget)  # type: ignore[arg-type]  # Qt passes None when painting off-widget

"""What the map draws for study: a channel's numbered course, how a point is found, which side is which.

Each overlay is a handful of items made when asked for and removed when the
selection moves on, so the plain map pays nothing for them.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainterPath, QPen, QTransform
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QGraphicsScene

from ...core.catalog import Catalog
from ...core.model import PlacedPoint, Side, Vec
from ..theme import Theme
from .items import HALO_PX, LabelItem

START_MARK = "▲"
END_MARK = "■"
BADGE_OFFSET_PX = (-6.0, -16.0)  # a badge sits above and left of its point, clear of the point's own label
BADGE_POINTS = 7.5  # a badge's font size before it grows with the markers
MARK_RADIUS = 1.6  # face units: a landmark's ring


def _text_item(scene: QGraphicsScene, text: str, colour: QColor, theme: Theme, pos: Vec, size: float) -> LabelItem:
    item = LabelItem(theme)
    font = QFont()
    font.setPointSizeF(size)
    font.setBold(True)
    item.setFont(font)
    item.setText(text)
    item.setBrush(colour)
    item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
    item.setPos(*pos)
    item.setZValue(8)
    scene.addItem(item)
    return item


def course_badges(catalog: Catalog, code: str) -> list[tuple[PlacedPoint, str]]:
    """Each stop of a channel with its number in flow order, the start and each course's end marked.

    A branch goes on counting from where the main course stopped, so every
    number on the map is one place in the list in the panel; a stop shared
    by two courses (where a branch leaves) keeps its first number.
    """
    badges: dict[str, tuple[PlacedPoint, str]] = {}
    count = 0
    earlier: set[str] = set()
    for course_index, course in enumerate(catalog.channels[code].courses):
        numbers = []
        for step_index, step in enumerate(course):
            if step_index == 0 and step.code in earlier:
                numbers.append(0)  # where a branch leaves: numbered on its earlier course
                continue
            count += 1
            numbers.append(count)
        one_sided = all(not catalog.point_info(step.code).bilateral for step in course)
        for side in (None,) if one_sided else tuple(Side):
            for step_index, step in enumerate(course):
                stop = catalog.placed(step.code, None if side is None else side.opposite if step.opposite else side)
                if stop.key in badges or not numbers[step_index]:
                    continue
                text = str(numbers[step_index])
                if course_index == 0 and step_index == 0:
                    text = START_MARK + text
                if step_index == len(course) - 1:
                    text += END_MARK
                badges[stop.key] = (stop, text)
        earlier.update(step.code for step in course)
    return list(badges.values())


class ChannelCourse:
    """The numbered stops of one channel, grown with the markers they sit beside (symbols.py)."""

    def __init__(self, scene: QGraphicsScene, catalog: Catalog, code: str, theme: Theme, marks: float) -> None:
        colour = QColor(theme.channel_style(code).colour)
        self.items = []
        for stop, text in course_badges(catalog, code):
            self.items.append(_text_item(scene, text, colour, theme, stop.pos, BADGE_POINTS))
        self.set_marks(marks)

    def set_marks(self, marks: float) -> None:
        """Badges and their offset from the point grow alike, so a badge stays clear of its grown marker."""
        for item in self.items:
            font = item.font()
            font.setPointSizeF(BADGE_POINTS * marks)
            item.setFont(font)
            box = item.boundingRect()
            dx, dy = BADGE_OFFSET_PX[0] * marks - box.width(), (BADGE_OFFSET_PX[1] + 4) * marks
            item.setTransform(QTransform.fromTranslate(dx, dy))

    def remove(self, scene: QGraphicsScene) -> None:
        for item in self.items:
            scene.removeItem(item)
        self.items = []


class Guide:
    """How a point is found: its landmarks ringed, the lines between them, each measured one with its B-cun."""

    def __init__(self, scene: QGraphicsScene, catalog: Catalog, point: PlacedPoint, theme: Theme) -> None:
        self.items: list[QGraphicsItem] = []
        colour = QColor(theme.outline)
        lines = QPainterPath()
        marks = QPainterPath()
        for step in point.info.guide:
            start = self._where(catalog, point, step.start)
            end = self._where(catalog, point, step.end) if step.end else None
            if start is None:
                continue
            if end is None:
                marks.addEllipse(QPointF(*start), MARK_RADIUS, MARK_RADIUS)
                continue
            lines.moveTo(*start)
            lines.lineTo(*end)
            for spot in (start, end):
                marks.addEllipse(QPointF(*spot), MARK_RADIUS * 0.6, MARK_RADIUS * 0.6)
            if step.cun:
                middle = ((start[0] + end[0]) / 2, (start[1] + end[1]) / 2)
                words = QCoreApplication.translate("Guide", "%1 B-cun").replace("%1", step.cun)
                text = _text_item(scene, words, colour, theme, middle, 7.5)
                box = text.boundingRect()
                text.setTransform(QTransform.fromTranslate(HALO_PX + 3, -box.height() / 2))
                self.items.append(text)
        pen = QPen(colour, 1.4, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        self.items.append(self._path(scene, lines, pen, Qt.BrushStyle.NoBrush))
        ring = QPen(colour, 1.2)
        ring.setCosmetic(True)
        self.items.append(self._path(scene, marks, ring, Qt.BrushStyle.NoBrush))

    @staticmethod
    def _path(scene: QGraphicsScene, path: QPainterPath, pen: QPen, brush: Qt.BrushStyle) -> QGraphicsPathItem:
        item = QGraphicsPathItem(path)
        item.setPen(pen)
        item.setBrush(brush)
        item.setZValue(7.5)
        scene.addItem(item)
        return item

    @staticmethod
    def _where(catalog: Catalog, point: PlacedPoint, name: str) -> Vec | None:
        """A landmark on the point's side, a point (its copy on that side), or a point's foot on the midline."""
        side = point.side
        code = name.removesuffix("@mid")
        if code in {info.code for info in catalog.content.points}:
            info = catalog.point_info(code)
            placed = catalog.placed(code, (side or Side.L) if info.bilateral else None)
            return (catalog.frame.center_x, placed.pos[1]) if name.endswith("@mid") else placed.pos
        return catalog.face.landmark(name, side)

    def remove(self, scene: QGraphicsScene) -> None:
        for item in self.items:
            scene.removeItem(item)
        self.items = []


def side_markers(scene: QGraphicsScene, face: QRectF, theme: Theme) -> Iterable[LabelItem]:
    """ "R" over the viewer's left and "L" over the right: the map shows the subject facing us."""
    right = QCoreApplication.translate("Map", "R · subject's right")
    left = QCoreApplication.translate("Map", "subject's left · L")
    colour = QColor(theme.soft_ink)
    first = _text_item(scene, right, colour, theme, (face.left(), face.top()), 8.5)
    first.setTransform(QTransform.fromTranslate(8, 6))
    second = _text_item(scene, left, colour, theme, (face.right(), face.top()), 8.5)
    second.setTransform(QTransform.fromTranslate(-second.boundingRect().width() - 8, 6))
    return (first, second)

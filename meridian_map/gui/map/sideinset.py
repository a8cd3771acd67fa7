"""The side view beside the front map, in a strip the map keeps free: the ear-area points where WHO places them.

It shows the same state as the front map: a zone looks as the front scene
styles its `_l` side (selected, hovered, concern, screened out), points wear
their channel colours and the selected one is ringed, labels follow the
label layer and mode. A click or Enter selects in the shared state, so the
panel, the front map and the search all follow. Built on first show (View
menu), never at start-up: the side drawing is parsed only then.

Keyboard: Tab reaches it; Left / Right walk its zones and points; Enter or
Space selects; the focused item's words become its accessible name.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QColor,
    QFocusEvent,
    QFont,
    QFontMetricsF,
    QHideEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QShowEvent,
    QTransform,
)
from PySide6.QtWidgets import QWidget

from ...core.model import Side
from ...core.sideview import SideView
from ...core.text.spoken import spoken_area, spoken_point
from ..painting import LineArt, polygon_path
from ..state import Hover, MapState
from ..theme import Theme
from .items import POINT_RADIUS_PX, TINT_ALPHA, blend
from .looks import LabelMode, Layer, Look
from .symbols import SymbolScale

if TYPE_CHECKING:
    from .scene import MapScene
    from .view import MapView

INSET_SHARE = 0.36  # of the map's width
MIN_SIZE = QSize(170, 220)
MAX_WIDTH_PX = 900
PICK_PX = 7.0  # a click this close to a point picks the point
LABEL_STEPS = (0.0, 0.6, 1.2, 2.0, 3.0)  # how far out a crowded label may stand, in label heights
CROP = QRectF(20.0, 10.0, 240.0, 240.0)  # the part of the side drawing shown: nose to nape, crown to chin


def _around(at: QPointF, w: float, h: float, gap: float) -> list[QRectF]:
    """A w x h box right, left, above-right, below-right, above-left, below-left, above and below `at`."""
    x, y = at.x(), at.y()
    return [
        QRectF(x + gap, y - h / 2, w, h), QRectF(x - gap - w, y - h / 2, w, h),
        QRectF(x + gap * 0.7, y - gap * 0.7 - h, w, h), QRectF(x + gap * 0.7, y + gap * 0.7, w, h),
        QRectF(x - gap * 0.7 - w, y - gap * 0.7 - h, w, h), QRectF(x - gap * 0.7 - w, y + gap * 0.7, w, h),
        QRectF(x - w / 2, y - gap - h, w, h), QRectF(x - w / 2, y + gap, w, h),
    ]  # fmt: skip


def _nearest_edge(rect: QRectF, at: QPointF) -> QPointF:
    """Where a leader from `at` meets its label: the closest point of the label's box."""
    return QPointF(min(max(at.x(), rect.left()), rect.right()), min(max(at.y(), rect.top()), rect.bottom()))


class SideInset(QWidget):
    """Paints the side drawing with the state's looks; hover, clicks and keys go back to the state."""

    def __init__(self, side: SideView, state: MapState, view: MapView, scene: MapScene) -> None:
        super().__init__(view)
        self.side = side
        self.state = state
        self.view = view
        self.scene = scene
        self.theme = scene.theme
        self.art = LineArt(side.face.art, self.theme.art_colour)
        self.paths = {key: polygon_path(area.outline) for key, area in side.areas.items()}
        self.hover = Hover()
        self.sequence = [*self.paths, *(p.key for p in side.points)]
        self.focus_index = -1
        self.setObjectName("sideInset")
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        for signal in (
            state.selection_changed, state.hover_changed, state.excluded_changed, state.concern_changed,
            state.focus_changed, state.layer_changed, state.label_mode_changed, state.label_size_changed,
        ):  # fmt: skip
            signal.connect(self._refresh)
        state.language_changed.connect(lambda _language: self.retranslate())
        view.installEventFilter(self)
        self.retranslate()
        self.place()

    # words --------------------------------------------------------------

    def retranslate(self) -> None:
        self._announce()
        self.setToolTip(self.tr("Side view: the subject's left side. Click a zone or point to select it."))

    def _announce(self) -> None:
        key = self.sequence[self.focus_index] if 0 <= self.focus_index < len(self.sequence) else ""
        catalog = self.state.catalog
        if key in self.paths:
            spoken = spoken_area(catalog, key, self.state.language)
            name, description = spoken.name, spoken.description
        elif key:
            spoken = spoken_point(catalog, key, self.state.language)
            name, description = spoken.name, spoken.description
        else:
            name = self.tr("Side view")
            description = self.tr(
                "The face in profile with the points around the ear. Left and Right walk its zones and points; "
                "Enter selects."
            )
        if (name, description) != (self.accessibleName(), self.accessibleDescription()):
            self.setAccessibleName(name)
            self.setAccessibleDescription(description)
            for event in (QAccessible.Event.NameChanged, QAccessible.Event.DescriptionChanged):
                QAccessible.updateAccessibility(QAccessibleEvent(self, event))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # geometry -------------------------------------------------------------

    def place(self) -> None:
        """The right-hand part of the map's area, above the legend; the front map is fitted left of it."""
        width = max(MIN_SIZE.width(), min(int(self.view.width() * INSET_SHARE), MAX_WIDTH_PX))
        height = max(MIN_SIZE.height(), self.view.height() - self.view.viewportMargins().bottom())
        self.setGeometry(self.view.width() - width, 0, width, height)
        if self.isVisible():
            self.view.reserve_right(width)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.Resize:
            self.place()
        return super().eventFilter(watched, event)

    def showEvent(self, event: QShowEvent) -> None:
        self.place()
        self.view.reserve_right(self.width())
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self.view.reserve_right(0)
        super().hideEvent(event)

    def to_widget(self) -> QTransform:
        """Drawing units → widget pixels, the cropped drawing fitted and centred."""
        scale = min(self.width() / CROP.width(), self.height() / CROP.height())
        dx = (self.width() - CROP.width() * scale) / 2 - CROP.x() * scale
        dy = (self.height() - CROP.height() * scale) / 2 - CROP.y() * scale
        return QTransform(scale, 0, 0, scale, dx, dy)

    def marks(self) -> float:
        """How much bigger markers and labels are drawn, by the map's symbol rule (symbols.py) for this size."""
        return SymbolScale(fitted=self.to_widget().m11()).marks

    # looks ----------------------------------------------------------------

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.art = LineArt(self.side.face.art, theme.art_colour)
        self.update()

    def _refresh(self, *_args: object) -> None:
        self.update()

    def selected_key(self) -> str:
        """The inset's copy of the selected point: the side view shows one side, so either copy is this one."""
        point = self.state.selection.point
        if not point:
            return ""
        key = f"{point.split('.')[0]}.{self.side.points[0].side}" if self.side.points else ""
        return key if self.side.point(key) is not None else ""

    def _zone_look(self, key: str) -> Look:
        item = self.scene.zone_items.get(key)
        if item is None:
            return Look.NORMAL
        hovered = key in (self.state.hover.area, self.hover.area) and not (self.state.hover.point or self.hover.point)
        return Look.HOVERED if hovered and item.base not in (Look.SELECTED, Look.MIRROR) else item.base

    def label_text(self, key: str) -> str:
        point = self.side.point(key)
        if point is None:
            return ""
        info = point.info
        return {LabelMode.CODE: info.code, LabelMode.PINYIN: info.pinyin, LabelMode.HANZI: info.hanzi}[
            self.state.label_mode
        ]

    def labelled(self) -> list[str]:
        """Every point when the label layer is on; otherwise the selected, hovered and focused ones."""
        if self.state.layers[Layer.LABELS]:
            return [p.key for p in self.side.points]
        wanted = {self.selected_key(), self.state.hover.point, self.hover.point}
        if 0 <= self.focus_index < len(self.sequence):
            wanted.add(self.sequence[self.focus_index])
        return [p.key for p in self.side.points if p.key in wanted]

    def label_rects(self, font: QFont) -> dict[str, QRectF]:
        """Each label beside its point: the nearest free spot, stepping further out (with a leader) when crowded.

        The points in front of the ear are a few millimetres apart, closer
        than a label is tall, so a label may have to stand off its point.
        A spot is free when it overlaps no other label or marker and stays
        inside the inset.
        """
        metrics = QFontMetricsF(font)
        to_widget = self.to_widget()
        spots = {p.key: to_widget.map(QPointF(*p.pos)) for p in self.side.points}
        marks = self.marks()
        reach = POINT_RADIUS_PX * marks + 1
        taken = [QRectF(s.x() - reach, s.y() - reach, 2 * reach, 2 * reach) for s in spots.values()]
        inside = QRectF(self.rect()).adjusted(2, 2, -2, -2)
        placed: dict[str, QRectF] = {}
        for key in self.labelled():
            text = self.label_text(key)
            w, h = metrics.horizontalAdvance(text) + 4, metrics.height()
            at = spots[key]
            tries = [rect for step in LABEL_STEPS for rect in _around(at, w, h, reach + 1 + step * h)]
            free = (r for r in tries if inside.contains(r) and not any(r.intersects(t) for t in taken))
            rect = next(free, tries[0])
            placed[key] = rect
            taken.append(rect)
        return placed

    def label_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 1.0) * 0.8 * self.marks() * self.state.label_size / 100)
        return font

    def paintEvent(self, _event: QPaintEvent) -> None:
        theme = self.theme
        painter = QPainter(self)
        painter.fillRect(self.rect(), theme.background)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.save()
        painter.setTransform(self.to_widget())
        zones_shown = self.state.layers[Layer.ZONES]
        for key, path in self.paths.items():
            item = self.scene.zone_items.get(key)
            if item is None or not zones_shown:
                continue
            look = self._zone_look(key)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.fillPath(path, blend(item.tint, TINT_ALPHA[look], theme.background))
            if item.hatch is not None:
                painter.fillPath(path, item.hatch)
        self.art.paint(painter)
        for key, path in self.paths.items():
            item = self.scene.zone_items.get(key)
            if item is not None and zones_shown:
                pen = item.highlight_edge() if self._zone_look(key) is Look.HOVERED else item.pen()
                painter.strokePath(path, pen)
        painter.restore()
        to_widget = self.to_widget()
        selected = self.selected_key()
        if self.state.layers[Layer.POINTS] or selected:
            for point in self.side.points:
                if not self.state.layers[Layer.POINTS] and point.key != selected:
                    continue
                front = self.scene.point_items.get(point.key)
                at = to_widget.map(QPointF(*point.pos))
                chosen = point.key == selected
                radius = POINT_RADIUS_PX * self.marks() * (1.5 if chosen else 1.0)
                painter.setBrush(front.brush() if front is not None else theme.point)
                painter.setPen(QPen(theme.outline, 2.2) if chosen else QPen(theme.halo, 1.6))
                painter.drawEllipse(at, radius, radius)
        font = self.label_font()
        painter.setFont(font)
        halo = QColor(theme.halo)
        halo.setAlphaF(theme.label_halo_alpha)
        for key, rect in self.label_rects(font).items():
            at = to_widget.map(QPointF(*self.side.pos_of(key)))
            near = POINT_RADIUS_PX * self.marks() + 3
            if not rect.adjusted(-near, -near, near, near).contains(at):
                painter.setPen(QPen(theme.soft_ink, 0.8))
                painter.drawLine(at, _nearest_edge(rect, at))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(halo)
            painter.drawRoundedRect(rect, 2, 2)
            painter.setPen(theme.ink)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.label_text(key))
        self._paint_focus(painter, to_widget)
        painter.setPen(QPen(theme.zone_edge, 1.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5))
        painter.setPen(theme.soft_ink)
        painter.drawText(QRectF(self.rect()).adjusted(6, 4, -6, -4), Qt.AlignmentFlag.AlignLeft, self.tr("Side view"))
        painter.end()

    def _paint_focus(self, painter: QPainter, to_widget: QTransform) -> None:
        if not self.hasFocus() or not 0 <= self.focus_index < len(self.sequence):
            return
        key = self.sequence[self.focus_index]
        pen = QPen(self.theme.focus, 3.0)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if key in self.paths:
            painter.drawPath(to_widget.map(self.paths[key]))
            return
        point = self.side.point(key)
        if point is not None:
            ring = 9.0 * self.marks()
            painter.drawEllipse(to_widget.map(QPointF(*point.pos)), ring, ring)

    # input ----------------------------------------------------------------

    def item_at(self, pos: QPointF) -> tuple[str, str]:
        """The area and point under a widget position: a point within reach first, then the zone."""
        to_widget = self.to_widget()
        best, best_distance = "", PICK_PX * self.marks()
        if self.state.layers[Layer.POINTS]:
            for point in self.side.points:
                at = to_widget.map(QPointF(*point.pos))
                distance = math.hypot(at.x() - pos.x(), at.y() - pos.y())
                if distance <= best_distance:
                    best, best_distance = point.key, distance
        inverse, _ok = to_widget.inverted()
        face = inverse.map(pos)
        area = next((key for key, path in self.paths.items() if path.contains(face)), "")
        if best:
            placed = self.state.catalog.point(best)
            own = f"{placed.info.zone}_{(placed.side or Side.L).lower()}"
            area = own if own in self.state.catalog.areas else ""
        return area, best

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        area, point = self.item_at(event.position())
        self.hover = Hover(area, point)
        self.state.set_hover(self.hover)
        self.setCursor(Qt.CursorShape.PointingHandCursor if area or point else Qt.CursorShape.ArrowCursor)
        self.update()

    def leaveEvent(self, event: QEvent) -> None:
        self.hover = Hover()
        self.state.set_hover(Hover())
        self.update()
        super().leaveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        area, point = self.item_at(event.position())
        self._select(area, point)
        event.accept()

    def _select(self, area: str, point: str) -> None:
        if point:
            self.state.select_point(point)
        elif area:
            self.state.select_area(area)
        else:
            self.state.clear_selection()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Up):
            step = 1 if key in (Qt.Key.Key_Right, Qt.Key.Key_Down) else -1
            self.focus_index = (self.focus_index + step) % len(self.sequence)
            self._announce()
            self.update()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self.focus_index >= 0:
            chosen = self.sequence[self.focus_index]
            self._select("" if chosen not in self.paths else chosen, "" if chosen in self.paths else chosen)
        elif key == Qt.Key.Key_Escape:
            self.state.clear_selection()
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusOutEvent(event)

"""The view over the map: zoom, pan and keyboard focus; what a click means is up to its tool (tools.py).

Keyboard: Tab / Shift+Tab and Down / Up walk the zones; Right / Left walk
everything, each zone followed by the points in it; Enter or Space selects
what has focus, Esc clears. What has focus gets a ring in the theme's focus
colour, and its name and description (core/text/spoken.py) become the view's
accessible name and description, which screen readers announce.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QFocusEvent,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QNativeGestureEvent,
    QPainter,
    QPen,
    QResizeEvent,
    QShowEvent,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsView, QWidget

from ...core.model import Side
from ..state import Hover
from .looks import Layer
from .scene import MapScene
from .tools import ExploreTool, MapEvent, Tool

if TYPE_CHECKING:
    from ..state import MapState

DRAG_THRESHOLD_PX = 4
FOCUS_RING_PX = 3.0
POINT_RING_PX = 9.0  # radius of the focus ring around a point
KEYBOARD_REASONS = (
    Qt.FocusReason.TabFocusReason,
    Qt.FocusReason.BacktabFocusReason,
    Qt.FocusReason.ShortcutFocusReason,
)
SETTLE_MS = 150  # after the last wheel step or pan move, the background is drawn sharp again
MIN_ZOOM, MAX_ZOOM = 0.5, 12.0
ZOOM_STEP = 1.25


class MapView(QGraphicsView):
    zoom_changed = Signal(float)  # 1.0 = whole face fits

    def __init__(self, scene: MapScene, state: MapState, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.state = state
        # A viewport made here rather than by Qt: asked for one Qt made, PySide
        # works out its Python type by loading every widget class it knows, the
        # dialogs and their enums included (~4 ms and ~0.7 MiB of start-up).
        self.setViewport(QWidget())
        self.map_scene = scene
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        # The view keeps its own background cache (see drawBackground) rather than Qt's, which
        # a zoom or pan throws away: at 4K one redraw of the art takes several frames.
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheNone)
        self._background: QImage | None = None
        self._background_transform = QTransform()
        self._moving = False  # a wheel zoom, pinch or pan is under way: the cache is shown moved
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._settled)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.retranslate()
        self.viewport().grabGesture(Qt.GestureType.PinchGesture)
        self._fit_mode = True
        self._zoom = 1.0
        self._press: QPoint | None = None
        self._panning = False
        self._hover_zone = ""
        self._hover_point = ""
        self._focus_index = -1  # in focus_sequence
        self._focus_visible = False
        catalog = scene.catalog
        self.focus_order = sorted(catalog.areas, key=lambda k: (catalog.zones[catalog.areas[k].zone].order, k))
        self.focus_sequence = focus_sequence(self.focus_order, self._point_areas())
        self.tool: Tool = ExploreTool(self)

    def retranslate(self) -> None:
        self.setAccessibleName(self.map_name())
        self.setAccessibleDescription(self.map_description())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def map_name(self) -> str:
        return self.tr("Face map")

    def map_description(self) -> str:
        return self.tr(
            "Zones and points of the face. Tab, Down and Up move between zones; Right and Left also visit the "
            "points in each zone; Enter selects, Escape clears."
        )

    def _point_areas(self) -> list[tuple[str, str]]:
        """Each point copy with the zone side it lies in ("" for none), as selecting it would have it."""
        catalog = self.map_scene.catalog
        areas = []
        for point in catalog.points:
            area = f"{point.info.zone}_{(point.side or Side.R).lower()}"
            areas.append((area if area in catalog.areas else "", point.key))
        return areas

    def reserve_bottom(self, height: int) -> None:
        """Keep a strip under the map for the channel legend, so the face is fitted above it."""
        if self.viewportMargins().bottom() != height:
            self.setViewportMargins(0, 0, 0, height)

    def set_tool(self, tool: Tool) -> None:
        """Install the tool that handles presses, moves and releases; the one before ends first."""
        self.tool.end()
        self.tool = tool

    # zoom -----------------------------------------------------------------

    @property
    def zoom(self) -> float:
        return self._zoom

    def fit(self) -> None:
        self._fit_mode = True
        self.resetTransform()
        self.fitInView(self.map_scene.face_rect, Qt.AspectRatioMode.KeepAspectRatio)
        self._base_scale = self.transform().m11()
        self._set_zoom(1.0)

    def zoom_by(self, factor: float, anchor: QPoint | None = None) -> None:
        target = min(MAX_ZOOM, max(MIN_ZOOM, self._zoom * factor))
        factor = target / self._zoom
        if abs(factor - 1.0) < 1e-6:
            return
        self._fit_mode = False
        if anchor is not None:
            before = self.mapToScene(anchor)
            self.scale(factor, factor)
            after = self.mapToScene(anchor)
            delta = after - before
            self.translate(delta.x(), delta.y())
        else:
            self.scale(factor, factor)
        self._set_zoom(target)

    def _set_zoom(self, zoom: float) -> None:
        self._zoom = zoom
        self.map_scene.set_label_scale(self.transform().m11())
        if not self._moving:
            self.tell_scene_symbols()
        self.zoom_changed.emit(zoom)

    def tell_scene_symbols(self) -> None:
        """Give the scene this view's fitted scale and zoom, which size its symbols (symbols.py).

        Told when a zoom is done: while a wheel zoom or pinch goes on, the
        markers and labels keep their size as the cached lines do, and all
        take their new size together when it settles. A scene can have
        several views, one showing at a time: a hidden view being refitted
        leaves the symbols to the one that shows.
        """
        others_showing = any(view is not self and view.isVisible() for view in self.map_scene.views())
        if self.isVisible() or not others_showing:
            self.map_scene.set_symbol_scale(self.transform().m11() / self._zoom, self._zoom)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fit_mode:
            self.fit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._fit_mode:
            self.fit()
        else:
            self.tell_scene_symbols()

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self._keep_moving()
            self.zoom_by(ZOOM_STEP**steps, event.position().toPoint())
        event.accept()

    # the background cache -------------------------------------------------------

    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        """Copy the exposed part from the cache, drawing the cache afresh when the view has changed.

        While a wheel zoom, pinch or pan is under way the cache is drawn moved
        and scaled to where it now belongs, in a fraction of a frame; once the
        movement stops (`SETTLE_MS`) it is drawn sharp again, once.
        """
        transform = self.viewportTransform()
        size = self.viewport().size() * self.viewport().devicePixelRatio()
        stale = self._background is None or self._background.size() != size
        if not stale and self._background_transform != transform:
            if self._moving:
                self._draw_moved(painter, transform)
                return
            stale = True
        if stale:
            self._render_background()
        assert self._background is not None
        exposed = transform.mapRect(QRectF(rect))
        ratio = self._background.devicePixelRatio()
        source = QRectF(exposed.x() * ratio, exposed.y() * ratio, exposed.width() * ratio, exposed.height() * ratio)
        painter.save()
        painter.resetTransform()
        painter.drawImage(exposed, self._background, source)
        painter.restore()

    def _render_background(self, scene_rect: QRectF | None = None) -> None:
        """Draw the scene's background into the cache: all of it, or just `scene_rect` of it."""
        ratio = self.viewport().devicePixelRatio()
        if scene_rect is None or self._background is None:
            # Opaque: copied without blending, several times faster than with an alpha channel.
            self._background = QImage(self.viewport().size() * ratio, QImage.Format.Format_RGB32)
            self._background.setDevicePixelRatio(ratio)
            self._background_transform = self.viewportTransform()
            scene_rect = self.mapToScene(self.viewport().rect()).boundingRect()
        painter = QPainter(self._background)
        painter.setTransform(self._background_transform)
        painter.setClipRect(scene_rect)
        self.map_scene.drawBackground(painter, scene_rect)
        painter.end()

    def _draw_moved(self, painter: QPainter, transform: QTransform) -> None:
        """The cache where its content now lies: moved by a pan, scaled by a zoom; the rest plain.

        Scaled without smoothing: it shows for a fraction of a second while
        things move, and smoothing 8 million pixels takes longer than a frame.
        """
        assert self._background is not None
        old_to_new = self._background_transform.inverted()[0] * transform
        ratio = self._background.devicePixelRatio()
        covered = old_to_new.mapRect(QRectF(0, 0, self._background.width() / ratio, self._background.height() / ratio))
        painter.save()
        painter.resetTransform()
        view = QRectF(self.viewport().rect())
        if not covered.contains(view):
            inside = covered.intersected(view)
            strips = (
                QRectF(view.left(), view.top(), view.width(), inside.top() - view.top()),
                QRectF(view.left(), inside.bottom(), view.width(), view.bottom() - inside.bottom()),
                QRectF(view.left(), inside.top(), inside.left() - view.left(), inside.height()),
                QRectF(inside.right(), inside.top(), view.right() - inside.right(), inside.height()),
            )
            for strip in strips:
                if strip.width() > 0 and strip.height() > 0:
                    painter.fillRect(strip, self.map_scene.theme.background)
        painter.drawImage(covered, self._background)
        painter.restore()

    def redraw_background(self, scene_rect: QRectF) -> None:
        """Draw this part of the background afresh, for a change the scene made there.

        A view not shown (the explorer's, while another page is up) drops its
        cache instead, and draws it whole when it is shown again: a change
        costs only the views that show it.
        """
        if not self.isVisible():
            self._background = None
            return
        if self._background is not None and self._background_transform == self.viewportTransform():
            self._render_background(scene_rect)
        self.viewport().update(self.mapFromScene(scene_rect).boundingRect().adjusted(-2, -2, 2, 2))

    def resetCachedContent(self) -> None:
        self._background = None
        super().resetCachedContent()

    def _keep_moving(self) -> None:
        self._moving = True
        self._settle.start()

    def _settled(self) -> None:
        self._moving = False
        self.tell_scene_symbols()
        if self._background_transform != self.viewportTransform():
            self.viewport().update()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.NativeGesture:
            gesture = event
            assert isinstance(gesture, QNativeGestureEvent)
            if gesture.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
                self._keep_moving()
                self.zoom_by(1.0 + gesture.value(), gesture.position().toPoint())
                return True
        if event.type() == QEvent.Type.Gesture:
            pinch = event.gesture(Qt.GestureType.PinchGesture)  # type: ignore[attr-defined]
            if pinch is not None:
                self._keep_moving()
                self.zoom_by(pinch.scaleFactor(), self.mapFromGlobal(pinch.hotSpot().toPoint()))
                return True
        return super().viewportEvent(event)

    # hover and click --------------------------------------------------------

    def map_event(self, pos: QPointF) -> MapEvent:
        return MapEvent(face=self.mapToScene(pos.toPoint()), screen=pos)

    def show_hover(self, zone: str, point: str) -> None:
        """The highlight under the pointer is the view's; what it is goes to the state, for the status bar."""
        if zone != self._hover_zone:
            self._hover_zone = zone
            self.map_scene.set_hover(zone or None)
        self._hover_point = point
        self.state.set_hover(Hover(area=zone, point=point))

    def focus_on(self, area_key: str) -> None:
        """Keyboard focus follows a click, so Tab goes on from the zone last clicked."""
        self._set_focus_index(self.focus_sequence.index((area_key, "")))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton and self.tool.pans:
            delta = pos.toPoint() - self._press
            if self._panning or delta.manhattanLength() > DRAG_THRESHOLD_PX:
                self._panning = True
                self._fit_mode = False
                self.setCursor(Qt.CursorShape.ClosedHandCursor)
                scale = self.transform().m11()
                self._keep_moving()
                self.translate(delta.x() / scale, delta.y() / scale)
                self._press = pos.toPoint()
                return
        self.tool.move(self.map_event(pos))

    def leaveEvent(self, event: QEvent) -> None:
        super().leaveEvent(event)
        if self._hover_zone or self._hover_point:
            self.tool.leave()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
            self._panning = False
            self._focus_visible = False
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self.tool.press(self.map_event(event.position()))
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        was_panning = self._panning
        self._press = None
        self._panning = False
        self.unsetCursor()
        if was_panning:
            self._settle.stop()
            self._settled()
        if not was_panning:
            self.tool.release(self.map_event(event.position()))

    # keyboard -----------------------------------------------------------------

    def focusNextPrevChild(self, forward: bool) -> bool:
        """Tab walks the zones first; past the last one, focus moves on."""
        if self.hasFocus():
            zone = self._zone_position()
            nxt = zone + (1 if forward else -1)
            if 0 <= nxt < len(self.focus_order) or (zone == -1 and not forward):
                self.move_focus(1 if forward else -1)
                return True
            self._set_focus_index(-1)
        return super().focusNextPrevChild(forward)

    def _zone_position(self) -> int:
        """Where the focused item's zone is in focus_order, -1 with nothing focused or a point of no zone."""
        area = self.focused_area
        return self.focus_order.index(area) if area else -1

    def move_focus(self, step: int) -> None:
        """To the next or previous zone."""
        count = len(self.focus_order)
        zone = self._zone_position()
        if zone < 0:
            zone = 0 if step > 0 else count - 1
        elif not (self.focused_point and step < 0):  # from a point, Up goes back to the zone it lies in
            zone = (zone + step) % count
        self._set_focus_index(self.focus_sequence.index((self.focus_order[zone], "")))

    def step_focus(self, step: int) -> None:
        """To the next or previous zone or point; points hidden or dimmed are passed over."""
        count = len(self.focus_sequence)
        index = self._focus_index
        for _ in range(count):
            index = (index + step) % count if index >= 0 else (0 if step > 0 else count - 1)
            if self._reachable(self.focus_sequence[index][1]):
                self._set_focus_index(index)
                return

    def _reachable(self, point: str) -> bool:
        if not point:
            return True
        item = self.map_scene.point_items[point]
        return self.map_scene.layers[Layer.POINTS][0].isVisible() and item.opacity() >= 0.5

    def _set_focus_index(self, index: int) -> None:
        self._focus_index = index
        area, point = self.focus_sequence[index] if index >= 0 else ("", "")
        if index >= 0:
            self.show_hover(area if not point else "", point)
        self._announce(area, point)
        self.viewport().update()

    def _announce(self, area: str, point: str) -> None:
        """The focused item's words become the view's, and assistive technology is told they changed.

        Loaded with the first announcement: the keyboard's, never start-up's.
        """
        from PySide6.QtGui import QAccessible, QAccessibleEvent

        from ...core.text.spoken import Spoken, spoken_area, spoken_point

        catalog = self.map_scene.catalog
        if point:
            spoken = spoken_point(catalog, point, self.state.language)
        elif area:
            spoken = spoken_area(catalog, area, self.state.language)
        else:
            spoken = Spoken(self.map_name(), self.map_description())
        if (spoken.name, spoken.description) == (self.accessibleName(), self.accessibleDescription()):
            return
        self.setAccessibleName(spoken.name)
        self.setAccessibleDescription(spoken.description)
        for event in (QAccessible.Event.NameChanged, QAccessible.Event.DescriptionChanged):
            QAccessible.updateAccessibility(QAccessibleEvent(self, event))

    @property
    def hovered_zone(self) -> str:
        return self._hover_zone

    @property
    def focused_area(self) -> str:
        """The zone side that has focus, or the one the focused point lies in."""
        return self.focus_sequence[self._focus_index][0] if self._focus_index >= 0 else ""

    @property
    def focused_zone(self) -> str:
        """The zone side that has focus itself, "" while a point has it."""
        return "" if self.focused_point else self.focused_area

    @property
    def focused_point(self) -> str:
        return self.focus_sequence[self._focus_index][1] if self._focus_index >= 0 else ""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if self.tool.key(event):
            event.accept()
            return
        self._focus_visible = True
        if key == Qt.Key.Key_Down:
            self.move_focus(1)
        elif key == Qt.Key.Key_Up:
            self.move_focus(-1)
        elif key == Qt.Key.Key_Right:
            self.step_focus(-1 if self.isRightToLeft() else 1)
        elif key == Qt.Key.Key_Left:
            self.step_focus(1 if self.isRightToLeft() else -1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self._focus_index >= 0:
            if self.focused_point:
                self.state.select_point(self.focused_point)
            else:
                self.state.select_area(self.focused_zone)
        elif key == Qt.Key.Key_Escape:
            self._set_focus_index(-1)
            self.show_hover("", "")  # the status bar must not go on naming what Esc let go of
            self.state.clear_selection()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    # the focus ring ------------------------------------------------------------

    def focusInEvent(self, event: QFocusEvent) -> None:
        """The ring shows when focus came from the keyboard (as CSS :focus-visible), not from a click."""
        super().focusInEvent(event)
        if event.reason() in KEYBOARD_REASONS:
            self._focus_visible = True
        elif event.reason() == Qt.FocusReason.MouseFocusReason:
            self._focus_visible = False
        self.viewport().update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        """Keyboard focus moving on takes the focused item's hover and the ring with it; the pointer's hover stays."""
        super().focusOutEvent(event)
        if self._focus_index >= 0:
            self._set_focus_index(-1)
            self.show_hover("", "")
        self.viewport().update()

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        """While the map has keyboard focus: a ring around what has it, or around the whole map."""
        if not (self.hasFocus() and self._focus_visible):
            return
        theme = self.map_scene.theme
        pen = QPen(theme.focus, FOCUS_RING_PX, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(pen)
        area, point = self.focus_sequence[self._focus_index] if self._focus_index >= 0 else ("", "")
        if point:
            centre = self.mapFromScene(self.map_scene.point_items[point].pos())
            painter.resetTransform()
            ring = POINT_RING_PX * self.map_scene.symbols.marks  # around the marker, as big as it is drawn
            painter.drawEllipse(QPointF(centre), ring, ring)
        elif area:
            painter.drawPath(self.map_scene.zone_items[area].path())
        else:
            painter.resetTransform()
            inset = FOCUS_RING_PX / 2
            painter.drawRect(QRectF(self.viewport().rect()).adjusted(inset, inset, -inset, -inset))
        painter.restore()


def focus_sequence(zones: list[str], point_areas: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(zone side, "") for each zone in order, each followed by (zone side, point) for its points; then the rest."""
    sequence: list[tuple[str, str]] = []
    for zone in zones:
        sequence.append((zone, ""))
        sequence.extend((area, point) for area, point in point_areas if area == zone)
    sequence.extend(("", point) for area, point in point_areas if area not in zones)
    return sequence

"""The view over the map: hover, click, zoom, pan and keyboard.

Hits go through the core's zone index (the same outlines the scene draws)
rather than Qt's item lookup, and points are found in screen pixels so a
small marker is as easy to hit at any zoom.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QNativeGestureEvent, QPainter, QResizeEvent, QShowEvent, QWheelEvent
from PySide6.QtWidgets import QGraphicsView, QWidget

from .scene import Layer, MapScene

POINT_PICK_PX = 7.0
DRAG_THRESHOLD_PX = 4
MIN_ZOOM, MAX_ZOOM = 0.5, 12.0
ZOOM_STEP = 1.25


class MapView(QGraphicsView):
    zone_hovered = Signal(str)  # area key, "" when none
    point_hovered = Signal(str)  # point key, "" when none
    zone_clicked = Signal(str)
    point_clicked = Signal(str)
    cleared = Signal()
    zoom_changed = Signal(float)  # 1.0 = whole face fits

    def __init__(self, scene: MapScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        # A viewport made here rather than by Qt: asked for one Qt made, PySide
        # works out its Python type by loading every widget class it knows, the
        # dialogs and their enums included (~4 ms and ~0.7 MiB of start-up).
        self.setViewport(QWidget())
        self.map_scene = scene
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Face map")
        self.setAccessibleDescription(
            "Zones and points of the face. Tab or arrow keys move between zones, Enter selects."
        )
        self.viewport().grabGesture(Qt.GestureType.PinchGesture)
        self._fit_mode = True
        self._zoom = 1.0
        self._press: QPoint | None = None
        self._panning = False
        self._hover_zone = ""
        self._hover_point = ""
        self._focus_index = -1
        self.focus_order = sorted(
            scene.catalog.areas, key=lambda k: (scene.catalog.zones[scene.catalog.areas[k].zone].order, k)
        )

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
        self.zoom_changed.emit(zoom)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fit_mode:
            self.fit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._fit_mode:
            self.fit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom_by(ZOOM_STEP**steps, event.position().toPoint())
        event.accept()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.NativeGesture:
            gesture = event
            assert isinstance(gesture, QNativeGestureEvent)
            if gesture.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
                self.zoom_by(1.0 + gesture.value(), gesture.position().toPoint())
                return True
        if event.type() == QEvent.Type.Gesture:
            pinch = event.gesture(Qt.GestureType.PinchGesture)  # type: ignore[attr-defined]
            if pinch is not None:
                self.zoom_by(pinch.scaleFactor(), self.mapFromGlobal(pinch.hotSpot().toPoint()))
                return True
        return super().viewportEvent(event)

    # hover and click --------------------------------------------------------

    def point_at(self, view_pos: QPointF) -> str:
        """The nearest visible point within a few pixels, else ""."""
        if not self.map_scene.layers[Layer.POINTS][0].isVisible():
            return ""
        best, best_distance = "", POINT_PICK_PX
        transform = self.viewportTransform()
        for key, item in self.map_scene.point_items.items():
            if item.opacity() < 0.5:
                continue
            mapped = transform.map(item.pos())
            distance = math.hypot(mapped.x() - view_pos.x(), mapped.y() - view_pos.y())
            if distance < best_distance:
                best, best_distance = key, distance
        return best

    def zone_at(self, view_pos: QPointF) -> str:
        scene_pos = self.mapToScene(view_pos.toPoint())
        area = self.map_scene.catalog.hit(scene_pos.x(), scene_pos.y())
        return "" if area is None else area.key

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            delta = pos.toPoint() - self._press
            if self._panning or delta.manhattanLength() > DRAG_THRESHOLD_PX:
                self._panning = True
                self._fit_mode = False
                self.setCursor(Qt.CursorShape.ClosedHandCursor)
                scale = self.transform().m11()
                self.translate(delta.x() / scale, delta.y() / scale)
                self._press = pos.toPoint()
                return
        self.update_hover(pos)

    def update_hover(self, pos: QPointF) -> None:
        point = self.point_at(pos)
        zone = self.zone_at(pos)
        if point != self._hover_point:
            self._hover_point = point
            self.point_hovered.emit(point)
        if zone != self._hover_zone:
            self._hover_zone = zone
            self.map_scene.set_hover(zone or None)
            self.zone_hovered.emit(zone)
        self.setCursor(Qt.CursorShape.PointingHandCursor if point or zone else Qt.CursorShape.ArrowCursor)

    def leaveEvent(self, event: QEvent) -> None:
        super().leaveEvent(event)
        if self._hover_zone or self._hover_point:
            self._hover_zone = self._hover_point = ""
            self.map_scene.set_hover(None)
            self.zone_hovered.emit("")
            self.point_hovered.emit("")

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
            self._panning = False
            self.setFocus(Qt.FocusReason.MouseFocusReason)
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        was_panning = self._panning
        self._press = None
        self._panning = False
        self.unsetCursor()
        if was_panning:
            return
        pos = event.position()
        point = self.point_at(pos)
        if point:
            self.point_clicked.emit(point)
            return
        zone = self.zone_at(pos)
        if zone:
            self._focus_index = self.focus_order.index(zone)
            self.zone_clicked.emit(zone)
        else:
            self.cleared.emit()

    # keyboard -----------------------------------------------------------------

    def focusNextPrevChild(self, forward: bool) -> bool:
        """Tab walks the zones first; past the last one, focus moves on."""
        if self.hasFocus():
            nxt = self._focus_index + (1 if forward else -1)
            if 0 <= nxt < len(self.focus_order) or (self._focus_index == -1 and not forward):
                self.move_focus(1 if forward else -1)
                return True
            self._focus_index = -1
        return super().focusNextPrevChild(forward)

    def move_focus(self, step: int) -> None:
        count = len(self.focus_order)
        self._focus_index = (
            (self._focus_index + step) % count if self._focus_index >= 0 else (0 if step > 0 else count - 1)
        )
        key = self.focus_order[self._focus_index]
        self._hover_zone = key
        self.map_scene.set_hover(key)
        self.zone_hovered.emit(key)

    @property
    def hovered_zone(self) -> str:
        return self._hover_zone

    @property
    def focused_zone(self) -> str:
        return self.focus_order[self._focus_index] if self._focus_index >= 0 else ""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Down):
            self.move_focus(1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Up):
            self.move_focus(-1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self.focused_zone:
            self.zone_clicked.emit(self.focused_zone)
        elif key == Qt.Key.Key_Escape:
            self._focus_index = -1
            self.cleared.emit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

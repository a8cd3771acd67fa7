"""The view over a photo: the map's view, plus dragging the photo's landmarks while correcting the fit."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QWidget

from ..map.view import MapView
from ..state import MapState
from .scene import HANDLE_PX, PhotoScene

GRAB_PX = HANDLE_PX * 1.8  # how near a press must be to a handle to pick it up


class PhotoView(MapView):
    landmark_moved = Signal(str, float, float)  # landmark name, scene x, scene y

    def __init__(self, scene: PhotoScene, state: MapState, parent: QWidget | None = None) -> None:
        super().__init__(scene, state, parent)
        self.photo_scene = scene
        self.setAccessibleName("Face map on the photo")
        self.editing = False
        self._dragging = ""

    def set_editing(self, editing: bool) -> None:
        """Show the landmarks as handles to drag; clicks elsewhere still select."""
        self.editing = editing
        self.photo_scene.show_handles(editing)

    def replace_scene(self, scene: PhotoScene) -> None:
        """A refitted scene, seen from where this one was: same zoom, same place."""
        transform = self.transform()
        centre = self.mapToScene(self.viewport().rect().center())
        self.photo_scene = scene
        self.map_scene = scene
        self.tool.scene = scene  # the tool looks points up in the scene it was given: not in the one to be deleted
        self.setScene(scene)
        self.setTransform(transform)
        self.centerOn(centre)
        scene.show_handles(self.editing)
        scene.set_label_scale(transform.m11())
        self.tell_scene_symbols()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.editing and event.button() == Qt.MouseButton.LeftButton:
            at = self.mapToScene(event.position().toPoint())
            name = self.photo_scene.handle_at((at.x(), at.y()), GRAB_PX / max(self.transform().m11(), 1e-6))
            if name:
                self._dragging = name
                self.setCursor(Qt.CursorShape.SizeAllCursor)
                event.accept()
                return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._dragging:
            self.photo_scene.handles[self._dragging].setPos(self.mapToScene(event.position().toPoint()))
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._dragging and event.button() == Qt.MouseButton.LeftButton:
            name, self._dragging = self._dragging, ""
            self.unsetCursor()
            at = self.mapToScene(event.position().toPoint())
            self.landmark_moved.emit(name, at.x(), at.y())
            event.accept()
            return
        super().mouseReleaseEvent(event)

"""The map on a photo: the same scene as the drawing's, over the photo instead of the line art.

The scene's catalog is the drawing's carried onto the photo (core/photo/fit),
in photo pixels times the drawing scale, so lines, markers and labels keep
the sizes they have on the drawing; tints stay translucent over the skin.
The photo's landmarks are handles a practitioner can drag to correct the fit.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem

from ...core.catalog import Catalog
from ...core.model import Vec
from ..map.items import TINT_ALPHA, ZoneItem
from ..map.looks import Look
from ..map.scene import MapScene
from ..state import MapState
from ..theme import Theme

HANDLE_PX = 5.0  # a landmark handle's radius on screen, at any zoom
PHOTO_TINT_GAIN = 1.5  # tints over a photo need a little more colour to be seen than over white
FACE_MARGIN = 0.12  # around the zones when fitting the view, as a share of their size


class LandmarkHandle(QGraphicsPathItem):
    """One of the photo's landmarks as a crosshair in a ring, at a fixed screen size; the photo view drags it.

    A crosshair, not a dot, so that it is not taken for a point, and so the
    spot it marks stays visible under it while it is placed.
    """

    def __init__(self, name: str, theme: Theme) -> None:
        super().__init__()
        self.name = name
        path = QPainterPath()
        path.addEllipse(QPointF(0, 0), HANDLE_PX, HANDLE_PX)
        reach = HANDLE_PX + 3
        for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            path.moveTo(dx * 2.0, dy * 2.0)
            path.lineTo(dx * reach, dy * reach)
        self.setPath(path)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setPen(QPen(theme.outline, 1.6))
        self.setZValue(8)
        self.setToolTip(name.replace("_", " "))


class PhotoZoneItem(ZoneItem):
    """A zone tinted see-through, so the skin shows under it; a shade stronger than on paper-white."""

    def _style(self, base: Look) -> None:
        super()._style(base)
        tint = QColor(self.tint)
        tint.setAlphaF(min(0.55, TINT_ALPHA[base] * PHOTO_TINT_GAIN))
        self.setBrush(tint)


class PhotoScene(MapScene):
    zone_item = PhotoZoneItem

    def __init__(
        self,
        catalog: Catalog,
        state: MapState,
        image: QImage,
        landmarks: Mapping[str, Vec],
        theme: Theme | None = None,
    ) -> None:
        super().__init__(catalog, state, theme)
        self.image = image
        self.photo_rect = QRectF(catalog.face.view_box.x, catalog.face.view_box.y, *self._box_size(catalog))
        self.face_rect = self._around_zones().intersected(self.photo_rect)
        self.setSceneRect(self.photo_rect)
        self.handles: dict[str, LandmarkHandle] = {}
        for name, (x, y) in landmarks.items():
            handle = LandmarkHandle(name, self.theme)
            handle.setPos(x, y)
            handle.setVisible(False)
            self.addItem(handle)
            self.handles[name] = handle

    @staticmethod
    def _box_size(catalog: Catalog) -> tuple[float, float]:
        return (catalog.face.view_box.width, catalog.face.view_box.height)

    def _around_zones(self) -> QRectF:
        rect = QRectF()
        for item in self.zone_items.values():
            rect = rect.united(item.bounds)
        margin = FACE_MARGIN * max(rect.width(), rect.height())
        return rect.adjusted(-margin, -margin, margin, margin)

    def show_school(self) -> None:
        """Nothing here: the photo page builds a new scene from the school's catalog carried onto the photo.

        The drawing's scene takes the state's catalog, which is in the drawing's
        units; on the photo its strokes would land in the wrong place.
        """

    def paint_underlay(self, painter: QPainter, area: QRectF) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(self.photo_rect, self.image)
        painter.restore()

    def show_handles(self, shown: bool) -> None:
        for handle in self.handles.values():
            handle.setVisible(shown)

    def handle_at(self, scene_pos: Vec, reach: float) -> str:
        """The handle within `reach` scene units of a position, the nearest; "" for none."""
        best, best_distance = "", reach
        for name, handle in self.handles.items():
            distance = ((handle.x() - scene_pos[0]) ** 2 + (handle.y() - scene_pos[1]) ** 2) ** 0.5
            if handle.isVisible() and distance <= best_distance:
                best, best_distance = name, distance
        return best

"""Pictures of the face with one point marked, for cards taken out of the app (the Anki deck).

The face (line art, zone outlines, every point as a small dot) is painted
once; each point's picture is a copy of it with that point's copies ringed,
so a deck of forty points costs one face and forty small marks. Painted with
QImage and QPainter only: no window, so it runs offscreen and without a display.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QIODevice, QPointF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPen

from ..core.catalog import Catalog
from .headless import offscreen_without_display
from .painting import LineArt, as_drawn, polygon_path
from .theme import STOMACH

PICTURE_WIDTH = 360
DOT_RADIUS = 1.6  # face units
MARK_RADIUS = 4.5
PNG_QUALITY = 80  # Qt's fast zlib end: quicker to encode for a file a few per cent larger
# A picture holds a few dozen colours (ink, paper, grey, the mark and their
# antialiased blends): 256 indexed colours without dithering look the same and
# make a PNG a quarter the size, five times quicker to encode.
INDEXED = Qt.ImageConversionFlag.ThresholdDither | Qt.ImageConversionFlag.AvoidDither


def ensure_gui_application() -> QGuiApplication:
    """The pictures need a GUI application (fonts, image formats), not a window."""
    offscreen_without_display()
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        app = QGuiApplication(["meridian-map"])
    return app


class PointPictures:
    """Renders the base face once at `width` pixels, then one marked copy per point on request."""

    def __init__(self, catalog: Catalog, width: int = PICTURE_WIDTH) -> None:
        self.catalog = catalog
        box = catalog.face.view_box
        self.scale = width / box.width
        self._origin = (box.x, box.y)
        self.base = QImage(width, round(box.height * self.scale), QImage.Format.Format_RGB32)
        self.base.fill(QColor("#fbfaf6"))
        painter = self._painter(self.base)
        painter.setPen(QPen(QColor("#b9b4a8"), 0.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for area in catalog.areas.values():
            painter.drawPath(polygon_path(area.outline))
        LineArt(catalog.face.art, as_drawn).paint(painter)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#6b6b6b"))
        for placed in catalog.points:
            painter.drawEllipse(QPointF(*placed.pos), DOT_RADIUS, DOT_RADIUS)
        painter.end()

    def _painter(self, image: QImage) -> QPainter:
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.scale(self.scale, self.scale)
        painter.translate(-self._origin[0], -self._origin[1])
        return painter

    def image(self, code: str) -> QImage:
        """The face with every copy of `code` ringed in vermilion over a white halo, seen on any print."""
        image = self.base.copy()
        painter = self._painter(image)
        for placed in self.catalog.points:
            if placed.code != code:
                continue
            centre = QPointF(*placed.pos)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(QColor("#ffffff"), 2.6))
            painter.drawEllipse(centre, MARK_RADIUS, MARK_RADIUS)
            painter.setPen(QPen(QColor(STOMACH), 1.4))
            painter.drawEllipse(centre, MARK_RADIUS, MARK_RADIUS)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(STOMACH))
            painter.drawEllipse(centre, DOT_RADIUS * 1.3, DOT_RADIUS * 1.3)
        painter.end()
        return image

    def png(self, code: str) -> bytes:
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        # The stubs type the format as bytes for a device, but PySide6 takes only str there at run time.
        image = self.image(code).convertToFormat(QImage.Format.Format_Indexed8, INDEXED)
        if not image.save(buffer, "PNG", PNG_QUALITY):  # type: ignore[call-overload]
            raise OSError(f"cannot encode the picture of {code} as PNG")
        return bytes(buffer.data().data())

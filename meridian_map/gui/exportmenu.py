"""File-menu actions that put the map on paper or into files.

Print, preview and PDF export draw the very sheet `meridian-map sheet` writes
(the cheat sheet, or the take-home sheet for the concern picked in the
sidebar), so what a practitioner previews is what the command line produces.
Export Image renders the map as it is on screen, zoom and layers included,
for slides and course notes, its labels laid out afresh for the image's size.
Wall Chart opens the dialog for the zone and point charts (sheets/chartdialog.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import (
    QBuffer,
    QCoreApplication,
    QIODevice,
    QLocale,
    QObject,
    QPointF,
    QRectF,
    QSize,
    QSizeF,
    QStandardPaths,
    Slot,
)
from PySide6.QtGui import QImage, QPageLayout, QPainter
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QWidget
from shiboken6 import Shiboken

from ..core.catalog import Catalog
from ..core.store.files import atomic_write_bytes, writable_mode
from .language import QT_TRANSLATE_NOOP, sheet_language

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QDialog

    from ..core.output.sheet import Paper, Sheet
    from .map.scene import PlacedLabel
    from .map.view import MapView
    from .state import MapState

# Printing, SVG, the sheet layout (with shapely) and the dialogs load on first
# use, not at start-up: the window must appear as fast as a bare Qt window.

IMAGE_FILTERS = {
    QT_TRANSLATE_NOOP("Exporter", "PNG image (*.png)"): ".png",
    QT_TRANSLATE_NOOP("Exporter", "SVG image (*.svg)"): ".svg",
}
PDF_FILTER = QT_TRANSLATE_NOOP("Exporter", "PDF document (*.pdf)")
MIN_IMAGE_PX, MAX_IMAGE_PX = 200, 8000
CSS_DPI = 96

DialogT = TypeVar("DialogT", bound="QDialog")


def local_paper() -> Paper:
    """Letter where people use US paper, A4 everywhere else."""
    from ..core.output.sheet import Paper

    us = QLocale.system().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
    return Paper.LETTER if us else Paper.A4


class Exporter(QObject):
    """The File menu's print and export commands; parented to the window, which their dialogs are modal to."""

    def __init__(self, window: QWidget, catalog: Catalog, state: MapState, view: MapView) -> None:
        super().__init__(window)
        self.window = window
        self.catalog = catalog
        self.state = state
        self.view = view

    def slots(self) -> dict[str, Callable[[], None]]:
        """The commands by their names in the action table."""
        return {
            "print": self.print_sheet,
            "preview": self.preview_sheet,
            "export_pdf": self.export_pdf,
            "export_image": self.export_image,
            "wall_chart": self.wall_chart,
        }

    # the sheet ----------------------------------------------------------------

    def current_sheet(self) -> Sheet:
        """The take-home sheet for the chosen concern, with its note, else the cheat sheet, in the window's language."""
        from ..core.output.sheet import build_sheet

        concern = self.state.concern or None
        note = self.state.note if concern else ""
        return build_sheet(self.state.catalog, concern, sheet_language(self.state.language), note)

    def new_printer(self) -> QPrinter:
        from PySide6.QtPrintSupport import QPrinter

        from .sheets.render import page_size_for

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(page_size_for(local_paper()))
        printer.setPageOrientation(QPageLayout.Orientation.Portrait)
        sheet = self.current_sheet()
        printer.setDocName(sheet.title)
        if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:
            # No printer installed: Qt prints to a PDF file, so offer the file Export PDF would suggest.
            from ..core.output.sheet import TakeHomeSheet, default_filename

            concern = sheet.concern if isinstance(sheet, TakeHomeSheet) else None
            printer.setOutputFileName(str(Path(documents_folder()) / default_filename(concern, sheet.lang)))
        return printer

    def paint_on(self, printer: QPrinter) -> None:
        from .sheets.render import paint_sheet, painting

        with painting(printer) as painter:
            paint_sheet(painter, printer, self.state.catalog, self.current_sheet())

    @Slot()
    def print_sheet(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog
        from PySide6.QtWidgets import QDialog

        printer = self.new_printer()
        with deleted_after(QPrintDialog(printer, self.window)) as dialog:
            dialog.setWindowTitle(self.tr("Print sheet"))
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
        if accepted:
            self.paint_on(printer)
            self.state.say(self.tr("Sent to the printer"))

    @Slot()
    def preview_sheet(self) -> None:
        from PySide6.QtPrintSupport import QPrintPreviewDialog

        printer = self.new_printer()
        with deleted_after(QPrintPreviewDialog(printer, self.window)) as dialog:
            dialog.setWindowTitle(self.tr("Print preview"))
            dialog.paintRequested.connect(self.paint_on)
            dialog.exec()

    @Slot()
    def export_pdf(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from ..core.output.sheet import TakeHomeSheet, default_filename
        from .sheets.render import render_pdf

        sheet = self.current_sheet()
        concern = sheet.concern if isinstance(sheet, TakeHomeSheet) else None
        suggested = Path(documents_folder()) / default_filename(concern, sheet.lang)
        title = self.tr("Export PDF")
        name, _ = QFileDialog.getSaveFileName(self.window, title, str(suggested), translated(PDF_FILTER))
        if not name:
            return
        target = with_suffix(Path(name), ".pdf")
        data, layout = render_pdf(self.state.catalog, sheet, local_paper())
        if layout.overflow:
            self.complain(target, "; ".join(layout.overflow))
            return
        self.save(target, data)

    @Slot()
    def wall_chart(self) -> None:
        """The zone or point chart for the wall, in the dialog that chooses it and puts it on paper."""
        from .sheets.chartdialog import ChartDialog

        with deleted_after(ChartDialog(self.window, self.state, sheet_language(self.state.language))) as dialog:
            dialog.exec()

    # the map as an image ----------------------------------------------------------

    @Slot()
    def export_image(self) -> None:
        from PySide6.QtWidgets import QFileDialog, QInputDialog

        view = self.view
        source = view.mapToScene(view.viewport().rect()).boundingRect()
        suggested = Path(documents_folder()) / "meridian-map.png"
        shown = {translated(title): suffix for title, suffix in IMAGE_FILTERS.items()}
        name, chosen = QFileDialog.getSaveFileName(
            self.window, self.tr("Export image"), str(suggested), ";;".join(shown)
        )
        if not name:
            return
        target = with_suffix(Path(name), shown.get(chosen, ".png"))
        default = min(MAX_IMAGE_PX, max(MIN_IMAGE_PX, 2 * view.viewport().width()))
        width, ok = QInputDialog.getInt(
            self.window, self.tr("Export image"), self.tr("Width in pixels:"), default, MIN_IMAGE_PX, MAX_IMAGE_PX, 100
        )
        if not ok:
            return
        height = max(1, round(width * source.height() / max(source.width(), 1.0)))
        self.write_image(target, QSize(width, height), source)

    def write_image(self, target: Path, size: QSize, source: QRectF) -> list[PlacedLabel] | None:
        """Render the map and save it as the PDF is saved: atomically, and only over a regular, writable file.

        The target is checked before rendering, so a refusal costs nothing,
        and again by the write itself. Gives where the labels went, in the
        image's pixels, or None when nothing was saved.
        """
        try:
            writable_mode(target)
        except OSError as exc:
            self.complain(target, exc.strerror or str(exc))
            return None
        scene = self.view.map_scene
        ratio = label_ratio(size.width() / max(source.width(), 1e-6), self.view.transform().m11())
        logical = QSizeF(size.width() / ratio, size.height() / ratio)
        marker = scene.marker
        moving = marker.isVisible()
        marker.setVisible(False)  # the stroke animation's dot is a moment, not part of the map
        try:
            with scene.picture(logical.width() / max(source.width(), 1e-6), ratio) as placed:
                svg = target.suffix.lower() == ".svg"
                data = self.render_svg(size, logical, source) if svg else self.render_png(size, ratio, source)
        finally:
            marker.setVisible(moving)
        if data is None:
            self.complain(target, self.tr("the image could not be rendered"))
            return None
        if not self.save(target, data):
            return None
        offset = QPointF(source.left(), source.top()) * (logical.width() / max(source.width(), 1e-6))
        return [in_image(label, offset, ratio) for label in placed]

    def render_png(self, size: QSize, ratio: float, source: QRectF) -> bytes | None:
        """Drawn at `ratio` image pixels per screen pixel, so points, labels and lines grow with the image."""
        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(ratio)
        image.fill(self.view.map_scene.backgroundBrush().color())
        painter = QPainter(image)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        render_whole(self.view.map_scene, painter, QRectF(0, 0, size.width() / ratio, size.height() / ratio), source)
        painter.end()
        image.setDevicePixelRatio(1.0)
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        saved = image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs want bytes, the binding str
        return bytes(buffer.data().data()) if saved else None

    def render_svg(self, size: QSize, logical: QSizeF, source: QRectF) -> bytes | None:
        """`size` pixels wide in a browser, over a view box of the `logical` size the labels were laid out for."""
        from PySide6.QtSvg import QSvgGenerator

        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        generator.setSize(size)
        generator.setResolution(CSS_DPI)  # so the width in mm comes out as `size` pixels in a browser
        generator.setViewBox(QRectF(QPointF(0, 0), logical))
        generator.setTitle("Meridian Map")
        generator.setDescription("Facial gua sha zones and acupuncture points")
        painter = QPainter()
        if not painter.begin(generator):
            return None
        render_whole(self.view.map_scene, painter, QRectF(QPointF(0, 0), logical), source)
        painter.end()
        return bytes(buffer.data().data())

    # files ------------------------------------------------------------------------

    def save(self, target: Path, data: bytes) -> bool:
        try:
            atomic_write_bytes(target, data)
        except OSError as exc:
            self.complain(target, exc.strerror or str(exc))
            return False
        self.state.say(self.tr("Saved {file}").format(file=target))
        return True

    def complain(self, target: Path, reason: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        text = self.tr("{file} was not saved: {reason}.").format(file=target, reason=reason)
        QMessageBox.warning(self.window, self.tr("Not saved"), text)


def render_whole(scene: QGraphicsScene, painter: QPainter, target: QRectF, source: QRectF) -> None:
    """`scene.render`, without leaving out the labels and points near the picture's right and bottom edges.

    `QGraphicsScene.render` picks what to draw by bounding boxes in scene
    units, but an item that ignores the view's scaling (a label, a point)
    keeps its offset and size in pixels: at 600 % a label set 14 px right of
    its point counts as 14 face units away, and one near the edge is culled
    though it lies inside the picture. The source is widened by the farthest
    such reach and the target by as much in its own units, with the painter
    clipped to the picture, so what lands where is unchanged.
    """
    flag = QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations
    reach = 0.0
    for item in scene.items():
        if item.flags() & flag:
            box, at = item.sceneBoundingRect(), item.scenePos()
            reach = max(reach, at.x() - box.left(), box.right() - at.x(), at.y() - box.top(), box.bottom() - at.y())
    sx = target.width() / max(source.width(), 1e-9)
    sy = target.height() / max(source.height(), 1e-9)
    painter.save()
    painter.setClipRect(target)
    scene.render(
        painter,
        target.adjusted(-reach * sx, -reach * sy, reach * sx, reach * sy),
        source.adjusted(-reach, -reach, reach, reach),
    )
    painter.restore()


def label_ratio(image_scale: float, view_scale: float) -> float:
    """Image pixels per screen pixel: the image is the view grown, its labels, points and lines with it.

    An image smaller than the view keeps the screen's sizes, which are the
    smallest that read well, and its labels are laid out afresh for the room
    it has.
    """
    return max(1.0, image_scale / max(view_scale, 1e-6))


def in_image(label: PlacedLabel, offset: QPointF, ratio: float) -> PlacedLabel:
    """A label laid out for the image, from its layout's pixels into the image's."""
    box = label.box.translated(-offset)
    return label._replace(
        x=(label.x - offset.x()) * ratio,
        y=(label.y - offset.y()) * ratio,
        box=QRectF(box.x() * ratio, box.y() * ratio, box.width() * ratio, box.height() * ratio),
    )


@contextmanager
def deleted_after(dialog: DialogT) -> Iterator[DialogT]:
    """Delete `dialog` on leaving the block, while the objects it points at are alive.

    A print dialog keeps a raw pointer to its QPrinter, which Python owns and
    frees when the caller's variable goes; the dialog, a child of the window,
    would outlive it, so it is deleted first, synchronously.
    """
    try:
        yield dialog
    finally:
        Shiboken.delete(dialog)


def translated(text: str) -> str:
    """One of the file filters above in the current language."""
    return QCoreApplication.translate("Exporter", text)


def documents_folder() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())


def with_suffix(path: Path, suffix: str) -> Path:
    """The path as typed, with the format's extension added when none was given."""
    return path if path.suffix else path.with_suffix(suffix)

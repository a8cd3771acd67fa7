"""Drawing a printed sheet with QPainter onto a PDF writer or a printer.

The way in for the command, the export menu and the note field: it sets the
page up in points, picks the cheat or take-home layout and hands back how the
layout turned out. The core decides the wording and the order of fallbacks;
the layouts measure and draw.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF
from PySide6.QtGui import (
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)

from ...core.catalog import Catalog
from ...core.output.chart import PointChart, Printed, ZoneChart
from ...core.output.sheet import MARGIN_PT, CheatSheet, Paper, TakeHomeSheet
from ..fonts import bundled_fonts
from ..headless import offscreen_without_display
from .canvas import Canvas, Report
from .chart import PointChartLayout, ZoneChartLayout
from .cheat import CheatLayout
from .takehome import TakeHomeLayout

PDF_RESOLUTION = 1200


def ensure_application() -> QGuiApplication:
    """A GUI application with the bundled fonts, also where there is no display."""
    offscreen_without_display()
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        app = QGuiApplication(["meridian-map"])
    bundled_fonts()
    return app


PAGE_SIZES = {
    Paper.A4: QPageSize.PageSizeId.A4,
    Paper.LETTER: QPageSize.PageSizeId.Letter,
    Paper.A3: QPageSize.PageSizeId.A3,
    Paper.TABLOID: QPageSize.PageSizeId.Tabloid,
}


def page_size_for(paper: Paper) -> QPageSize:
    return QPageSize(PAGE_SIZES[paper])


def pdf_writer(buffer: QBuffer, title: str, paper: Paper) -> QPdfWriter:
    """A PDF writer into `buffer`, in points and without margins: each layout keeps its own."""
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_RESOLUTION)
    writer.setCreator("Meridian Map")
    writer.setTitle(title)
    writer.setPageLayout(
        QPageLayout(
            page_size_for(paper), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point
        )
    )
    return writer


def render_pdf(
    catalog: Catalog, sheet: Printed, paper: Paper = Paper.A4, photo: QImage | None = None
) -> tuple[bytes, Report]:
    """The sheet as a PDF, in memory so the caller decides how to save it.

    With `photo`, the catalog is the drawing carried onto it (core/photo/fit)
    and the face is drawn over the client's photo.
    """
    data = QByteArray()
    buffer = QBuffer(data)
    writer = pdf_writer(buffer, sheet.title, paper)
    with painting(writer) as painter:
        report = paint_sheet(painter, writer, catalog, sheet, photo)
    buffer.close()
    return bytes(data.data()), report


def note_room(catalog: Catalog, sheet: TakeHomeSheet, paper: Paper) -> Report:
    """How the take-home sheet with its note lays out, for a note field to show the room left.

    Laid out and drawn for real, into a PDF that is thrown away: the room
    depends on every other text on the sheet.
    """
    return render_pdf(catalog, sheet, paper)[1]


def paint_sheet(
    painter: QPainter, device: QPagedPaintDevice, catalog: Catalog, sheet: Printed, photo: QImage | None = None
) -> Report:
    """Draw one sheet from the current page of a PDF writer or printer on, adding pages as it runs on."""
    bundled_fonts()
    layout = device.pageLayout()
    full = layout.fullRectPoints()
    paint = layout.paintRectPoints()
    scale = device.logicalDpiX() / 72.0
    page = QRectF(full).adjusted(MARGIN_PT, MARGIN_PT, -MARGIN_PT, -MARGIN_PT)
    page.translate(-paint.left(), -paint.top())
    page = page.intersected(QRectF(0, 0, paint.width(), paint.height()))
    if isinstance(sheet, CheatSheet | TakeHomeSheet) and sheet.school and sheet.school != catalog.current_school:
        catalog = catalog.with_school(sheet.school)  # the face's arrows are the school's the text is
    canvas = Canvas(painter, device, scale, catalog)
    canvas.photo = photo
    canvas.begin_page()
    try:
        if isinstance(sheet, CheatSheet):
            return CheatLayout(canvas, sheet).draw(page)
        if isinstance(sheet, ZoneChart):
            return ZoneChartLayout(canvas, sheet).draw(page)
        if isinstance(sheet, PointChart):
            return PointChartLayout(canvas, sheet).draw(page)
        return TakeHomeLayout(canvas, sheet).draw(page)
    finally:
        painter.restore()


@contextmanager
def painting(device: QPagedPaintDevice) -> Iterator[QPainter]:
    """A painter that is always ended, so a failed print never leaves the device busy."""
    painter = QPainter(device)
    try:
        yield painter
    finally:
        painter.end()

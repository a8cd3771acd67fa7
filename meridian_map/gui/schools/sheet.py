"""The "ways to stroke" sheet on paper: one A4 or Letter page, a picture and the words for each school.

Text is laid out with QTextDocument on the PDF writer itself (measured on
the screen it would print about twelve times too small) in the bundled
fonts. The body type shrinks until the page holds everything; safety text
is never cut to make room.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QBuffer, QByteArray, QRectF
from PySide6.QtGui import QColor, QFont, QPainter, QPdfWriter, QTextDocument

from ...core.catalog import Catalog
from ...core.output.compare import ComparisonSheet
from ...core.output.sheet import MARGIN_PT, Paper
from ..fonts import SHEET_FAMILIES, bundled_fonts
from ..painting import as_drawn
from ..sheets.canvas import BOX_FILL, INK, RULE, SOFT_INK
from ..sheets.render import pdf_writer
from .picture import Colours, paint_zone

BODY_PT = (9.0, 8.5, 8.0, 7.5, 7.0)  # tried in turn until the page holds everything
PICTURE_SHARE = 0.38  # of the page height, for the row of pictures
GAP_PT = 10.0

PAPER_COLOURS = Colours(
    background=QColor("#ffffff"),
    art=as_drawn,
    outline=QColor(RULE),
    tint=QColor(BOX_FILL),
    stroke=QColor(INK),
)


class SheetTooLongError(ValueError):
    """The words do not fit one page even at the smallest type."""


def render_comparison(catalog: Catalog, sheet: ComparisonSheet, paper: Paper = Paper.A4) -> bytes:
    """The sheet as a one-page PDF, in memory; the caller saves it atomically."""
    bundled_fonts()
    data = QByteArray()
    buffer = QBuffer(data)
    writer = pdf_writer(buffer, sheet.title, paper)
    painter = QPainter(writer)
    try:
        _paint(painter, writer, catalog, sheet)
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())


def _document(writer: QPdfWriter, html: str, width: float, size: float) -> QTextDocument:
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)
    font = QFont()
    font.setFamilies(SHEET_FAMILIES)
    font.setPointSizeF(size)
    doc.setDefaultFont(font)
    doc.setDocumentMargin(0)
    doc.setDefaultStyleSheet(f"p {{ margin: 0 0 3pt 0; color: {INK}; }} .soft {{ color: {SOFT_INK}; }}")
    doc.setHtml(html)
    doc.setTextWidth(width * _scale(writer))  # the layout is in the writer's pixels
    return doc


def _scale(writer: QPdfWriter) -> float:
    return writer.logicalDpiX() / 72.0


def _height(doc: QTextDocument, writer: QPdfWriter) -> float:
    return doc.size().height() / _scale(writer)


def _paint(painter: QPainter, writer: QPdfWriter, catalog: Catalog, sheet: ComparisonSheet) -> None:
    scale = _scale(writer)
    page = writer.pageLayout().fullRectPoints()
    area = QRectF(MARGIN_PT, MARGIN_PT, page.width() - 2 * MARGIN_PT, page.height() - 2 * MARGIN_PT)
    painter.scale(scale, scale)  # points from here on
    labels = sheet.labels
    count = len(sheet.columns)
    column_width = (area.width() - GAP_PT * (count - 1)) / count
    for size in BODY_PT:
        head = _document(
            writer,
            f"<p style='font-size:{size + 7}pt'><b>{escape(sheet.title)}</b></p>"
            f"<p class='soft'>{escape(sheet.subtitle)} {escape(sheet.date)}</p>",
            area.width(),
            size,
        )
        columns = [
            _document(
                writer,
                f"<p style='font-size:{size + 2}pt'><b>{escape(c.name)}</b></p>"
                f"<p>{escape(c.direction)}</p>"
                f"<p><b>{escape(labels['why'])}:</b> {escape(c.why)}</p>"
                f"<p><b>{escape(labels['pressure'])}:</b> {escape(c.pressure)} · "
                f"<b>{escape(labels['strokes'])}:</b> {escape(c.strokes)}</p>"
                + (f"<p class='soft'>({escape(', '.join(c.cites))})</p>" if c.cites else "")
                + (
                    f"<p class='soft'><b>{escape(labels['not_covered'])}:</b> {escape(c.not_covered)}</p>"
                    if c.not_covered
                    else ""
                ),
                column_width,
                size,
            )
            for c in sheet.columns
        ]
        foot = _document(
            writer,
            f"<p><b>⚠ {escape(labels['cautions'])}:</b> {escape(sheet.cautions)}</p>"
            f"<p><b>{escape(labels['sources'])}</b></p>"
            + "".join(f"<p class='soft'>{escape(source)}</p>" for source in sheet.sources)
            + f"<p class='soft'>{escape(sheet.disclaimer)}</p>",
            area.width(),
            size,
        )
        picture = area.height() * PICTURE_SHARE
        text = max(_height(doc, writer) for doc in columns)
        needed = _height(head, writer) + GAP_PT + picture + GAP_PT + text + GAP_PT + _height(foot, writer)
        if needed <= area.height():
            break
    else:
        raise SheetTooLongError(f"the {sheet.zone} comparison does not fit one page")
    y = area.top()
    _draw(painter, head, area.left(), y, scale)
    y += _height(head, writer) + GAP_PT
    for index, (column, doc) in enumerate(zip(sheet.columns, columns, strict=True)):
        x = area.left() + index * (column_width + GAP_PT)
        target = QRectF(x, y, column_width, picture)
        paint_zone(painter, catalog.with_school(column.school), sheet.zone, target, PAPER_COLOURS)
        painter.setPen(QColor(RULE))
        painter.drawRect(target)
        _draw(painter, doc, x, y + picture + GAP_PT, scale)
    _draw(painter, foot, area.left(), area.bottom() - _height(foot, writer), scale)


def _draw(painter: QPainter, doc: QTextDocument, x: float, y: float, scale: float) -> None:
    painter.save()
    painter.translate(x, y)
    painter.scale(1 / scale, 1 / scale)
    doc.drawContents(painter, QRectF(0, 0, doc.textWidth(), doc.size().height()))
    painter.restore()

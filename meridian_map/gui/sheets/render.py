"""Drawing the printed sheets with QPainter onto a PDF writer or a printer.

Everything is vector, drawn from the catalog's geometry (the outlines the
window hit-tests, less the vertices closer than a printer's dot), never a
screenshot, so the sheet stays sharp at any size.
Zones differ by hatching as well as tint, so a grey-scale copy still reads.
All text uses the bundled Noto Sans CJK font so hanzi and pinyin tone marks
print on machines without a CJK font, and every QTextDocument is laid out on
the real paint device: measured against the screen, text on a 1200 dpi PDF
comes out about twelve times too small.

Layout works in points with the painter scaled accordingly; the core decides
the wording and the order of fallbacks, this module measures and draws.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Hashable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import IntEnum, StrEnum
from math import cos, hypot, radians, sin
from typing import NamedTuple

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QPdfWriter,
    QPen,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)

from ...core.catalog import Catalog
from ...core.model import Side
from ...core.sheet import (
    CHEAT_FACE_WIDTH,
    HOME_FACE_WIDTH,
    MARGIN_PT,
    MAX_PAGES,
    MIN_BODY_PT,
    CheatSheet,
    Hatch,
    Numbered,
    Paper,
    Row,
    Sheet,
    TakeHomeSheet,
    ZoneMark,
    column_widths,
    face_bounds,
    first_fit,
    spread,
)
from ..fonts import FONT_FAMILY, bundled_fonts
from ..headless import offscreen_without_display
from ..painting import LineArt, arrow_head, as_drawn, polygon_path, smooth_path
from ..theme import ZONE_TINTS, channel_style

PDF_RESOLUTION = 1200
INK = "#1f1f1f"
SOFT_INK = "#4a4a4a"
RULE = "#b5b5b5"
HEADER_FILL = "#ececec"
BOX_FILL = "#f6f6f4"
LINE_SPACING = 80  # percent of the font's own line height, which is generous for CJK
HATCH_SPACING_PT = 3.2
HATCH_WIDTH_PT = 0.35
HATCH_STRENGTH = 0.65
DASH_PT = 1.8
DASH_GAP_PT = 1.1
DOT_PT = 1.0
DOT_LENGTH_PT = 0.01  # a dot is a dash this long with round caps
ZONE_FILL_ALPHA = 0.12
LEADER_GAP_PT = 12.0
CHANNEL_PT = 1.3
CLEARANCE_PT = 2.0
NUMBER_RADIUS_PT = 6.2
MIN_ROW_PT = 2 * NUMBER_RADIUS_PT + 1.0  # a table row holds its number circle
GAUGE_WIDTH_PT = 13.0
GAUGE_LEVELS = 3  # feather, light, medium
GUTTER_PT = 14.0
SECTION_GAP_PT = 9.0
FOOTER_RULE_PT = 5.0
BULLET_INDENT_PT = 11.0
BULLET_PT = 1.8
BOX_PAD_PT = 8.0
KEY_GAP_PT = 3.0
CELL_PAD_PT = 2.2
MIN_CHEAT_FACE_PT = 230.0
MIN_HOME_FACE_WIDTH_PT = 120.0
COMFORTABLE_FACE_WIDTH = 0.3
NOTE_LINE_PT = 19.0
LIST_INDENT_PT = 2 * NUMBER_RADIUS_PT + 5.0
STEP_GAP_PT = 6.0
MIN_NOTE_LINES = 3
ROUNDING_PT = 1e-6  # a lower bound this far past a limit is past it, whatever the rounding


# The small private records here are NamedTuples, not frozen dataclasses: just as
# immutable and hashable, and a sixth of the cost to define on every `sheet` run.
class Run(NamedTuple):
    """A stretch of text in one style."""

    text: str
    bold: bool = False
    colour: str = INK


Paragraph = Sequence[Run]


class Cell(IntEnum):
    """The table's typed columns, by their index in the core's column widths (0 is the number)."""

    ZONE = 1
    DIRECTION = 2
    PRESSURE = 3
    STROKES = 4
    CONCERNS = 5


class Wording(NamedTuple):
    """Which of the core's longer-to-shorter texts a table uses."""

    direction: int = 0
    concerns: int = 0


@dataclass
class Report:
    """How a layout turned out, so tests and callers can tell a squeeze from a fit.

    `fits` means everything is printed whole, on however many pages;
    `overflow` names what is not. `note_room` is about how many more
    characters of note the first page holds, negative once the note runs on.
    """

    fits: bool = True
    smallest_pt: float = float("inf")
    choices: list[str] = field(default_factory=list)
    pages: int = 1
    overflow: list[str] = field(default_factory=list)
    note_room: int = 0

    def used(self, size: float) -> None:
        self.smallest_pt = min(self.smallest_pt, size)


def ensure_application() -> QGuiApplication:
    """A GUI application with the bundled fonts, also where there is no display."""
    offscreen_without_display()
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        app = QGuiApplication(["meridian-map"])
    bundled_fonts()
    return app


def page_size_for(paper: Paper) -> QPageSize:
    return QPageSize(QPageSize.PageSizeId.A4 if paper is Paper.A4 else QPageSize.PageSizeId.Letter)


def render_pdf(catalog: Catalog, sheet: Sheet, paper: Paper = Paper.A4) -> tuple[bytes, Report]:
    """The sheet as a PDF, in memory so the caller decides how to save it."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_RESOLUTION)
    writer.setCreator("Meridian Map")
    writer.setTitle(sheet.title)
    writer.setPageLayout(
        QPageLayout(
            page_size_for(paper), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point
        )
    )
    with painting(writer) as painter:
        report = paint_sheet(painter, writer, catalog, sheet)
    buffer.close()
    return bytes(data.data()), report


def note_room(catalog: Catalog, sheet: TakeHomeSheet, paper: Paper) -> Report:
    """How the take-home sheet with its note lays out, for a note field to show the room left.

    Laid out and drawn for real, into a PDF that is thrown away: the room
    depends on every other text on the sheet.
    """
    return render_pdf(catalog, sheet, paper)[1]


def paint_sheet(painter: QPainter, device: QPagedPaintDevice, catalog: Catalog, sheet: Sheet) -> Report:
    """Draw one sheet from the current page of a PDF writer or printer on, adding pages as it runs on."""
    bundled_fonts()
    layout = device.pageLayout()
    full = layout.fullRectPoints()
    paint = layout.paintRectPoints()
    scale = device.logicalDpiX() / 72.0
    page = QRectF(full).adjusted(MARGIN_PT, MARGIN_PT, -MARGIN_PT, -MARGIN_PT)
    page.translate(-paint.left(), -paint.top())
    page = page.intersected(QRectF(0, 0, paint.width(), paint.height()))
    canvas = Canvas(painter, device, scale, catalog)
    canvas.begin_page()
    try:
        if isinstance(sheet, CheatSheet):
            return CheatLayout(canvas, sheet).draw(page)
        return TakeHomeLayout(canvas, sheet).draw(page)
    finally:
        painter.restore()


class TextBox:
    """A piece of laid-out text: measured in points, drawn at a point.

    Each paragraph is laid out on its own, stacked with `spacing` points
    between them: block margins in a document on a high-resolution device are
    scaled differently from its text width, so spacing is done here instead.
    The box keeps only the measurements; drawing lays the text out again in
    the canvas's one document (see Canvas.typeset).
    """

    def __init__(
        self,
        canvas: Canvas,
        paragraphs: Sequence[Paragraph],
        size: float,
        width: float,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
        indent: float = 0.0,
        spacing: float = 0.0,
        indents: Sequence[float] = (),
    ) -> None:
        self.canvas = canvas
        self.scale = canvas.scale
        self.spacing = spacing
        self.size = size
        self.width = width
        self.align = align
        self.parts = [
            (paragraph, indents[i] if i < len(indents) else indent) for i, paragraph in enumerate(paragraphs or [[]])
        ]
        self.heights: list[float] = []  # each paragraph's, in points
        self.widths: list[float] = []  # each paragraph's natural width, in points
        self.first_lines: list[float] = []  # centre of each paragraph's first line, from its top, in points
        for paragraph, paragraph_indent in self.parts:
            doc = canvas.typeset(paragraph, size, width, align, paragraph_indent)
            line = doc.firstBlock().layout().lineAt(0)
            self.heights.append(doc.size().height() / self.scale)
            self.widths.append(doc.idealWidth() / self.scale)
            self.first_lines.append((line.y() + line.height() / 2) / self.scale)

    @property
    def paragraphs(self) -> int:
        return len(self.parts)

    def _tops(self) -> list[float]:
        tops, y = [], 0.0
        for height in self.heights:
            tops.append(y)
            y += height + self.spacing
        return tops

    @property
    def height(self) -> float:
        return sum(self.heights) + self.spacing * (len(self.heights) - 1)

    @property
    def natural_width(self) -> float:
        return max(self.widths)

    def line_centre(self, paragraph: int = 0) -> float:
        """Vertical centre of the first line of a paragraph, from the top of the box."""
        return self._tops()[paragraph] + self.first_lines[paragraph]

    def draw(self, x: float, y: float) -> None:
        painter = self.canvas.painter
        for top, (paragraph, indent) in zip(self._tops(), self.parts, strict=True):
            doc = self.canvas.typeset(paragraph, self.size, self.width, self.align, indent)
            painter.save()
            painter.translate(x, y + top)
            painter.scale(1 / self.scale, 1 / self.scale)
            doc.drawContents(painter)
            painter.restore()


def plain(text: str, bold: bool = False, colour: str = INK) -> list[Paragraph]:
    return [[Run(line, bold, colour)] for line in text.split("\n")] if text else []


class Canvas:
    """The painter in points plus the drawing primitives the sheets share."""

    def __init__(self, painter: QPainter, device: QPagedPaintDevice, scale: float, catalog: Catalog) -> None:
        self.painter = painter
        self.device = device
        self.scale = scale
        self.catalog = catalog
        self.report = Report()
        self._cache: dict[Hashable, TextBox] = {}
        self._fonts: dict[float, QFont] = {}
        self._blocks: dict[tuple[Qt.AlignmentFlag, float], QTextBlockFormat] = {}
        self._chars: dict[tuple[bool, str], QTextCharFormat] = {}
        self._doc = QTextDocument()
        self._doc.setDocumentMargin(0)
        self._doc.documentLayout().setPaintDevice(device)

    def begin_page(self) -> None:
        """Set the painter to points; `paint_sheet` restores it once the sheet is drawn."""
        self.painter.save()
        self.painter.scale(self.scale, self.scale)
        self.painter.setRenderHint(QPainter.RenderHint.Antialiasing)

    def new_page(self) -> None:
        """Start the next page with the painter set up afresh, as on the first."""
        self.painter.restore()
        self.device.newPage()
        self.begin_page()

    def line_breaks(self, text: str, size: float, width: float) -> list[tuple[int, float]]:
        """Where each line of a plain paragraph ends: its last character's index and its bottom in points.

        A paragraph that runs on to the next page is cut after a line, and
        the rest laid out again from there breaks its lines just as before.
        """
        doc = self.typeset([Run(text)], size, width, Qt.AlignmentFlag.AlignLeft, 0.0)
        layout = doc.firstBlock().layout()
        breaks = []
        for index in range(layout.lineCount()):
            line = layout.lineAt(index)
            breaks.append((line.textStart() + line.textLength(), (line.y() + line.height()) / self.scale))
        return breaks

    def typeset(
        self, paragraph: Paragraph, size: float, width: float, align: Qt.AlignmentFlag, indent: float
    ) -> QTextDocument:
        """One paragraph laid out on the device, in the one document every text box shares.

        Fitting lays out hundreds of paragraphs. Made afresh, each document
        and its layout also cost two new Python wrappers, a margin change
        and a paint device, over half the time; emptied and refilled, the
        document lays the text out exactly as a new one would. What it
        returns is valid until the next call.
        """
        doc = self._doc
        doc.clear()
        doc.setDefaultFont(self.font(size))
        doc.setTextWidth(max(width, 1.0) * self.scale)
        cursor = QTextCursor(doc)
        # Every change to a laid-out document lays it out again: the text goes in as one edit.
        cursor.beginEditBlock()
        cursor.setBlockFormat(self.block_format(align, indent))
        for run in paragraph:
            cursor.insertText(run.text, self.char_format(run.bold, run.colour))
        cursor.endEditBlock()
        return doc

    # Fonts and formats are built once per sheet: fitting lays out hundreds of texts.

    def font(self, size: float) -> QFont:
        if size not in self._fonts:
            font = QFont(FONT_FAMILY)
            font.setPointSizeF(size)
            # Shaped text swaps in ligatures and alternate digits that the PDF maps to no
            # characters, so 'first' and '2025' could not be searched or copied.
            font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
            self._fonts[size] = font
        return self._fonts[size]

    def block_format(self, align: Qt.AlignmentFlag, indent: float) -> QTextBlockFormat:
        key = (align, indent)
        if key not in self._blocks:
            block = QTextBlockFormat()
            block.setLineHeight(LINE_SPACING, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
            block.setAlignment(align)
            block.setLeftMargin(indent * self.scale)  # unlike top and bottom margins, in device pixels
            self._blocks[key] = block
        return self._blocks[key]

    def char_format(self, bold: bool, colour: str) -> QTextCharFormat:
        key = (bold, colour)
        if key not in self._chars:
            fmt = QTextCharFormat()
            fmt.setForeground(QColor(colour))
            fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
            self._chars[key] = fmt
        return self._chars[key]

    def text(
        self,
        paragraphs: Sequence[Paragraph],
        size: float,
        width: float,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
        indent: float = 0.0,
        spacing: float = 0.0,
        indents: Sequence[float] = (),
    ) -> TextBox:
        """Laid-out text, reused when asked again: fitting measures the same text many times."""
        self.report.used(size)
        key = (tuple(tuple(p) for p in paragraphs), size, round(width, 3), align, indent, spacing, tuple(indents))
        if key not in self._cache:
            self._cache[key] = TextBox(self, paragraphs, size, width, align, indent, spacing, indents)
        return self._cache[key]

    def rule(self, x1: float, y: float, x2: float, width: float = 0.6, colour: str = RULE) -> None:
        self.painter.setPen(QPen(QColor(colour), width))
        self.painter.drawLine(QPointF(x1, y), QPointF(x2, y))

    def number(self, centre: QPointF, number: int) -> None:
        """A number in a circle, the link between the face and the text."""
        radius = NUMBER_RADIUS_PT
        painter = self.painter
        painter.setPen(QPen(QColor(INK), 0.8))
        painter.setBrush(QColor("#ffffff"))
        painter.drawEllipse(centre, radius, radius)
        digits = [[Run(str(number), bold=True)]]
        box = self.text(digits, MIN_BODY_PT, 2 * radius + 4, align=Qt.AlignmentFlag.AlignHCenter)
        box.draw(centre.x() - radius - 2, centre.y() - box.line_centre())

    def gauge(self, x: float, centre_y: float, level: int) -> None:
        """Pressure as filled and empty bars, drawn rather than typed so any font will do."""
        painter = self.painter
        bar_w, bar_h, gap = 3.0, 7.0, 1.2
        for i in range(GAUGE_LEVELS):
            rect = QRectF(x + i * (bar_w + gap), centre_y - bar_h / 2, bar_w, bar_h)
            painter.setPen(QPen(QColor(INK), 0.6))
            painter.setBrush(QColor(INK) if i < level else Qt.BrushStyle.NoBrush)
            painter.drawRect(rect)

    def swatch(self, rect: QRectF, mark: ZoneMark) -> None:
        """A patch of the zone's hatch, the table's link to the face besides the number."""
        path = QPainterPath()
        path.addRect(rect)
        fill_zone(self.painter, path, mark.hatch, tint(mark), 1.0)

    def box(self, rect: QRectF) -> None:
        self.painter.setPen(QPen(QColor(RULE), 0.7))
        self.painter.setBrush(QColor(BOX_FILL))
        self.painter.drawRoundedRect(rect, 3, 3)


def tint(mark: ZoneMark) -> QColor:
    return QColor(ZONE_TINTS[mark.palette % len(ZONE_TINTS)])


def fill_zone(painter: QPainter, path: QPainterPath, hatch: Hatch, colour: QColor, unit: float) -> None:
    """A pale tint plus a hatch; `unit` is points per path unit, so density stays even.

    Both are drawn inside the zone as a clip, the tint as a rectangle, so the
    outline is written once rather than once to fill and again to clip.
    """
    fill = QColor(colour)
    fill.setAlphaF(ZONE_FILL_ALPHA)
    bounds = path.boundingRect()
    painter.save()
    painter.setClipPath(path, Qt.ClipOperation.IntersectClip)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(fill)
    painter.drawRect(bounds)
    painter.setPen(hatch_pen(colour, hatch, unit))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(hatch_path(bounds, hatch, unit))
    painter.restore()


def hatch_ink(colour: QColor) -> QColor:
    """The tint darkened, softened towards white but opaque.

    A PDF writer turns every translucent line into a filled outline, so the
    softening is mixed in here instead of left to alpha.
    """
    ink = QColor(colour).darker(150)
    parts = (ink.redF(), ink.greenF(), ink.blueF())
    red, green, blue = (part * HATCH_STRENGTH + 1.0 - HATCH_STRENGTH for part in parts)
    return QColor.fromRgbF(red, green, blue)


def hatch_pen(colour: QColor, hatch: Hatch, unit: float) -> QPen:
    """The pen a hatch is drawn with; dashes and dots are its dash pattern.

    An opaque pen's dash pattern goes into the PDF as such, so a dashed line
    is written once instead of dash by dash, and a row of dots is a line of
    very short dashes with round caps. Qt counts dashes in pen widths.
    """
    width = (DOT_PT if hatch.dots else HATCH_WIDTH_PT) / unit
    pen = QPen(hatch_ink(colour), width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap if hatch.dots else Qt.PenCapStyle.FlatCap)
    if hatch.dots:
        pen.setDashPattern([DOT_LENGTH_PT / DOT_PT, (HATCH_SPACING_PT - DOT_LENGTH_PT) / DOT_PT])
    elif hatch.dashed:
        pen.setDashPattern([DASH_PT / HATCH_WIDTH_PT, DASH_GAP_PT / HATCH_WIDTH_PT])
    return pen


def hatch_path(bounds: QRectF, hatch: Hatch, unit: float) -> QPainterPath:
    """The lines of a hatch over `bounds`, to be clipped to a zone and drawn with `hatch_pen`.

    Each line runs only across `bounds` and a spacing around them: the clip
    would hide the rest, written and compressed for nothing. A dashed line
    starts a whole number of dashes before it enters, so its dashes stay
    where they fall on the full line; alternate lines are set half a dash
    along, and alternate rows of dots half a spacing.
    """
    spacing = HATCH_SPACING_PT / unit
    lines = QPainterPath()
    if hatch.dots:
        last = bounds.right() + spacing
        row, y = 0, bounds.top()
        while y <= bounds.bottom() + spacing:
            first = bounds.left() + (spacing / 2 if row % 2 else 0.0)
            lines.moveTo(first, y)
            lines.lineTo(first + (last - first) // spacing * spacing + DOT_LENGTH_PT / unit, y)
            y += spacing * 0.87
            row += 1
        return lines
    centre = bounds.center()
    reach = hypot(bounds.width(), bounds.height()) / 2 + spacing
    near = bounds.adjusted(-spacing, -spacing, spacing, spacing)
    dash, period = DASH_PT / unit, (DASH_PT + DASH_GAP_PT) / unit
    for angle in (hatch.angle, hatch.angle + 90) if hatch.cross else (hatch.angle,):
        ux, uy = cos(radians(angle)), -sin(radians(angle))
        nx, ny = -uy, ux
        step = spacing * (1.4 if hatch.cross else 1.0)
        offset = -reach
        while offset <= reach:
            cx, cy = centre.x() + nx * offset, centre.y() + ny * offset
            start = -reach + (dash / 2 if hatch.dashed and round(offset / step) % 2 else 0.0)
            inside = crossing(cx, cy, ux, uy, start, reach, near)
            if inside is not None:
                enter, leave = inside
                if hatch.dashed:
                    enter = start + (enter - start) // period * period
                lines.moveTo(cx + ux * enter, cy + uy * enter)
                lines.lineTo(cx + ux * leave, cy + uy * leave)
            offset += step
    return lines


def crossing(
    x: float, y: float, ux: float, uy: float, start: float, end: float, rect: QRectF
) -> tuple[float, float] | None:
    """Where the line (x, y) + t (ux, uy), start <= t <= end, runs inside `rect` (Liang–Barsky), if it does."""
    for p, q in (
        (-ux, x - rect.left()),
        (ux, rect.right() - x),
        (-uy, y - rect.top()),
        (uy, rect.bottom() - y),
    ):
        if abs(p) < 1e-12:
            if q < 0:
                return None
        elif p < 0:
            start = max(start, q / p)
        else:
            end = min(end, q / p)
    return (start, end) if start < end else None


def clearance(centre: QPointF, leaders: Sequence[tuple[QPointF, QPointF]], circles: Sequence[QPointF]) -> float:
    """How far a number circle at `centre` keeps off leader lines and other circles, in points."""
    radius = NUMBER_RADIUS_PT
    gaps = [hypot(c.x() - centre.x(), c.y() - centre.y()) - 2 * radius for c in circles]
    gaps += [segment_distance(centre, start, end) - radius for start, end in leaders]
    return min(gaps, default=float("inf"))


def segment_distance(point: QPointF, start: QPointF, end: QPointF) -> float:
    dx, dy = end.x() - start.x(), end.y() - start.y()
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else ((point.x() - start.x()) * dx + (point.y() - start.y()) * dy) / length
    t = min(1.0, max(0.0, t))
    return hypot(point.x() - start.x() - t * dx, point.y() - start.y() - t * dy)


def list_indent(items: Sequence[Numbered]) -> float:
    return LIST_INDENT_PT if any(item.number for item in items) else BULLET_INDENT_PT


class FaceDrawing:
    """The face with its zones hatched and numbered, in any rectangle."""

    def __init__(self, canvas: Canvas, marks: Sequence[ZoneMark], channels: bool) -> None:
        self.canvas = canvas
        self.catalog = canvas.catalog
        self.marks = marks
        self.channels = channels
        self.bounds = QRectF(*face_bounds(self.catalog))

    @property
    def aspect(self) -> float:
        """Height over width."""
        return self.bounds.height() / self.bounds.width()

    def size_for(self, width: float, height: float) -> tuple[float, float]:
        unit = min(width / self.bounds.width(), height / self.bounds.height())
        return self.bounds.width() * unit, self.bounds.height() * unit

    def draw(self, rect: QRectF) -> None:
        painter = self.canvas.painter
        unit = min(rect.width() / self.bounds.width(), rect.height() / self.bounds.height())
        width, height = self.bounds.width() * unit, self.bounds.height() * unit
        origin = QPointF(rect.left() + (rect.width() - width) / 2, rect.top() + (rect.height() - height) / 2)

        def to_page(x: float, y: float) -> QPointF:
            return QPointF(origin.x() + (x - self.bounds.left()) * unit, origin.y() + (y - self.bounds.top()) * unit)

        painter.save()
        painter.translate(origin)
        painter.scale(unit, unit)
        painter.translate(-self.bounds.left(), -self.bounds.top())
        outlines = [
            (mark, polygon_path(self.catalog.print_outlines[f"{mark.zone}_{side.lower()}"]), side)
            for mark in self.marks
            for side in Side
        ]
        for mark, path, side in outlines:
            fill_zone(painter, path, mark.hatch if side is Side.L else mark.hatch.mirrored(), tint(mark), unit)
        self._art(painter)
        for mark, path, _side in outlines:
            edge = tint(mark).darker(220)
            painter.setPen(QPen(edge, 0.55 / unit))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
        if self.channels:
            self._channels(painter, unit)
        self._strokes(painter, unit)
        painter.restore()
        self._numbers(rect, unit, to_page)

    def _numbers(self, rect: QRectF, unit: float, to_page: Callable[[float, float], QPointF]) -> None:
        """Numbers inside the zones that have room, the rest beside the face on leader lines.

        A number inside a zone keeps clear of the leader lines that cross it,
        so no line seems to point at the wrong number.
        """
        radius = NUMBER_RADIUS_PT
        outside = sorted((m for m in self.marks if m.room * unit < radius + 1.0), key=lambda m: m.label_at[1])
        placed: list[QPointF] = []
        leaders: list[tuple[QPointF, QPointF]] = []
        if outside:
            edge = max(p[0] for m in self.marks for p in self.catalog.areas[f"{m.zone}_{Side.L.lower()}"].outline)
            column = min(to_page(edge, 0).x() + LEADER_GAP_PT + radius, rect.right() - radius)
            targets = [to_page(*m.label_at) for m in outside]
            ys = spread([t.y() for t in targets], 2 * radius + 2.0, rect.top() + radius, rect.bottom() - radius)
            placed = [QPointF(column, y) for y in ys]
            leaders = [(target, QPointF(column - radius, y)) for target, y in zip(targets, ys, strict=True)]
        for mark in self.marks:
            if mark in outside:
                continue
            centre = self._inside_spot(mark, unit, to_page, leaders, placed)
            placed.append(centre)
            self.canvas.number(centre, mark.number)
        painter = self.canvas.painter
        for mark, (target, end) in zip(outside, leaders, strict=True):
            painter.setPen(QPen(QColor(INK), 0.5))
            painter.drawLine(target, end)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(INK))
            painter.drawEllipse(target, 1.3, 1.3)
            self.canvas.number(QPointF(end.x() + radius, end.y()), mark.number)

    @staticmethod
    def _inside_spot(
        mark: ZoneMark,
        unit: float,
        to_page: Callable[[float, float], QPointF],
        leaders: Sequence[tuple[QPointF, QPointF]],
        placed: Sequence[QPointF],
    ) -> QPointF:
        """The roomiest spot in the zone that keeps clear of leaders and numbers, else the least crowded."""
        best, best_clearance = to_page(*mark.label_at), -1e9
        for at, room in ((mark.label_at, mark.room), *mark.spots):
            if room * unit < NUMBER_RADIUS_PT + 1.0:
                break
            spot = to_page(*at)
            gap = clearance(spot, leaders, placed)
            if gap >= CLEARANCE_PT:
                return spot
            if gap > best_clearance:
                best, best_clearance = spot, gap
        return best

    def _art(self, painter: QPainter) -> None:
        LineArt(self.catalog.face.art, as_drawn).paint(painter)

    def _channels(self, painter: QPainter, unit: float) -> None:
        for code, channel in self.catalog.channels.items():
            if not channel.yang_ming:
                continue
            style = channel_style(code)
            for line in self.catalog.channel_lines(code):
                positions = [stop.pos for stop in line.stops]
                runs: list[tuple[bool, list[tuple[float, float]]]] = []
                for i in range(1, len(positions)):
                    if runs and runs[-1][0] == line.internal[i]:
                        runs[-1][1].append(positions[i])
                    else:
                        runs.append((line.internal[i], [positions[i - 1], positions[i]]))
                for internal, points in runs:
                    pen = QPen(QColor(style.colour), (0.7 if internal else CHANNEL_PT) / unit)
                    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
                    if internal:
                        pen.setStyle(Qt.PenStyle.DotLine)
                    elif style.dashes:
                        pen.setDashPattern(list(style.dashes))
                    painter.setPen(pen)
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                    painter.drawPath(smooth_path(points))

    def _strokes(self, painter: QPainter, unit: float) -> None:
        """Arrows on the subject's right only; the numbers sit on the other side."""
        ink = QColor(INK)
        for mark in self.marks:
            area = self.catalog.areas[f"{mark.zone}_{Side.R.lower()}"]
            for index, line in enumerate(area.strokes):
                path = smooth_path(line)
                pen = QPen(ink, (0.85 if index == 0 else 0.6) / unit, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawPath(path)
                end = path.pointAtPercent(1.0)
                before = path.pointAtPercent(path.percentAtLength(max(path.length() - 2.0 / unit, 0.0)))
                head = QPainterPath()
                head.addPolygon(arrow_head(end, end - before, 4.2 / unit))
                head.closeSubpath()
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(ink)
                painter.drawPath(head)


class SheetLayout:
    """What both sheets share: header, footer and numbered lists."""

    sheet: Sheet

    def __init__(self, canvas: Canvas) -> None:
        self.canvas = canvas

    def header(self, page: QRectF, title_text: str = "", subtitle_text: str = "") -> float:
        """Draw title, subtitle and date (the sheet's own unless given); return the y below them."""
        canvas = self.canvas
        date = canvas.text(plain(self.sheet.date, colour=SOFT_INK), MIN_BODY_PT, page.width() * 0.3)
        title_width = page.width() - date.natural_width - GUTTER_PT
        title = canvas.text(plain(title_text or self.sheet.title, bold=True), 16.0, title_width)
        subtitle = canvas.text(plain(subtitle_text or self.sheet.subtitle, colour=SOFT_INK), 9.5, page.width())
        title.draw(page.left(), page.top())
        date.draw(page.right() - date.natural_width, page.top() + title.line_centre() - date.line_centre())
        y = page.top() + title.height + 2.0
        subtitle.draw(page.left(), y)
        y += subtitle.height + 5.0
        canvas.rule(page.left(), y, page.right(), 0.9, INK)
        return y + SECTION_GAP_PT

    def footer_box(self, page: QRectF) -> TextBox:
        return self.canvas.text(plain(self.sheet.disclaimer, colour=SOFT_INK), MIN_BODY_PT, page.width())

    def body_bottom(self, page: QRectF) -> float:
        """Where the content must end to leave room for the disclaimer."""
        return page.bottom() - self.footer_box(page).height - FOOTER_RULE_PT - SECTION_GAP_PT

    def footer(self, page: QRectF) -> None:
        """The disclaimer at the foot of the page, under a rule."""
        box = self.footer_box(page)
        top = page.bottom() - box.height
        self.canvas.rule(page.left(), top - FOOTER_RULE_PT, page.right())
        box.draw(page.left(), top)

    def numbered(self, items: Sequence[Numbered], size: float, width: float) -> list[tuple[int, TextBox]]:
        """Each item laid out beside its number circle, or its bullet when none is numbered."""
        indent = list_indent(items)
        laid = []
        for item in items:
            lead = f"{item.title}{self.sheet.label('lead_in')}"
            runs = [Run(lead, bold=True), Run(item.text)] if item.title else [Run(item.text)]
            laid.append((item.number, self.canvas.text([runs], size, width - indent)))
        return laid

    def draw_numbered(
        self, laid: Sequence[tuple[int, TextBox]], x: float, y: float, gap: float, numbered: bool | None = None
    ) -> float:
        """Draw laid-out items down from y; `numbered` says how the whole list is set when drawing part of it."""
        numbered = any(number for number, _ in laid) if numbered is None else numbered
        indent = LIST_INDENT_PT if numbered else BULLET_INDENT_PT
        for number, box in laid:
            centre = QPointF(x + (NUMBER_RADIUS_PT if numbered else BULLET_PT), y + box.line_centre())
            if number:
                self.canvas.number(centre, number)
            else:
                self.canvas.painter.setPen(Qt.PenStyle.NoPen)
                self.canvas.painter.setBrush(QColor(INK))
                self.canvas.painter.drawEllipse(centre, BULLET_PT, BULLET_PT)
            box.draw(x + indent, y)
            y += box.height + gap
        return y

    @staticmethod
    def stack_height(laid: Sequence[tuple[int, TextBox]], gap: float) -> float:
        return sum(box.height for _, box in laid) + gap * max(len(laid) - 1, 0)


class CheatLayout(SheetLayout):
    """Face and key on top, the table below, cautions beside the face."""

    def __init__(self, canvas: Canvas, sheet: CheatSheet) -> None:
        super().__init__(canvas)
        self.sheet: CheatSheet = sheet
        self.face = FaceDrawing(canvas, sheet.marks, channels=True)
        self.marks = {mark.zone: mark for mark in sheet.marks}

    def draw(self, page: QRectF) -> Report:
        top = self.header(page)
        bottom = self.body_bottom(page)
        body = bottom - top
        rows = self.sheet.rows
        candidates = [
            (size, Wording(direction, concerns))
            for direction in range(max(len(row.directions) for row in rows))
            for concerns in range(max(len(row.concerns) for row in rows))
            for size in (9.5, 9.0)
        ]

        def plan(choice: tuple[float, Wording]) -> tuple[bool, float, float]:
            size, variant = choice
            band = body - self.table_height(page.width(), size, variant) - SECTION_GAP_PT
            face_w, face_h = self.face.size_for(page.width() * CHEAT_FACE_WIDTH, band)
            if face_h < MIN_CHEAT_FACE_PT:
                return False, face_w, face_h
            return self.side_height(page.width() - face_w - GUTTER_PT, size) <= band, face_w, face_h

        def fits_page(choice: tuple[float, Wording]) -> bool:
            # Nearly every choice fails by leaving the face too little room, which
            # shows long before the whole table is measured.
            size, variant = choice
            room = body - SECTION_GAP_PT - MIN_CHEAT_FACE_PT
            return not self.table_exceeds(page.width(), size, variant, room) and plan(choice)[0]

        choice, fits = first_fit(candidates, fits_page)
        _, face_w, face_h = plan(choice)
        size, variant = choice
        self.canvas.report = Report(fits=fits, choices=[f"size {size}", str(variant)])
        if not fits:
            self.canvas.report.overflow.append("the zone table with the key and cautions, on one page")
            # The table leaves the face no room, or less than none: a face of negative size hatches forever.
            face_w, face_h = self.face.size_for(page.width() * CHEAT_FACE_WIDTH, MIN_CHEAT_FACE_PT)
        side_w = page.width() - face_w - GUTTER_PT
        band = max(face_h, self.side_height(side_w, size))
        self.face.draw(QRectF(page.left(), top, face_w, face_h))
        self.draw_side(QRectF(page.left() + face_w + GUTTER_PT, top, side_w, band), size)
        self.draw_table(page.left(), top + band + SECTION_GAP_PT, page.width(), size, variant)
        self.footer(page)
        return self.canvas.report

    # key and cautions ------------------------------------------------------

    KEYS = ("key_stomach", "key_large_intestine", "key_stroke", "key_number", "key_point", "key_pressure")
    SAMPLE_PT = 34.0

    def side_parts(
        self, width: float, size: float
    ) -> tuple[TextBox, list[TextBox], TextBox, list[tuple[int, TextBox]], TextBox]:
        canvas = self.canvas
        key_title = canvas.text(plain(self.sheet.label("key_title"), bold=True), 11.0, width)
        key_w = (width - GUTTER_PT) / 2 - self.SAMPLE_PT - 6.0
        keys = [canvas.text(plain(self.sheet.label(k)), size, key_w) for k in self.KEYS]
        inner = width - 2 * BOX_PAD_PT
        caution_title = canvas.text(plain(self.sheet.label("cautions_title"), bold=True), 11.0, inner)
        cautions = self.numbered(self.sheet.cautions, size, inner)
        stop = canvas.text(plain(self.sheet.stop_signs, bold=True), size, inner)
        return key_title, keys, caution_title, cautions, stop

    @staticmethod
    def key_rows(keys: Sequence[TextBox]) -> list[float]:
        half = (len(keys) + 1) // 2
        return [max(keys[i].height, keys[i + half].height if i + half < len(keys) else 0.0) for i in range(half)]

    def side_height(self, width: float, size: float) -> float:
        key_title, keys, caution_title, cautions, stop = self.side_parts(width, size)
        return self.key_height(key_title, keys) + SECTION_GAP_PT + self.box_height(caution_title, cautions, stop)

    def key_height(self, title: TextBox, keys: Sequence[TextBox]) -> float:
        rows = self.key_rows(keys)
        return title.height + 4.0 + sum(rows) + KEY_GAP_PT * (len(rows) - 1)

    def box_height(self, title: TextBox, cautions: Sequence[tuple[int, TextBox]], stop: TextBox) -> float:
        return 2 * BOX_PAD_PT + title.height + 4.0 + self.stack_height(cautions, 3.0) + 5.0 + stop.height

    def draw_side(self, rect: QRectF, size: float) -> None:
        key_title, keys, caution_title, cautions, stop = self.side_parts(rect.width(), size)
        x, y = rect.left(), rect.top()
        key_title.draw(x, y)
        y += key_title.height + 4.0
        half = (len(keys) + 1) // 2
        for row, height in enumerate(self.key_rows(keys)):
            for column, index in enumerate((row, row + half)):
                if index >= len(keys):
                    continue
                left = x + column * (rect.width() + GUTTER_PT) / 2
                box = keys[index]
                self.key_sample(self.KEYS[index], QRectF(left, y + box.line_centre() - 5.0, self.SAMPLE_PT, 10.0))
                box.draw(left + self.SAMPLE_PT + 6.0, y)
            y += height + KEY_GAP_PT
        y += SECTION_GAP_PT - KEY_GAP_PT
        self.canvas.box(QRectF(x, y, rect.width(), self.box_height(caution_title, cautions, stop)))
        y += BOX_PAD_PT
        caution_title.draw(x + BOX_PAD_PT, y)
        y += caution_title.height + 4.0
        y = self.draw_numbered(cautions, x + BOX_PAD_PT, y, 3.0) + 2.0
        stop.draw(x + BOX_PAD_PT, y)

    def key_sample(self, key: str, rect: QRectF) -> None:
        canvas = self.canvas
        painter = canvas.painter
        mid = rect.center().y()
        if key in ("key_stomach", "key_large_intestine"):
            style = channel_style("ST" if key == "key_stomach" else "LI")
            pen = QPen(QColor(style.colour), CHANNEL_PT)
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            if style.dashes:
                pen.setDashPattern(list(style.dashes))
            painter.setPen(pen)
            painter.drawLine(QPointF(rect.left(), mid), QPointF(rect.right(), mid))
        elif key == "key_stroke":
            painter.setPen(QPen(QColor(INK), 0.85))
            painter.drawLine(QPointF(rect.left(), mid), QPointF(rect.right() - 3.0, mid))
            head = QPainterPath()
            head.addPolygon(arrow_head(QPointF(rect.right(), mid), QPointF(1, 0), 4.2))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(INK))
            painter.drawPath(head)
        elif key == "key_number":
            canvas.number(QPointF(rect.left() + NUMBER_RADIUS_PT, mid), 1)
        elif key == "key_point":
            sample = canvas.text(plain("ST1", colour=SOFT_INK), MIN_BODY_PT, rect.width())
            sample.draw(rect.left(), mid - sample.line_centre())
        else:
            canvas.gauge(rect.left(), mid, 2)

    # table -------------------------------------------------------------------

    def header_cells(self) -> list[str]:
        return [
            self.sheet.label(k)
            for k in ("col_number", "col_zone", "col_direction", "col_pressure", "col_strokes", "col_concerns")
        ]

    def row_cells(self, width: float, size: float, variant: Wording) -> list[list[TextBox]]:
        """Zone, direction, pressure, strokes and concerns of each row; the number is drawn, not typed."""
        return [[self.cell(row, column, width, size, variant) for column in Cell] for row in self.sheet.rows]

    def cell(self, row: Row, column: Cell, width: float, size: float, variant: Wording) -> TextBox:
        """One cell of the table, laid out on its own so fitting can measure a column at a time."""
        cell_w = column_widths(width)[column.value] - 2 * CELL_PAD_PT
        canvas = self.canvas
        if column is Cell.ZONE:
            points = ([Run(line, colour=SOFT_INK)] for line in row.points.split("\n") if line)
            return canvas.text([[Run(row.name, bold=True)], *points], size, cell_w)
        if column is Cell.DIRECTION:
            return canvas.text(plain(row.directions[min(variant.direction, len(row.directions) - 1)]), size, cell_w)
        if column is Cell.PRESSURE:
            return canvas.text(plain(row.pressure_name), size, cell_w, indent=GAUGE_WIDTH_PT + 3.0)
        if column is Cell.STROKES:
            return canvas.text(plain(row.strokes), size, cell_w)
        return canvas.text(plain(row.concerns[min(variant.concerns, len(row.concerns) - 1)]), size, cell_w)

    def table_exceeds(self, width: float, size: float, variant: Wording, limit: float) -> bool:
        """Whether the table is taller than `limit`, measuring only as much as it takes to tell.

        Columns go longest text first, a cell at a time, and measuring stops as
        soon as the rows so far at their least (the tallest cell measured, or
        a number circle) pass the limit, usually halfway down the first column
        or two. Only then is the whole table measured exactly.
        """
        least = [MIN_ROW_PT] * len(self.sheet.rows)  # each row's content, at least
        padding = 2 * CELL_PAD_PT * (len(least) + 1)  # the rows' and the unmeasured head's
        for column in (Cell.DIRECTION, Cell.CONCERNS, Cell.ZONE, Cell.STROKES, Cell.PRESSURE):
            for index, row in enumerate(self.sheet.rows):
                least[index] = max(least[index], self.cell(row, column, width, size, variant).height)
                if padding + sum(least) > limit + ROUNDING_PT:
                    return True
        return self.table_height(width, size, variant) > limit

    def head_cells(self, width: float, size: float) -> list[TextBox]:
        return [
            self.canvas.text(plain(text, bold=True), size, w - 2 * CELL_PAD_PT)
            for text, w in zip(self.header_cells(), column_widths(width), strict=True)
        ]

    @staticmethod
    def row_height(cells: Sequence[TextBox]) -> float:
        content = max(cell.height for cell in cells)
        return max(content, MIN_ROW_PT) + 2 * CELL_PAD_PT

    def table_height(self, width: float, size: float, variant: Wording) -> float:
        head = max(cell.height for cell in self.head_cells(width, size)) + 2 * CELL_PAD_PT
        return head + sum(self.row_height(cells) for cells in self.row_cells(width, size, variant))

    def draw_table(self, x: float, y: float, width: float, size: float, variant: Wording) -> None:
        canvas = self.canvas
        painter = canvas.painter
        widths = column_widths(width)
        lefts = [x + sum(widths[:i]) for i in range(len(widths))]
        head = self.head_cells(width, size)
        head_h = max(cell.height for cell in head) + 2 * CELL_PAD_PT
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(HEADER_FILL))
        painter.drawRect(QRectF(x, y, width, head_h))
        for left, title in zip(lefts, head, strict=True):
            title.draw(left + CELL_PAD_PT, y + CELL_PAD_PT)
        y += head_h
        canvas.rule(x, y, x + width, 0.8, INK)
        for row, cells in zip(self.sheet.rows, self.row_cells(width, size, variant), strict=True):
            height = self.row_height(cells)
            first_line = y + CELL_PAD_PT + cells[0].line_centre()
            canvas.swatch(QRectF(lefts[0], y, widths[0], height), self.marks[row.zone])
            canvas.number(QPointF(lefts[0] + widths[0] / 2, first_line), row.number)
            for left, cell in zip(lefts[1:], cells, strict=True):
                cell.draw(left + CELL_PAD_PT, y + CELL_PAD_PT)
            canvas.gauge(lefts[3] + CELL_PAD_PT, first_line, row.pressure_level)
            y += height
            canvas.rule(x, y, x + width, 0.4)


class HomeChoice(NamedTuple):
    """One way to set the take-home sheet, from roomiest to tightest."""

    size: float
    direction: int  # index into each step's longer-to-shorter directions
    roomy: bool  # say how each pressure feels, and give each step's name its own line
    caution_columns: int


# Cautions are never among what gives way: only type size, the directions' wording and the layout.
HOME_CHOICES = tuple(
    HomeChoice(size, direction, roomy, columns)
    for direction, roomy in ((0, True), (1, True), (1, False), (2, False))
    for columns in (1, 2)
    for size in (10.0, 9.5, 9.0)
)
HEADINGS = {"care_title": (12.0, 5.0), "note_title": (11.0, 6.0)}  # size, and the gap below
CAUTION_GAP_PT = 3.0


class Advice(StrEnum):
    """Where 'Before you start' and 'How often' go: whichever leaves the page least ragged."""

    BELOW = "below"
    UNDER_FACE = "under face"
    UNDER_STEPS = "under steps"


class Arrangement(NamedTuple):
    """Where the blocks of a take-home sheet sit, and how tall that makes the page."""

    face_w: float
    advice: Advice
    note_under_face: bool
    upper: float  # face, steps and whatever sits beside or below them
    total: float  # everything between header and footer, note at its smallest


class Block(NamedTuple):
    """A piece of what runs on past the first page: placed whole, or cut between lines if `cut` allows."""

    height: float
    draw: Callable[[float, float], None]  # at x, y
    gap: float  # below it, when something follows on the same page
    name: str  # what it is, to say so if it is taller than a page
    section: str = ""  # the heading it comes under, repeated as continued at the top of a new page
    is_heading: bool = False
    cut: Callable[[float], tuple[Block, Block] | None] | None = None
    least: float = 0.0  # the least of it that may stand at the foot of a page; its height if 0


class TakeHomeLayout(SheetLayout):
    """Face beside the steps; advice, cautions and the practitioner's note around them."""

    FACE_STEPS = 6

    def __init__(self, canvas: Canvas, sheet: TakeHomeSheet) -> None:
        super().__init__(canvas)
        self.sheet: TakeHomeSheet = sheet
        self.face = FaceDrawing(canvas, sheet.marks, channels=False)
        self._arrangements: dict[tuple[float, HomeChoice, float, Advice, bool], Arrangement] = {}

    def draw(self, page: QRectF) -> Report:
        top = self.header(page)
        bottom = self.body_bottom(page)
        width = page.width()

        def plan(choice: HomeChoice, smallest_face: float) -> Arrangement | None:
            return self.best_arrangement(width, bottom - top, choice, smallest_face)

        # A face big enough to read comes before the fullest wording; only then may it shrink.
        passes = [(choice, face) for face in (width * COMFORTABLE_FACE_WIDTH, 0.0) for choice in HOME_CHOICES]
        (choice, smallest), fits = first_fit(passes, lambda p: plan(*p) is not None)
        arrangement = plan(choice, smallest) if fits else None
        if arrangement is None:
            return self.draw_running_on(page, top, bottom)
        self.canvas.report = Report(fits=True, choices=[str(choice), str(arrangement)])
        self.canvas.report.used(choice.size)
        y = self.draw_upper(page, top, arrangement, choice)
        y = self.draw_care(page, y + SECTION_GAP_PT, choice)
        if not arrangement.note_under_face:
            self.draw_note(QRectF(page.left(), y + SECTION_GAP_PT, width, bottom - y - SECTION_GAP_PT), choice.size)
        self.footer(page)
        return self.canvas.report

    # face, steps and advice ---------------------------------------------------------

    def best_arrangement(
        self, width: float, room: float, choice: HomeChoice, smallest_face: float
    ) -> Arrangement | None:
        """The note below everything, then the biggest face, then the shortest page; None if nothing fits.

        Measured in that order, stopping at the first face size where
        anything fits: every further arrangement costs a layout of the steps
        and the advice at new widths, and most sheets fit at the first.
        """
        for under_face in (False, True):
            for face_w in sorted(set(self.face_widths(width)), reverse=True):
                if face_w < smallest_face:
                    break
                options = (self.arrangement(width, choice, face_w, advice, under_face) for advice in Advice)
                fitting = [a for a in options if a.total <= room]
                if fitting:
                    return min(fitting, key=lambda a: a.total)
        return None

    def face_widths(self, width: float) -> list[float]:
        widest = width * HOME_FACE_WIDTH
        step = (widest - MIN_HOME_FACE_WIDTH_PT) / (self.FACE_STEPS - 1)
        return [widest - i * step for i in range(self.FACE_STEPS)]

    def arrangements(self, width: float, choice: HomeChoice) -> list[Arrangement]:
        """Every face size, advice placement and note placement, measured."""
        return [
            self.arrangement(width, choice, face_w, advice, under_face)
            for face_w in self.face_widths(width)
            for advice in Advice
            for under_face in (False, True)
        ]

    def arrangement(
        self, width: float, choice: HomeChoice, face_w: float, advice: Advice, under_face: bool
    ) -> Arrangement:
        """One arrangement, measured once: the second pass asks for the same ones again."""
        key = (width, choice, face_w, advice, under_face)
        if key not in self._arrangements:
            care = self.care_height(width, choice) + SECTION_GAP_PT
            upper = self.upper_height(width, face_w, advice, under_face, choice)
            note = 0.0 if under_face else SECTION_GAP_PT + self.note_min_height(width, choice.size)
            self._arrangements[key] = Arrangement(face_w, advice, under_face, upper, upper + care + note)
        return self._arrangements[key]

    def step_boxes(self, width: float, choice: HomeChoice) -> list[TextBox]:
        """Each step: name, direction, then pressure and strokes; how a pressure feels is said once."""
        boxes = []
        felt: set[int] = set()
        for step in self.sheet.steps:
            direction = step.directions[min(choice.direction, len(step.directions) - 1)]
            line = [Run(step.pressure, bold=True), Run(f" · {step.strokes}")]
            if choice.roomy and step.pressure_level not in felt:
                felt.add(step.pressure_level)
                line.append(Run(step.pressure_feel, colour=SOFT_INK))
            if choice.roomy:
                paragraphs: list[Paragraph] = [[Run(step.name, bold=True)], [Run(direction)], line]
            else:
                paragraphs = [[Run(step.name, bold=True), Run(f"{self.sheet.label('lead_in')}{direction}")], line]
            indents = [0.0] * (len(paragraphs) - 1) + [GAUGE_WIDTH_PT + 3.0]
            boxes.append(
                self.canvas.text(paragraphs, choice.size, width - LIST_INDENT_PT, spacing=1.0, indents=indents)
            )
        return boxes

    def steps_title(self, width: float) -> TextBox:
        return self.canvas.text(plain(self.sheet.label("steps_title"), bold=True), 12.0, width)

    def steps_height(self, width: float, choice: HomeChoice) -> float:
        boxes = self.step_boxes(width, choice)
        return self.steps_title(width).height + 6.0 + sum(b.height for b in boxes) + STEP_GAP_PT * (len(boxes) - 1)

    def caption(self, width: float) -> TextBox:
        text = plain(self.sheet.label("face_caption"), colour=SOFT_INK)
        return self.canvas.text(text, MIN_BODY_PT, width, align=Qt.AlignmentFlag.AlignHCenter)

    def advice_boxes(self, width: float, size: float) -> tuple[TextBox, TextBox]:
        sheet = self.sheet
        inner = width - 2 * BOX_PAD_PT
        before = [[Run(sheet.label("before_title"), bold=True)], [Run(sheet.before)]]
        often = [
            [Run(sheet.label("often_title"), bold=True)],
            [Run(sheet.often)],
            [Run(sheet.often_honest, colour=SOFT_INK)],
        ]
        return self.canvas.text(before, size, inner, spacing=2.0), self.canvas.text(often, size, inner, spacing=2.0)

    def advice_height(self, width: float, size: float, stacked: bool) -> float:
        if stacked:
            return sum(box.height + 2 * BOX_PAD_PT for box in self.advice_boxes(width, size)) + SECTION_GAP_PT
        half = (width - GUTTER_PT) / 2
        return max(box.height for box in self.advice_boxes(half, size)) + 2 * BOX_PAD_PT

    def upper_height(self, width: float, face_w: float, advice: Advice, note: bool, choice: HomeChoice) -> float:
        steps_w = width - face_w - GUTTER_PT
        left = face_w * self.face.aspect + 4.0 + self.caption(face_w).height
        right = self.steps_height(steps_w, choice)
        if note:
            left += SECTION_GAP_PT + self.note_min_height(face_w, choice.size)
        if advice is Advice.UNDER_FACE:
            left += SECTION_GAP_PT + self.advice_height(face_w, choice.size, stacked=True)
        elif advice is Advice.UNDER_STEPS:
            right += SECTION_GAP_PT + self.advice_height(steps_w, choice.size, stacked=True)
        height = max(left, right)
        if advice is Advice.BELOW:
            height += SECTION_GAP_PT + self.advice_height(width, choice.size, stacked=False)
        return height

    def draw_upper(self, page: QRectF, top: float, upper: Arrangement, choice: HomeChoice) -> float:
        face_w = upper.face_w
        steps_w = page.width() - face_w - GUTTER_PT
        face_h = face_w * self.face.aspect
        self.face.draw(QRectF(page.left(), top, face_w, face_h))
        caption = self.caption(face_w)
        caption.draw(page.left(), top + face_h + 4.0)
        left_y = top + face_h + 4.0 + caption.height
        x = page.left() + face_w + GUTTER_PT
        title = self.steps_title(steps_w)
        title.draw(x, top)
        y = top + title.height + 6.0
        for step, box in zip(self.sheet.steps, self.step_boxes(steps_w, choice), strict=True):
            self.canvas.number(QPointF(x + NUMBER_RADIUS_PT, y + box.line_centre()), step.number)
            self.canvas.gauge(x + LIST_INDENT_PT, y + box.line_centre(box.paragraphs - 1), step.pressure_level)
            box.draw(x + LIST_INDENT_PT, y)
            y += box.height + STEP_GAP_PT
        right_y = y - STEP_GAP_PT
        if upper.advice is Advice.UNDER_FACE:
            left_y = self.draw_advice_stacked(page.left(), left_y + SECTION_GAP_PT, face_w, choice.size)
        elif upper.advice is Advice.UNDER_STEPS:
            right_y = self.draw_advice_stacked(x, right_y + SECTION_GAP_PT, steps_w, choice.size)
        if upper.note_under_face:
            note_h = max(self.note_min_height(face_w, choice.size), right_y - left_y - SECTION_GAP_PT)
            self.draw_note(QRectF(page.left(), left_y + SECTION_GAP_PT, face_w, note_h), choice.size)
            left_y += SECTION_GAP_PT + note_h
        y = max(left_y, right_y)
        if upper.advice is Advice.BELOW:
            half = (page.width() - GUTTER_PT) / 2
            boxes = self.advice_boxes(half, choice.size)
            height = max(box.height for box in boxes) + 2 * BOX_PAD_PT
            y += SECTION_GAP_PT
            for index, box in enumerate(boxes):
                left = page.left() + index * (half + GUTTER_PT)
                self.canvas.box(QRectF(left, y, half, height))
                box.draw(left + BOX_PAD_PT, y + BOX_PAD_PT)
            y += height
        return y

    def draw_advice_stacked(self, x: float, y: float, width: float, size: float) -> float:
        for index, box in enumerate(self.advice_boxes(width, size)):
            if index:
                y += SECTION_GAP_PT
            self.canvas.box(QRectF(x, y, width, box.height + 2 * BOX_PAD_PT))
            box.draw(x + BOX_PAD_PT, y + BOX_PAD_PT)
            y += box.height + 2 * BOX_PAD_PT
        return y

    # cautions ------------------------------------------------------------------------

    def care_title(self, width: float) -> TextBox:
        return self.canvas.text(plain(self.sheet.label("care_title"), bold=True), 12.0, width)

    def care_columns(self, width: float, choice: HomeChoice) -> list[list[tuple[int, TextBox]]]:
        """The cautions in one or two columns, split where the columns come out most even."""
        columns = choice.caution_columns
        column_w = (width - GUTTER_PT * (columns - 1)) / columns
        laid = self.numbered(self.sheet.cautions, choice.size, column_w)
        if columns == 1 or len(laid) < 2:
            return [laid]
        total = self.stack_height(laid, CAUTION_GAP_PT)
        split = min(range(1, len(laid)), key=lambda i: abs(2 * self.stack_height(laid[:i], CAUTION_GAP_PT) - total))
        return [laid[:split], laid[split:]]

    def care_height(self, width: float, choice: HomeChoice) -> float:
        columns = self.care_columns(width, choice)
        return self.care_title(width).height + 5.0 + max(self.stack_height(c, CAUTION_GAP_PT) for c in columns)

    def draw_care(self, page: QRectF, y: float, choice: HomeChoice) -> float:
        title = self.care_title(page.width())
        title.draw(page.left(), y)
        y += title.height + 5.0
        columns = self.care_columns(page.width(), choice)
        column_w = (page.width() - GUTTER_PT * (len(columns) - 1)) / len(columns)
        ends = [
            self.draw_numbered(column, page.left() + i * (column_w + GUTTER_PT), y, CAUTION_GAP_PT) - CAUTION_GAP_PT
            for i, column in enumerate(columns)
        ]
        return max(ends)

    # the practitioner's note ------------------------------------------------------------

    def note_title(self, width: float) -> TextBox:
        return self.canvas.text(plain(self.sheet.label("note_title"), bold=True), 11.0, width)

    def note_min_height(self, width: float, size: float) -> float:
        base = self.note_title(width).height + 6.0
        if self.sheet.note:
            return base + self.canvas.text(plain(self.sheet.note), size, width - 2 * BOX_PAD_PT).height + 2 * BOX_PAD_PT
        return base + MIN_NOTE_LINES * NOTE_LINE_PT

    def draw_note(self, rect: QRectF, size: float) -> None:
        canvas = self.canvas
        title = self.note_title(rect.width())
        title.draw(rect.left(), rect.top())
        y = rect.top() + title.height + 6.0
        inner = rect.width() - 2 * BOX_PAD_PT
        written = canvas.text(plain(self.sheet.note), size, inner).height if self.sheet.note else 0.0
        free_lines = max(rect.bottom() - y - 2 * BOX_PAD_PT - written, 0.0) // self.line_height(size, inner)
        canvas.report.note_room = int(free_lines * self.chars_per_line(size, inner))
        if self.sheet.note:
            note = canvas.text(plain(self.sheet.note), size, inner)
            canvas.box(QRectF(rect.left(), y, rect.width(), max(note.height + 2 * BOX_PAD_PT, rect.bottom() - y)))
            note.draw(rect.left() + BOX_PAD_PT, y + BOX_PAD_PT)
            return
        lines = max(MIN_NOTE_LINES, int((rect.bottom() - y) // NOTE_LINE_PT))
        for i in range(1, lines + 1):
            canvas.rule(rect.left(), y + i * NOTE_LINE_PT, rect.right(), 0.5)

    def line_height(self, size: float, width: float) -> float:
        return self.canvas.text(plain("0"), size, width).height

    def chars_per_line(self, size: float, width: float) -> float:
        """About how many characters a line holds, from the sheet's own longest paragraph in its language."""
        breaks = self.canvas.line_breaks(self.sheet.before, size, width)
        if len(breaks) < 2:
            return float(len(self.sheet.before))
        return breaks[-2][0] / (len(breaks) - 1)

    # a sheet that runs on to further pages --------------------------------------------

    def draw_running_on(self, page: QRectF, top: float, bottom: float) -> Report:
        """Face, steps and advice on the first page; cautions and the note run on, never shortened.

        The upper part keeps the roomiest setting that leaves the first page
        room for all the cautions and the start of the note, else for all the
        cautions, else for itself alone; the cautions stay together on one
        page if they fit one. What follows runs on to as many pages as it
        needs, each with a continuation heading and the disclaimer.
        """
        width = page.width()
        floor = bottom - self.continues_box(page, 2).height - SECTION_GAP_PT / 2
        room = floor - top
        next_top = page.top() + self.header_height(
            page, self.continued_title(), self.sheet.label("page_of", page=2, pages=2)
        )

        def upper(choice: HomeChoice, smallest_face: float, below: int) -> Arrangement | None:
            """The arrangement leaving room below for the cautions and the note (2), the cautions (1) or nothing."""
            tail = 0.0
            if below:
                tail += SECTION_GAP_PT + self.care_height(width, choice)
            if below == 2:
                note = self.heading_block("note_title", width)
                tail += SECTION_GAP_PT + note.height + note.gap + self.note_least(width, choice.size)
            for face_w in sorted(set(self.face_widths(width)), reverse=True):
                if face_w < smallest_face:
                    break
                options = (self.arrangement(width, choice, face_w, advice, False) for advice in Advice)
                fitting = [a for a in options if a.upper + tail <= room + ROUNDING_PT]
                if fitting:
                    return min(fitting, key=lambda a: a.upper)
            return None

        faces = (width * COMFORTABLE_FACE_WIDTH, 0.0)
        passes = [(choice, face, below) for below in (2, 1, 0) for face in faces for choice in HOME_CHOICES]
        (choice, smallest, below), fits = first_fit(passes, lambda p: upper(*p) is not None)
        arrangement = upper(choice, smallest, below) or min(
            (
                self.arrangement(width, choice, face_w, advice, False)
                for face_w in self.face_widths(width)
                for advice in Advice
            ),
            key=lambda a: a.upper,
        )
        report = self.canvas.report = Report(choices=[str(choice), str(arrangement), "runs on"])
        report.used(choice.size)
        if not fits:
            report.overflow.append(f"the {len(self.sheet.steps)} steps with their face")
        blocks: list[Block] = []
        if self.care_height(width, choice) <= floor - next_top:

            def care(_x: float, y: float) -> None:
                self.draw_care(page, y, choice)

            blocks.append(Block(self.care_height(width, choice), care, SECTION_GAP_PT, "the cautions"))
        else:
            blocks += [self.heading_block("care_title", width), *self.caution_blocks(width, choice.size)]
        blocks += [
            self.heading_block("note_title", width),
            self.note_block(self.sheet.note.split("\n"), choice.size, width),
        ]
        pages = self.flow(
            blocks, self.draw_upper(page, top, arrangement, choice) + SECTION_GAP_PT, next_top, floor, width
        )
        report.pages = len(pages)
        report.note_room = -1
        if len(pages) > MAX_PAGES:
            report.overflow.append(
                f"the practitioner's note ({len(self.sheet.note):,} characters) needs more than {MAX_PAGES} pages,"
                f" the most a take-home sheet has; shorten the note"
            )
        for number, placed in enumerate(pages, start=1):
            if number > 1:
                self.canvas.new_page()
                self.header(page, self.continued_title(), self.sheet.label("page_of", page=number, pages=len(pages)))
            for y, block in placed:
                block.draw(page.left(), y)
            if number < len(pages):
                self.continues_box(page, number + 1).draw(page.left(), floor + SECTION_GAP_PT / 2)
            self.footer(page)
        report.fits = not report.overflow
        return report

    def flow(
        self, blocks: Sequence[Block], first_top: float, next_top: float, floor: float, width: float
    ) -> list[list[tuple[float, Block]]]:
        """Which page and where each block goes: a heading never ends a page, a note is cut between lines."""
        pages: list[list[tuple[float, Block]]] = [[]]
        queue = deque(blocks)
        y, fresh = first_top, False
        while queue:
            block = queue.popleft()
            follows = queue[0].least or queue[0].height if block.is_heading and queue else 0.0
            needed = block.height + (block.gap + follows if follows else 0.0)
            if y + needed <= floor + ROUNDING_PT or (fresh and block.is_heading):
                pages[-1].append((y, block))
                y += block.height + block.gap
                continue
            parts = block.cut(floor - y) if block.cut is not None else None
            if parts is not None:
                head, tail = parts
                pages[-1].append((y, head))
                queue.appendleft(tail)
            elif fresh:
                self.canvas.report.overflow.append(f"{block.name}: longer than a whole page")
                pages[-1].append((y, block))
                y += block.height + block.gap
                fresh = False
                continue
            else:
                queue.appendleft(block)
            if len(pages) > MAX_PAGES:
                break  # too long to print: measuring the rest would only take time
            pages.append([])
            y, fresh = next_top, True
            if queue and queue[0].section and not queue[0].is_heading:
                queue.appendleft(self.heading_block(queue[0].section, width, continued=True))
        return pages

    def continued_title(self) -> str:
        return self.sheet.label("continued", title=self.sheet.title)

    def header_height(self, page: QRectF, title_text: str, subtitle_text: str) -> float:
        canvas = self.canvas
        date = canvas.text(plain(self.sheet.date, colour=SOFT_INK), MIN_BODY_PT, page.width() * 0.3)
        title = canvas.text(plain(title_text, bold=True), 16.0, page.width() - date.natural_width - GUTTER_PT)
        subtitle = canvas.text(plain(subtitle_text, colour=SOFT_INK), 9.5, page.width())
        return title.height + 2.0 + subtitle.height + 5.0 + SECTION_GAP_PT

    def continues_box(self, page: QRectF, number: int) -> TextBox:
        text = plain(self.sheet.label("continues", page=number), colour=SOFT_INK)
        return self.canvas.text(text, MIN_BODY_PT, page.width(), align=Qt.AlignmentFlag.AlignRight)

    def heading_block(self, key: str, width: float, continued: bool = False) -> Block:
        text = self.sheet.label(key)
        if continued:
            text = self.sheet.label("continued", title=text)
        size, gap = HEADINGS[key]
        box = self.canvas.text(plain(text, bold=True), size, width)
        return Block(box.height, box.draw, gap, text, key, is_heading=True)

    def caution_blocks(self, width: float, size: float) -> list[Block]:
        """Each caution on its own, whole, in one column: a caution is never cut across pages."""
        cautions = self.sheet.cautions
        numbered = any(item.number for item in cautions)
        laid = self.numbered(cautions, size, width)
        blocks = []
        for index, (item, entry) in enumerate(zip(cautions, laid, strict=True)):

            def draw(x: float, y: float, entry: tuple[int, TextBox] = entry) -> None:
                self.draw_numbered([entry], x, y, CAUTION_GAP_PT, numbered)

            last = index == len(cautions) - 1
            if item.number:
                name = f"zone {self.sheet.steps[item.number - 1].zone!r} cautions"
            elif index == 0 and not last:
                name = f"concern {self.sheet.concern!r} caution"
            else:
                name = "the stop signs"
            gap = SECTION_GAP_PT if last else CAUTION_GAP_PT
            blocks.append(Block(entry[1].height, draw, gap, name, "care_title"))
        return blocks

    def note_least(self, width: float, size: float) -> float:
        """The least of the note worth starting a page with: two lines, or the lines to write on."""
        if self.sheet.note:
            return 2 * BOX_PAD_PT + 2 * self.line_height(size, width - 2 * BOX_PAD_PT)
        return MIN_NOTE_LINES * NOTE_LINE_PT

    def note_block(self, paragraphs: Sequence[str], size: float, width: float) -> Block:
        """The note in its box, or lines to write on when there is none; a note can be cut between lines."""
        canvas = self.canvas
        if not self.sheet.note:

            def ruled(x: float, y: float) -> None:
                for i in range(1, MIN_NOTE_LINES + 1):
                    canvas.rule(x, y + i * NOTE_LINE_PT, x + width, 0.5)

            return Block(MIN_NOTE_LINES * NOTE_LINE_PT, ruled, 0.0, "the lines for a note", "note_title")
        inner = width - 2 * BOX_PAD_PT
        box = canvas.text([[Run(p)] for p in paragraphs], size, inner)

        def draw(x: float, y: float) -> None:
            canvas.box(QRectF(x, y, width, box.height + 2 * BOX_PAD_PT))
            box.draw(x + BOX_PAD_PT, y + BOX_PAD_PT)

        def cut(room: float) -> tuple[Block, Block] | None:
            return self.cut_note(paragraphs, size, width, room - 2 * BOX_PAD_PT)

        least = 2 * BOX_PAD_PT + min(box.height, 2 * self.line_height(size, inner))
        return Block(box.height + 2 * BOX_PAD_PT, draw, 0.0, "the practitioner's note", "note_title", False, cut, least)

    def cut_note(self, paragraphs: Sequence[str], size: float, width: float, room: float) -> tuple[Block, Block] | None:
        """The note cut after the last whole line that fits `room`, if any does."""
        inner = width - 2 * BOX_PAD_PT
        box = self.canvas.text([[Run(p)] for p in paragraphs], size, inner)
        used = 0.0
        for index, (paragraph, height) in enumerate(zip(paragraphs, box.heights, strict=True)):
            if used + height <= room + ROUNDING_PT:
                used += height
                continue
            breaks = self.canvas.line_breaks(paragraph, size, inner)
            ends = [end for end, line_bottom in breaks[:-1] if used + line_bottom <= room + ROUNDING_PT]
            if ends:
                head = [*paragraphs[:index], paragraph[: ends[-1]].rstrip()]
                tail = [paragraph[ends[-1] :].lstrip(), *paragraphs[index + 1 :]]
            elif index:
                head, tail = list(paragraphs[:index]), list(paragraphs[index:])
            else:
                return None
            return self.note_block(head, size, width), self.note_block(tail, size, width)
        return None


@contextmanager
def painting(device: QPagedPaintDevice) -> Iterator[QPainter]:
    """A painter that is always ended, so a failed print never leaves the device busy."""
    painter = QPainter(device)
    try:
        yield painter
    finally:
        painter.end()

"""Text laid out on the paint device, and the drawing primitives both sheets share.

Every QTextDocument is laid out on the real paint device: measured against
the screen, text on a 1200 dpi PDF comes out about twelve times too small.
All text uses the bundled Noto Sans CJK font so hanzi and pinyin tone marks
print on machines without a CJK font. Layout works in points with the
painter scaled accordingly.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPagedPaintDevice,
    QPainter,
    QPainterPath,
    QPen,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)

from ...core.catalog import Catalog
from ...core.output.sheet import MIN_BODY_PT, ZoneMark
from ..fonts import SHEET_FAMILIES
from ..painting import arrow_head
from .hatching import fill_zone, tint

INK = "#1f1f1f"
SOFT_INK = "#4a4a4a"
RULE = "#b5b5b5"
BOX_FILL = "#f6f6f4"
LINE_SPACING = 80  # percent of the font's own line height, which is generous for CJK
NUMBER_RADIUS_PT = 6.2
GAUGE_WIDTH_PT = 13.0
GAUGE_LEVELS = 3  # feather, light, medium


# The sheets' small private records (here and in the layouts) are NamedTuples, not frozen
# dataclasses: just as immutable and hashable, and a sixth of the cost to define on every `sheet` run.
class Run(NamedTuple):
    """A stretch of text in one style."""

    text: str
    bold: bool = False
    colour: str = INK


Paragraph = Sequence[Run]


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
    face_height_pt: float = 0.0  # how tall the sheet's face is drawn, where it has one

    def used(self, size: float) -> None:
        self.smallest_pt = min(self.smallest_pt, size)


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
        self.photo: QImage | None = None  # the client's photo under the face, on a take-home sheet
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
            font = QFont()
            font.setFamilies(SHEET_FAMILIES)
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

    def arrow(self, rect: QRectF, width: float) -> None:
        """A stroke arrow across `rect`, as the key shows the face's arrows."""
        painter = self.painter
        mid = rect.center().y()
        painter.setPen(QPen(QColor(INK), width))
        painter.drawLine(QPointF(rect.left(), mid), QPointF(rect.right() - 3.0, mid))
        head = QPainterPath()
        head.addPolygon(arrow_head(QPointF(rect.right(), mid), QPointF(1, 0), 4.2))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(INK))
        painter.drawPath(head)

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

"""The cheat sheet: face and key on top, every zone in a table below, cautions beside the face.

The core decides the wording and the order of fallbacks; this measures them
until the table and the face share one page.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import NamedTuple

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPen

from ...core.output.sheet import CHEAT_FACE_WIDTH, MIN_BODY_PT, CheatSheet, Row, column_widths, first_fit
from ..theme import channel_style
from .canvas import GAUGE_WIDTH_PT, INK, NUMBER_RADIUS_PT, SOFT_INK, Canvas, Report, Run, TextBox, plain
from .face import CHANNEL_PT, FaceDrawing
from .layout import BOX_PAD_PT, GUTTER_PT, ROUNDING_PT, SECTION_GAP_PT, SheetLayout

HEADER_FILL = "#ececec"
MIN_ROW_PT = 2 * NUMBER_RADIUS_PT + 1.0  # a table row holds its number circle
KEY_GAP_PT = 3.0
CELL_PAD_PT = 2.2
MIN_CHEAT_FACE_PT = 230.0


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
            return self.side_height(page.width() - face_w - GUTTER_PT, size, variant) <= band, face_w, face_h

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
        band = max(face_h, self.side_height(side_w, size, variant))
        self.face.draw(QRectF(page.left(), top, face_w, face_h))
        self.draw_side(QRectF(page.left() + face_w + GUTTER_PT, top, side_w, band), size, variant)
        self.draw_table(page.left(), top + band + SECTION_GAP_PT, page.width(), size, variant)
        self.footer(page)
        return self.canvas.report

    # key and cautions ------------------------------------------------------

    KEYS = ("key_stomach", "key_large_intestine", "key_stroke", "key_number", "key_point", "key_pressure")
    SAMPLE_PT = 34.0

    def more_note(self, width: float, variant: Wording, title: TextBox) -> TextBox | None:
        """Where a concern list ends in "+N more", a note beside the key's title saying where the rest is."""
        if not any(min(variant.concerns, len(row.concerns) - 1) >= row.whole_concerns for row in self.sheet.rows):
            return None
        room = width - title.natural_width - GUTTER_PT
        text = plain(self.sheet.label("key_more"), colour=SOFT_INK)
        return self.canvas.text(text, MIN_BODY_PT, room, align=Qt.AlignmentFlag.AlignRight)

    def side_parts(
        self, width: float, size: float, variant: Wording
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

    def side_height(self, width: float, size: float, variant: Wording) -> float:
        key_title, keys, caution_title, cautions, stop = self.side_parts(width, size, variant)
        note = self.more_note(width, variant, key_title)
        keys_h = self.key_height(key_title, keys, note)
        return keys_h + SECTION_GAP_PT + self.box_height(caution_title, cautions, stop)

    def key_height(self, title: TextBox, keys: Sequence[TextBox], note: TextBox | None = None) -> float:
        rows = self.key_rows(keys)
        heading = max(title.height, note.height if note is not None else 0.0)
        return heading + 4.0 + sum(rows) + KEY_GAP_PT * (len(rows) - 1)

    def box_height(self, title: TextBox, cautions: Sequence[tuple[int, TextBox]], stop: TextBox) -> float:
        return 2 * BOX_PAD_PT + title.height + 4.0 + self.stack_height(cautions, 3.0) + 5.0 + stop.height

    def draw_side(self, rect: QRectF, size: float, variant: Wording) -> None:
        key_title, keys, caution_title, cautions, stop = self.side_parts(rect.width(), size, variant)
        note = self.more_note(rect.width(), variant, key_title)
        x, y = rect.left(), rect.top()
        key_title.draw(x, y)
        heading = key_title.height
        if note is not None:
            note.draw(rect.right() - note.width, y + key_title.line_centre() - note.line_centre())
            heading = max(heading, note.height)
        y += heading + 4.0
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
            self.canvas.arrow(rect, 0.85)
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

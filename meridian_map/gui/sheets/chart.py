"""The wall charts: a big face with every zone numbered and stroked on both sides, or every point labelled.

The zone chart's words flow in columns under the face and on to a second
page when they must, each zone's entry kept whole; the point chart sets
its labels in two columns beside the face, pushed apart so none overlaps,
with a leader line to the point each names.
"""

from __future__ import annotations

from itertools import pairwise
from typing import NamedTuple

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPen, QTransform

from ...core.output.chart import PointChart, PointLabel, ZoneChart
from ...core.output.sheet import MARGIN_PT, MAX_PAGES, MIN_BODY_PT, spread
from ...core.problems import ContentError
from ...core.sideview import SideView
from ..painting import LineArt, as_drawn, polygon_path
from ..theme import ZONE_TINTS
from .canvas import INK, NUMBER_RADIUS_PT, SOFT_INK, Canvas, Report, Run, TextBox, plain
from .face import CHANNEL_PT, GREY_ZONE, FaceDrawing, as_grey
from .layout import BOX_PAD_PT, GUTTER_PT, LIST_INDENT_PT, SECTION_GAP_PT, SheetLayout

FACE_HEIGHT_SHARE = 0.56  # of the paper's height the chart's face takes: over half the page
FACE_WIDTH_SHARE = 0.64  # of the text width, leaving the key and cautions a column beside it
WALL_WIDTH_PT = 700.0  # pages wider than this (A3, Tabloid) set bigger type and a third column
ENTRY_GAP_PT = 7.0
SAMPLE_PT = 30.0
LABEL_GAP_PT = 1.5
LEADER_PT = 0.45
POINT_DOT_PT = 1.6
MAX_LABEL_SHARE = 0.3  # of the page's width a label column may take; longer names wrap
ONE_LINE_GAP = 0.3  # of the gutter between a column of one-line labels and the face
SIDE_CROP = QRectF(20.0, 10.0, 240.0, 240.0)  # the part of the side drawing printed: nose to nape, crown to chin
SIDE_HEIGHT_SHARE = 0.42  # of the page's height the side view takes on the names page
SIDE_TINT_ALPHA = 0.3


def body_size(page: QRectF) -> float:
    return 12.0 if page.width() > WALL_WIDTH_PT else 9.5


class Placed(NamedTuple):
    page: int
    x: float
    y: float
    box: TextBox
    number: int


class ZoneChartLayout(SheetLayout):
    """Face and key on top, every zone's full entry in columns below, running on to further pages."""

    def __init__(self, canvas: Canvas, sheet: ZoneChart) -> None:
        super().__init__(canvas)
        self.sheet: ZoneChart = sheet
        self.face = FaceDrawing(canvas, sheet.marks, channels=True, both_sides=True, grayscale=sheet.grayscale)

    def draw(self, page: QRectF) -> Report:
        size = body_size(page)
        top = self.header(page)
        bottom = self.body_bottom(page) - self.continues_box(page, 2).height - SECTION_GAP_PT / 2
        paper_height = page.height() + 2 * MARGIN_PT
        face_w, face_h = self.face.size_for(page.width() * FACE_WIDTH_SHARE, paper_height * FACE_HEIGHT_SHARE)
        side = QRectF(page.left() + face_w + GUTTER_PT, top, page.width() - face_w - GUTTER_PT, 0.0)
        side_h = self.draw_side(side, size, dry=True)
        band = max(face_h, side_h)
        placed = self.flow(page, top + band + SECTION_GAP_PT, top, bottom, size)
        pages = max(item.page for item in placed) + 1
        report = Report(pages=pages, choices=[f"size {size}"])
        self.canvas.report = report
        if pages > MAX_PAGES:
            report.fits = False
            report.overflow.append(f"the zone entries need more than {MAX_PAGES} pages")
            return report
        report.face_height_pt = face_h
        self.face.draw(QRectF(page.left(), top, face_w, face_h))
        self.draw_side(side, size, dry=False)
        for number in range(pages):
            if number:
                self.canvas.new_page()
                title = self.sheet.label("continued", title=self.sheet.title)
                self.header(page, title, self.sheet.label("page_of", page=number + 1, pages=pages))
            for item in placed:
                if item.page == number:
                    self.canvas.number(QPointF(item.x + NUMBER_RADIUS_PT, item.y + item.box.line_centre()), item.number)
                    item.box.draw(item.x + LIST_INDENT_PT, item.y)
            if number + 1 < pages:
                self.continues_box(page, number + 2).draw(page.left(), bottom + SECTION_GAP_PT / 2)
            self.footer(page)
        return report

    def continues_box(self, page: QRectF, number: int) -> TextBox:
        text = plain(self.sheet.label("continues", page=number), colour=SOFT_INK)
        return self.canvas.text(text, MIN_BODY_PT, page.width(), align=Qt.AlignmentFlag.AlignRight)

    def entry(self, index: int, width: float, size: float) -> TextBox:
        zone = self.sheet.zones[index]
        paragraphs = [
            [Run(zone.name, bold=True)],
            [Run(zone.direction)],
            [Run(zone.line)],
            [Run(zone.concerns, colour=SOFT_INK)],
            [Run(zone.cautions)],
        ]
        return self.canvas.text(paragraphs, size, width - LIST_INDENT_PT, spacing=1.0)

    def flow(self, page: QRectF, first_top: float, top: float, bottom: float, size: float) -> list[Placed]:
        """Each zone's entry whole, down the columns of the first page's lower part, then of further pages."""
        columns = 3 if page.width() > WALL_WIDTH_PT else 2
        width = (page.width() - GUTTER_PT * (columns - 1)) / columns
        continued_top = top  # a continuing page's header is as tall as the first's
        placed: list[Placed] = []
        page_number, column, y = 0, 0, first_top
        for index in range(len(self.sheet.zones)):
            box = self.entry(index, width, size)
            column_top = first_top if page_number == 0 else continued_top
            while y + box.height > bottom and y > column_top:
                column += 1
                if column == columns:
                    page_number, column = page_number + 1, 0
                    if page_number > MAX_PAGES:
                        return [*placed, Placed(page_number, 0.0, 0.0, box, 0)]
                y = first_top if page_number == 0 else continued_top
                column_top = y
            x = page.left() + column * (width + GUTTER_PT)
            placed.append(Placed(page_number, x, y, box, self.sheet.zones[index].number))
            y += box.height + ENTRY_GAP_PT
        return placed

    # key and cautions beside the face ---------------------------------------------------

    KEYS = ("key_stomach", "key_large_intestine", "key_stroke", "chart_key_number")

    def draw_side(self, rect: QRectF, size: float, dry: bool) -> float:
        """The key, then the general cautions and stop signs in a box; returns the height used."""
        canvas = self.canvas
        x, y = rect.left(), rect.top()
        title = canvas.text(plain(self.sheet.label("key_title"), bold=True), size + 1.5, rect.width())
        if not dry:
            title.draw(x, y)
        y += title.height + 4.0
        for key in self.KEYS:
            box = canvas.text(plain(self.sheet.label(key)), size, rect.width() - SAMPLE_PT - 6.0)
            if not dry:
                self.key_sample(key, QRectF(x, y + box.line_centre() - 5.0, SAMPLE_PT, 10.0))
                box.draw(x + SAMPLE_PT + 6.0, y)
            y += box.height + 3.0
        y += SECTION_GAP_PT
        inner = rect.width() - 2 * BOX_PAD_PT
        caution_title = canvas.text(plain(self.sheet.label("cautions_title"), bold=True), size + 1.5, inner)
        cautions = self.numbered(self.sheet.cautions, size, inner)
        stop = canvas.text(plain(self.sheet.stop_signs, bold=True), size, inner)
        box_h = 2 * BOX_PAD_PT + caution_title.height + 4.0 + self.stack_height(cautions, 3.0) + 5.0 + stop.height
        if not dry:
            canvas.box(QRectF(x, y, rect.width(), box_h))
            caution_title.draw(x + BOX_PAD_PT, y + BOX_PAD_PT)
            after = self.draw_numbered(cautions, x + BOX_PAD_PT, y + BOX_PAD_PT + caution_title.height + 4.0, 3.0)
            stop.draw(x + BOX_PAD_PT, after + 2.0)
        return y + box_h - rect.top()

    def key_sample(self, key: str, rect: QRectF) -> None:
        painter = self.canvas.painter
        mid = rect.center().y()
        if key in ("key_stomach", "key_large_intestine"):
            painter.setPen(self.face.channel_pen("ST" if key == "key_stomach" else "LI", CHANNEL_PT * 1.3))
            painter.drawLine(QPointF(rect.left(), mid), QPointF(rect.right(), mid))
        elif key == "key_stroke":
            self.canvas.arrow(rect, 1.0)
        else:
            self.canvas.number(QPointF(rect.left() + NUMBER_RADIUS_PT, mid), 1)


class LabelSpot(NamedTuple):
    label: PointLabel
    box: TextBox
    rect: QRectF  # where the label's text sits, in points
    target: QPointF  # the point it names, in points


class PointChartLayout(SheetLayout):
    """The face in the middle, every point's label in a column beside it, the channels' legend below."""

    def __init__(self, canvas: Canvas, sheet: PointChart) -> None:
        super().__init__(canvas)
        self.sheet: PointChart = sheet
        self.face = FaceDrawing(canvas, (), channels=True, grayscale=sheet.grayscale)

    def draw(self, page: QRectF) -> Report:
        top = self.header(page)
        bottom = self.body_bottom(page)
        report = Report(choices=[])
        self.canvas.report = report
        bottom -= self.continues_box(page).height + SECTION_GAP_PT / 2
        # Too many points for a column of two-line labels: one line each, in the smallest size, keeps the face big.
        for size, one_line in ((body_size(page), False), (MIN_BODY_PT, False), (MIN_BODY_PT, True)):
            legend_h = self.legend(page, bottom, size, dry=True)
            spots, face = self.spots(page, top, bottom - legend_h - SECTION_GAP_PT, size, one_line)
            if not overlapping(spots) and within(spots, top, bottom - legend_h - SECTION_GAP_PT):
                break
        else:
            report.fits = False
            report.overflow.append("the point labels, on one page without overlapping")
        report.choices.append(f"size {size}" + (", one line per label" if one_line else ""))
        report.face_height_pt = self.face.size_for(face.width(), face.height())[1]
        self.face.draw(face)
        self.draw_points(face)
        painter = self.canvas.painter
        for spot in spots:
            edge = spot.rect.right() + LABEL_GAP_PT if spot.label.left else spot.rect.left() - LABEL_GAP_PT
            painter.setPen(QPen(QColor(SOFT_INK), LEADER_PT))
            painter.drawLine(QPointF(edge, spot.rect.top() + spot.box.line_centre()), spot.target)
            spot.box.draw(spot.rect.left(), spot.rect.top())
        below_labels = max(spot.rect.bottom() for spot in spots)
        self.legend(page, max(face.bottom(), below_labels) + SECTION_GAP_PT + legend_h, size, dry=False)
        self.continues_box(page).draw(page.left(), bottom + SECTION_GAP_PT / 2)
        self.footer(page)
        # Every name in full on a page of its own, so the chart keeps its big face.
        self.canvas.new_page()
        report.pages = 2
        title = self.sheet.label("continued", title=self.sheet.title)
        names_top = self.header(page, title, self.sheet.label("page_of", page=2, pages=2))
        room = self.body_bottom(page) - names_top - self.names(page, names_top, size, dry=True) - SECTION_GAP_PT
        names_top = self.side_view(page, names_top, room, size, report)
        self.names(page, names_top, size)
        self.footer(page)
        return report

    def side_view(self, page: QRectF, top: float, room: float, size: float, report: Report) -> float:
        """The side drawing with the points it places, labelled in a column beside it; returns where it ends."""
        from ...core.load import load_side_view

        try:
            side = load_side_view(self.canvas.catalog)
        except ContentError as error:
            report.overflow.append(f"the side view: {error}")
            report.fits = False
            return top
        title = self.canvas.text(plain(self.sheet.label("points_side"), bold=True), size + 1.5, page.width())
        title.draw(page.left(), top)
        top += title.height + 4.0
        height = min(page.height() * SIDE_HEIGHT_SHARE, room - title.height - 4.0)
        unit = min(page.width() * 0.5 / SIDE_CROP.width(), height / SIDE_CROP.height())
        box = QRectF(page.left(), top, SIDE_CROP.width() * unit, SIDE_CROP.height() * unit)
        self.draw_side(side, box, unit)
        spots = self.side_spots(side, box, unit, size)
        painter = self.canvas.painter
        for spot in spots:
            painter.setPen(QPen(QColor(SOFT_INK), LEADER_PT))
            painter.drawLine(
                QPointF(spot.rect.left() - LABEL_GAP_PT, spot.rect.top() + spot.box.line_centre()), spot.target
            )
            spot.box.draw(spot.rect.left(), spot.rect.top())
        if overlapping(spots) or not within(spots, top, box.bottom()):
            report.fits = False
            report.overflow.append("the side view's point labels, without overlapping")
        return box.bottom() + SECTION_GAP_PT

    def to_side_page(self, box: QRectF, unit: float) -> QTransform:
        return QTransform(unit, 0, 0, unit, box.left() - SIDE_CROP.left() * unit, box.top() - SIDE_CROP.top() * unit)

    def draw_side(self, side: SideView, box: QRectF, unit: float) -> None:
        """The zones it shows, tinted as the front face's are, the line art, and every point it places."""
        painter = self.canvas.painter
        painter.save()
        painter.setClipRect(box)
        painter.setTransform(self.to_side_page(box, unit), combine=True)
        for area in side.areas.values():
            painter.setPen(QPen(QColor(SOFT_INK), 0.6 / unit))
            painter.setBrush(self.side_tint(area.zone))
            painter.drawPath(polygon_path(area.outline))
        LineArt(side.face.art, as_grey if self.sheet.grayscale else as_drawn).paint(painter)
        painter.restore()
        to_page = self.to_side_page(box, unit)
        for placed in side.points:
            self.dot(to_page.map(QPointF(*placed.pos)), placed.info.channel)

    def side_tint(self, zone: str) -> QColor:
        """The zone's tint as the front face prints it (the catalog's colour slots), or the one grey."""
        colour = QColor(GREY_ZONE)
        if not self.sheet.grayscale:
            colour = QColor(ZONE_TINTS[self.canvas.catalog.colour_slots(len(ZONE_TINTS))[zone]])
        colour.setAlphaF(SIDE_TINT_ALPHA)
        return colour

    def side_spots(self, side: SideView, box: QRectF, unit: float, size: float) -> list[LabelSpot]:
        """One label per point in a column right of the drawing, in the order of their heights."""
        to_page = self.to_side_page(box, unit)
        by_code = {label.code: label for label in self.sheet.points}
        placed = sorted((p for p in side.points if p.code in by_code), key=lambda p: p.pos[1])
        labels = [by_code[p.code]._replace(at=p.pos, left=False) for p in placed]
        width = max(self.label_box(lb, size, 400.0, True).natural_width + 1.0 for lb in labels) if labels else 0.0
        boxes = [self.label_box(label, size, width, True) for label in labels]
        targets = [to_page.map(QPointF(*p.pos)) for p in placed]
        step = max((b.height for b in boxes), default=0.0) + LABEL_GAP_PT
        ys = spread([t.y() for t in targets], step, box.top() + step / 2, box.bottom() - step / 2)
        x = box.right() + GUTTER_PT
        return [
            LabelSpot(label, b, QRectF(x, y - b.line_centre(), width, b.height), target)
            for label, b, target, y in zip(labels, boxes, targets, ys, strict=True)
        ]

    def continues_box(self, page: QRectF) -> TextBox:
        text = plain(self.sheet.label("continues", page=2), colour=SOFT_INK)
        return self.canvas.text(text, MIN_BODY_PT, page.width(), align=Qt.AlignmentFlag.AlignRight)

    def names(self, page: QRectF, top: float, size: float, dry: bool = False) -> float:
        """Every point's names, by channel and number, in columns from `top`; returns their height."""
        columns = 3 if page.width() > WALL_WIDTH_PT else 2
        width = (page.width() - GUTTER_PT * (columns - 1)) / columns
        order = [code for code, _name in self.sheet.channels]
        labels = sorted(self.sheet.points, key=lambda lb: (order.index(lb.channel), natural_key(lb.code)))
        boxes = [self.canvas.text([[Run(lb.code, bold=True), Run(f"  {lb.names}")]], size, width) for lb in labels]
        title = self.canvas.text(plain(self.sheet.names_title, bold=True), size + 1.5, page.width())
        if not dry:
            title.draw(page.left(), top)
        per_column = (len(boxes) + columns - 1) // columns
        lowest = top
        for column in range(columns):
            y = top + title.height + 4.0
            for box in boxes[column * per_column : (column + 1) * per_column]:
                if not dry:
                    box.draw(page.left() + column * (width + GUTTER_PT), y)
                y += box.height + 2.0
            lowest = max(lowest, y)
        return lowest - top

    def label_box(self, label: PointLabel, size: float, width: float, one_line: bool = False) -> TextBox:
        """The code over the name; or both on one line, when a column of two-line labels is taller than the page."""
        code, _, name = label.text.partition(" ")
        align = Qt.AlignmentFlag.AlignRight if label.left else Qt.AlignmentFlag.AlignLeft
        lines = (
            [[Run(code, bold=True), Run(f" {name}", colour=SOFT_INK)]]
            if one_line
            else [[Run(code, bold=True)], [Run(name, colour=SOFT_INK)]]
        )
        return self.canvas.text(lines, size, width, align=align)

    def spots(
        self, page: QRectF, top: float, bottom: float, size: float, one_line: bool = False
    ) -> tuple[list[LabelSpot], QRectF]:
        """Labels beside the face, in the order of the points they name, each column pushed apart."""
        natural = max(self.label_box(label, size, page.width(), one_line).natural_width for label in self.sheet.points)
        label_w = min(natural + 1.0, page.width() * MAX_LABEL_SHARE)
        gap = GUTTER_PT * (ONE_LINE_GAP if one_line else 0.7)  # wider labels take some of the gap, not the face
        face_w, face_h = self.face.size_for(page.width() - 2 * (label_w + gap), bottom - top)
        face = QRectF(page.center().x() - face_w / 2, top, face_w, face_h)
        to_page = self.face.placement(face)
        spots: list[LabelSpot] = []
        for left in (True, False):
            labels = sorted((lb for lb in self.sheet.points if lb.left == left), key=lambda lb: lb.at[1])
            boxes = [self.label_box(label, size, label_w, one_line) for label in labels]
            targets = [to_page(*label.at) for label in labels]
            step = max((box.height for box in boxes), default=0.0) + LABEL_GAP_PT
            ys = spread([t.y() for t in targets], step, top + step / 2, bottom - step / 2)
            x = face.left() - gap - label_w if left else face.right() + gap
            for label, box, target, y in zip(labels, boxes, targets, ys, strict=True):
                rect = QRectF(x, y - box.line_centre(), label_w, box.height)
                spots.append(LabelSpot(label, box, rect, target))
        return spots, face

    def dot_brush(self, channel: str) -> QColor:
        """A Yang Ming point solid ink, another channel's its colour, or white in grayscale."""
        known = self.canvas.catalog.channels.get(channel)
        if known is not None and known.yang_ming:
            return QColor(INK)
        return QColor("#ffffff") if self.sheet.grayscale else self.face.channel_pen(channel, 1.0).color()

    def dot(self, centre: QPointF, channel: str) -> None:
        painter = self.canvas.painter
        painter.setPen(QPen(QColor(INK), 0.5))
        painter.setBrush(self.dot_brush(channel))
        painter.drawEllipse(centre, POINT_DOT_PT, POINT_DOT_PT)

    def draw_points(self, face: QRectF) -> None:
        """Every copy of every point: the labelled one and its mirror alike."""
        to_page = self.face.placement(face)
        for placed in self.canvas.catalog.points:
            self.dot(to_page(*placed.pos), placed.info.channel)

    def legend(self, page: QRectF, bottom: float, size: float, dry: bool) -> float:
        """The channels on the chart, each with its line, in columns above the footer; returns its height."""
        columns = 3
        width = (page.width() - GUTTER_PT * (columns - 1)) / columns
        boxes = [
            self.canvas.text([[Run(code, bold=True), Run(f"  {name}")]], size, width - SAMPLE_PT - 6.0)
            for code, name in self.sheet.channels
        ]
        rows = (len(boxes) + columns - 1) // columns
        row_h = max((box.height for box in boxes), default=0.0) + 3.0
        height = rows * row_h
        if not dry:
            top = bottom - height
            painter = self.canvas.painter
            for index, ((code, _name), box) in enumerate(zip(self.sheet.channels, boxes, strict=True)):
                x = page.left() + (index % columns) * (width + GUTTER_PT)
                y = top + (index // columns) * row_h
                mid = y + box.line_centre()
                known = self.canvas.catalog.channels.get(code)
                if known is not None and known.yang_ming:  # the only channels the chart draws as lines
                    painter.setPen(self.face.channel_pen(code, CHANNEL_PT * 1.3))
                    painter.drawLine(QPointF(x, mid), QPointF(x + SAMPLE_PT, mid))
                self.dot(QPointF(x + SAMPLE_PT / 2, mid), code)
                box.draw(x + SAMPLE_PT + 6.0, y)
        return height


def natural_key(code: str) -> tuple[str, int, str]:
    """ST2 before ST10; EX-HN3 by its number."""
    head = code.rstrip("0123456789")
    digits = code[len(head) :]
    return head, int(digits) if digits else 0, code


def within(spots: list[LabelSpot], top: float, bottom: float) -> bool:
    """Whether every label lies between the header and the legend: a column too full is pushed past its ends."""
    slack = 2 * LABEL_GAP_PT  # a label is centred on its line, which may stand a hair past the column's end
    return all(spot.rect.top() >= top - slack and spot.rect.bottom() <= bottom + slack for spot in spots)


def overlapping(spots: list[LabelSpot]) -> bool:
    """Whether any two labels' text boxes overlap (labels in one column only ever meet their neighbours)."""
    for left in (True, False):
        column = sorted((s.rect for s in spots if s.label.left == left), key=lambda r: r.top())
        if any(a.bottom() > b.top() + 1e-6 for a, b in pairwise(column)):
            return True
    return False

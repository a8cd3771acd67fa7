"""The take-home sheet: one routine's face and steps, advice, cautions and the practitioner's note.

The upper part gives way first (type size, wording, face size, where the
advice goes); cautions and the note are never shortened, and run on to
further pages when the first is full.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence
from enum import StrEnum
from typing import NamedTuple

from PySide6.QtCore import QPointF, QRectF, Qt

from ...core.output.sheet import HOME_FACE_WIDTH, MAX_PAGES, MIN_BODY_PT, TakeHomeSheet, first_fit
from .canvas import GAUGE_WIDTH_PT, NUMBER_RADIUS_PT, SOFT_INK, Canvas, Paragraph, Report, Run, TextBox, plain
from .face import FaceDrawing
from .layout import BOX_PAD_PT, GUTTER_PT, LIST_INDENT_PT, ROUNDING_PT, SECTION_GAP_PT, SheetLayout

MIN_HOME_FACE_WIDTH_PT = 120.0
COMFORTABLE_FACE_WIDTH = 0.3
NOTE_LINE_PT = 19.0
STEP_GAP_PT = 6.0
MIN_NOTE_LINES = 3


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
            name = item.field or "the stop signs"
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

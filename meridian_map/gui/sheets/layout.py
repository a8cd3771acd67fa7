"""What both sheets share: header, footer, numbered lists, and the spacing between them."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor

from ...core.output.sheet import MIN_BODY_PT, Numbered, SheetBase
from .canvas import INK, NUMBER_RADIUS_PT, SOFT_INK, Canvas, Run, TextBox, plain

GUTTER_PT = 14.0
SECTION_GAP_PT = 9.0
FOOTER_RULE_PT = 5.0
BULLET_INDENT_PT = 11.0
BULLET_PT = 1.8
BOX_PAD_PT = 8.0
LIST_INDENT_PT = 2 * NUMBER_RADIUS_PT + 5.0
ROUNDING_PT = 1e-6  # a lower bound this far past a limit is past it, whatever the rounding


def list_indent(items: Sequence[Numbered]) -> float:
    return LIST_INDENT_PT if any(item.number for item in items) else BULLET_INDENT_PT


class SheetLayout:
    """What both sheets share: header, footer and numbered lists."""

    sheet: SheetBase

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

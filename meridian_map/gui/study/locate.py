"""The locate quiz: the page names a point, the student clicks where it is, the map shows how far off.

The quiz is a map tool: while a question is open it takes the click (or,
by keyboard, a cross moved with the arrow keys and placed with Enter), asks
the core to score it against the nearer copy of the point, and draws the
answer: the true spot ringed, the click crossed, and the miss as a dashed
line between them. Points, labels and channels are hidden while asking, so
the face gives no hint but its shape.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QElapsedTimer, QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QKeyEvent, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsEllipseItem, QGraphicsItem, QGraphicsLineItem, QGraphicsPathItem

from ...core.study.cards import Card, Field, field_text
from ...core.study.quiz import LocateResult, b_cun, miss_words, score_locate
from ..map.tools import MapEvent, Tool
from ..theme import QUIZ_MISS, QUIZ_TARGET
from .activity import Activity, plain_label

if TYPE_CHECKING:
    from ..map.view import MapView
    from .page import StudyPage

# Which name of the point a locate card asks by, in turn from one review to the next.
PROMPT_FIELDS = (Field.CODE, Field.PINYIN, Field.HANZI, Field.ENGLISH, Field.LOCATION)
TARGET_RADIUS_PX = 9.0
CROSS_PX = 6.0
KEY_STEP_CUN = 0.25  # an arrow key moves the cross this far; with Shift, four times as far


def prompt_field(code: str, reps: int) -> Field:
    """The field a locate card asks by: turns with each review, and differs between points on the same day."""
    return PROMPT_FIELDS[(reps + sum(map(ord, code))) % len(PROMPT_FIELDS)]


def _cosmetic(colour: str, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(QColor(colour), width, style)
    pen.setCosmetic(True)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    return pen


class LocateTool(Tool):
    """Takes one answer for point `code`, then shows it until the tool ends."""

    pans = True

    def __init__(self, view: MapView, code: str, answered: Callable[[LocateResult], None]) -> None:
        super().__init__(view)
        self.code = code
        self.answered = answered
        self.result: LocateResult | None = None
        self.cun = b_cun(self.scene.catalog)
        self.cursor: QPointF | None = None  # the keyboard's cross, once an arrow key was pressed
        self._items: list[QGraphicsItem] = []
        self._cursor_item: QGraphicsPathItem | None = None
        view.setCursor(Qt.CursorShape.CrossCursor)

    def release(self, event: MapEvent) -> None:
        self.answer(event.face)

    def answer(self, face: QPointF) -> None:
        """Score `face` (face units) once; later clicks do nothing until the next question."""
        if self.result is not None:
            return
        self.result = score_locate(self.scene.catalog, self.code, (face.x(), face.y()), self.cun)
        self._clear_cursor()
        self._draw(self.result)
        self.view.unsetCursor()
        self.answered(self.result)

    def answer_with_keyboard(self) -> bool:
        """Answer at the keyboard's cross; False when it was never placed (nothing to answer with)."""
        if self.cursor is None or self.result is not None:
            return False
        self.answer(self.cursor)
        return True

    def key(self, event: QKeyEvent) -> bool:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            return self.answer_with_keyboard()
        steps = {
            Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1),
        }  # fmt: skip
        step = steps.get(Qt.Key(event.key()))
        if step is None or self.result is not None:
            return False
        if self.cursor is None:
            self.cursor = self.scene.face_rect.center()
        size = KEY_STEP_CUN * self.cun * (4 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1)
        self.cursor = QPointF(self.cursor.x() + step[0] * size, self.cursor.y() + step[1] * size)
        self._show_cursor(self.cursor)
        return True

    def end(self) -> None:
        self._clear_cursor()
        for item in self._items:
            self.scene.removeItem(item)
        self._items.clear()
        self.view.unsetCursor()

    def _show_cursor(self, at: QPointF) -> None:
        if self._cursor_item is None:
            self._cursor_item = self._cross(at, QUIZ_MISS)
            self.scene.addItem(self._cursor_item)
        self._cursor_item.setPos(at)
        self.view.ensureVisible(QRectF(at.x() - 2, at.y() - 2, 4, 4))

    def _clear_cursor(self) -> None:
        if self._cursor_item is not None:
            self.scene.removeItem(self._cursor_item)
            self._cursor_item = None

    def _draw(self, result: LocateResult) -> None:
        target = QPointF(*result.target.pos)
        click = QPointF(*result.click)
        line = QGraphicsLineItem(QLineF(click, target))
        line.setPen(_cosmetic(QUIZ_MISS, 2.0, Qt.PenStyle.DashLine))
        ring = QGraphicsEllipseItem(-TARGET_RADIUS_PX, -TARGET_RADIUS_PX, 2 * TARGET_RADIUS_PX, 2 * TARGET_RADIUS_PX)
        ring.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        ring.setPen(_cosmetic(QUIZ_TARGET, 3.0))
        ring.setPos(target)
        dot = QGraphicsEllipseItem(-3, -3, 6, 6)
        dot.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        dot.setBrush(QColor(QUIZ_TARGET))
        dot.setPen(Qt.PenStyle.NoPen)
        dot.setPos(target)
        for number, item in enumerate((line, ring, dot, self._cross(click, QUIZ_MISS))):
            item.setZValue(8 + number * 0.01)
            self.scene.addItem(item)
            self._items.append(item)

    @staticmethod
    def _cross(at: QPointF, colour: str) -> QGraphicsPathItem:
        path = QPainterPath()
        path.moveTo(-CROSS_PX, -CROSS_PX)
        path.lineTo(CROSS_PX, CROSS_PX)
        path.moveTo(-CROSS_PX, CROSS_PX)
        path.lineTo(CROSS_PX, -CROSS_PX)
        item = QGraphicsPathItem(path)
        item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        item.setPen(_cosmetic(colour, 2.5))
        item.setPos(at)
        item.setZValue(8.1)
        return item


class LocateActivity(Activity):
    """A locate card: the prompt, then where the click landed in B-cun, the grade it earned and the location text."""

    def __init__(self, page: StudyPage, card: Card) -> None:
        super().__init__(page)
        self.card = card
        catalog = page.catalog
        info = catalog.point_info(card.code)
        state = page.session.states.get(card.id)
        field = prompt_field(card.code, state.reps if state is not None else 0)
        if not field_text(catalog, info, field, page.language):
            field = Field.CODE
        self.field = field
        self.asked = plain_label(self.tr("Where is this point? (%1)").replace("%1", self.field_name(field)))
        self.prompt = plain_label(field_text(catalog, info, field, page.language), 20, bold=True)
        self.hint = plain_label(
            self.tr(
                "Click it on the face (either side). Or: arrow keys move a cross, Shift goes further, Enter places it."
            )
        )
        self.verdict = plain_label(size=15, bold=True)
        self.detail = plain_label()
        self.location = plain_label()
        self.next = self.next_button()
        for widget in (self.asked, self.prompt, self.hint, self.verdict, self.detail, self.location, self.next):
            self.layout_.addWidget(widget)
        self.layout_.addStretch(1)
        self.next.setVisible(False)
        self.result: LocateResult | None = None
        self.tool: LocateTool | None = None
        self._timer = QElapsedTimer()

    def begin(self) -> None:
        self.page.map_for_question()
        self.tool = LocateTool(self.page.view, self.card.code, self.answered)
        self.page.view.set_tool(self.tool)
        self.page.view.setFocus()
        self._timer.start()

    def answered(self, result: LocateResult) -> None:
        """Say the miss as a teacher would, record the grade the distance earns, and offer the next card."""
        self.result = result
        lang = self.page.language
        self.verdict.setText(miss_words(result, lang))
        detail = self.tr("%1 cun from %2 · graded %3")
        self.detail.setText(
            detail.replace("%1", f"{result.distance_cun:.1f}")
            .replace("%2", f"{result.target.code} {result.target.info.pinyin} {result.target.info.hanzi}")
            .replace("%3", self.grade_name(result.grade))
        )
        self.location.setText(result.target.info.location.get(lang))
        self.hint.setVisible(False)
        self.page.record(self.card, result.grade, result.distance_cun, int(self._timer.elapsed()))
        self.next.setVisible(True)
        self.next.setFocus()

    def go_on(self) -> None:
        if self.result is not None:
            self.page.next_question()

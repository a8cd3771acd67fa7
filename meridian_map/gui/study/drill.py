"""The drills: channel order, zones for a concern, stroke direction, and a point's channel or zone.

Each drill asks one question at a time and scores it with the core's
scorers (core/study/drill.py); the map interactions are tools (a point
clicked, zones picked, a stroke dragged), and each has a keyboard way as
well: numbered choices, a checkable list, arrow keys. Drills practise; they
are not cards, so they leave the schedule alone.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGraphicsLineItem,
    QGraphicsPathItem,
    QLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from ...core.model import Side
from ...core.study.cards import point_infos
from ...core.study.drill import (
    courses,
    next_points,
    score_concern_zones,
    score_membership,
    score_next,
    score_order,
    score_stroke,
    shuffled_course,
)
from ...core.study.quiz import Grade
from ..map.tools import MapEvent, Tool
from ..theme import QUIZ_MISS, QUIZ_TARGET
from .activity import Activity, plain_label

if TYPE_CHECKING:
    from ..map.view import MapView
    from .page import StudyPage

ORDER_CHANNELS = ("ST", "LI")
CHOICES = 4
KEY_TURN_DEG = 15.0
MIN_DRAG_PX = 12.0


class PointPickTool(Tool):
    """A click on a point answers with its code."""

    def __init__(self, view: MapView, picked: Callable[[str], None]) -> None:
        super().__init__(view)
        self.picked = picked

    def release(self, event: MapEvent) -> None:
        key = self.point_at(event)
        if key:
            self.picked(self.scene.catalog.point(key).code)


class ZonePickTool(Tool):
    """A click on a zone (either side) toggles it."""

    def __init__(self, view: MapView, toggled: Callable[[str], None]) -> None:
        super().__init__(view)
        self.toggled = toggled

    def release(self, event: MapEvent) -> None:
        area = self.area_at(event)
        if area is not None:
            self.toggled(area.zone)


class StrokeTool(Tool):
    """A drag draws an arrow; its direction is the answer. Keyboard: Left/Right turn an arrow, Enter gives it."""

    pans = False

    def __init__(self, view: MapView, origin: QPointF, answered: Callable[[float], None]) -> None:
        super().__init__(view)
        self.answered = answered
        self.origin = origin
        self.angle: float | None = None  # the keyboard arrow's direction, degrees, y down
        self._start: MapEvent | None = None
        self.arrow = QGraphicsLineItem()
        pen = QPen(QColor(QUIZ_MISS), 3.0)
        pen.setCosmetic(True)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        self.arrow.setPen(pen)
        self.arrow.setZValue(8)
        self.arrow.setVisible(False)
        self.scene.addItem(self.arrow)
        self.done = False

    def press(self, event: MapEvent) -> None:
        self._start = event

    def move(self, event: MapEvent) -> None:
        if self._start is not None and not self.done:
            self._show(QLineF(self._start.face, event.face))

    def release(self, event: MapEvent) -> None:
        start, self._start = self._start, None
        if start is None or self.done:
            return
        if math.hypot(event.screen.x() - start.screen.x(), event.screen.y() - start.screen.y()) < MIN_DRAG_PX:
            return
        line = QLineF(start.face, event.face)
        self._show(line)
        self._give(math.degrees(math.atan2(line.dy(), line.dx())))

    def key(self, event: QKeyEvent) -> bool:
        if self.done:
            return False
        key = event.key()
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down):
            turn = -KEY_TURN_DEG if key in (Qt.Key.Key_Left, Qt.Key.Key_Up) else KEY_TURN_DEG
            self.angle = 0.0 if self.angle is None else (self.angle + turn) % 360.0
            length = self.scene.catalog.face.view_box.width / 8
            end = self.origin + QPointF(math.cos(math.radians(self.angle)), math.sin(math.radians(self.angle))) * length
            self._show(QLineF(self.origin, end))
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self.angle is not None:
            self._give(self.angle)
            return True
        return False

    def _show(self, line: QLineF) -> None:
        self.arrow.setLine(line)
        self.arrow.setVisible(True)

    def _give(self, degrees: float) -> None:
        self.done = True
        self.answered(degrees)

    def end(self) -> None:
        self.scene.removeItem(self.arrow)


class Drill(Activity):
    """One question of a drill; the page makes the next one when the student goes on."""

    name = ""

    def __init__(self, page: StudyPage) -> None:
        super().__init__(page)
        self.checked = False
        self.title = plain_label(size=15, bold=True)
        self.verdict = plain_label(bold=True)
        self.detail = plain_label()
        self.next = self.next_button()

    def finish_layout(self, *parts: QWidget | QLayout) -> None:
        self.layout_.addWidget(self.title)
        for part in parts:
            if isinstance(part, QWidget):
                self.layout_.addWidget(part)
            else:
                self.layout_.addLayout(part)
        for widget in (self.verdict, self.detail, self.next):
            self.layout_.addWidget(widget)
        self.layout_.addStretch(1)
        self.next.setVisible(False)

    def show_result(self, right: bool, verdict: str, detail: str = "") -> None:
        """Say how it went, count it, and give the focus to Next."""
        self.checked = True
        self.verdict.setText(("✓ " if right else "✗ ") + verdict)
        self.detail.setText(detail)
        self.page.count_drill(right)
        self.next.setVisible(True)
        self.next.setFocus()

    def go_on(self) -> None:
        if self.checked:
            self.page.next_question()

    def point_words(self, code: str) -> str:
        info = self.page.catalog.point_info(code)
        return f"{code} {info.pinyin} {info.hanzi}".strip()


class NextPointDrill(Drill):
    """Channel order: the next point along ST or LI after the one marked, clicked on the map or chosen 1–4."""

    def __init__(self, page: StudyPage) -> None:
        super().__init__(page)
        catalog, rng = page.catalog, page.rng
        self.channel = rng.choice([code for code in ORDER_CHANNELS if code in catalog.channels])
        stops = sorted({stop for course in courses(catalog, self.channel) for stop in course[:-1]})
        self.after = rng.choice([stop for stop in stops if next_points(catalog, self.channel, stop)])
        self.right = next_points(catalog, self.channel, self.after)
        others = sorted(
            {stop for course in courses(catalog, self.channel) for stop in course} - self.right - {self.after}
        )
        options = [rng.choice(sorted(self.right)), *rng.sample(others, min(CHOICES - 1, len(others)))]
        rng.shuffle(options)
        self.options = options
        channel_name = catalog.channels[self.channel].name.get(page.language)
        self.title.setText(
            self.tr("Along %1, which point comes after %2?")
            .replace("%1", channel_name)
            .replace("%2", self.point_words(self.after))
        )
        hint = plain_label(self.tr("Click it on the face, or choose with keys 1–%1.").replace("%1", str(len(options))))
        column, self.buttons = self.choice_column([self.point_words(code) for code in options])
        self.finish_layout(hint, column)

    def begin(self) -> None:
        self.page.map_for_question(points=True)
        self.page.mark_point(self.after)
        self.page.view.set_tool(PointPickTool(self.page.view, self.answer))
        self.buttons[0].setFocus()

    def number(self, n: int) -> None:
        if 1 <= n <= len(self.options):
            self.answer(self.options[n - 1])

    def answer(self, code: str) -> None:
        if self.checked:
            return
        right = score_next(self.page.catalog, self.channel, self.after, code)
        expected = " / ".join(self.point_words(c) for c in sorted(self.right))
        if right:
            self.show_result(True, self.tr("Right: %1").replace("%1", self.point_words(code)))
        else:
            self.show_result(
                False,
                self.tr("Not %1").replace("%1", self.point_words(code)),
                self.tr("After %1 comes %2.").replace("%1", self.after).replace("%2", expected),
            )
        self.page.mark_point(sorted(self.right)[0])
        self.page.show_channels()


class OrderList(QListWidget):
    """A list put in order by dragging, or by Alt+Up / Alt+Down on the current row."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}.get(Qt.Key(event.key()))
        if step is not None and event.modifiers() & Qt.KeyboardModifier.AltModifier:
            row = self.currentRow()
            target = row + step
            if row >= 0 and 0 <= target < self.count():
                item = self.takeItem(row)
                self.insertItem(target, item)
                self.setCurrentRow(target)
            event.accept()
            return
        super().keyPressEvent(event)


class OrderDrill(Drill):
    """Channel order: a shuffled course put back in flow order."""

    def __init__(self, page: StudyPage) -> None:
        super().__init__(page)
        catalog, rng = page.catalog, page.rng
        self.channel = rng.choice([code for code in ORDER_CHANNELS if code in catalog.channels])
        self.course = rng.randrange(len(courses(catalog, self.channel)))
        self.expected = courses(catalog, self.channel)[self.course]
        channel_name = catalog.channels[self.channel].name.get(page.language)
        self.title.setText(self.tr("Put the course of %1 in the order it flows").replace("%1", channel_name))
        hint = plain_label(self.tr("Drag the rows, or move the current row with Alt+Up and Alt+Down; Enter checks."))
        self.list = OrderList()
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setAccessibleName(self.tr("Course to put in order"))
        for code in shuffled_course(catalog, self.channel, self.course, rng):
            item = QListWidgetItem(self.point_words(code))
            item.setData(Qt.ItemDataRole.UserRole, code)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.check = QPushButton(self.tr("&Check (Enter)"))
        self.check.clicked.connect(self.answer)
        self.finish_layout(hint, self.list, self.check)

    def answer_codes(self) -> tuple[str, ...]:
        return tuple(str(self.list.item(row).data(Qt.ItemDataRole.UserRole)) for row in range(self.list.count()))

    def begin(self) -> None:
        self.page.map_for_question(points=True)
        self.list.setFocus()

    def go_on(self) -> None:
        if self.checked:
            self.page.next_question()
        else:
            self.answer()

    def answer(self) -> None:
        if self.checked:
            return
        score = score_order(self.expected, self.answer_codes())
        verdict = (
            self.tr("%1 of %2 in order · %3")
            .replace("%1", str(score.in_order))
            .replace("%2", str(len(self.expected)))
            .replace("%3", self.grade_name(score.grade))
        )
        detail = self.tr("The flow: %1").replace("%1", " → ".join(self.expected))
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.NoDragDrop)
        self.show_result(score.grade is not Grade.AGAIN, verdict, detail)
        self.page.show_channels()


class ConcernZonesDrill(Drill):
    """Zones for a concern: every zone traditionally used for it, picked on the map or in the list."""

    def __init__(self, page: StudyPage) -> None:
        super().__init__(page)
        catalog, rng = page.catalog, page.rng
        concern = rng.choice([c for c in catalog.concerns.values() if c.zones])
        self.concern = concern.id
        self.title.setText(
            self.tr("Which zones are traditionally used for “%1”?").replace("%1", concern.name.get(page.language))
        )
        hint = plain_label(self.tr("Click zones on the face or tick them in the list (Space), then Check."))
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Zones"))
        for zone in sorted(catalog.zones.values(), key=lambda z: z.order):
            item = QListWidgetItem(zone.name.get(page.language))
            item.setData(Qt.ItemDataRole.UserRole, zone.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemChanged.connect(lambda _item: self._draw_picks())
        self.check = QPushButton(self.tr("&Check"))
        self.check.clicked.connect(self.answer)
        self.overlays: list[QGraphicsPathItem] = []
        self.finish_layout(hint, self.list, self.check)

    def picked(self) -> set[str]:
        return {
            str(item.data(Qt.ItemDataRole.UserRole))
            for row in range(self.list.count())
            if (item := self.list.item(row)).checkState() == Qt.CheckState.Checked
        }

    def toggle(self, zone: str) -> None:
        if self.checked:
            return
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == zone:
                on = item.checkState() != Qt.CheckState.Checked
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def begin(self) -> None:
        self.page.map_for_question()
        self.page.view.set_tool(ZonePickTool(self.page.view, self.toggle))
        self.list.setFocus()

    def finish(self) -> None:
        self._clear()

    def _clear(self) -> None:
        for item in self.overlays:
            self.page.scene.removeItem(item)
        self.overlays.clear()

    def _draw_picks(self, wanted: frozenset[str] | None = None) -> None:
        """Picked zones hatched; after checking, the right ones crossed-hatched too: a pattern, not colour alone."""
        self._clear()
        scene = self.page.scene
        for item in scene.zone_items.values():
            zone = item.area.zone
            styles = []
            if zone in self.picked():
                styles.append((QUIZ_MISS if wanted is not None and zone not in wanted else QUIZ_TARGET,
                               Qt.BrushStyle.BDiagPattern))  # fmt: skip
            if wanted is not None and zone in wanted:
                styles.append((QUIZ_TARGET, Qt.BrushStyle.FDiagPattern))
            for colour, pattern in styles:
                overlay = QGraphicsPathItem(item.path())
                brush = QBrush(QColor(colour), pattern)
                brush.setTransform(brush.transform().scale(0.25, 0.25))
                overlay.setBrush(brush)
                pen = QPen(QColor(colour), 2.0)
                pen.setCosmetic(True)
                overlay.setPen(pen)
                overlay.setZValue(4.6)
                scene.addItem(overlay)
                self.overlays.append(overlay)

    def go_on(self) -> None:
        if self.checked:
            self.page.next_question()

    def answer(self) -> None:
        if self.checked:
            return
        catalog, lang = self.page.catalog, self.page.language
        score = score_concern_zones(catalog, self.concern, self.picked())

        def names(zones: frozenset[str]) -> str:
            return ", ".join(
                catalog.zones[z].name.get(lang) for z in sorted(zones, key=lambda z: catalog.zones[z].order)
            )

        parts = []
        if score.missed:
            parts.append(self.tr("Missed: %1").replace("%1", names(score.missed)))
        if score.extra:
            parts.append(self.tr("Not for this: %1").replace("%1", names(score.extra)))
        verdict = self.tr("%1 % right · %2").replace("%1", f"{score.fraction * 100:.0f}")
        self.show_result(
            score.grade is not Grade.AGAIN, verdict.replace("%2", self.grade_name(score.grade)), "\n".join(parts)
        )
        self._draw_picks(score.found | score.missed)


class StrokeDrill(Drill):
    """Stroke direction: the zone's main stroke dragged on the face, scored by angle."""

    def __init__(self, page: StudyPage) -> None:
        super().__init__(page)
        catalog, rng = page.catalog, page.rng
        keys = sorted(key for key, area in catalog.areas.items() if area.strokes and len(area.strokes[0]) >= 2)
        self.area = catalog.areas[rng.choice(keys)]
        zone = catalog.zones[self.area.zone]
        side = self.tr("right side") if self.area.side is Side.R else self.tr("left side")
        self.title.setText(
            self.tr("Drag the main stroke of %1 (%2)").replace("%1", zone.name.get(page.language)).replace("%2", side)
        )
        hint = plain_label(
            self.tr("Drag on the face the way the stroke goes. Or: arrow keys turn an arrow, Enter gives it.")
        )
        self.finish_layout(hint)

    def begin(self) -> None:
        self.page.map_for_question()
        self.page.study_state.select_area(self.area.key)
        xs = [p[0] for p in self.area.outline]
        ys = [p[1] for p in self.area.outline]
        centre = QPointF(sum(xs) / len(xs), sum(ys) / len(ys))
        self.page.view.set_tool(StrokeTool(self.page.view, centre, self.answer))
        self.page.view.setFocus()

    def answer(self, degrees: float) -> None:
        if self.checked:
            return
        score = score_stroke(self.page.catalog, self.area.zone, self.area.side, degrees)
        verdict = (
            self.tr("%1° off the stroke · %2")
            .replace("%1", f"{score.error_deg:.0f}")
            .replace("%2", self.grade_name(score.grade))
        )
        self.show_result(score.grade is not Grade.AGAIN, verdict, self.tr("The stroke is now drawn on the face."))
        self.page.show_strokes()


class MembershipDrill(Drill):
    """Which channel, or which zone, a point belongs to: numbered choices."""

    def __init__(self, page: StudyPage) -> None:
        super().__init__(page)
        catalog, rng, lang = page.catalog, page.rng, page.language
        infos = [i for i in point_infos(catalog) if i.channel in catalog.channels and i.zone in catalog.zones]
        self.info = rng.choice(infos)
        self.by_channel = rng.random() < 0.5
        if self.by_channel:
            pool = {code: channel.name.get(lang) for code, channel in catalog.channels.items()}
            self.right = self.info.channel
            question = self.tr("Which channel is %1 on?")
        else:
            pool = {zone.id: zone.name.get(lang) for zone in catalog.zones.values()}
            self.right = self.info.zone
            question = self.tr("Which zone is %1 in?")
        others = rng.sample(sorted(set(pool) - {self.right}), min(CHOICES - 1, len(pool) - 1))
        self.options = [self.right, *others]
        rng.shuffle(self.options)
        self.pool = pool
        self.title.setText(question.replace("%1", self.point_words(self.info.code)))
        column, self.buttons = self.choice_column([pool[option] for option in self.options])
        self.finish_layout(plain_label(self.tr("Choose with keys 1–4 or click.")), column)

    def begin(self) -> None:
        self.page.map_for_question(points=True)
        self.page.mark_point(self.info.code)
        self.buttons[0].setFocus()

    def number(self, n: int) -> None:
        if self.checked or not 1 <= n <= len(self.options):
            return
        chosen = self.options[n - 1]
        catalog = self.page.catalog
        right = (
            score_membership(catalog, self.info.code, channel=chosen)
            if self.by_channel
            else score_membership(catalog, self.info.code, zone=chosen)
        )
        for option, button in zip(self.options, self.buttons, strict=True):
            button.setEnabled(option == self.right)
        if right:
            self.show_result(True, self.tr("Right: %1").replace("%1", self.pool[chosen]))
        else:
            self.show_result(False, self.tr("Not %1").replace("%1", self.pool[chosen]), self.pool[self.right])


DRILLS: dict[str, type[Drill]] = {
    "next": NextPointDrill,
    "order": OrderDrill,
    "zones": ConcernZonesDrill,
    "stroke": StrokeDrill,
    "member": MembershipDrill,
}

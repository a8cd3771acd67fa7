"""Progress: mastery drawn on the face, due today, answers per day, accuracy by channel, the streak.

Mastery is shown by a mark on each point whose fill steps through a
colour-blind-safe scale and which carries the level's number, so it reads in
grey print and for any colour vision; the legend says what each number means.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QGraphicsItem, QLabel, QStyleOptionGraphicsItem, QVBoxLayout, QWidget

from ...core.catalog import Catalog
from ...core.study.progress import Accuracy, Level, Mastery
from ..map.scene import MapScene
from ..theme import MASTERY_INK, MASTERY_SCALE, Theme
from .activity import plain_label

MARK_RADIUS_PX = 7.5


class MasteryMark(QGraphicsItem):
    """One point copy's mastery: a disc of the level's shade with its number; unseen points a dashed ring."""

    def __init__(self, level: Level, ink: QColor) -> None:
        super().__init__()
        self.level = level
        self.ink = ink
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setZValue(6.5)

    def boundingRect(self) -> QRectF:
        r = MARK_RADIUS_PX + 1.5
        return QRectF(-r, -r, 2 * r, 2 * r)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = MARK_RADIUS_PX
        if self.level is Level.UNSEEN:
            pen = QPen(self.ink, 1.2, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(QColor(MASTERY_SCALE[0]))
            painter.drawEllipse(QPointF(0, 0), r * 0.6, r * 0.6)
            return
        painter.setPen(QPen(self.ink, 1.0))
        painter.setBrush(QColor(MASTERY_SCALE[self.level]))
        painter.drawEllipse(QPointF(0, 0), r, r)
        font = QFont(painter.font())
        font.setPixelSize(11)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor(MASTERY_INK[self.level]))
        painter.drawText(self.boundingRect(), Qt.AlignmentFlag.AlignCenter, str(int(self.level)))


class MasteryLayer:
    """The marks of every point copy, put on the scene while the deck overview is shown."""

    def __init__(self, scene: MapScene) -> None:
        self.scene = scene
        self.marks: dict[str, MasteryMark] = {}

    def show(self, mastery: dict[str, Mastery]) -> None:
        self.hide()
        for placed in self.scene.catalog.points:
            found = mastery.get(placed.code)
            if found is None or placed.info.internal:
                continue
            mark = MasteryMark(found.level, self.scene.theme.ink)
            mark.setPos(*placed.pos)
            self.scene.addItem(mark)
            self.marks[placed.key] = mark

    def hide(self) -> None:
        for mark in self.marks.values():
            self.scene.removeItem(mark)
        self.marks.clear()


class ReviewChart(QWidget):
    """Answers per day for the last 30 days, today on the right; the numbers are in its accessible text."""

    def __init__(self) -> None:
        super().__init__()
        self.days: tuple[tuple[date, int], ...] = ()
        self.setMinimumHeight(70)
        self.setAccessibleName(self.tr("Answers per day, last 30 days"))

    def set_days(self, days: tuple[tuple[date, int], ...]) -> None:
        self.days = days
        self.setAccessibleDescription(", ".join(f"{day.isoformat()}: {count}" for day, count in days))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(300, 80)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        theme = Theme.current()
        box = QRectF(self.rect()).adjusted(2, 4, -2, -16)
        painter.setPen(QPen(theme.soft_ink, 1.0))
        painter.drawLine(box.bottomLeft(), box.bottomRight())
        if not self.days:
            return
        top = max(count for _day, count in self.days) or 1
        width = box.width() / len(self.days)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(MASTERY_SCALE[3]))
        for n, (_day, count) in enumerate(self.days):
            height = box.height() * count / top
            painter.drawRect(QRectF(box.left() + n * width + 1, box.bottom() - height, max(1.0, width - 2), height))
        painter.setPen(theme.soft_ink)
        small = QFont(self.font())
        small.setPointSizeF(max(6.0, small.pointSizeF() - 2))
        painter.setFont(small)
        label = QRectF(box.left(), box.bottom() + 2, box.width(), 14)
        first = self.days[0][0]
        painter.drawText(
            label, Qt.AlignmentFlag.AlignLeft, QLocale().toString(QDate(first.year, first.month, first.day), "d MMM")
        )
        painter.drawText(label, Qt.AlignmentFlag.AlignRight, self.tr("highest: %1").replace("%1", str(top)))


class ProgressView(QWidget):
    """The numbers beside the face: due today, the streak, answers per day, accuracy by channel, the legend."""

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = plain_label(self.tr("Your progress"), 15, bold=True)
        self.note = plain_label()  # how the last round ended
        self.summary = plain_label()
        self.chart_title = plain_label(self.tr("Answers per day, last 30 days"))
        self.chart = ReviewChart()
        self.accuracy_title = plain_label(self.tr("Right answers by channel"))
        self.accuracy = plain_label()
        self.weakest = plain_label()
        self.legend_title = plain_label(self.tr("Mastery on the face (the number is the level)"))
        self.legend = QLabel()
        self.legend.setTextFormat(Qt.TextFormat.PlainText)
        self.legend.setWordWrap(True)
        for widget in (
            self.heading, self.note, self.summary, self.chart_title, self.chart, self.accuracy_title, self.accuracy,
            self.weakest, self.legend_title, self.legend,
        ):  # fmt: skip
            layout.addWidget(widget)
        layout.addStretch(1)

    def level_name(self, level: Level) -> str:
        return {
            Level.UNSEEN: self.tr("not studied"),
            Level.WEAK: self.tr("weak"),
            Level.LEARNING: self.tr("learning"),
            Level.GOOD: self.tr("good"),
            Level.MASTERED: self.tr("mastered"),
        }[level]

    def show_progress(
        self,
        catalog: Catalog,
        lang: str,
        mastery: dict[str, Mastery],
        due: int,
        due_now: int,
        streak: int,
        days: tuple[tuple[date, int], ...],
        accuracy: dict[str, Accuracy],
    ) -> None:
        reviews = sum(count for _day, count in days)
        self.summary.setText(
            self.tr("Due today: %1 (%4 now) · streak: %2 day(s) · answers in 30 days: %3")
            .replace("%1", str(due))
            .replace("%4", str(due_now))
            .replace("%2", str(streak))
            .replace("%3", str(reviews))
        )
        self.chart.set_days(days)
        lines = []
        for code, channel in catalog.channels.items():
            found = accuracy.get(code)
            if found is not None and found.total:
                share = f"{found.fraction * 100:.0f} %"
                lines.append(f"{code} {channel.name.get(lang)}: {share} ({found.right}/{found.total})")
        self.accuracy.setText("\n".join(lines) or self.tr("No answers yet."))
        studied = sorted((m for m in mastery.values() if m.studied), key=lambda m: (m.value, m.code))[:5]
        self.weakest.setText(
            self.tr("Weakest points: %1").replace("%1", ", ".join(f"{m.code} {m.value * 100:.0f} %" for m in studied))
            if studied
            else ""
        )
        self.legend.setText(
            "  ".join(f"{'○' if level is Level.UNSEEN else int(level)} {self.level_name(level)}" for level in Level)
        )

"""The screening checklist as a form: one box per item, with its date and the zones it asks the client to mark.

The items, their wording and what each asks for come from the checklist
content (`assets/content/screening.toml`), so a new item needs no code here.
Item texts are shown as plain text: they may come from a content pack.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.catalog import Catalog
from ...core.screeningmodel import Answer, Item, Screening
from .text import fill

ZONE_ROLE = Qt.ItemDataRole.UserRole


class Question(QLabel):
    """An item's question, as plain text (it may come from a pack), wrapped; a click ticks its box."""

    clicked = Signal()

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class ItemRow(QWidget):
    """One checklist item: the question, and when ticked, its date and zone marks."""

    changed = Signal()

    def __init__(self, item: Item, catalog: Catalog, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        # A check box cannot wrap its text: the question is a label beside it, which a click also ticks.
        line = QHBoxLayout()
        self.box = QCheckBox()
        self.box.setObjectName(f"screen-{item.id}")
        self.box.setAccessibleName(item.question.get(lang))
        self.question = Question(item.question.get(lang))
        self.question.setToolTip(f"{item.reason.get(lang)}\n\n{item.source}")  # the source as written
        self.question.clicked.connect(self.box.toggle)
        line.addWidget(self.box, 0, Qt.AlignmentFlag.AlignTop)
        line.addWidget(self.question, 1)
        layout.addLayout(line)
        self.details = QWidget()
        details = QHBoxLayout(self.details)
        details.setContentsMargins(24, 0, 0, 0)
        self.date: QDateEdit | None = None
        self.zones: QListWidget | None = None
        if "date" in item.asks:
            details.addWidget(QLabel(self.tr("Date:")))
            self.date = QDateEdit()
            self.date.setCalendarPopup(True)
            self.date.setDisplayFormat("yyyy-MM-dd")
            self.date.setDate(QDate.currentDate())
            self.date.dateChanged.connect(self.changed)
            details.addWidget(self.date)
        if "zones" in item.asks:
            details.addWidget(QLabel(self.tr("Zones:")), 0, Qt.AlignmentFlag.AlignTop)
            self.zones = QListWidget()
            self.zones.setAccessibleName(fill(self.tr("Zones marked for %1"), item.question.get(lang)))
            for zone in sorted(catalog.zones.values(), key=lambda z: z.order):
                entry = QListWidgetItem(zone.name.get(lang))
                entry.setData(ZONE_ROLE, zone.id)
                entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                entry.setCheckState(Qt.CheckState.Unchecked)
                self.zones.addItem(entry)
            self.zones.setMaximumHeight(110)
            self.zones.itemChanged.connect(self.changed)
            details.addWidget(self.zones, 1)
        details.addStretch()
        layout.addWidget(self.details)
        self.details.setVisible(False)
        self.box.toggled.connect(self._toggled)

    def _toggled(self, on: bool) -> None:
        self.details.setVisible(on and (self.date is not None or self.zones is not None))
        self.changed.emit()

    def answer(self) -> Answer | None:
        if not self.box.isChecked():
            return None
        date = None
        if self.date is not None:
            qdate = self.date.date()
            date = dt.date(qdate.year(), qdate.month(), qdate.day())
        return Answer(self.item.id, date, self.marked())

    def marked(self) -> tuple[str, ...]:
        if self.zones is None:
            return ()
        return tuple(
            str(entry.data(ZONE_ROLE))
            for entry in (self.zones.item(i) for i in range(self.zones.count()))
            if entry is not None and entry.checkState() == Qt.CheckState.Checked
        )

    def set_answer(self, answer: Answer | None) -> None:
        blockers = [w for w in (self.box, self.date, self.zones) if w is not None]
        for widget in blockers:
            widget.blockSignals(True)
        self.box.setChecked(answer is not None)
        if self.date is not None:
            when = answer.date if answer is not None and answer.date is not None else dt.date.today()
            self.date.setDate(QDate(when.year, when.month, when.day))
        if self.zones is not None:
            marked = set(answer.zones) if answer is not None else set()
            for i in range(self.zones.count()):
                entry = self.zones.item(i)
                if entry is not None:
                    on = entry.data(ZONE_ROLE) in marked
                    entry.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        for widget in blockers:
            widget.blockSignals(False)
        self.details.setVisible(answer is not None and (self.date is not None or self.zones is not None))


class ScreeningForm(QWidget):
    """Every item of the checklist; `changed` on any tick, date or mark."""

    changed = Signal()

    def __init__(self, screening: Screening, catalog: Catalog, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Tick what applies to the client today. The routine is screened as you go."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.rows: dict[str, ItemRow] = {}
        for item in screening.items:
            row = ItemRow(item, catalog, lang)
            row.changed.connect(self.changed)
            layout.addWidget(row)
            self.rows[item.id] = row
        layout.addStretch()

    def answers(self) -> list[Answer]:
        return [answer for row in self.rows.values() if (answer := row.answer()) is not None]

    def set_answers(self, answers: list[Answer] | tuple[Answer, ...]) -> None:
        given = {answer.item: answer for answer in answers}
        for item_id, row in self.rows.items():
            row.set_answer(given.get(item_id))
        self.changed.emit()

"""The routine builder: concerns merged into steps, reordered, cut, extended and adjusted step by step.

The routine itself is a frozen `Routine` (core/session/routine.py) and every
edit here goes through its methods, so the builder cannot make a routine the
core would refuse; the widgets only show it. Steps move by drag and drop or
with Ctrl+Up / Ctrl+Down, and leave with Delete.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...core.catalog import Catalog
from ...core.session.routine import MAX_STROKES, Routine, RoutineError, Sides, for_concerns
from .text import fill

ID_ROLE = Qt.ItemDataRole.UserRole


class StepList(QListWidget):
    """The steps in order; a drag or Ctrl+Up/Down asks for a move, Delete for a removal."""

    move_requested = Signal(str, int)  # zone, new position
    order_dropped = Signal(list)  # the zones in the order a drag and drop left them
    remove_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("steps")
        self.setAccessibleName(self.tr("Routine steps"))
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.model().rowsMoved.connect(self._dropped)

    def zone_at(self, row: int) -> str:
        item = self.item(row)
        return "" if item is None else str(item.data(ID_ROLE))

    def _dropped(self) -> None:
        self.order_dropped.emit([self.zone_at(i) for i in range(self.count())])

    def keyPressEvent(self, event: QKeyEvent) -> None:
        row = self.currentRow()
        ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if row >= 0 and ctrl and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            to = row - 1 if event.key() == Qt.Key.Key_Up else row + 1
            if 0 <= to < self.count():
                self.move_requested.emit(self.zone_at(row), to)
            event.accept()
            return
        if row >= 0 and event.key() == Qt.Key.Key_Delete:
            self.remove_requested.emit(self.zone_at(row))
            event.accept()
            return
        super().keyPressEvent(event)


class StepEditor(QGroupBox):
    """The chosen step's overrides: pressure, strokes per line, sides and which lines."""

    edited = Signal(object)  # a dict of overrides for Routine.overridden
    reset_requested = Signal()

    def __init__(self, catalog: Catalog, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("This step"), parent)
        self.catalog = catalog
        self.lang = lang
        self._loading = False
        form = QFormLayout(self)
        self.pressure = QComboBox()
        self.pressure.setObjectName("step-pressure")
        for pressure in sorted(catalog.pressures.values(), key=lambda p: p.level):
            self.pressure.addItem(pressure.name.get(lang), pressure.id)
        form.addRow(self.tr("Pressure:"), self.pressure)
        self.strokes = QSpinBox()
        self.strokes.setObjectName("step-strokes")
        self.strokes.setRange(1, MAX_STROKES)
        form.addRow(self.tr("Strokes per line:"), self.strokes)
        self.sides = QComboBox()
        self.sides.setObjectName("step-sides")
        self.sides.addItem(self.tr("Both sides"), Sides.BOTH.value)
        self.sides.addItem(self.tr("Client's right only"), Sides.RIGHT.value)
        self.sides.addItem(self.tr("Client's left only"), Sides.LEFT.value)
        form.addRow(self.tr("Sides:"), self.sides)
        self.lines_box = QWidget()
        self.lines_layout = QHBoxLayout(self.lines_box)
        self.lines_layout.setContentsMargins(0, 0, 0, 0)
        self.line_boxes: list[QCheckBox] = []
        form.addRow(self.tr("Lines:"), self.lines_box)
        self.reset = QPushButton(self.tr("As the content says"))
        self.reset.clicked.connect(self.reset_requested)
        form.addRow(self.reset)
        self.pressure.currentIndexChanged.connect(lambda: self._changed("pressure"))
        self.strokes.valueChanged.connect(lambda: self._changed("strokes"))
        self.sides.currentIndexChanged.connect(lambda: self._changed("sides"))
        self.setEnabled(False)

    def show_step(self, routine: Routine | None, zone: str) -> None:
        self._loading = True
        try:
            if routine is None or zone not in routine.zones:
                self.setEnabled(False)
                self.setTitle(self.tr("This step"))
                return
            self.setEnabled(True)
            step = routine.step(zone)
            info = self.catalog.zones[zone]
            self.setTitle(fill(self.tr("Step: %1"), info.name.get(self.lang)))
            self.pressure.setCurrentIndex(self.pressure.findData(step.pressure or info.pressure))
            self.strokes.setValue(step.strokes if step.strokes is not None else info.strokes[1])
            self.sides.setCurrentIndex(self.sides.findData(step.sides.value))
            for box in self.line_boxes:
                self.lines_layout.removeWidget(box)
                box.deleteLater()
            self.line_boxes = []
            chosen = set(step.lines) if step.lines is not None else set(range(len(info.stroke_lines)))
            for number in range(len(info.stroke_lines)):
                box = QCheckBox(str(number + 1))
                box.setObjectName(f"step-line-{number + 1}")
                box.setChecked(number in chosen)
                box.toggled.connect(lambda _on: self._changed("lines"))
                self.lines_layout.addWidget(box)
                self.line_boxes.append(box)
        finally:
            self._loading = False

    def _changed(self, field: str) -> None:
        if self._loading:
            return
        if field == "pressure":
            self.edited.emit({"pressure": str(self.pressure.currentData())})
        elif field == "strokes":
            self.edited.emit({"strokes": self.strokes.value()})
        elif field == "sides":
            self.edited.emit({"sides": Sides(str(self.sides.currentData()))})
        else:
            self.edited.emit({"lines": [n for n, box in enumerate(self.line_boxes) if box.isChecked()]})


class RoutineBuilder(QWidget):
    """Concerns → steps → overrides; `routine_changed` carries the new Routine (or None)."""

    routine_changed = Signal(object)
    problem = Signal(str)

    def __init__(
        self, catalog: Catalog, lang: str, school: Callable[[], str] = str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.lang = lang
        self.school = school  # the technique school chosen in the window: a new routine is worked its way
        self.routine: Routine | None = None
        layout = QVBoxLayout(self)

        concerns_row = QHBoxLayout()
        self.concerns = QListWidget()
        self.concerns.setObjectName("concerns")
        self.concerns.setAccessibleName(self.tr("Concerns"))
        for concern in catalog.concerns.values():
            item = QListWidgetItem(concern.name.get(lang))
            item.setData(ID_ROLE, concern.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.concerns.addItem(item)
        self.concerns.setMaximumHeight(120)
        concerns_row.addWidget(self.concerns, 1)
        self.build_button = QPushButton(self.tr("&Build from concerns"))
        self.build_button.clicked.connect(self.build_from_concerns)
        concerns_row.addWidget(self.build_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(QLabel(self.tr("Concerns (one or more, merged):")))
        layout.addLayout(concerns_row)

        name_row = QHBoxLayout()
        name_row.addWidget(QLabel(self.tr("Name:")))
        self.name = QLineEdit()
        self.name.setObjectName("routine-name")
        self.name.setMaxLength(80)
        self.name.editingFinished.connect(self._renamed)
        name_row.addWidget(self.name, 1)
        layout.addLayout(name_row)

        steps_row = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Steps (drag, or Ctrl+Up / Ctrl+Down to move; Delete to drop):")))
        self.steps = StepList()
        self.steps.move_requested.connect(self.move_step)
        self.steps.order_dropped.connect(self._reorder)
        self.steps.remove_requested.connect(self.remove_step)
        self.steps.currentRowChanged.connect(self._show_current)
        left.addWidget(self.steps, 1)
        add_row = QHBoxLayout()
        self.zone_choice = QComboBox()
        self.zone_choice.setObjectName("add-zone")
        add_row.addWidget(self.zone_choice, 1)
        self.add_button = QPushButton(self.tr("&Add zone"))
        self.add_button.clicked.connect(lambda: self.add_zone(str(self.zone_choice.currentData() or "")))
        add_row.addWidget(self.add_button)
        self.remove_button = QPushButton(self.tr("&Drop step"))
        self.remove_button.clicked.connect(lambda: self.remove_step(self.current_zone()))
        add_row.addWidget(self.remove_button)
        left.addLayout(add_row)
        steps_row.addLayout(left, 3)
        self.editor = StepEditor(catalog, lang)
        self.editor.edited.connect(self._override)
        self.editor.reset_requested.connect(self._reset_step)
        steps_row.addWidget(self.editor, 2)
        layout.addLayout(steps_row, 1)
        self._refresh()

    # reading ----------------------------------------------------------------------

    def current_zone(self) -> str:
        return self.steps.zone_at(self.steps.currentRow())

    def checked_concerns(self) -> list[str]:
        return [
            str(item.data(ID_ROLE))
            for item in (self.concerns.item(i) for i in range(self.concerns.count()))
            if item is not None and item.checkState() == Qt.CheckState.Checked
        ]

    # editing ----------------------------------------------------------------------

    def set_routine(self, routine: Routine | None, keep: str = "") -> None:
        """Show `routine` and tell the workspace; `keep` is the zone to stay on in the list."""
        self.routine = routine
        self._refresh(keep)
        self.routine_changed.emit(routine)

    def build_from_concerns(self) -> None:
        chosen = self.checked_concerns()
        if not chosen:
            self.problem.emit(self.tr("Tick at least one concern to build a routine from."))
            return
        self._make(lambda: for_concerns(self.catalog, chosen, school=self.school()))

    def move_step(self, zone: str, to: int) -> None:
        if self.routine is not None and zone:
            self._apply(lambda r: r.moved(zone, to), keep=zone)

    def _reorder(self, order: list[str]) -> None:
        """A drop: the steps in the list's new order, each step keeping its overrides."""
        routine = self.routine
        if routine is None or sorted(order) != sorted(routine.zones):
            self._refresh()
            return
        moved = routine
        for position, zone in enumerate(order):
            moved = moved.moved(zone, position)
        self.set_routine(moved, keep=self.current_zone())

    def remove_step(self, zone: str) -> None:
        if self.routine is None or not zone:
            return
        if len(self.routine.steps) == 1:
            self.problem.emit(self.tr("A routine keeps at least one step."))
            return
        row = self.steps.currentRow()
        self._apply(lambda r: r.without(zone))
        self.steps.setCurrentRow(min(row, self.steps.count() - 1))

    def add_zone(self, zone: str) -> None:
        if not zone:
            return
        if self.routine is None:
            self._make(lambda: Routine(self.tr("New routine"), ()).with_zone(self.catalog, zone), keep=zone)
        else:
            self._apply(lambda r: r.with_zone(self.catalog, zone), keep=zone)

    def _override(self, changes: dict[str, object]) -> None:
        zone = self.current_zone()
        if self.routine is not None and zone:
            self._apply(lambda r: r.overridden(self.catalog, zone, **changes), keep=zone)  # type: ignore[arg-type]

    def _reset_step(self) -> None:
        zone = self.current_zone()
        if self.routine is not None and zone:
            self._apply(lambda r: r.reset(zone), keep=zone)

    def _renamed(self) -> None:
        if self.routine is not None and self.name.text().strip() != self.routine.name:
            self._apply(lambda r: r.renamed(self.name.text()), keep=self.current_zone())

    def _apply(self, change: Callable[[Routine], Routine], keep: str = "") -> None:
        """A change to the routine there is; a refusal is reported and the routine stays as it was."""
        routine = self.routine
        if routine is not None:
            self._make(lambda: change(routine), keep)

    def _make(self, make: Callable[[], Routine], keep: str = "") -> None:
        try:
            routine = make()
        except RoutineError as exc:
            self.problem.emit(str(exc))
            self._refresh(keep)
            return
        self.set_routine(routine, keep)

    # showing ----------------------------------------------------------------------

    def _refresh(self, keep: str = "") -> None:
        routine = self.routine
        self.steps.blockSignals(True)
        self.steps.clear()
        for number, step in enumerate(routine.steps if routine else (), start=1):
            info = self.catalog.zones[step.zone]
            changed = step.pressure is not None or step.strokes is not None or step.lines is not None
            changed = changed or step.sides is not Sides.BOTH
            text = f"{number}. {info.name.get(self.lang)}" + ("  ✎" if changed else "")
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, step.zone)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsDropEnabled)
            self.steps.addItem(item)
        zones = routine.zones if routine else ()
        self.steps.blockSignals(False)
        self.steps.setCurrentRow(zones.index(keep) if keep in zones else 0 if zones else -1)
        self.zone_choice.clear()
        for info in sorted(self.catalog.zones.values(), key=lambda z: z.order):
            if info.id not in zones:
                self.zone_choice.addItem(info.name.get(self.lang), info.id)
        self.name.setText(routine.name if routine else "")
        self.name.setEnabled(routine is not None)
        self.remove_button.setEnabled(routine is not None)
        self.add_button.setEnabled(self.zone_choice.count() > 0)
        self._show_current()

    def _show_current(self) -> None:
        self.editor.show_step(self.routine, self.current_zone())

"""The collapsible left column: concern picker and layer switches.

Every control writes through the state's setters and mirrors the state back
with its own signals blocked, so a change made elsewhere (a saved setting, a
link in the panel, the search field) shows here without being sent again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...core.catalog import Catalog
from ...core.model import DEFAULT_LANGUAGE
from ..map.looks import LAYER_ORDER, LabelMode, Layer
from ..state import MapState, Selection
from .schoolpicker import SchoolPicker

if TYPE_CHECKING:
    from .noteroom import NoteRoom

NOTE_ROOM_DELAY_MS = 400  # the room left is measured by laying the sheet out: once typing pauses
NOTE_LINES = 3

LAYER_TITLES = {  # in LAYER_ORDER
    Layer.ZONES: "Zones",
    Layer.CHANNELS: "Yang Ming channels (ST, LI)",
    Layer.OTHER_CHANNELS: "Other channels",
    Layer.STROKES: "Stroke arrows",
    Layer.POINTS: "Points",
    Layer.LABELS: "Point labels",
}


class Sidebar(QWidget):
    def __init__(self, catalog: Catalog, state: MapState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.state = state
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)

        concerns = QGroupBox("Show zones for")
        concerns_layout = QVBoxLayout(concerns)
        self.concern_box = QComboBox()
        self.concern_box.setAccessibleName("Skin concern")
        self.concern_box.addItem("— any concern —", "")
        for concern in catalog.concerns.values():
            change = catalog.local_change("concern", concern.id)
            self.concern_box.addItem(concern.name.get() + (" ✎" if change else ""), concern.id)
            if change:
                index = self.concern_box.count() - 1
                self.concern_box.setItemData(index, f"{change} by your content pack", Qt.ItemDataRole.ToolTipRole)
        self.concern_box.currentIndexChanged.connect(lambda _i: state.set_concern(self.concern_box.currentData()))
        self.concern_note = QLabel()
        self.concern_note.setWordWrap(True)
        self.concern_note.setTextFormat(Qt.TextFormat.PlainText)
        self.zone_list = QListWidget()
        self.zone_list.setAccessibleName("Zones: for the chosen concern in working order, else all")
        self.zone_list.itemActivated.connect(self._zone_activated)
        self.zone_list.itemClicked.connect(self._zone_activated)
        self._fill_zone_list("")
        concerns_layout.addWidget(self.concern_box)
        concerns_layout.addWidget(self.concern_note)
        concerns_layout.addWidget(self.zone_list)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setAccessibleName("Note for the take-home sheet")
        self.note_edit.setPlaceholderText("Note for the take-home sheet")
        self.note_edit.setFixedHeight(self.note_edit.fontMetrics().lineSpacing() * NOTE_LINES + 12)
        self.note_room = QLabel()
        self.room: NoteRoom | None = None  # the measuring worker, made when a note is first measured
        self.note_room.setWordWrap(True)
        self.note_room.setTextFormat(Qt.TextFormat.PlainText)
        self._room_timer = QTimer(self)
        self._room_timer.setSingleShot(True)
        self._room_timer.setInterval(NOTE_ROOM_DELAY_MS)
        self._room_timer.timeout.connect(self.update_note_room)
        self.note_edit.textChanged.connect(self._room_timer.start)
        self.note_edit.textChanged.connect(lambda: state.set_note(self.note_edit.toPlainText()))
        concerns_layout.addWidget(self.note_edit)
        concerns_layout.addWidget(self.note_room)
        self._show_note_field("")
        layout.addWidget(concerns, 1)

        self.schools = SchoolPicker(state)
        layout.addWidget(self.schools)

        layers = QGroupBox("Layers")
        layers_layout = QVBoxLayout(layers)
        self.layer_boxes: dict[Layer, QCheckBox] = {}
        for layer in LAYER_ORDER:
            box = QCheckBox(LAYER_TITLES[layer])
            box.setChecked(state.layers[layer])
            box.toggled.connect(lambda on, name=layer: state.set_layer(name, on))
            layers_layout.addWidget(box)
            self.layer_boxes[layer] = box
        self.label_mode = QComboBox()
        self.label_mode.setAccessibleName("Label text")
        for mode, title in (
            (LabelMode.CODE, "Codes (ST2)"),
            (LabelMode.PINYIN, "Pinyin (Sìbái)"),
            (LabelMode.HANZI, "Hanzi (四白)"),
        ):
            self.label_mode.addItem(title, str(mode))
        self.label_mode.currentIndexChanged.connect(
            lambda _i: state.set_label_mode(LabelMode(self.label_mode.currentData()))
        )
        layers_layout.addWidget(self.label_mode)
        self.yang_ming = QCheckBox("Yang Ming focus")
        self.yang_ming.setToolTip("Dim everything but the Stomach and Large Intestine channels")
        self.yang_ming.setChecked(state.focus)
        self.yang_ming.toggled.connect(state.set_focus)
        self.animate = QCheckBox("Animate strokes")
        self.animate.setChecked(state.animate)
        self.animate.toggled.connect(state.set_animate)
        layers_layout.addWidget(self.yang_ming)
        layers_layout.addWidget(self.animate)
        layout.addWidget(layers)
        state.concern_changed.connect(self._show_concern)
        state.school_changed.connect(lambda _s: self._show_concern(state.concern))
        state.selection_changed.connect(self.mark_zone)
        state.layer_changed.connect(
            lambda layer, on: mirror(self.layer_boxes[layer], lambda: self.layer_boxes[layer].setChecked(on))
        )
        state.label_mode_changed.connect(
            lambda mode: mirror(
                self.label_mode, lambda: self.label_mode.setCurrentIndex(self.label_mode.findData(str(mode)))
            )
        )
        state.focus_changed.connect(lambda on: mirror(self.yang_ming, lambda: self.yang_ming.setChecked(on)))
        state.animation_changed.connect(lambda on: mirror(self.animate, lambda: self.animate.setChecked(on)))

    def _show_concern(self, concern_id: str) -> None:
        mirror(
            self.concern_box, lambda: self.concern_box.setCurrentIndex(max(self.concern_box.findData(concern_id), 0))
        )
        self._fill_zone_list(concern_id)
        self._show_note_field(concern_id)

    def _show_note_field(self, concern_id: str) -> None:
        """The note goes on a take-home sheet, so it is there only while a concern is chosen."""
        self.note_edit.setVisible(bool(concern_id))
        self.note_room.setVisible(bool(concern_id))
        self.note_room.clear()
        if concern_id:
            self._room_timer.start()

    def update_note_room(self) -> None:
        """Say how much more of the note fits, or that it runs on, as the printed sheet would lay it out.

        Measured in a worker thread (`NoteRoom`): the label keeps its words
        until the answer for the latest note arrives.
        """
        concern_id = self.state.concern
        if not concern_id:
            return
        from ..exportmenu import local_paper

        if self.room is None:
            from .noteroom import NoteRoom

            self.room = NoteRoom(self.catalog, self)
            self.room.measured.connect(self._show_room)
        self.room.catalog = self.state.catalog  # the chosen school's directions, which differ in length
        self.room.request(concern_id, DEFAULT_LANGUAGE, self.state.note, local_paper())

    def stop_measuring(self) -> None:
        """Let a measurement under way finish before the window goes: it answers to this sidebar."""
        if self.room is not None:
            self.room.wait()

    def _show_room(self, words: str) -> None:
        if self.state.concern:
            self.note_room.setText(words)

    def _fill_zone_list(self, concern_id: str) -> None:
        """A concern's zones in working order, numbered; with none chosen, every zone top to bottom."""
        self.zone_list.clear()
        self.concern_note.clear()
        zones = self.state.catalog.zones  # in the chosen school's working order
        if concern_id:
            concern = self.catalog.concerns[concern_id]
            self.concern_note.setText(concern.caution.get() if concern.caution.values else "")
            ordered = sorted(concern.zones, key=lambda z: zones[z].order)
            for number, zone_id in enumerate(ordered, start=1):
                self._add_zone(zone_id, f"{number}. ")
        else:
            for zone_id in sorted(zones, key=lambda z: zones[z].order):
                self._add_zone(zone_id, "")

    def mark_zone(self, selection: Selection) -> None:
        """Highlight the selected zone in the list, if it is listed, without choosing it again."""
        zone_id = selection.zone or None
        self.zone_list.blockSignals(True)
        self.zone_list.clearSelection()
        self.zone_list.setCurrentRow(-1)
        for row in range(self.zone_list.count()):
            if zone_id is not None and self.zone_list.item(row).data(Qt.ItemDataRole.UserRole) == f"{zone_id}_r":
                self.zone_list.setCurrentRow(row)
                break
        self.zone_list.blockSignals(False)

    def _add_zone(self, zone_id: str, prefix: str) -> None:
        change = self.catalog.local_change("zone", zone_id)
        item = QListWidgetItem(prefix + self.catalog.zones[zone_id].name.get() + (" ✎" if change else ""))
        item.setData(Qt.ItemDataRole.UserRole, f"{zone_id}_r")
        if change:
            item.setToolTip(f"{change} by your content pack")
        self.zone_list.addItem(item)

    def _zone_activated(self, item: QListWidgetItem) -> None:
        self.state.select_area(item.data(Qt.ItemDataRole.UserRole))


def mirror(control: QWidget, show: Callable[[], None]) -> None:
    """Show the state on a control without the control writing it back."""
    blocked = control.blockSignals(True)
    try:
        show()
    finally:
        control.blockSignals(blocked)

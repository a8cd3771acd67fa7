"""The collapsible left column: concern picker and layer switches.

Every control writes through the state's setters and mirrors the state back
with its own signals blocked, so a change made elsewhere (a saved setting, a
link in the panel, the search field) shows here without being sent again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...core.catalog import Catalog
from ..language import QT_TRANSLATE_NOOP, change_word, content_languages, sheet_language
from ..map.looks import LAYER_ORDER, LabelMode, Layer
from ..state import BOTH_SIDES, LABEL_SIZES, MapState, Selection
from .schoolpicker import SchoolPicker

if TYPE_CHECKING:
    from .noteroom import NoteRoom, Room

NOTE_ROOM_DELAY_MS = 400  # the room left is measured by laying the sheet out: once typing pauses
NOTE_LINES = 3

LAYER_TITLES = {  # in LAYER_ORDER
    Layer.ZONES: QT_TRANSLATE_NOOP("Sidebar", "Zones"),
    Layer.CHANNELS: QT_TRANSLATE_NOOP("Sidebar", "Yang Ming channels (ST, LI)"),
    Layer.OTHER_CHANNELS: QT_TRANSLATE_NOOP("Sidebar", "Other channels"),
    Layer.STROKES: QT_TRANSLATE_NOOP("Sidebar", "Stroke arrows"),
    Layer.POINTS: QT_TRANSLATE_NOOP("Sidebar", "Points"),
    Layer.LABELS: QT_TRANSLATE_NOOP("Sidebar", "Point labels"),
}
LABEL_MODES = (
    (LabelMode.CODE, QT_TRANSLATE_NOOP("Sidebar", "Codes (ST2)")),
    (LabelMode.PINYIN, QT_TRANSLATE_NOOP("Sidebar", "Pinyin (Sìbái)")),
    (LabelMode.HANZI, QT_TRANSLATE_NOOP("Sidebar", "Hanzi (四白)")),
)


class Sidebar(QWidget):
    def __init__(self, catalog: Catalog, state: MapState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.state = state
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)

        self.concerns = QGroupBox()
        concerns_layout = QVBoxLayout(self.concerns)
        self.concern_box = QComboBox()
        self.concern_box.addItem("", "")
        for concern in catalog.concerns.values():
            self.concern_box.addItem("", concern.id)
        self.concern_box.currentIndexChanged.connect(lambda _i: state.set_concern(self.concern_box.currentData()))
        self.concern_note = QLabel()
        self.concern_note.setWordWrap(True)
        self.concern_note.setTextFormat(Qt.TextFormat.PlainText)
        self.zone_list = QListWidget()
        self.zone_list.itemActivated.connect(self._zone_activated)
        self.zone_list.itemClicked.connect(self._zone_activated)
        concerns_layout.addWidget(self.concern_box)
        concerns_layout.addWidget(self.concern_note)
        concerns_layout.addWidget(self.zone_list)
        self.note_edit = QPlainTextEdit()
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
        layout.addWidget(self.concerns, 1)

        self.schools = SchoolPicker(state)
        layout.addWidget(self.schools)

        self.layers = QGroupBox()
        layers_layout = QVBoxLayout(self.layers)
        self.layer_boxes: dict[Layer, QCheckBox] = {}
        for layer in LAYER_ORDER:
            box = QCheckBox()
            box.setChecked(state.layers[layer])
            box.toggled.connect(lambda on, name=layer: state.set_layer(name, on))
            layers_layout.addWidget(box)
            self.layer_boxes[layer] = box
        self.label_mode = QComboBox()
        for mode, _title in LABEL_MODES:
            self.label_mode.addItem("", str(mode))
        self.label_mode.currentIndexChanged.connect(
            lambda _i: state.set_label_mode(LabelMode(self.label_mode.currentData()))
        )
        labels_row = QHBoxLayout()  # text and side on one row: the sidebar must fit a small window
        labels_row.addWidget(self.label_mode)
        layers_layout.addLayout(labels_row)
        self.label_side = QComboBox()
        for side in (BOTH_SIDES, "R", "L"):
            self.label_side.addItem("", side)
        self.label_side.setCurrentIndex(self.label_side.findData(state.label_side))
        self.label_side.currentIndexChanged.connect(lambda _i: state.set_label_side(self.label_side.currentData()))
        labels_row.addWidget(self.label_side)
        self.label_size = QComboBox()
        for size in LABEL_SIZES:
            self.label_size.addItem("", size)
        self.label_size.setCurrentIndex(self.label_size.findData(state.label_size))
        self.label_size.currentIndexChanged.connect(lambda _i: state.set_label_size(int(self.label_size.currentData())))
        layers_layout.addWidget(self.label_size)
        self.how_found = QCheckBox()
        self.how_found.setChecked(state.guide)
        self.how_found.toggled.connect(state.set_guide)
        self.yang_ming = QCheckBox()
        self.yang_ming.setChecked(state.focus)
        self.yang_ming.toggled.connect(state.set_focus)
        self.animate = QCheckBox()
        self.animate.setChecked(state.animate)
        self.animate.toggled.connect(state.set_animate)
        layers_layout.addWidget(self.yang_ming)
        study_row = QHBoxLayout()  # two checkboxes on one row: the sidebar must fit a small window
        study_row.addWidget(self.animate)
        study_row.addWidget(self.how_found)
        layers_layout.addLayout(study_row)
        layout.addWidget(self.layers)
        self.retranslate()
        state.language_changed.connect(self._language_changed)
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
        state.label_size_changed.connect(
            lambda size: mirror(
                self.label_size, lambda: self.label_size.setCurrentIndex(self.label_size.findData(size))
            )
        )
        state.focus_changed.connect(lambda on: mirror(self.yang_ming, lambda: self.yang_ming.setChecked(on)))
        state.label_side_changed.connect(
            lambda side: mirror(
                self.label_side, lambda: self.label_side.setCurrentIndex(self.label_side.findData(side))
            )
        )
        state.guide_changed.connect(lambda on: mirror(self.how_found, lambda: self.how_found.setChecked(on)))
        state.animation_changed.connect(lambda on: mirror(self.animate, lambda: self.animate.setChecked(on)))

    def retranslate(self) -> None:
        """The sidebar's own words in the chrome's language, and the content names in the content's."""
        self.concerns.setTitle(self.tr("Show zones for"))
        self.concern_box.setAccessibleName(self.tr("Skin concern"))
        self.zone_list.setAccessibleName(self.tr("Zones: for the chosen concern in working order, else all"))
        self.note_edit.setAccessibleName(self.tr("Note for the take-home sheet"))
        self.note_edit.setPlaceholderText(self.tr("Note for the take-home sheet"))
        self.layers.setTitle(self.tr("Layers"))
        for layer, box in self.layer_boxes.items():
            box.setText(QCoreApplication.translate("Sidebar", LAYER_TITLES[layer]))
        self.label_mode.setAccessibleName(self.tr("Label text"))
        for index, (_mode, title) in enumerate(LABEL_MODES):
            self.label_mode.setItemText(index, QCoreApplication.translate("Sidebar", title))
        self.label_side.setAccessibleName(self.tr("Label which side"))
        for index, title in enumerate((self.tr("Both sides"), self.tr("Subject's right"), self.tr("Subject's left"))):
            self.label_side.setItemText(index, title)
        self.how_found.setText(self.tr("How a point is found"))
        self.how_found.setToolTip(self.tr("Draw the landmarks and B-cun measurements of the selected point"))
        self.label_size.setAccessibleName(self.tr("Label size"))
        for index in range(self.label_size.count()):
            size = str(self.label_size.itemData(index))
            self.label_size.setItemText(index, self.tr("Labels at {size} %").format(size=size))
        self.yang_ming.setText(self.tr("Yang Ming focus"))
        self.yang_ming.setToolTip(self.tr("Dim everything but the Stomach and Large Intestine channels"))
        self.animate.setText(self.tr("Animate strokes"))
        self._language_changed(self.state.language)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _language_changed(self, _language: str) -> None:
        self._name_concerns()
        self._fill_zone_list(self.state.concern)
        self.mark_zone(self.state.selection)
        if self.state.concern:
            self._room_timer.start()

    def _names(self, text: Callable[[str], str], joiner: str = " / ") -> str:
        """A content text in each content language shown: "Cheek / 面颊" when bilingual."""
        return joiner.join(text(lang) for lang in content_languages(self.state.language))

    def _name_concerns(self) -> None:
        self.concern_box.setItemText(0, self.tr("— any concern —"))
        for index in range(1, self.concern_box.count()):
            concern = self.catalog.concerns[self.concern_box.itemData(index)]
            change = self.catalog.local_change("concern", concern.id)
            self.concern_box.setItemText(index, self._names(concern.name.get) + (" ✎" if change else ""))
            if change:
                tip = self.tr("{change} by your content pack").format(change=change_word(change))
                self.concern_box.setItemData(index, tip, Qt.ItemDataRole.ToolTipRole)

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
        self.room.request(concern_id, sheet_language(self.state.language), self.state.note, local_paper())

    def stop_measuring(self) -> None:
        """Let a measurement under way finish before the window goes: it answers to this sidebar."""
        if self.room is not None:
            self.room.wait()

    def _show_room(self, room: Room) -> None:
        if self.state.concern:
            self.note_room.setText(self.note_room_text(room))

    def note_room_text(self, room: Room) -> str:
        """What the note field says about the room left, from how the sheet in the chosen language laid out."""
        if room.overflow:
            return self.tr("Too long to print: {reason}").format(reason=room.overflow[0])
        if room.pages > 1:
            if room.pages == 2:
                return self.tr("The sheet continues on page 2")
            return self.tr("The sheet runs to {pages} pages").format(pages=room.pages)
        return self.tr("About {count} more characters fit on the first page").format(
            count=f"{max(room.characters, 0):,}"
        )

    def _fill_zone_list(self, concern_id: str) -> None:
        """A concern's zones in working order, numbered; with none chosen, every zone top to bottom."""
        self.zone_list.clear()
        self.concern_note.clear()
        zones = self.state.catalog.zones  # in the chosen school's working order
        if concern_id:
            concern = self.catalog.concerns[concern_id]
            self.concern_note.setText(self._names(concern.caution.get, "\n") if concern.caution.values else "")
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
        item = QListWidgetItem(prefix + self._names(self.catalog.zones[zone_id].name.get) + (" ✎" if change else ""))
        item.setData(Qt.ItemDataRole.UserRole, f"{zone_id}_r")
        if change:
            item.setToolTip(self.tr("{change} by your content pack").format(change=change_word(change)))
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

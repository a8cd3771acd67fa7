"""The sidebar's choice of technique school, with the ways to compare the schools and read their sources.

The combo box writes the state and mirrors it back with its signals
blocked, like every sidebar control; the rest of the window follows the
state's `school_changed`.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QGroupBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ..state import MapState


def plain_tip(text: str) -> str:
    """A tooltip that shows pack text as written: Qt would take text that looks like markup for markup."""
    return f"<p>{escape(text)}</p>"


class SchoolPicker(QGroupBox):
    compare_requested = Signal()
    sources_requested = Signal()

    def __init__(self, state: MapState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Technique school"))
        self.state = state
        catalog = state.base_catalog
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        self.box = QComboBox()
        self.box.setAccessibleName(self.tr("Technique school: which way the strokes go"))
        for school in catalog.schools.values():
            change = catalog.local_change("school", school.id)
            self.box.addItem(school.name.get() + (" ✎" if change else ""), school.id)
        self.box.currentIndexChanged.connect(lambda _i: state.set_school(self.box.currentData()))
        buttons = QHBoxLayout()
        self.compare = QPushButton(self.tr("Compare…"))
        self.compare.setToolTip(self.tr("The selected zone under every school, side by side"))
        self.compare.clicked.connect(self.compare_requested)
        self.sources = QPushButton(self.tr("Sources…"))
        self.sources.setToolTip(self.tr("What each school rests on, work by work"))
        self.sources.clicked.connect(self.sources_requested)
        buttons.addWidget(self.compare)
        buttons.addWidget(self.sources)
        layout.addWidget(self.box)
        layout.addLayout(buttons)
        self.setVisible(bool(catalog.schools))
        state.school_changed.connect(self.show_school)
        self.show_school(state.school)

    def show_school(self, school: str) -> None:
        blocked = self.box.blockSignals(True)
        try:
            self.box.setCurrentIndex(max(self.box.findData(school), 0))
        finally:
            self.box.blockSignals(blocked)
        found = self.state.base_catalog.schools.get(school)
        # The rules as a tooltip: the sidebar must still fit a small window. Plain text, as pack text must be.
        self.box.setToolTip(plain_tip(found.sequence.get()) if found else "")

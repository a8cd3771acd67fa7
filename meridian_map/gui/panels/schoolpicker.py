"""The sidebar's choice of technique school, with the ways to compare the schools and read their sources.

The combo box writes the state and mirrors it back with its signals
blocked, like every sidebar control; the rest of the window follows the
state's `school_changed`.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QComboBox, QGroupBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ..language import content_languages
from ..state import MapState


def plain_tip(text: str) -> str:
    """A tooltip that shows pack text as written: Qt would take text that looks like markup for markup."""
    return f"<p>{escape(text)}</p>"


class SchoolPicker(QGroupBox):
    compare_requested = Signal()
    sources_requested = Signal()

    def __init__(self, state: MapState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        catalog = state.base_catalog
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        self.box = QComboBox()
        for school in catalog.schools.values():
            self.box.addItem("", school.id)
        self.box.currentIndexChanged.connect(lambda _i: state.set_school(self.box.currentData()))
        buttons = QHBoxLayout()
        self.compare = QPushButton()
        self.compare.clicked.connect(self.compare_requested)
        self.sources = QPushButton()
        self.sources.clicked.connect(self.sources_requested)
        buttons.addWidget(self.compare)
        buttons.addWidget(self.sources)
        layout.addWidget(self.box)
        layout.addLayout(buttons)
        self.setVisible(bool(catalog.schools))
        state.school_changed.connect(self.show_school)
        state.language_changed.connect(self._name_schools)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Technique school"))
        self.box.setAccessibleName(self.tr("Technique school: which way the strokes go"))
        self.compare.setText(self.tr("Compare…"))
        self.compare.setToolTip(self.tr("The selected zone under every school, side by side"))
        self.sources.setText(self.tr("Sources…"))
        self.sources.setToolTip(self.tr("What each school rests on, work by work"))
        self._name_schools()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _name_schools(self) -> None:
        """Each school's name in the content language(s) shown: "Lift / 提升" when bilingual."""
        catalog = self.state.base_catalog
        languages = content_languages(self.state.language)
        for index in range(self.box.count()):
            school = catalog.schools[self.box.itemData(index)]
            mark = " ✎" if catalog.local_change("school", school.id) else ""
            self.box.setItemText(index, " / ".join(school.name.get(lang) for lang in languages) + mark)
        self.show_school(self.state.school)

    def show_school(self, school: str) -> None:
        blocked = self.box.blockSignals(True)
        try:
            self.box.setCurrentIndex(max(self.box.findData(school), 0))
        finally:
            self.box.blockSignals(blocked)
        found = self.state.base_catalog.schools.get(school)
        # The rules as a tooltip: the sidebar must still fit a small window. Plain text, as pack text must be.
        rules = "\n".join(found.sequence.get(lang) for lang in content_languages(self.state.language)) if found else ""
        self.box.setToolTip(plain_tip(rules) if found else "")

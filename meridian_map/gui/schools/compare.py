"""The comparison view: one zone as every technique school works it, side by side, with its printable sheet.

Each column paints the zone as its school strokes it (the same picture the
printed sheet carries) over the school's own words and the works it cites,
each a link to the sources view. Pack text is shown as plain text.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.catalog import Catalog
from ...core.output.compare import comparison_sheet
from ...core.store.files import atomic_write_bytes
from ...core.text.schools import SchoolView, zone_views
from ..language import sheet_language
from ..state import MapState
from ..theme import ZONE_TINTS, Theme
from .picture import Colours, paint_zone

PICTURE = QSize(240, 260)


class ZonePicture(QWidget):
    """The zone as one school strokes it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog: Catalog | None = None
        self.zone = ""
        self.setMinimumSize(PICTURE)
        theme = Theme.current()
        tint = QColor(ZONE_TINTS[0])
        tint.setAlphaF(0.25)
        self.colours = Colours(theme.background, theme.art_colour, theme.soft_ink, tint, theme.ink)

    def show_zone(self, catalog: Catalog, zone: str) -> None:
        self.catalog, self.zone = catalog, zone
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.catalog is None:
            return
        painter = QPainter(self)
        try:
            paint_zone(painter, self.catalog, self.zone, self.rect().toRectF(), self.colours)
        finally:
            painter.end()


class SchoolColumn(QWidget):
    source_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.picture = ZonePicture()
        self.words = QLabel()
        self.words.setWordWrap(True)
        self.words.setTextFormat(Qt.TextFormat.RichText)  # our markup over escaped content text
        self.words.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.words.linkActivated.connect(self._link)
        layout.addWidget(self.picture, 3)
        layout.addWidget(self.words, 2)

    def _link(self, link: str) -> None:
        self.source_requested.emit(link.partition(":")[2])

    def show_view(self, catalog: Catalog, view: SchoolView, chosen: bool, lang: str) -> None:
        self.picture.show_zone(catalog.with_school(view.school.id), view.variant.zone)
        cites = ", ".join(f"<a href='source:{r.id}'>{escape(r.short)}</a>" for r in view.references)
        gap = escape(view.variant.gap.get(lang)) if view.variant.gap.values else ""
        if not view.variant.sources and not gap:
            gap = escape(self.tr("No work this school cites covers this zone; the zone's own strokes are shown."))
        mark = " ✓" if chosen else ""
        self.words.setText(
            f"<p><b>{escape(view.school.name.get(lang))}{mark}</b></p>"
            f"<p>{escape(view.direction.get(lang))}</p>"
            f"<p><i>{escape(view.variant.why.get(lang))}</i></p>"
            + (f"<p>{cites}</p>" if cites else "")
            + (f"<p><small>{gap}</small></p>" if gap else "")
        )


class CompareDialog(QDialog):
    """Every school's way with the chosen zone; the zone box follows the map's selection when opened."""

    source_requested = Signal(str)

    def __init__(self, state: MapState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setWindowTitle(self.tr("Compare technique schools"))
        catalog = state.base_catalog
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Zone:")))
        self.zone_box = QComboBox()
        self.zone_box.setAccessibleName(self.tr("Zone to compare"))
        for zone in sorted(catalog.zones.values(), key=lambda z: z.order):
            self.zone_box.addItem(zone.name.get(sheet_language(state.language)), zone.id)
        self.zone_box.currentIndexChanged.connect(lambda _i: self.show_zone(self.zone_box.currentData()))
        top.addWidget(self.zone_box, 1)
        layout.addLayout(top)
        row = QHBoxLayout()
        self.columns = [SchoolColumn() for _ in catalog.schools]
        for column in self.columns:
            column.source_requested.connect(self.source_requested)
            row.addWidget(column, 1)
        layout.addLayout(row, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = QPushButton(self.tr("Save as PDF sheet…"))
        self.print_button.setToolTip(self.tr("One printable page: the zone under every school, with sources"))
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.clicked.connect(self._ask_and_save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.zone = ""
        state.school_changed.connect(lambda _s: self.show_zone(self.zone))
        self.show_zone(state.selection.zone or next(iter(catalog.zones), ""))

    def show_zone(self, zone: str) -> None:
        if not zone:
            return
        self.zone = zone
        blocked = self.zone_box.blockSignals(True)
        self.zone_box.setCurrentIndex(max(self.zone_box.findData(zone), 0))
        self.zone_box.blockSignals(blocked)
        catalog = self.state.base_catalog
        for column, view in zip(self.columns, zone_views(catalog, zone), strict=True):
            column.show_view(catalog, view, view.school.id == self.state.school, sheet_language(self.state.language))

    def save_pdf(self, path: Path) -> None:
        """The one-page "ways to stroke" sheet for the shown zone, written atomically."""
        from ..sheets.render import ensure_application
        from .sheet import render_comparison

        ensure_application()
        sheet = comparison_sheet(self.state.base_catalog, self.zone, sheet_language(self.state.language))
        atomic_write_bytes(path, render_comparison(self.state.base_catalog, sheet))

    def _ask_and_save(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the comparison sheet"), f"ways-to-stroke-{self.zone}.pdf", self.tr("PDF (*.pdf)")
        )
        if not name:
            return
        try:
            self.save_pdf(Path(name))
        except OSError as exc:
            self.state.say(self.tr("Not saved: {reason}").replace("{reason}", str(exc.strerror or exc)), 15000)
            return
        self.state.say(self.tr("Saved {name}").replace("{name}", name))

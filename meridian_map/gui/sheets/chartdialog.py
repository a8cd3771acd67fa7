"""File → Wall chart…: the zone or point chart, on any paper, in colour or grey, printed, previewed or saved.

The window's way to what `meridian-map sheet --layout chart|points` draws:
the same painter, so the preview is what prints and what the command writes.
Loaded on first use, with printing, the dialogs and the sheet layouts.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QPageLayout
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.output.chart import PointChart, ZoneChart, build_chart
from ...core.output.labels import LABELS
from ...core.output.sheet import Paper, SheetError, default_filename
from ...core.store.files import atomic_write_bytes
from ..consult.printing import LANGUAGE_NAMES
from ..consult.text import fill
from ..exportmenu import PDF_FILTER, deleted_after, documents_folder, local_paper, translated, with_suffix
from .render import page_size_for, paint_sheet, painting, render_pdf

if TYPE_CHECKING:
    from ..state import MapState


class ChartDialog(QDialog):
    """Which chart, on which paper, in which language; then print, preview or export it."""

    def __init__(self, parent: QWidget, state: MapState, lang: str) -> None:
        super().__init__(parent)
        self.state = state
        self.setWindowTitle(self.tr("Wall chart"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.kind = QComboBox()
        self.kind.setObjectName("chart-kind")
        self.kind.addItem(self.tr("Zone chart: every zone numbered, with its strokes"), "chart")
        self.kind.addItem(self.tr("Point chart: every point labelled"), "points")
        form.addRow(self.tr("Chart:"), self.kind)
        self.paper = QComboBox()
        self.paper.setObjectName("chart-paper")
        for paper, name in (
            (Paper.A4, self.tr("A4")),
            (Paper.LETTER, self.tr("Letter")),
            (Paper.A3, self.tr("A3")),
            (Paper.TABLOID, self.tr("Tabloid")),
        ):
            self.paper.addItem(name, paper.value)
        self.paper.setCurrentIndex(self.paper.findData(local_paper().value))
        form.addRow(self.tr("Paper:"), self.paper)
        self.grayscale = QCheckBox(self.tr("Grayscale, for black-and-white printers"))
        self.grayscale.setObjectName("chart-grayscale")
        form.addRow("", self.grayscale)
        self.language = QComboBox()
        self.language.setObjectName("chart-language")
        for code in state.catalog.content.languages:
            if code in LABELS:
                self.language.addItem(LANGUAGE_NAMES.get(code, code), code)
        self.language.setCurrentIndex(max(0, self.language.findData(lang)))
        form.addRow(self.tr("Language:"), self.language)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = self._add(buttons, self.tr("&Print…"), self.print_chart)
        self.preview_button = self._add(buttons, self.tr("Pre&view…"), self.preview_chart)
        self.export_button = self._add(buttons, self.tr("&Export PDF…"), self.export_pdf)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @staticmethod
    def _add(buttons: QDialogButtonBox, text: str, slot: object) -> QPushButton:
        button = buttons.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
        button.clicked.connect(slot)
        return button

    # what is printed --------------------------------------------------------------------

    @property
    def lang(self) -> str:
        return str(self.language.currentData())

    @property
    def chosen_paper(self) -> Paper:
        return Paper(str(self.paper.currentData()))

    @property
    def layout_name(self) -> str:
        return str(self.kind.currentData())

    def chart(self) -> ZoneChart | PointChart | None:
        """The chart as chosen, in the school the window shows; None after saying why it cannot be made."""
        try:
            return build_chart(self.state.catalog, self.layout_name, self.lang, self.grayscale.isChecked())
        except SheetError as exc:
            self._warn(str(exc))
            return None

    def filename(self) -> str:
        """The name `meridian-map sheet` gives the same chart, e.g. meridian-map-points-grayscale-zh.pdf."""
        stem = f"{self.layout_name}{'-grayscale' if self.grayscale.isChecked() else ''}"
        return default_filename(stem, self.lang)

    # the three ways out -------------------------------------------------------------------

    def new_printer(self, chart: ZoneChart | PointChart) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(page_size_for(self.chosen_paper))
        printer.setPageOrientation(QPageLayout.Orientation.Portrait)
        printer.setDocName(chart.title)
        if self.grayscale.isChecked():
            printer.setColorMode(QPrinter.ColorMode.GrayScale)
        if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:
            # No printer installed: Qt prints to a PDF file, so offer the name Export PDF would suggest.
            printer.setOutputFileName(str(Path(documents_folder()) / self.filename()))
        return printer

    def print_chart(self) -> None:
        chart = self.chart()
        if chart is None:
            return
        printer = self.new_printer(chart)
        with deleted_after(QPrintDialog(printer, self)) as dialog:
            dialog.setWindowTitle(self.tr("Print wall chart"))
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
        if accepted:
            with painting(printer) as painter:
                paint_sheet(painter, printer, self.state.catalog, chart)
            self.state.say(self.tr("Sent to the printer"))

    def preview_chart(self) -> None:
        chart = self.chart()
        if chart is None:
            return
        printer = self.new_printer(chart)

        def paint(device: QPrinter) -> None:
            with painting(device) as painter:
                paint_sheet(painter, device, self.state.catalog, chart)

        with deleted_after(QPrintPreviewDialog(printer, self)) as dialog:
            dialog.setWindowTitle(self.tr("Wall chart preview"))
            dialog.paintRequested.connect(paint)
            dialog.exec()

    def export_pdf(self) -> Path | None:
        chart = self.chart()
        if chart is None:
            return None
        suggested = str(Path(documents_folder()) / self.filename())
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export wall chart"), suggested, translated(PDF_FILTER))
        if not name:
            return None
        target = with_suffix(Path(name), ".pdf")
        data, report = render_pdf(self.state.catalog, chart, self.chosen_paper)
        if report.overflow:
            self._warn(fill(self.tr("%1 was not saved: %2"), str(target), "; ".join(report.overflow)))
            return None
        try:
            atomic_write_bytes(target, data)
        except OSError as exc:
            self._warn(fill(self.tr("%1 was not saved: %2"), str(target), exc.strerror or str(exc)))
            return None
        self.state.say(fill(self.tr("Saved %1"), str(target)))
        return target

    def _warn(self, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Wall chart"), text, QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        with deleted_after(box):
            box.exec()

"""Print, preview or export today's take-home sheet, with the client's name, the date, a note and the language.

The sheet is the screened routine's (core/session/sheet.py): what was
worked, at the pressures it was worked at, and what was left out today and
why. It is drawn by the same painter as `meridian-map sheet`, so the preview
is what prints. Nothing is sent anywhere but to the printer or file chosen.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QImage, QPageLayout
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.catalog import Catalog
from ...core.output.labels import LABELS
from ...core.output.sheet import SheetError, TakeHomeSheet
from ...core.printable import printing_problem
from ...core.session.screening import ScreenedRoutine
from ...core.session.sheet import screened_sheet
from ...core.store.files import atomic_write_bytes
from ..exportmenu import PDF_FILTER, deleted_after, documents_folder, local_paper, with_suffix
from ..sheets.render import page_size_for, paint_sheet, painting, render_pdf
from .text import fill

if TYPE_CHECKING:
    from ...core.photo.fit import MappedPhoto
    from ..state import MapState

LANGUAGE_NAMES = {"en": "English", "zh": "中文"}


def sheet_filename(client: str, routine: str, date: dt.date, lang: str) -> str:
    """`meridian-map-<client or routine>-<date>[-zh].pdf`, with no character a file name cannot hold."""
    stem = re.sub(r"[^\w]+", "-", client or routine).strip("-").lower() or "routine"
    suffix = "" if lang == "en" else f"-{lang}"
    return f"meridian-map-{stem}-{date.isoformat()}{suffix}.pdf"


class TakeHomeDialog(QDialog):
    """The choices for the take-home sheet, and the three ways to put it on paper."""

    def __init__(
        self,
        parent: QWidget,
        catalog: Catalog,
        state: MapState,
        screened: ScreenedRoutine,
        client: str,
        note: str,
        lang: str,
        photo: MappedPhoto | None = None,
    ) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.state = state
        self.screened = screened
        self.photo = photo  # the client's photo, open in photo mode or saved in their record
        self.setWindowTitle(self.tr("Take-home sheet"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.client = QLineEdit(client)
        self.client.setObjectName("sheet-client")
        self.client.setMaxLength(80)
        form.addRow(self.tr("Client's name:"), self.client)
        self.date = QDateEdit(QDate(screened.today.year, screened.today.month, screened.today.day))
        self.date.setObjectName("sheet-date")
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setCalendarPopup(True)
        form.addRow(self.tr("Date:"), self.date)
        self.language = QComboBox()
        self.language.setObjectName("sheet-language")
        for code in catalog.content.languages:
            if code in LABELS:
                self.language.addItem(LANGUAGE_NAMES.get(code, code), code)
        self.language.setCurrentIndex(max(0, self.language.findData(lang)))
        form.addRow(self.tr("Language:"), self.language)
        self.note = QPlainTextEdit(note)
        self.note.setObjectName("sheet-note")
        self.note.setTabChangesFocus(True)
        form.addRow(self.tr("Note:"), self.note)
        self.on_photo = QCheckBox(self.tr("On the client's &photo"))
        self.on_photo.setObjectName("sheet-on-photo")
        self.on_photo.setToolTip(self.tr("Draw the routine on the client's own photo instead of the drawn face"))
        self.on_photo.setVisible(photo is not None)
        form.addRow("", self.on_photo)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = self._add(buttons, self.tr("&Print…"), self.print_sheet)
        self.preview_button = self._add(buttons, self.tr("Pre&view…"), self.preview_sheet)
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
    def day(self) -> dt.date:
        qdate = self.date.date()
        return dt.date(qdate.year(), qdate.month(), qdate.day())

    def sheet(self) -> TakeHomeSheet | None:
        """The sheet as chosen, or None after saying why it cannot be printed."""
        for field, text in ((self.tr("name"), self.client.text()), (self.tr("note"), self.note.toPlainText())):
            problem = printing_problem(text)
            if problem:
                self._warn(fill(self.tr("The %1 cannot be printed: %2"), field, problem))
                return None
        try:
            return screened_sheet(
                self.face_catalog(), self.screened, self.lang, self.note.toPlainText(), self.day, self.client.text()
            )
        except SheetError as exc:
            self._warn(str(exc))
            return None

    def face_catalog(self) -> Catalog:
        """The catalog the sheet's face is drawn from: the drawing's, or carried onto the client's photo.

        On the photo, the routine's school is applied before the map is
        carried over: a school's strokes are laid out in the drawing's units.
        """
        if self.photo is None or not self.on_photo.isChecked():
            return self.catalog
        school = self.screened.routine.school
        base = self.catalog.with_school(school) if school and school != self.catalog.school else self.catalog
        return self.photo.catalog(base, self.photo.drawing_scale(base))

    def photo_image(self) -> QImage | None:
        """The photo's pixels to print under the routine, when the sheet is drawn on it."""
        if self.photo is None or not self.on_photo.isChecked():
            return None
        from ..photo.page import qimage

        return qimage(self.photo.photo.pixels)

    def paint(self, device: QPrinter, sheet: TakeHomeSheet) -> None:
        with painting(device) as painter:
            paint_sheet(painter, device, self.face_catalog(), sheet, self.photo_image())

    def filename(self) -> str:
        return sheet_filename(self.client.text().strip(), self.screened.routine.name, self.day, self.lang)

    # the three ways out -------------------------------------------------------------------

    def new_printer(self, sheet: TakeHomeSheet) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(page_size_for(local_paper()))
        printer.setPageOrientation(QPageLayout.Orientation.Portrait)
        printer.setDocName(sheet.title)
        if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:
            printer.setOutputFileName(str(Path(documents_folder()) / self.filename()))
        return printer

    def print_sheet(self) -> None:
        sheet = self.sheet()
        if sheet is None:
            return
        printer = self.new_printer(sheet)
        with deleted_after(QPrintDialog(printer, self)) as dialog:
            dialog.setWindowTitle(self.tr("Print take-home sheet"))
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
        if accepted:
            self.paint(printer, sheet)
            self.state.say(self.tr("Sent to the printer"))

    def preview_sheet(self) -> None:
        sheet = self.sheet()
        if sheet is None:
            return
        printer = self.new_printer(sheet)

        with deleted_after(QPrintPreviewDialog(printer, self)) as dialog:
            dialog.setWindowTitle(self.tr("Take-home sheet preview"))
            dialog.paintRequested.connect(lambda device: self.paint(device, sheet))
            dialog.exec()

    def export_pdf(self) -> Path | None:
        sheet = self.sheet()
        if sheet is None:
            return None
        suggested = str(Path(documents_folder()) / self.filename())
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export take-home sheet"), suggested, PDF_FILTER)
        if not name:
            return None
        target = with_suffix(Path(name), ".pdf")
        data, report = render_pdf(self.face_catalog(), sheet, local_paper(), self.photo_image())
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
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("Take-home sheet"), text, QMessageBox.StandardButton.Ok, self
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        with deleted_after(box):
            box.exec()

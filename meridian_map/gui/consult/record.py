"""Export a client's record: everything kept about them, as JSON or as a PDF summary, to a file they chose.

The PDF is laid out by a QTextDocument from plain-text lines
(core/session/record.py): names and notes are typed by people, so none of it
is read as markup, and the bundled CJK and Latin fonts come first, as on the
sheets, so hanzi and accented names print. A new file is readable by its
owner only: it holds health details.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QMarginsF, Qt
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ...core.catalog import Catalog
from ...core.screeningmodel import Screening
from ...core.session.record import Kind, record_lines
from ...core.store.clients import ClientStore, ClientStoreError
from ...core.store.files import atomic_write_bytes, writable_mode
from ..exportmenu import PDF_FILTER, deleted_after, documents_folder, with_suffix
from ..fonts import SHEET_FAMILIES, bundled_fonts
from .text import fill

JSON_FILTER = "JSON file (*.json)"
SIZES = {Kind.TITLE: 18.0, Kind.HEADING: 13.0, Kind.SUBHEADING: 11.0, Kind.TEXT: 10.0}
PRIVATE_MODE = 0o600


def record_pdf(lines: list[tuple[Kind, str]], title: str) -> bytes:
    """The summary as an A4 PDF."""
    bundled_fonts()
    document = QTextDocument()
    base = QFont()
    base.setFamilies(SHEET_FAMILIES)
    document.setDefaultFont(base)
    cursor = QTextCursor(document)
    for index, (kind, text) in enumerate(lines):
        if index:
            cursor.insertBlock()
        char = QTextCharFormat()
        char.setFontFamilies(SHEET_FAMILIES)
        char.setFontPointSize(SIZES[kind])
        char.setFontWeight(QFont.Weight.Bold if kind is not Kind.TEXT else QFont.Weight.Normal)
        block = cursor.blockFormat()
        block.setTopMargin(10.0 if kind in (Kind.HEADING, Kind.SUBHEADING) else 2.0)
        cursor.setBlockFormat(block)
        cursor.insertText(text, char)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator("Meridian Map")
    writer.setPageLayout(
        QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(18, 18, 18, 18))
    )
    document.print_(writer)
    del writer
    return bytes(buffer.data().data())


def export_record(
    parent: QWidget, store: ClientStore, client_id: int, kind: str, catalog: Catalog, screening: Screening, lang: str
) -> Path | None:
    """Ask where, then write the record; says where it went, or why not."""
    try:
        record = store.export_client(client_id)
    except ClientStoreError as exc:
        _warn(parent, str(exc))
        return None
    name = str(record["client"]["name"])
    stem = "".join(c if c.isalnum() else "-" for c in name).strip("-").lower() or "client"
    suffix, filters = (".json", JSON_FILTER) if kind == "json" else (".pdf", PDF_FILTER)
    suggested = str(Path(documents_folder()) / f"meridian-map-record-{stem}{suffix}")
    title = QCoreApplication.translate("ClientRecord", "Export client record")
    chosen, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    if not chosen:
        return None
    target = with_suffix(Path(chosen), suffix)
    if kind == "json":
        data = (json.dumps(record, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    else:
        lines = [(line.kind, line.text) for line in record_lines(record, catalog, screening, lang)]
        data = record_pdf(lines, f"Client record: {name}")
    try:
        new = writable_mode(target) is None
        atomic_write_bytes(target, data)
        if new:
            os.chmod(target, PRIVATE_MODE)
    except OSError as exc:
        _warn(parent, f"{target}: {exc.strerror or exc}")
        return None
    _info(
        parent,
        fill(
            QCoreApplication.translate(
                "ClientRecord", "%1's record was written to %2. It holds health details: keep it safe."
            ),
            name,
            str(target),
        ),
    )
    return target


def _warn(parent: QWidget, text: str) -> None:
    _box(parent, QMessageBox.Icon.Warning, text)


def _info(parent: QWidget, text: str) -> None:
    _box(parent, QMessageBox.Icon.Information, text)


def _box(parent: QWidget, icon: QMessageBox.Icon, text: str) -> None:
    box = QMessageBox(
        icon, QCoreApplication.translate("ClientRecord", "Client record"), text, QMessageBox.StandardButton.Ok, parent
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    with deleted_after(box):
        box.exec()

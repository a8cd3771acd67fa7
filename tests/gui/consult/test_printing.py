"""The take-home sheet dialog and the record export, through their real dialogs closed from a timer."""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from meridian_map.core.screeningmodel import Answer
from meridian_map.gui import exportmenu
from meridian_map.gui.consult.printing import TakeHomeDialog, sheet_filename
from meridian_map.gui.consult.workspace import WorkspacePage

from ...dialogdriver import child, drive, press
from .helpers import build, with_client


@pytest.fixture
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "Documents"
    folder.mkdir()
    monkeypatch.setattr(exportmenu, "documents_folder", lambda: str(folder))
    for module in ("meridian_map.gui.consult.printing", "meridian_map.gui.consult.record"):
        monkeypatch.setattr(f"{module}.documents_folder", lambda: str(folder))
    return folder


def pdf_text(path: Path) -> str:
    done = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True)
    return re.sub(r"\s+", " ", done.stdout)


def save_as(qtbot: QtBot, name: str) -> object:
    """Pick `name` in the folder the file dialog opens on, and save."""

    def step(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog)
        edit = child(dialog, QLineEdit, "fileNameEdit")
        buttons = child(dialog, QDialogButtonBox)
        assert isinstance(edit, QLineEdit) and isinstance(buttons, QDialogButtonBox)
        save = buttons.button(QDialogButtonBox.StandardButton.Save)
        qtbot.waitUntil(save.isEnabled)
        edit.selectAll()
        QTest.keyClicks(edit, name)
        qtbot.waitUntil(lambda: edit.text() == name and save.isEnabled())
        QTest.mouseClick(save, Qt.MouseButton.LeftButton)

    return step


def in_dialog(act: object) -> object:
    def step(dialog: QWidget) -> None:
        assert isinstance(dialog, TakeHomeDialog)
        act(dialog)  # type: ignore[operator]
        dialog.reject()

    return step


def test_the_sheet_is_exported_with_the_name_date_note_and_language_chosen(
    page: WorkspacePage, qtbot: QtBot, documents: Path
) -> None:
    with_client(page, "Ms K")
    build(page, "acne")
    page.form.set_answers([Answer("rosacea-flare")])
    page.start_session()
    page.note.setPlainText("Seen after work.")
    page.note.flush()

    def choose(dialog: TakeHomeDialog) -> None:
        assert dialog.client.text() == "Ms K" and dialog.note.toPlainText() == "Seen after work."
        dialog.client.setText("K. Nowak")
        dialog.date.setDate(QDate(2026, 12, 24))
        dialog.note.setPlainText("Drink water; 多喝水。")
        dialog.language.setCurrentIndex(dialog.language.findData("zh"))
        assert dialog.filename() == "meridian-map-k-nowak-2026-12-24-zh.pdf"
        inner = drive((QFileDialog, save_as(qtbot, "handout")))  # type: ignore[arg-type]
        written = dialog.export_pdf()
        inner.check()
        assert written == documents / "handout.pdf"

    driver = drive((TakeHomeDialog, in_dialog(choose)))  # type: ignore[arg-type]
    page.print_button.click()
    driver.check()
    text = pdf_text(documents / "handout.pdf")
    assert "为 K. Nowak 准备" in text and "2026-12-24" in text and "多喝水" in text
    assert "今天略过的部位及原因" in text and "玫瑰痤疮" in text
    assert page.findChildren(TakeHomeDialog) == []


def test_the_sheet_is_previewed_and_printed_from_the_dialog(page: WorkspacePage, documents: Path) -> None:
    build(page, "dark_circles")

    def preview_then_print(dialog: TakeHomeDialog) -> None:
        inner = drive((QPrintPreviewDialog, lambda preview: press(preview, Qt.Key.Key_Escape)))
        dialog.preview_button.click()
        inner.check()

        def accept(printing: QWidget) -> None:
            assert isinstance(printing, QPrintDialog)
            assert printing.printer().outputFormat() == QPrinter.OutputFormat.PdfFormat, "no printer: a PDF file"
            press(printing, Qt.Key.Key_Return)

        inner = drive((QPrintDialog, accept))
        dialog.print_button.click()
        inner.check()

    driver = drive((TakeHomeDialog, in_dialog(preview_then_print)))  # type: ignore[arg-type]
    page.print_button.click()
    driver.check()
    (printed,) = documents.iterdir()
    assert printed.name.startswith("meridian-map-dark-circles-") and "Gua sha at home: dark circles" in pdf_text(
        printed
    )


def test_a_routine_with_chosen_lines_is_refused_with_the_reason(page: WorkspacePage) -> None:
    build(page, "acne")
    page.builder.steps.setCurrentRow(1)
    page.builder.editor.line_boxes[0].setChecked(False)

    def try_export(dialog: TakeHomeDialog) -> None:
        inner = drive((QMessageBox, lambda box: box.accept() if "every line" in box.text() else None))  # type: ignore[union-attr, attr-defined]
        assert dialog.export_pdf() is None
        inner.check()

    driver = drive((TakeHomeDialog, in_dialog(try_export)))  # type: ignore[arg-type]
    page.print_button.click()
    driver.check()


def test_sheet_file_names_hold_no_path_characters() -> None:
    import datetime as dt

    assert sheet_filename("../../etc/x", "R", dt.date(2026, 1, 2), "en") == "meridian-map-etc-x-2026-01-02.pdf"
    assert (
        sheet_filename("", "王芳 routine", dt.date(2026, 1, 2), "zh") == "meridian-map-王芳-routine-2026-01-02-zh.pdf"
    )


@pytest.mark.parametrize("kind", ["json", "pdf"])
def test_a_client_record_is_exported_for_the_owner_only(
    page: WorkspacePage, qtbot: QtBot, documents: Path, kind: str
) -> None:
    client = with_client(page, "王芳")
    build(page, "acne")
    page.form.set_answers([Answer("active-breakout", zones=("chin",))])
    page.start_session()
    assert page.store is not None
    page.store.save_note(page.session_id, "Calm skin.")
    driver = drive(
        (QFileDialog, save_as(qtbot, "record")),  # type: ignore[arg-type]
        (QMessageBox, lambda box: box.accept()),  # type: ignore[attr-defined]
    )
    (page.json_button if kind == "json" else page.pdf_button).click()
    driver.check()
    written = documents / f"record.{kind}"
    assert stat.S_IMODE(os.stat(written).st_mode) == 0o600
    if kind == "json":
        data = json.loads(written.read_text(encoding="utf-8"))
        assert data == page.store.export_client(client)
        assert data["sessions"][0]["note"] == "Calm skin."
    else:
        text = pdf_text(written)
        for expected in ("Client record: 王芳", "Sessions (1)", "Note: Calm skin.", "Has inflamed acne now"):
            assert expected in text, expected

"""File → Print…, Print Preview…, Export PDF… and Export Image… with the dialogs mocked."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from defusedxml import ElementTree
from PySide6.QtGui import QAction, QImage
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox

from meridian_map.gui.exportmenu import Exporter
from meridian_map.gui.mainwindow import MainWindow

TITLES = ["&Print…", "Print Pre&view…", "&Export PDF…", "Export &Image…"]


def file_actions(window: MainWindow) -> list[QAction]:
    menu = window.menuBar().actions()[0].menu()
    return list(menu.actions())  # type: ignore[union-attr]


def action(window: MainWindow, title: str) -> QAction:
    return next(a for a in file_actions(window) if a.text() == title)


def pdf_text(path: Path) -> str:
    return re.sub(
        r"\s+", " ", subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True).stdout
    )


def pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))  # type: ignore[union-attr]


def test_the_file_menu_offers_printing_and_export_before_quit(window: MainWindow) -> None:
    actions = file_actions(window)
    titles = [a.text() for a in actions]
    assert titles[:4] == TITLES
    assert actions[4].isSeparator()
    assert titles[-1] == "&Quit"


def pdf_printer_exec(target: Path) -> object:
    """A stand-in for a modal dialog's exec that prints to a PDF file instead of a printer."""

    def fake_exec(dialog: QPrintPreviewDialog) -> int:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        dialog.paintRequested.emit(printer)
        return int(QDialog.DialogCode.Rejected)

    return fake_exec


def test_print_preview_opens_paints_the_sheet_and_closes(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "preview.pdf"
    opened: list[QPrintPreviewDialog] = []
    fake = pdf_printer_exec(target)

    def recording_exec(dialog: QPrintPreviewDialog) -> int:
        opened.append(dialog)
        return fake(dialog)  # type: ignore[operator, no-any-return]

    monkeypatch.setattr(QPrintPreviewDialog, "exec", recording_exec)
    action(window, "Print Pre&view…").trigger()
    assert len(opened) == 1
    assert pages(target) == 1
    assert "Facial gua sha: the zones at a glance" in pdf_text(target)


def test_print_sends_the_picked_concerns_take_home_sheet(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "printed.pdf"

    def accept(dialog: QPrintDialog) -> int:
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(target))
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    window.sidebar.set_concern("dark_circles")
    action(window, "&Print…").trigger()
    assert pages(target) == 1
    assert "Gua sha at home: dark circles" in pdf_text(target)


def test_cancelled_print_prints_nothing(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    painted: list[QPrinter] = []
    monkeypatch.setattr(QPrintDialog, "exec", lambda _dialog: int(QDialog.DialogCode.Rejected))
    monkeypatch.setattr(Exporter, "paint_on", lambda _self, printer: painted.append(printer))
    action(window, "&Print…").trigger()
    assert painted == []


def test_export_pdf_writes_the_sheet_where_asked(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "handout"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(target), "PDF document (*.pdf)"))
    window.sidebar.set_concern("acne")
    action(window, "&Export PDF…").trigger()
    written = target.with_suffix(".pdf")
    assert pages(written) == 1
    assert "Gua sha at home: acne" in pdf_text(written)


def test_export_pdf_to_an_unwritable_place_says_so(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(tmp_path / "no" / "x.pdf"), ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    action(window, "&Export PDF…").trigger()
    assert len(warnings) == 1 and "x.pdf was not saved" in warnings[0]


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_export_image_renders_the_current_view_at_the_chosen_width(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, suffix: str
) -> None:
    target = tmp_path / f"map{suffix}"
    chosen = "SVG image (*.svg)" if suffix == ".svg" else "PNG image (*.png)"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(target), chosen))
    monkeypatch.setattr(QInputDialog, "getInt", lambda *args: (640, True))
    window.select("cheek_l")
    action(window, "Export &Image…").trigger()
    assert target.is_file()
    if suffix == ".png":
        image = QImage(str(target))
        assert image.width() == 640 and image.height() > 300
        assert len({image.pixel(x, y) for x in range(0, 640, 16) for y in range(0, image.height(), 16)}) > 20
    else:
        root = ElementTree.parse(target).getroot()
        assert root.get("viewBox", "").startswith("0 0 640 ")
        assert len(list(root.iter("{http://www.w3.org/2000/svg}path"))) > 50


def test_export_image_cancelled_at_the_size_writes_nothing(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "map.png"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(target), "PNG image (*.png)"))
    monkeypatch.setattr(QInputDialog, "getInt", lambda *args: (640, False))
    action(window, "Export &Image…").trigger()
    assert not target.exists()

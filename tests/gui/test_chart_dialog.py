"""File → Wall Chart…: the chart dialog opened from the menu, exporting and previewing through real dialogs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from meridian_map.core.catalog import Catalog
from meridian_map.gui import exportmenu, language
from meridian_map.gui.mainwindow import MainWindow
from meridian_map.gui.sheets import chartdialog
from meridian_map.gui.sheets.chartdialog import ChartDialog

from ..dialogdriver import child, drive, press
from ..pdftext import flat, poppler
from .test_language import in_chinese, untranslated

A3_PT = "pts (A3)"


@pytest.fixture
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where the dialogs suggest saving: a fresh folder, not the tester's Documents."""
    folder = tmp_path / "Documents"
    folder.mkdir()
    monkeypatch.setattr(exportmenu, "documents_folder", lambda: str(folder))
    monkeypatch.setattr(chartdialog, "documents_folder", lambda: str(folder))
    return folder


def wall_chart_action(window: MainWindow) -> QAction:
    return window.named_actions["wall_chart"]


def save_as(qtbot: QtBot, name: str, seen: list[str]) -> object:
    """Note the suggested name, pick `name` in the folder the file dialog opens on, and save."""

    def step(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog) and dialog.windowTitle() == "Export wall chart"
        edit = child(dialog, QLineEdit, "fileNameEdit")
        buttons = child(dialog, QDialogButtonBox)
        assert isinstance(edit, QLineEdit) and isinstance(buttons, QDialogButtonBox)
        save = buttons.button(QDialogButtonBox.StandardButton.Save)
        qtbot.waitUntil(save.isEnabled)
        seen.append(edit.text())
        edit.selectAll()
        QTest.keyClicks(edit, name)
        qtbot.waitUntil(lambda: edit.text() == name and save.isEnabled())
        QTest.mouseClick(save, Qt.MouseButton.LeftButton)

    return step


def test_the_point_chart_is_exported_on_the_paper_in_the_language_chosen(
    window: MainWindow, qtbot: QtBot, documents: Path
) -> None:
    suggested: list[str] = []

    def choose(dialog: QWidget) -> None:
        assert isinstance(dialog, ChartDialog) and dialog.windowTitle() == "Wall chart"
        dialog.kind.setCurrentIndex(dialog.kind.findData("points"))
        dialog.paper.setCurrentIndex(dialog.paper.findData("a3"))
        dialog.language.setCurrentIndex(dialog.language.findData("zh"))
        dialog.grayscale.setChecked(True)
        inner = drive((QFileDialog, save_as(qtbot, "wall", suggested)))  # type: ignore[arg-type]
        dialog.export_button.click()
        inner.check()
        press(dialog, Qt.Key.Key_Escape)

    driver = drive((ChartDialog, choose))
    wall_chart_action(window).trigger()
    driver.check()
    assert suggested == ["meridian-map-points-grayscale-zh.pdf"]
    written = documents / "wall.pdf"
    assert window.statusBar().currentMessage() == f"Saved {written}"
    info = poppler("pdfinfo", str(written))
    assert A3_PT in info and re.search(r"^Pages:\s+2$", info, re.M)
    first = flat(poppler("pdftotext", "-f", "1", "-l", "1", str(written), "-"))
    assert "ST2" in first and "EX-HN5" in first and "四白" in first
    assert window.findChildren(ChartDialog) == []


def test_the_zone_chart_preview_shows_its_pages_and_closes(window: MainWindow, qtbot: QtBot) -> None:
    pages: list[int] = []

    def preview(dialog: QWidget) -> None:
        assert isinstance(dialog, ChartDialog)
        assert dialog.kind.currentData() == "chart"

        def look(shown: QWidget) -> None:
            assert shown.windowTitle() == "Wall chart preview"
            widget = child(shown, QPrintPreviewWidget)
            assert isinstance(widget, QPrintPreviewWidget)
            qtbot.waitUntil(lambda: widget.pageCount() > 0)
            pages.append(widget.pageCount())
            press(shown, Qt.Key.Key_Escape)

        inner = drive((QPrintPreviewDialog, look))
        dialog.preview_button.click()
        inner.check()
        press(dialog, Qt.Key.Key_Escape)

    driver = drive((ChartDialog, preview))
    wall_chart_action(window).trigger()
    driver.check()
    assert pages and pages[0] >= 1
    assert window.findChildren(QPrintPreviewDialog) == []


def test_the_dialog_speaks_chinese_and_offers_the_windows_language_first(
    window: MainWindow, qtbot: QtBot, catalog: Catalog
) -> None:
    left: list[str] = []
    chosen: list[str] = []

    def look(dialog: QWidget) -> None:
        assert isinstance(dialog, ChartDialog) and dialog.windowTitle() == "挂图"
        left.extend(untranslated(dialog, catalog))
        chosen.append(dialog.lang)
        press(dialog, Qt.Key.Key_Escape)

    in_chinese(qtbot, window)
    try:
        driver = drive((ChartDialog, look))
        wall_chart_action(window).trigger()
        driver.check()
    finally:
        language.use_chrome_language("en")
    assert left == []
    assert chosen == ["zh"]

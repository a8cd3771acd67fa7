"""The window's own dialogs, opened for real on an X server, painted, read and closed with keys.

The export dialogs are in test_export_menu.py, the unsaved-settings message
in test_window_state.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from meridian_map.gui.app import show_pack_problems
from meridian_map.gui.mainwindow import MainWindow

from .dialogdriver import dark_pixels, drive, press

pytestmark = pytest.mark.xvfb


def help_action(window: MainWindow, title: str) -> None:
    menu = window.menuBar().actions()[2].menu()
    next(a for a in menu.actions() if a.text() == title).trigger()  # type: ignore[union-attr]


def test_about_opens_shows_the_disclaimer_and_closes(window: MainWindow, qtbot: QtBot) -> None:
    read: list[str] = []

    def read_and_close(box: QWidget) -> None:
        assert isinstance(box, QMessageBox) and box.windowTitle() == "About Meridian Map"
        qtbot.waitExposed(box)
        qtbot.waitUntil(lambda: dark_pixels(box.grab().toImage()) > 200)
        read.append(box.text())
        press(box, Qt.Key.Key_Escape)

    driver = drive((QMessageBox, read_and_close))
    help_action(window, "&About Meridian Map")
    driver.check()
    assert "Meridian Map" in read[0]
    assert window.catalog.content.disclaimer.full.get()[:40] in read[0]


def test_about_closed_leaves_nothing_behind(window: MainWindow) -> None:
    for _ in range(2):
        driver = drive((QMessageBox, lambda box: press(box, Qt.Key.Key_Escape)))
        help_action(window, "&About Meridian Map")
        driver.check()
    assert window.findChildren(QMessageBox) == []


def test_a_content_folder_that_cannot_be_made_is_reported(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "data").write_text("a file where the data folder should be")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    read: list[str] = []

    def read_and_close(box: QWidget) -> None:
        assert isinstance(box, QMessageBox) and box.windowTitle() == "Content folder"
        qtbot.waitExposed(box)
        qtbot.waitUntil(lambda: dark_pixels(box.grab().toImage()) > 50)
        read.append(box.text())
        press(box, Qt.Key.Key_Return)

    driver = drive((QMessageBox, read_and_close))
    help_action(window, "Open &content folder")
    driver.check()
    assert "cannot be created" in read[0]


def test_pack_problems_are_shown_and_close(window: MainWindow, qtbot: QtBot) -> None:
    problems = [f"ear.toml:{n}: zone 'ear': unknown pressure 'lite'" for n in range(1, 12)]
    show_pack_problems(window, problems)
    box = window.findChild(QMessageBox)
    assert isinstance(box, QMessageBox)
    qtbot.waitUntil(box.isVisible)
    qtbot.waitExposed(box)
    qtbot.waitUntil(lambda: dark_pixels(box.grab().toImage()) > 100)
    assert box.text().startswith("11 problem(s)")
    assert "3 more" in box.informativeText()
    press(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox) is None)  # closed and deleted

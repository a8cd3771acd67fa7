"""File → Print…, Print Preview…, Export PDF… and Export Image… through their real dialogs.

Every dialog is opened for real on an X server (Xvfb), left to paint, looked
at through a screen grab and closed with keys from a timer while the menu
action waits in its exec(); nothing stands in for a dialog.
"""

from __future__ import annotations

import os
import re
import stat
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from defusedxml import ElementTree
from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtGui import QAction, QImage
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QInputDialog, QLineEdit, QMessageBox, QSpinBox, QWidget
from pytestqt.qtbot import QtBot

from meridian_map.gui import exportmenu
from meridian_map.gui.mainwindow import MainWindow

from .dialogdriver import child, colours, dark_pixels, drive, light_pixels, press

# Sampled every second pixel, the cheat sheet's text makes over 400 dark ones in a
# 700 × 480 preview; an empty page's shadow makes a few dozen.
SHEET_DARK_PIXELS = 200
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


def on_screen(widget: QWidget) -> QImage:
    """What the X server shows of `widget`: its top-level window's pixels, cut to the widget."""
    top = widget.window()
    corner = widget.mapTo(top, QPoint(0, 0))
    return top.screen().grabWindow(top.winId(), corner.x(), corner.y(), widget.width(), widget.height()).toImage()


@pytest.fixture
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where the dialogs suggest saving: a fresh folder, not the tester's Documents."""
    folder = tmp_path / "Documents"
    folder.mkdir()
    monkeypatch.setattr(exportmenu, "documents_folder", lambda: str(folder))
    return folder


def test_the_file_menu_offers_printing_and_export_before_quit(window: MainWindow) -> None:
    actions = file_actions(window)
    titles = [a.text() for a in actions]
    assert titles[:4] == TITLES
    assert actions[4].isSeparator()
    assert titles[-1] == "&Quit"


@pytest.mark.xvfb
def test_print_preview_shows_the_sheet_and_closes(window: MainWindow, qtbot: QtBot) -> None:
    grabs: list[QImage] = []

    def look_and_close(dialog: QWidget) -> None:
        assert dialog.windowTitle() == "Print preview"
        preview = child(dialog, QPrintPreviewWidget)
        assert isinstance(preview, QPrintPreviewWidget)
        qtbot.waitExposed(dialog)
        qtbot.waitUntil(lambda: preview.pageCount() == 1)
        # The page is drawn once the preview has laid it out; wait for the screen to show it.
        qtbot.waitUntil(lambda: dark_pixels(on_screen(preview)) > SHEET_DARK_PIXELS, timeout=20000)
        grabs.append(on_screen(preview))
        press(dialog, Qt.Key.Key_Escape)

    driver = drive((QPrintPreviewDialog, look_and_close))
    action(window, "Print Pre&view…").trigger()
    driver.check()
    # A white page with the sheet's text on it, not an empty grey frame or a blank page.
    assert dark_pixels(grabs[0]) > SHEET_DARK_PIXELS
    assert light_pixels(grabs[0]) > grabs[0].width() * grabs[0].height() // 16


@pytest.mark.xvfb
def test_print_preview_opens_again_after_closing(window: MainWindow, qtbot: QtBot) -> None:
    """The printer of the first preview is gone before the second: nothing may still point at it."""
    for _ in range(2):
        driver = drive((QPrintPreviewDialog, lambda dialog: press(dialog, Qt.Key.Key_Escape)))
        action(window, "Print Pre&view…").trigger()
        driver.check()
    assert window.findChildren(QPrintPreviewDialog) == []


@pytest.mark.xvfb
def test_print_sends_the_picked_concerns_take_home_sheet(window: MainWindow, qtbot: QtBot, documents: Path) -> None:
    def look_and_print(dialog: QWidget) -> None:
        assert isinstance(dialog, QPrintDialog) and dialog.windowTitle() == "Print sheet"
        qtbot.waitExposed(dialog)
        qtbot.waitUntil(lambda: colours(on_screen(dialog)) > 3)
        assert dialog.printer().outputFormat() == QPrinter.OutputFormat.PdfFormat, "no printer: a PDF file"
        press(dialog, Qt.Key.Key_Return)

    window.map_state.set_concern("dark_circles")
    driver = drive((QPrintDialog, look_and_print))
    action(window, "&Print…").trigger()
    driver.check()
    printed = documents / "meridian-map-dark_circles.pdf"
    assert pages(printed) == 1
    assert "Gua sha at home: dark circles" in pdf_text(printed)


@pytest.mark.xvfb
def test_cancelled_print_prints_nothing(window: MainWindow, documents: Path) -> None:
    driver = drive((QPrintDialog, lambda dialog: press(dialog, Qt.Key.Key_Escape)))
    action(window, "&Print…").trigger()
    driver.check()
    assert list(documents.iterdir()) == []
    assert window.statusBar().currentMessage() == ""


def save_as(qtbot: QtBot, target: Path, title: str, then: Callable[[], object] = lambda: None) -> object:
    """A step that checks the file dialog is up and painted, then picks `target` and clicks Save.

    `target` is in the folder the dialog opens on, so the dialog does not
    change folder, which it does in the background.
    """

    def step(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog) and dialog.windowTitle() == title
        qtbot.waitExposed(dialog)
        qtbot.waitUntil(lambda: colours(on_screen(dialog)) > 10)
        edit = child(dialog, QLineEdit, "fileNameEdit")
        buttons = child(dialog, QDialogButtonBox)
        assert isinstance(edit, QLineEdit) and isinstance(buttons, QDialogButtonBox)
        save = buttons.button(QDialogButtonBox.StandardButton.Save)
        # Save is enabled once the dialog has checked its suggested name against the folder;
        # a name typed before then may be replaced by the suggestion.
        qtbot.waitUntil(save.isEnabled)
        edit.selectAll()
        QTest.keyClicks(edit, target.name)
        qtbot.waitUntil(lambda: edit.text() == target.name and save.isEnabled())
        QTest.mouseClick(save, Qt.MouseButton.LeftButton)
        then()

    return step


@pytest.mark.xvfb
def test_export_pdf_writes_the_sheet_where_asked(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, documents: Path
) -> None:
    target = documents / "handout"
    window.map_state.set_concern("acne")
    driver = drive((QFileDialog, save_as(qtbot, target, "Export PDF")))  # type: ignore[arg-type]
    action(window, "&Export PDF…").trigger()
    driver.check()
    written = target.with_suffix(".pdf")
    assert pages(written) == 1
    assert "Gua sha at home: acne" in pdf_text(written)
    assert window.statusBar().currentMessage() == f"Saved {written}"


@pytest.mark.xvfb
def test_export_pdf_cancelled_writes_nothing(window: MainWindow, documents: Path, tmp_path: Path) -> None:
    before = sorted(tmp_path.rglob("*"))
    driver = drive((QFileDialog, lambda dialog: press(dialog, Qt.Key.Key_Escape)))
    action(window, "&Export PDF…").trigger()
    driver.check()
    assert sorted(tmp_path.rglob("*")) == before


@pytest.mark.xvfb
def test_export_pdf_to_an_unwritable_place_says_so(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, documents: Path
) -> None:
    target = documents / "x.pdf"
    said: list[str] = []

    def read_and_close(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        qtbot.waitExposed(box)
        qtbot.waitUntil(lambda: dark_pixels(on_screen(box)) > 50)
        said.append(box.text())
        press(box, Qt.Key.Key_Return)

    driver = drive(
        # The folder goes once the name is chosen, before the sheet is written.
        (QFileDialog, save_as(qtbot, target, "Export PDF", then=documents.rmdir)),  # type: ignore[arg-type]
        (QMessageBox, read_and_close),
    )
    action(window, "&Export PDF…").trigger()
    driver.check()
    assert len(said) == 1 and "x.pdf was not saved: No such file or directory" in said[0]


def width_of(qtbot: QtBot, pixels: int | None) -> object:
    """A step that types a width into the size dialog and accepts it, or cancels with None."""

    def step(dialog: QWidget) -> None:
        assert isinstance(dialog, QInputDialog)
        qtbot.waitExposed(dialog)
        qtbot.waitUntil(lambda: dark_pixels(on_screen(dialog)) > 20)
        if pixels is None:
            press(dialog, Qt.Key.Key_Escape)
            return
        spin = child(dialog, QSpinBox)
        assert isinstance(spin, QSpinBox)
        spin.selectAll()
        QTest.keyClicks(spin, str(pixels))
        press(spin, Qt.Key.Key_Return)

    return step


@pytest.mark.xvfb
@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_export_image_renders_the_current_view_at_the_chosen_width(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, documents: Path, suffix: str
) -> None:
    target = documents / f"map{suffix}"
    window.select("cheek_l")
    driver = drive(
        (QFileDialog, save_as(qtbot, target, "Export image")),  # type: ignore[arg-type]
        (QInputDialog, width_of(qtbot, 640)),  # type: ignore[arg-type]
    )
    action(window, "Export &Image…").trigger()
    driver.check()
    assert target.is_file()
    if suffix == ".png":
        image = QImage(str(target))
        assert image.width() == 640 and image.height() > 300
        assert len({image.pixel(x, y) for x in range(0, 640, 16) for y in range(0, image.height(), 16)}) > 20
    else:
        root = ElementTree.parse(target).getroot()
        assert root.get("width") == f"{640 * 25.4 / exportmenu.CSS_DPI:.3f}mm", "640 px wide in a browser"
        assert len(list(root.iter("{http://www.w3.org/2000/svg}path"))) > 50


@pytest.mark.xvfb
def test_export_image_cancelled_at_the_size_writes_nothing(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, documents: Path
) -> None:
    target = documents / "map.png"
    driver = drive(
        (QFileDialog, save_as(qtbot, target, "Export image")),  # type: ignore[arg-type]
        (QInputDialog, width_of(qtbot, None)),  # type: ignore[arg-type]
    )
    action(window, "Export &Image…").trigger()
    driver.check()
    assert not target.exists()


def exporter_of(window: MainWindow) -> exportmenu.Exporter:
    found = window.findChild(exportmenu.Exporter)
    assert isinstance(found, exportmenu.Exporter)
    return found


def complaint_into(qtbot: QtBot, said: list[str]) -> object:
    def read_and_close(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        qtbot.waitExposed(box)
        said.append(box.text())
        press(box, Qt.Key.Key_Return)

    return read_and_close


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_export_image_is_written_atomically_over_the_old_file(window: MainWindow, tmp_path: Path, suffix: str) -> None:
    """A rename, not a rewrite in place: a reader holding the old file keeps it whole."""
    target = tmp_path / f"map{suffix}"
    target.write_bytes(b"old picture")
    target.chmod(0o640)
    old_inode = target.stat().st_ino
    source = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    exporter_of(window).write_image(target, QSize(300, 300), source)
    assert target.stat().st_ino != old_inode
    assert target.stat().st_mode & 0o777 == 0o640
    assert target.read_bytes().startswith(b"\x89PNG" if suffix == ".png" else b"<?xml")
    assert window.statusBar().currentMessage() == f"Saved {target}"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


@pytest.mark.skipif(os.name != "posix", reason="FIFOs and file modes")
@pytest.mark.parametrize("kind", ["read-only", "fifo"])
@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_export_image_refuses_a_read_only_file_or_a_fifo_and_leaves_it(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, kind: str, suffix: str
) -> None:
    target = tmp_path / f"map{suffix}"
    reader = None
    if kind == "fifo":
        os.mkfifo(target)
        reader = os.open(target, os.O_RDONLY | os.O_NONBLOCK)  # so a wrong write would not block the test
    else:
        target.write_bytes(b"keep me")
        target.chmod(0o444)
    said: list[str] = []
    driver = drive((QMessageBox, complaint_into(qtbot, said)))  # type: ignore[arg-type]
    source = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    try:
        exporter_of(window).write_image(target, QSize(300, 300), source)
        driver.check()
        if reader is not None:
            assert os.read(reader, 16) == b""
    finally:
        if reader is not None:
            os.close(reader)
    expected = "is a FIFO, not a regular file" if kind == "fifo" else "is read-only; it was left untouched"
    assert len(said) == 1 and expected in said[0]
    if kind == "fifo":
        assert stat.S_ISFIFO(target.lstat().st_mode)
    else:
        assert target.read_bytes() == b"keep me"

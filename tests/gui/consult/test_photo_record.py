"""Photo mode and the client's record: saved only when asked, reopened, printed on, exported, deleted."""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from meridian_map.core.catalog import Catalog
from meridian_map.gui.consult.printing import TakeHomeDialog
from meridian_map.gui.consult.workspace import WorkspacePage

from ... import photos
from ...dialogdriver import colours, drive
from ...pdftext import flat, poppler
from .helpers import build, with_client
from .test_printing import documents, save_as

pytest.importorskip("mediapipe", reason="photo mode needs the extra: pip install 'meridian-map[photo]'")

from meridian_map.core.photo.fit import MappedPhoto, map_photo
from meridian_map.core.photo.image import decode_photo
from meridian_map.gui.photo.opening import show_photo
from meridian_map.gui.photo.page import PhotoPage

__all__ = ["documents"]  # a fixture, shared with the printing tests


@pytest.fixture(scope="module")
def mapped(catalog: Catalog) -> MappedPhoto:
    """The astronaut with a phone's EXIF (maker, GPS) on it, mapped once for the module."""
    return map_photo(catalog, decode_photo(photos.with_location(photos.astronaut()), "astronaut.jpg"))


def photo_page(page: WorkspacePage) -> PhotoPage:
    shown = page.window_.photo_page
    assert shown is not None
    return shown


def private(path: Path) -> list[str]:
    """The client file and its companions that are not readable by the owner alone."""
    files = [p for p in path.parent.iterdir() if p.name.startswith(path.name)]
    assert path in files
    return [p.name for p in files if stat.S_IMODE(os.stat(p).st_mode) != 0o600]


def says(*words: str, button: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok) -> object:
    def step(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox) and dialog.textFormat() == Qt.TextFormat.PlainText
        for word in words:
            assert word in dialog.text(), dialog.text()
        dialog.done(int(button))

    return step


def test_a_photo_is_saved_to_the_open_client_reopened_and_deleted(
    page: WorkspacePage, mapped: MappedPhoto, clients_file: Path
) -> None:
    window, state = page.window_, page.state
    state.set_mode("explore")
    show_photo(window, mapped)
    assert not photo_page(page).save_button.isVisibleTo(window), "no client open: nothing is offered"

    state.set_mode("clients")
    client = with_client(page, "Ms K")
    assert page.photo.thumbnail.text() == "No photo" and not page.photo.open_button.isEnabled()
    state.set_mode("explore")
    shown = photo_page(page)
    assert shown.save_button.isVisibleTo(window) and shown.save_button.text() == "Save photo to Ms K"
    assert page.store is not None and page.store.photo(client) is None, "shown, not saved"
    corner = mapped.fit.photo["mouth_corner_r"]
    scale = shown.scale
    shown._landmark_moved("mouth_corner_r", (corner[0] - 6) * scale, corner[1] * scale)  # a correction
    shown.save_button.click()
    assert "Saved the photo to Ms K's record" in window.statusBar().currentMessage()

    stored = page.store.photo(client)
    assert stored is not None and stored.jpeg.startswith(b"\xff\xd8")
    assert b"PhoneMaker" not in stored.jpeg and b"Exif" not in stored.jpeg[:200]
    assert stored.landmarks["mouth_corner_r"] == pytest.approx((corner[0] - 6, corner[1]), abs=0.01)
    assert private(clients_file) == []
    shown.back_button.click()
    assert window.photo_page is None

    state.set_mode("clients")
    assert not page.photo.thumbnail.pixmap().isNull() and page.photo.open_button.isEnabled()
    page.photo.open_button.click()
    reopened = photo_page(page)
    assert state.mode == "explore" and reopened.record is not None and reopened.record.client_id == client
    assert reopened.mapped.fit.photo["mouth_corner_r"] == pytest.approx((corner[0] - 6, corner[1]), abs=0.01)
    assert reopened.scene.point_items["ST4.R"].x() < reopened.scene.catalog.face.landmarks["stomion"][0]

    state.set_mode("clients")
    assert page.photo.for_sheet() is reopened.mapped, "the sheet may go on the photo open, as corrected"
    with_client(page, "Mr L")
    assert page.photo.for_sheet() is None, "Ms K's photo is never offered for Mr L's sheet"
    page.refresh_clients(client)
    assert page.client_id == client
    driver = drive(
        (QMessageBox, says("Delete the photo saved in Ms K's record", button=QMessageBox.StandardButton.Yes)),  # type: ignore[arg-type]
        (QMessageBox, says("Ms K's photo is deleted", "Nothing of it is left")),  # type: ignore[arg-type]
    )
    page.photo.delete_button.click()
    driver.check()
    assert page.store.photo(client) is None and page.store.client(client).name == "Ms K", "the photo, not the client"
    assert window.photo_page is None, "the deleted photo is no longer on screen"
    assert page.photo.thumbnail.text() == "No photo"
    assert stored.jpeg[200:264] not in clients_file.read_bytes(), "overwritten in the file, not just unlinked"
    assert private(clients_file) == []


def test_deleting_the_client_deletes_their_photo_and_says_so(
    page: WorkspacePage, mapped: MappedPhoto, clients_file: Path
) -> None:
    client = with_client(page, "Mr L")
    show_photo(page.window_, mapped)
    assert photo_page(page).save_to_client()
    assert page.store is not None and page.store.photo(client) is not None
    driver = drive(
        (QMessageBox, says("Mr L", button=QMessageBox.StandardButton.Yes)),  # type: ignore[arg-type]
        (QMessageBox, says("Mr L is deleted", "their photo", "Nothing of it is left")),  # type: ignore[arg-type]
    )
    page.delete_button.click()
    driver.check()
    assert page.store.photo(client) is None and page.window_.photo_page is None
    assert b"Mr L" not in clients_file.read_bytes()


def page_pixels(pdf: Path) -> QImage:
    prefix = pdf.with_suffix("")
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(pdf), str(prefix)], check=True)
    (png,) = pdf.parent.glob(f"{prefix.name}*.png")
    return QImage(str(png))


def photo_like(image: QImage) -> int:
    """Sampled pixels in the astronaut's colours (his dark hair and the dim background), not ink or tints on paper."""
    count = 0
    for x in range(0, image.width(), 2):
        for y in range(0, image.height() // 2, 2):
            colour = image.pixelColor(x, y)
            if 40 < colour.lightness() < 140 and colour.saturation() > 25:
                count += 1
    return count


def test_the_take_home_sheet_is_printed_on_the_clients_photo(
    page: WorkspacePage, mapped: MappedPhoto, qtbot: QtBot, documents: Path
) -> None:
    with_client(page, "Ms K")
    build(page, "dark_circles")
    show_photo(page.window_, mapped)
    assert photo_page(page).save_to_client()
    photo_page(page).back_button.click()  # printed from the record: nothing open in photo mode

    def export_both(dialog: QWidget) -> None:
        assert isinstance(dialog, TakeHomeDialog)
        assert dialog.on_photo.isVisibleTo(dialog) and not dialog.on_photo.isChecked(), "offered, not imposed"
        inner = drive((QFileDialog, save_as(qtbot, "drawn")))  # type: ignore[arg-type]
        dialog.export_pdf()
        inner.check()
        dialog.on_photo.setChecked(True)
        inner = drive((QFileDialog, save_as(qtbot, "photo")))  # type: ignore[arg-type]
        dialog.export_pdf()
        inner.check()
        dialog.reject()

    driver = drive((TakeHomeDialog, export_both))
    page.print_button.click()
    driver.check()
    drawn, on_photo = documents / "drawn.pdf", documents / "photo.pdf"
    text = poppler("pdftotext", str(on_photo), "-")
    assert "Gua sha at home: dark circles" in text and "Ms K" in text
    drawn_text = poppler("pdftotext", str(drawn), "-")
    assert sorted(flat(text)) == sorted(flat(drawn_text)), "the same words: only the face is the photo"
    assert b"PhoneMaker" not in on_photo.read_bytes()
    on_paper, plain = photo_like(page_pixels(on_photo)), photo_like(page_pixels(drawn))
    assert on_paper > 20 * max(plain, 1), (on_paper, plain)


def test_file_export_image_exports_the_photo_with_the_map_on_it(
    page: WorkspacePage, mapped: MappedPhoto, qtbot: QtBot, documents: Path
) -> None:
    window = page.window_
    window.map_state.set_mode("explore")
    show_photo(window, mapped)
    shown = photo_page(page)
    qtbot.waitUntil(lambda: shown.view.viewport().width() > 300)
    shown.view.fit()
    window.select("cheek_r")

    def width(dialog: QWidget) -> None:
        assert isinstance(dialog, QInputDialog)
        dialog.setIntValue(400)
        dialog.accept()

    driver = drive((QFileDialog, save_as(qtbot, "on-photo.png")), (QInputDialog, width))  # type: ignore[arg-type]
    window.named_actions["export_image"].trigger()
    driver.check()
    exported = QImage(str(documents / "on-photo.png"))
    assert exported.width() == 400
    shown.back_button.click()
    driver = drive((QFileDialog, save_as(qtbot, "drawing.png")), (QInputDialog, width))  # type: ignore[arg-type]
    window.named_actions["export_image"].trigger()
    driver.check()
    drawing = QImage(str(documents / "drawing.png"))
    assert colours(exported) > 4 * colours(drawing), "a photo's thousands of shades, not a drawing's flat fills"

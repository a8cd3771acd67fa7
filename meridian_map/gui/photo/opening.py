"""File → Open Photo…: choose a photo, map it, show it; or say how to enable photo mode when it is not installed.

The photo is not a screen of its own (MapState.mode stays as it is): it takes
the drawing's place in the map explorer, beside the same sidebar, panel and
search, until "Back to the drawing".
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ...core.photo import photo_mode_problem
from ..language import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from ...core.photo.fit import MappedPhoto
    from ..mainwindow import MainWindow

FILTER = QT_TRANSLATE_NOOP("PhotoMode", "Photos (*.jpg *.jpeg *.png *.webp *.bmp *.tif *.tiff);;All files (*)")


def tr(text: str) -> str:
    return QCoreApplication.translate("PhotoMode", text)


def open_photo(window: MainWindow) -> None:
    """Ask for a photo and show it mapped; every refusal is a message, never a crash."""
    problem = photo_mode_problem()
    if problem is not None:
        _tell(window, QCoreApplication.translate("PhotoMode", "Photo mode is not installed"), problem)
        return
    dialog = QFileDialog(window, QCoreApplication.translate("PhotoMode", "Open Photo"), "", tr(FILTER))
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.fileSelected.connect(lambda chosen: open_photo_file(window, Path(chosen)))
    dialog.open()


def open_photo_file(window: MainWindow, path: Path) -> bool:
    """Map the photo at `path` and show it; False (and a message) when it cannot be used."""
    from ...core.photo.fit import FitError, map_photo
    from ...core.photo.image import PhotoError, read_photo

    try:
        mapped = map_photo(window.catalog, read_photo(path))
    except (PhotoError, FitError) as error:
        _tell(window, QCoreApplication.translate("PhotoMode", "Cannot map this photo"), str(error))
        return False
    show_photo(window, mapped)
    return True


def show_photo(window: MainWindow, mapped: MappedPhoto) -> None:
    """Put the photo page where the drawing's view is; the panel, sidebar and search stay and keep working."""
    from .page import PhotoPage

    close_photo(window)
    page = PhotoPage(window.catalog, window.map_state, mapped)
    page.closed.connect(lambda: close_photo(window))
    window.splitter.replaceWidget(1, page)
    window.photo_page = page
    page.view.zoom_changed.connect(window.show_zoom)
    page.view.setFocus()


def close_photo(window: MainWindow) -> None:
    page = window.photo_page
    if page is None:
        return
    window.splitter.replaceWidget(1, window.view)
    window.view.show()
    window.show_zoom(window.view.zoom)
    window.photo_page = None
    page.deleteLater()


def _tell(parent: QWidget, title: str, text: str) -> None:
    box = QMessageBox(parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)  # file names come from anywhere
    box.setText(text)
    box.open()

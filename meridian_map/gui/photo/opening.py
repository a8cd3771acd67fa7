"""File → Open Photo…: choose a photo, map it, show it; or say how to enable photo mode when it is not installed.

The photo is not a screen of its own (MapState.mode stays as it is): it takes
the drawing's place in the map explorer, beside the same sidebar, panel and
search, until "Back to the drawing".
"""

from __future__ import annotations

import contextlib
import gc
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ...core.photo import photo_mode_problem
from ..language import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from ...core.catalog import Catalog
    from ...core.photo.fit import MappedPhoto
    from ..mainwindow import MainWindow
    from .saving import ClientRecord

FILTER = QT_TRANSLATE_NOOP("PhotoMode", "Photos (*.jpg *.jpeg *.png *.webp *.bmp *.tif *.tiff);;All files (*)")


def tr(text: str) -> str:
    return QCoreApplication.translate("PhotoMode", text)


def open_photo(window: MainWindow) -> None:
    """Ask for a photo and show it mapped; every refusal is a message, never a crash."""
    problem = photo_mode_problem()
    if problem is not None:
        _tell(window, QCoreApplication.translate("PhotoMode", "Photo mode is not installed"), problem)
        return
    from ...core.photo.landmarks import warm_up

    warm_up()  # MediaPipe takes seconds to import: it loads while the file is chosen
    dialog = QFileDialog(window, QCoreApplication.translate("PhotoMode", "Open Photo"), "", tr(FILTER))
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.fileSelected.connect(lambda chosen: map_in_background(window, Path(chosen)))
    dialog.open()


class PhotoWork(QObject):
    """One photo read and mapped on a thread of its own; `done` brings the result back to the window's thread.

    Meanwhile the window stays live and says it is busy: the pointer waits,
    the status bar says what is happening, and Open Photo is off so that a
    second photo cannot race the first.
    """

    done = Signal(object)  # a MappedPhoto, or the message saying why not

    def __init__(self, window: MainWindow, path: Path) -> None:
        super().__init__(window)
        self.window = window
        self.path = path
        self.done.connect(self._finish)

    def start(self) -> None:
        self.window.named_actions["open_photo"].setEnabled(False)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        text = QCoreApplication.translate("PhotoMode", "Finding the face on %1…").replace("%1", self.path.name)
        self.window.map_state.say(text, 0)
        threading.Thread(target=self._run, name="photo-map", daemon=True).start()

    def _run(self) -> None:
        result = mapped_or_reason(self.window.catalog, self.path)
        with contextlib.suppress(RuntimeError):  # the window was closed meanwhile: nobody is waiting
            self.done.emit(result)

    def _finish(self, result: object) -> None:
        from ...core.photo.fit import MappedPhoto

        QGuiApplication.restoreOverrideCursor()
        self.window.named_actions["open_photo"].setEnabled(True)
        self.window.statusBar().clearMessage()
        if isinstance(result, MappedPhoto):
            show_photo(self.window, result)
        else:
            _tell(self.window, QCoreApplication.translate("PhotoMode", "Cannot map this photo"), str(result))
        self.deleteLater()


def map_in_background(window: MainWindow, path: Path) -> PhotoWork:
    work = PhotoWork(window, path)
    work.start()
    return work


def mapped_or_reason(catalog: Catalog, path: Path) -> MappedPhoto | str:
    """The photo at `path` mapped, or why it cannot be (any thread: it touches no widget)."""
    from ...core.photo.fit import FitError, map_photo
    from ...core.photo.image import PhotoError, read_photo

    try:
        return map_photo(catalog, read_photo(path))
    except (PhotoError, FitError) as error:
        return str(error)


def open_photo_file(window: MainWindow, path: Path) -> bool:
    """Map the photo at `path` and show it, waiting for it; False (and a message) when it cannot be used."""
    found = mapped_or_reason(window.catalog, path)
    if isinstance(found, str):
        _tell(window, QCoreApplication.translate("PhotoMode", "Cannot map this photo"), found)
        return False
    show_photo(window, found)
    return True


def show_photo(window: MainWindow, mapped: MappedPhoto, record: ClientRecord | None = None) -> None:
    """Put the photo page where the drawing's view is; the panel, sidebar and search stay and keep working.

    `record` names the client whose saved photo this is, when it was opened from their record.
    """
    from .page import PhotoPage
    from .saving import open_client

    set_long_lived_aside()
    close_photo(window)
    page = PhotoPage(window.catalog, window.map_state, mapped, record)
    page.client_of = lambda: open_client(window)
    page.refresh_client()
    page.closed.connect(lambda: close_photo(window))
    window.splitter.replaceWidget(1, page)
    window.photo_page = page
    window.exporter.view = page.view  # File → Export Image exports the photo with the map on it
    page.view.zoom_changed.connect(window.show_zoom)
    page.view.setFocus()


_set_aside = False


def set_long_lived_aside() -> None:
    """Once, when the first photo shows: collect what is garbage now, then freeze what is left.

    Importing MediaPipe more than doubles the objects the cycle collector
    watches (about 37,000 to 83,000), and they live as long as the process;
    a full collection then takes tens of milliseconds (34 ms of CPU in one
    measurement, 67 ms with the photo scene built) and lands on whatever click
    or refit happens to allocate last. Frozen, they are left out of every
    later collection. Collected first and on this thread, so nothing
    unreachable is kept and no Qt object is finalised on another thread.
    """
    global _set_aside
    if not _set_aside:
        _set_aside = True
        gc.collect()
        gc.freeze()


def close_photo(window: MainWindow) -> None:
    page = window.photo_page
    if page is None:
        return
    window.splitter.replaceWidget(1, window.view)
    window.view.show()
    window.exporter.view = window.view
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

"""The client's saved photo beside their name: a thumbnail, open it in photo mode, delete it.

A photo is in a record only because the practitioner saved it there from
photo mode (File → Open Photo…, then "Save photo to …"). The thumbnail is
decoded at its small size straight from the stored JPEG, as untrusted
bytes: Qt's reader refuses what it cannot read, and nothing here needs the
photo extra. Opening it maps the photo again from the landmarks saved with
it, corrections included, without looking for the face again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImageReader, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from ...core.photo import photo_mode_problem
from ...core.store.clients import ClientStore, ClientStoreError, StoredPhoto
from ..exportmenu import deleted_after
from .text import fill

if TYPE_CHECKING:
    from ...core.photo.fit import MappedPhoto
    from ..mainwindow import MainWindow

THUMBNAIL_PX = 96


class ClientPhotoBox(QWidget):
    """The open client's saved photo, if they have one, with Open and Delete."""

    def __init__(self, window: MainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.window_ = window
        self.store: ClientStore | None = None
        self.client_id = 0
        self.thumbnail = QLabel()
        self.thumbnail.setObjectName("client-photo")
        self.thumbnail.setFixedSize(THUMBNAIL_PX, THUMBNAIL_PX)
        self.thumbnail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thumbnail.setTextFormat(Qt.TextFormat.PlainText)
        self.thumbnail.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Open photo"))
        self.open_button.setObjectName("open-client-photo")
        self.open_button.clicked.connect(self.open_photo)
        self.delete_button = QPushButton(self.tr("Delete photo…"))
        self.delete_button.setObjectName("delete-client-photo")
        self.delete_button.clicked.connect(self.delete_photo)
        buttons = QVBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.thumbnail)
        layout.addLayout(buttons, 1)
        self.show_client(None, 0)

    def stored(self) -> StoredPhoto | None:
        if self.store is None or not self.client_id:
            return None
        return self.store.photo(self.client_id)

    def show_client(self, store: ClientStore | None, client_id: int) -> None:
        """Show this client's saved photo, or say there is none and how one is saved."""
        self.store, self.client_id = store, client_id
        stored = self.stored()
        self.setVisible(bool(client_id))
        self.open_button.setEnabled(stored is not None)
        self.delete_button.setEnabled(stored is not None)
        problem = photo_mode_problem()
        if problem is not None:
            self.open_button.setEnabled(False)
            self.open_button.setToolTip(problem)
        if stored is None:
            self.thumbnail.setPixmap(QPixmap())
            self.thumbnail.setText(self.tr("No photo"))
            self.thumbnail.setToolTip(self.tr("Open a photo (File → Open Photo…) and save it to this client's record"))
            return
        pixmap = thumbnail(stored.jpeg)
        if pixmap.isNull():
            self.thumbnail.setText(self.tr("The photo does not read"))
        else:
            self.thumbnail.setPixmap(pixmap)
        self.thumbnail.setToolTip(fill(self.tr("Saved on %1"), stored.saved_on.isoformat()))

    def open_photo(self) -> MappedPhoto | None:
        """The saved photo in photo mode, on the map explorer, as it was saved."""
        from ...core.photo.fit import FitError
        from ...core.photo.image import PhotoError
        from ...core.photo.record import from_record
        from ..photo.opening import show_photo
        from ..photo.saving import ClientRecord

        stored = self.stored()
        if stored is None or self.store is None:
            return None
        name = self.store.client(self.client_id).name
        try:
            mapped = from_record(self.window_.catalog, stored.jpeg, stored.landmarks, fill(self.tr("%1's photo"), name))
        except (PhotoError, FitError) as exc:
            self._tell(QMessageBox.Icon.Warning, self.tr("Open photo"), str(exc))
            return None
        show_photo(self.window_, mapped, ClientRecord(self.store, self.client_id, name))
        self.window_.map_state.set_mode("explore")
        return mapped

    def for_sheet(self) -> MappedPhoto | None:
        """The photo a take-home sheet may be drawn on: the one open in photo mode, else the client's saved one.

        The open photo comes first: it is the one the practitioner is looking
        at, with the landmarks as they have just corrected them; unless it is
        another client's saved photo, which is never printed on this client's sheet.
        """
        page = self.window_.photo_page
        if page is not None and (page.record is None or page.record.client_id == self.client_id):
            return page.mapped
        stored = self.stored()
        if stored is None or self.store is None or photo_mode_problem() is not None:
            return None
        from ...core.photo.fit import FitError
        from ...core.photo.image import PhotoError
        from ...core.photo.record import from_record

        name = fill(self.tr("%1's photo"), self.store.client(self.client_id).name)
        try:
            return from_record(self.window_.catalog, stored.jpeg, stored.landmarks, name)
        except (PhotoError, FitError):
            return None  # the thumbnail already says it does not read; the sheet is offered on the drawing

    def delete_photo(self) -> None:
        """Delete the saved photo after asking, and say that it is gone; the client and the rest stay."""
        if self.store is None or self.stored() is None:
            return
        name = self.store.client(self.client_id).name
        question = fill(self.tr("Delete the photo saved in %1's record? This cannot be undone."), name)
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Delete photo"), question, buttons, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        with deleted_after(box):
            if box.exec() != QMessageBox.StandardButton.Yes:
                return
        try:
            self.store.delete_photo(self.client_id)
        except ClientStoreError as exc:
            self._tell(QMessageBox.Icon.Warning, self.tr("Delete photo"), str(exc))
            return
        forget_shown_photo(self.window_, self.client_id)
        self.show_client(self.store, self.client_id)
        gone = fill(self.tr("%1's photo is deleted. Nothing of it is left in the client file."), name)
        self._tell(QMessageBox.Icon.Information, self.tr("Photo deleted"), gone)

    def _tell(self, icon: QMessageBox.Icon, title: str, text: str) -> None:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        with deleted_after(box):
            box.exec()


def thumbnail(jpeg: bytes) -> QPixmap:
    """The stored photo decoded small (JPEG's own scaled decoding); a null pixmap when it does not read."""
    data = QByteArray(jpeg)
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer, QByteArray(b"jpeg"))
    size = reader.size()
    if size.isValid() and size.width() > 0 and size.height() > 0:
        reader.setScaledSize(size.scaled(QSize(THUMBNAIL_PX, THUMBNAIL_PX), Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    buffer.close()
    return QPixmap.fromImage(image)


def forget_shown_photo(window: MainWindow, client_id: int) -> None:
    """Close photo mode if it shows the photo of a record that was just deleted: gone means gone from view too."""
    page = window.photo_page
    if page is not None and page.record is not None and page.record.client_id == client_id:
        from ..photo.opening import close_photo

        close_photo(window)

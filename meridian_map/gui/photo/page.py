"""Photo mode's page: the photo view, the fit's residual, correcting landmarks, and the way back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from ...core.catalog import Catalog
from ...core.photo.fit import MappedPhoto
from ...core.photo.image import Pixels
from ..state import MapState
from .saving import ClientRecord, save_to_record
from .scene import PhotoScene
from .view import PhotoView


def qimage(pixels: Pixels) -> QImage:
    """The photo's RGB pixels as a QImage that owns its copy."""
    height, width = pixels.shape[:2]
    rows = np.ascontiguousarray(pixels)  # the photo's own array already: no copy
    return QImage(rows.data, width, height, 3 * width, QImage.Format.Format_RGB888).copy()


class PhotoPage(QWidget):
    closed = Signal()  # "Back to the drawing"

    def __init__(
        self,
        catalog: Catalog,
        state: MapState,
        mapped: MappedPhoto,
        record: ClientRecord | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.state = state
        self.mapped = mapped
        self.record = record  # whose saved photo this is, when it was opened from (or saved to) a record
        self.client_of: Callable[[], ClientRecord | None] = lambda: None  # the client open on the Clients screen
        self.image = qimage(mapped.photo.pixels)
        self.scale = mapped.drawing_scale(catalog)  # scene units per photo pixel, fixed while the page lives
        self.scene = self._build_scene()
        self.view = PhotoView(self.scene, state)
        self.view.landmark_moved.connect(self._landmark_moved)
        state.school_changed.connect(self._show_scene)

        self.residual = QLabel()
        self.residual.setTextFormat(Qt.TextFormat.PlainText)
        self.residual.setWordWrap(True)  # wraps rather than widen the window past a small screen
        self.residual.setAccessibleName(self.tr("Fit residual"))
        self.edit_button = QPushButton(self.tr("Move landmarks"))
        self.edit_button.setCheckable(True)
        self.edit_button.setToolTip(self.tr("Drag a landmark where it belongs on the photo; the map follows"))
        self.edit_button.toggled.connect(self.view.set_editing)
        self.save_button = QPushButton()
        self.save_button.setObjectName("save-photo")
        self.save_button.setVisible(False)
        self.save_button.clicked.connect(self.save_to_client)
        state.mode_changed.connect(self.refresh_client)
        self.back_button = QPushButton(self.tr("Back to the drawing"))
        self.back_button.clicked.connect(self.closed)
        bar = QHBoxLayout()
        bar.setContentsMargins(8, 4, 8, 4)
        bar.addWidget(self.residual, 1)
        bar.addWidget(self.save_button)
        bar.addWidget(self.edit_button)
        bar.addWidget(self.back_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self._show_residual()

    def _build_scene(self) -> PhotoScene:
        """The state's catalog (as the chosen school works the zones) carried onto the photo."""
        scale = self.scale
        landmarks = {name: (x * scale, y * scale) for name, (x, y) in self.mapped.fit.photo.items()}
        return PhotoScene(self.mapped.catalog(self.state.catalog, scale), self.state, self.image, landmarks)

    def _show_scene(self) -> None:
        """A new scene for a new fit or school, seen from where the old one was."""
        old = self.scene
        self.scene = self._build_scene()
        self.view.replace_scene(self.scene)
        old.deleteLater()

    def _landmark_moved(self, name: str, x: float, y: float) -> None:
        """Refit with the landmark where it was dropped, and show the map the new fit gives."""
        self.mapped = self.mapped.moved(name, (x / self.scale, y / self.scale))
        self._show_scene()
        self._show_residual()
        self.state.say(self.tr("Moved %s; the map follows it") % name.replace("_", " "))

    def refresh_client(self) -> None:
        """Offer to save the photo to the client open on the Clients screen; nothing is offered without one."""
        client = self.client_of()
        self.save_button.setVisible(client is not None)
        if client is not None:
            self.save_button.setText(self.tr("Save photo to %1").replace("%1", client.name))
            self.save_button.setToolTip(
                self.tr("Keep this photo, without its metadata, and the landmarks as placed, in %1's record").replace(
                    "%1", client.name
                )
            )

    def save_to_client(self) -> bool:
        """The explicit act that stores the photo: nothing is written otherwise."""
        client = self.client_of()
        if client is None:
            return False
        problem = save_to_record(client, self.mapped, dt.date.today())
        if problem:
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Photo not saved"), problem, parent=self)
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
            return False
        self.record = client
        self.state.say(self.tr("Saved the photo to %1's record").replace("%1", client.name))
        return True

    def _show_residual(self) -> None:
        fit = self.mapped.fit
        self.residual.setText(
            self.tr("%s — fit residual %.1f px (%.1f %% of the face height)")
            % (Path(self.mapped.photo.name).name, fit.residual_px, 100 * fit.residual_share)
        )

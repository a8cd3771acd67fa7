"""The client list, with the saved routines beside it: names only, read from the client file."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from ...core.store.clients import Client, StoredRoutine
from .text import fill

ID_ROLE = Qt.ItemDataRole.UserRole


class ClientList(QListWidget):
    """Clients by name; `chosen` carries the client id, or 0 when none is chosen."""

    chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clients")
        self.setAccessibleName(self.tr("Clients"))
        self.currentItemChanged.connect(lambda item, _old: self.chosen.emit(self.id_of(item)))

    @staticmethod
    def id_of(item: QListWidgetItem | None) -> int:
        return 0 if item is None else int(item.data(ID_ROLE))

    def current_id(self) -> int:
        return self.id_of(self.currentItem())

    def show_clients(self, clients: list[Client], keep: int = 0) -> None:
        """The list anew, staying on `keep` if it is still there."""
        self.blockSignals(True)
        self.clear()
        for client in clients:
            item = QListWidgetItem(client.name)
            item.setData(ID_ROLE, client.id)
            self.addItem(item)
            if client.id == keep:
                self.setCurrentItem(item)
        self.blockSignals(False)
        self.chosen.emit(self.current_id())


class RoutineList(QListWidget):
    """A client's saved routines, then the templates, marked as such."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("saved-routines")
        self.setAccessibleName(self.tr("Saved routines"))

    def show_routines(self, own: list[StoredRoutine], templates: list[StoredRoutine]) -> None:
        self.clear()
        for stored in own:
            item = QListWidgetItem(stored.name)
            item.setData(ID_ROLE, stored.id)
            self.addItem(item)
        for stored in templates:
            item = QListWidgetItem(fill(self.tr("%1 (template)"), stored.name))
            item.setData(ID_ROLE, stored.id)
            self.addItem(item)

    def current_id(self) -> int:
        item = self.currentItem()
        return 0 if item is None else int(item.data(ID_ROLE))

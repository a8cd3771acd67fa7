"""Making or changing a custom deck: a name and the points it holds, ticked in a list."""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.catalog import Catalog
from ...core.study.cards import point_infos
from ...core.study.decks import MAX_DECK_NAME


class DeckDialog(QDialog):
    """Name and points; every point ticked brings all its cards. Enter accepts, Escape cancels."""

    def __init__(
        self, catalog: Catalog, name: str = "", chosen: Collection[str] = (), parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Custom deck"))
        layout = QVBoxLayout(self)
        self.name = QLineEdit(name)
        self.name.setMaxLength(MAX_DECK_NAME)
        self.name.setPlaceholderText(self.tr("Deck name"))
        self.name.setAccessibleName(self.tr("Deck name"))
        name_label = QLabel(self.tr("&Name"))
        name_label.setBuddy(self.name)
        self.points = QListWidget()
        self.points.setAccessibleName(self.tr("Points in the deck"))
        points_label = QLabel(self.tr("&Points (Space ticks one)"))
        points_label.setBuddy(self.points)
        for info in point_infos(catalog):
            item = QListWidgetItem(f"{info.code}  {info.pinyin}  {info.hanzi}  · {info.english}")
            item.setData(Qt.ItemDataRole.UserRole, info.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if info.code in chosen else Qt.CheckState.Unchecked)
            self.points.addItem(item)
        self.points.setCurrentRow(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        for widget in (name_label, self.name, points_label, self.points, buttons):
            layout.addWidget(widget)
        self.resize(420, 520)

    def chosen(self) -> list[str]:
        return [
            str(item.data(Qt.ItemDataRole.UserRole))
            for row in range(self.points.count())
            if (item := self.points.item(row)).checkState() == Qt.CheckState.Checked
        ]

    def set_chosen(self, codes: Collection[str]) -> None:
        for row in range(self.points.count()):
            item = self.points.item(row)
            on = item.data(Qt.ItemDataRole.UserRole) in codes
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

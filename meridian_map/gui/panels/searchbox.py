"""The search field: codes, pinyin with or without tones, hanzi, names."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QStringListModel, Qt, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from ...core.text.search import Hit, SearchIndex


class SearchBox(QLineEdit):
    chosen = Signal(str, str)  # kind, key

    def __init__(self, index: SearchIndex, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.index = index
        self.hits: list[Hit] = []
        self.setClearButtonEnabled(True)
        self.retranslate()
        self.setMinimumWidth(260)
        self._model = QStringListModel(self)
        completer = QCompleter(self._model, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.activated.connect(self._activated)
        self.setCompleter(completer)
        self.textEdited.connect(self._update)
        self.returnPressed.connect(self.choose_first)

    def retranslate(self) -> None:
        self.setPlaceholderText(self.tr("Search  ST2, sibai, 四白, dark circles"))
        self.setAccessibleName(self.tr("Search points, zones and concerns"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _update(self, text: str) -> None:
        self.hits = self.index.search(text)
        self._model.setStringList([h.label for h in self.hits])

    def _activated(self, label: str) -> None:
        for hit in self.hits:
            if hit.label == label:
                self.chosen.emit(str(hit.kind), hit.key)
                return

    def choose_first(self) -> None:
        self.hits = self.index.search(self.text())
        if self.hits:
            self.chosen.emit(str(self.hits[0].kind), self.hits[0].key)

"""The search field: codes, pinyin with or without tones, hanzi, other names, channels, zones, concerns."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QStringListModel, Qt, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from ...core.catalog import Catalog

if TYPE_CHECKING:
    from ...core.text.search import Hit, Kind, SearchIndex

POPUP_ROWS = 14


class SearchBox(QLineEdit):
    chosen = Signal(str, str)  # kind, key

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self._index: SearchIndex | None = None
        self.hits: list[Hit] = []
        self.no_match = False  # the popup says so: nothing found for what is typed
        self.setClearButtonEnabled(True)
        self.retranslate()
        self.setMinimumWidth(260)
        self._model = QStringListModel(self)
        completer = QCompleter(self._model, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setMaxVisibleItems(POPUP_ROWS)
        completer.activated.connect(self._activated)
        popup = completer.popup()
        assert popup is not None  # a completer always has its popup
        popup.setTextElideMode(Qt.TextElideMode.ElideNone)
        popup.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setCompleter(completer)
        self.textEdited.connect(self._update)
        self.returnPressed.connect(self.choose_first)

    @property
    def index(self) -> SearchIndex:
        """Every name folded, made at the first search: the window opens without it, as most visits never search."""
        if self._index is None:
            from ...core.text.search import SearchIndex

            self._index = SearchIndex(self.catalog)
        return self._index

    def retranslate(self) -> None:
        self.setPlaceholderText(self.tr("Search  ST2, sibai, 四白, stomach, dark circles"))
        self.setAccessibleName(self.tr("Search points, channels, zones and concerns"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def kind_names(self) -> dict[Kind, str]:
        """What the popup calls each kind of hit, in the current language."""
        from ...core.text.search import Kind

        return {
            Kind.POINT: self.tr("point"),
            Kind.ZONE: self.tr("zone"),
            Kind.CONCERN: self.tr("concern"),
            Kind.CHANNEL: self.tr("channel"),
        }

    def entry(self, hit: Hit) -> str:
        """A hit as the popup lists it: what kind of thing it is, then its names."""
        return f"{self.kind_names()[hit.kind]} · {hit.label}"

    def _update(self, text: str) -> None:
        self.hits = self.index.search(text)
        self.no_match = bool(text.strip()) and not self.hits
        rows = [self.entry(h) for h in self.hits]
        if self.no_match:
            rows = [self.tr("No match for “%1”").replace("%1", text.strip())]
        self._model.setStringList(rows)
        self.setProperty("noMatch", self.no_match)
        self._fit_popup(rows)

    def _fit_popup(self, rows: list[str]) -> None:
        """Wide enough for the longest entry, so none is cut off."""
        popup = self.completer().popup()
        assert popup is not None
        metrics = popup.fontMetrics()
        widest = max((metrics.horizontalAdvance(row) for row in rows), default=0)
        popup.setMinimumWidth(max(self.width(), widest + 40))

    def _activated(self, text: str) -> None:
        for hit in self.hits:
            if self.entry(hit) == text:
                self.chosen.emit(str(hit.kind), hit.key)
                return

    def choose_first(self) -> None:
        self.hits = self.index.search(self.text())
        if self.hits:
            self.chosen.emit(str(self.hits[0].kind), self.hits[0].key)

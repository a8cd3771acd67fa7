"""The channel legend: a sample of each channel's line, as the map draws it, beside its name.

One row per channel whose layer is shown, so what the legend lists is what
the map shows; the sample's colour, width and dashes are the theme's, so it
changes with the theme and tells channels apart without colour too.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QLineF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QWidget

from ...core.catalog import Catalog
from ..language import content_languages
from ..map.looks import Layer
from ..state import MapState
from ..theme import Theme

SAMPLE_WIDTH_EM = 3.0
SAMPLE_PEN_SCALE = 2.2  # face units to pixels: thin enough to show the dashes, thick enough to see the colour


class LineSample(QWidget):
    """A short stretch of a channel's line."""

    def __init__(self, code: str, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code = code
        self.theme = theme

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.update()

    def sizeHint(self) -> QSize:
        height = self.fontMetrics().height()
        return QSize(round(height * SAMPLE_WIDTH_EM), height)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        style = self.theme.channel_style(self.code)
        pen = QPen(QColor(style.colour), style.width * SAMPLE_PEN_SCALE)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        if style.dashes:
            pen.setDashPattern(list(style.dashes))
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.theme.background)
        painter.setPen(pen)
        middle = self.height() / 2
        painter.drawLine(QLineF(2, middle, self.width() - 2, middle))
        painter.end()


class ChannelLegend(QGroupBox):
    def __init__(self, catalog: Catalog, state: MapState, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.state = state
        self.theme = theme
        layout = QGridLayout(self)
        layout.setColumnStretch(1, 1)
        self.rows: dict[str, tuple[LineSample, QLabel]] = {}
        for row, code in enumerate(catalog.channels):
            sample = LineSample(code, theme)
            label = QLabel()
            label.setTextFormat(Qt.TextFormat.PlainText)  # names come from packs
            label.setWordWrap(True)
            layout.addWidget(sample, row, 0)
            layout.addWidget(label, row, 1)
            self.rows[code] = (sample, label)
        self.retranslate()
        self.show_layers()
        state.layer_changed.connect(lambda _layer, _on: self.show_layers())
        state.language_changed.connect(lambda _language: self.retranslate())

    def retranslate(self) -> None:
        """Titles in the chrome's language, channel names in the content's (both when bilingual)."""
        self.setTitle(QCoreApplication.translate("ChannelLegend", "Channels"))
        self.setAccessibleName(self.title())
        self.setAccessibleDescription(
            QCoreApplication.translate(
                "ChannelLegend", "The line each channel shown on the map is drawn with: colour, width and dashes."
            )
        )
        languages = content_languages(self.state.language)
        for code, (sample, label) in self.rows.items():
            names = " / ".join(self.catalog.channels[code].name.get(lang) for lang in languages)
            label.setText(f"{code} · {names}")
            sample.setAccessibleName(label.text())
            sample.setAccessibleDescription(self.line_words(code, self.theme))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def line_words(self, code: str, theme: Theme) -> str:
        """The line as a screen reader says it: its style, which tells the channels apart without colour."""
        style = theme.channel_style(code)
        if not style.dashes:
            return QCoreApplication.translate("ChannelLegend", "solid line")
        return QCoreApplication.translate("ChannelLegend", "dashed line")

    def show_layers(self) -> None:
        """A row for each channel the map shows; the legend hides when none is shown."""
        shown = 0
        for code, (sample, label) in self.rows.items():
            layer = Layer.CHANNELS if self.catalog.channels[code].yang_ming else Layer.OTHER_CHANNELS
            visible = self.state.layers[layer]
            sample.setVisible(visible)
            label.setVisible(visible)
            shown += visible
        self.setVisible(shown > 0)

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        for code, (sample, _label) in self.rows.items():
            sample.set_theme(theme)
            sample.setAccessibleDescription(self.line_words(code, theme))

    def shown_codes(self) -> list[str]:
        return [code for code, (sample, _label) in self.rows.items() if not sample.isHidden()]

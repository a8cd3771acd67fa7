"""The channel legend under the map: every channel drawn, with its colour and line style; a click explores it.

It stays up whatever is selected, so a line on the face can always be told
from the others, and doubles as the list of channels to pick from. The view
keeps a strip free for it, so it never covers a point. It is the map's own
strip, painted on the map's background in the theme's line colours, so a
sample looks exactly like the line it stands for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPointF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton

from ...core.catalog import Catalog
from ..language import content_languages
from ..state import MapState, Selection
from ..theme import Theme
from .looks import Layer

if TYPE_CHECKING:
    from .view import MapView

SAMPLE = QSize(30, 10)
MAX_COLUMNS = 4


def line_sample(code: str, theme: Theme) -> QIcon:
    """A short run of the channel's line as the map draws it in `theme`: its colour, width and dashes."""
    style = theme.channel_style(code)
    pixmap = QPixmap(SAMPLE * 2)
    pixmap.setDevicePixelRatio(2)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(QColor(style.colour), max(1.5, style.width * 2.2))
    if style.dashes:
        pen.setDashPattern([d / 1.2 for d in style.dashes])
    painter.setPen(pen)
    middle = SAMPLE.height() / 2
    painter.drawLine(QPointF(1, middle), QPointF(SAMPLE.width() - 1, middle))
    painter.end()
    return QIcon(pixmap)


class ChannelLegend(QFrame):
    """Lists the channels drawn now; the explored one is checked."""

    def __init__(self, catalog: Catalog, state: MapState, view: MapView, theme: Theme) -> None:
        super().__init__(view)
        self.view = view
        self.catalog = catalog
        self.state = state
        self.theme = theme
        self.setObjectName("channelLegend")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        layout = QGridLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 0.85)
        self.setFont(font)
        layout.setSpacing(0)
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.title, 0, 0, 1, MAX_COLUMNS)
        self.rows: dict[str, QPushButton] = {}
        for code in catalog.channels:
            row = QPushButton()
            row.setIconSize(SAMPLE)
            row.setFlat(True)
            row.setCheckable(True)
            row.clicked.connect(lambda _on, code=code: self._toggle(code))
            self.rows[code] = row
        self.set_theme(theme)
        self.retranslate()
        state.language_changed.connect(lambda _language: self.retranslate())
        state.layer_changed.connect(lambda _layer, _on: self.refresh())
        state.selection_changed.connect(lambda _selection: self.refresh())
        view.installEventFilter(self)
        self.refresh()

    def retranslate(self) -> None:
        """Titles in the chrome's language; channel names in the content's first language."""
        self.setAccessibleName(self.tr("Channel legend"))
        self.title.setText(self.tr("Channels"))
        self.title.setToolTip(self.tr("Click a channel to explore it"))
        lang = content_languages(self.state.language)[0]
        for code, row in self.rows.items():
            name = self.catalog.channels[code].name.get(lang)
            row.setText(f"{code}  {name.split(' (')[0].removesuffix(' channel')}")
            row.setToolTip(name + "\n" + self.tr("Show this channel alone, its course numbered"))
            row.setAccessibleDescription(self.line_words(code))

    def line_words(self, code: str) -> str:
        """The line as a screen reader says it: its style, which tells the channels apart without colour."""
        if self.theme.channel_style(code).dashes:
            return self.tr("dashed line")
        return self.tr("solid line")

    def set_theme(self, theme: Theme) -> None:
        """The map's background behind the rows, the theme's ink for their names and its line colours."""
        self.theme = theme
        palette = self.palette()
        for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base, QPalette.ColorRole.Button):
            palette.setColor(role, theme.background)
        for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
            palette.setColor(role, theme.ink)
        self.setPalette(palette)
        # A button styled by a sheet takes its colours from the sheet, not from its parent's palette.
        sheet = (
            f"QPushButton {{ text-align: left; padding: 0px 2px; color: {theme.ink.name()};"
            " background: transparent; border: 1px solid transparent; }"
            f"QPushButton:hover {{ border-color: {theme.soft_ink.name()}; }}"
            f"QPushButton:checked {{ border-color: {theme.outline.name()}; }}"
        )
        for code, row in self.rows.items():
            row.setStyleSheet(sheet)
            row.setIcon(line_sample(code, theme))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _toggle(self, code: str) -> None:
        if self.state.selection.channel == code:
            self.state.clear_selection()
        else:
            self.state.select_channel(code)

    def drawn(self) -> list[str]:
        """The channels on the map now: those of the layers shown, and the one explored."""
        chosen = self.state.selection.channel
        return [
            code
            for code, channel in self.catalog.channels.items()
            if code == chosen or self.state.layers[Layer.CHANNELS if channel.yang_ming else Layer.OTHER_CHANNELS]
        ]

    def refresh(self, _selection: Selection | None = None) -> None:
        """Only the channels drawn, in rows of a few, and the view's strip sized to them."""
        drawn = self.drawn()
        layout = self.layout()
        assert isinstance(layout, QGridLayout)
        for row in self.rows.values():
            layout.removeWidget(row)
        widest = max((self.rows[code].sizeHint().width() for code in drawn), default=1)
        columns = max(1, min(MAX_COLUMNS, (self.view.width() - 12) // widest))
        for number, code in enumerate(drawn):
            layout.addWidget(self.rows[code], 1 + number // columns, number % columns)
        for code, row in self.rows.items():  # after adding: a layout shows what it adds only later
            row.setVisible(code in drawn)
            row.setChecked(code == self.state.selection.channel)
        self.setVisible(bool(drawn))
        self.adjustSize()
        self.view.reserve_bottom(self.sizeHint().height() if drawn else 0)
        self.place()

    def place(self) -> None:
        self.setGeometry(0, self.view.height() - self.sizeHint().height(), self.view.width(), self.sizeHint().height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.refresh()
        return super().eventFilter(watched, event)

"""The channel legend over the map: every channel drawn, with its colour and line style; a click explores it.

It stays up whatever is selected, so a line on the face can always be told
from the others, and doubles as the list of channels to pick from.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from ...core.catalog import Catalog
from ..state import MapState, Selection
from ..theme import channel_style
from .looks import Layer

SAMPLE = QSize(34, 10)
MARGIN_PX = 8


def line_sample(code: str) -> QIcon:
    """A short run of the channel's line as the map draws it: its colour, width and dashes."""
    style = channel_style(code)
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

    def __init__(self, catalog: Catalog, state: MapState, view: QWidget) -> None:
        super().__init__(view)
        self.catalog = catalog
        self.state = state
        self.setObjectName("channelLegend")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setAccessibleName(self.tr("Channel legend"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(0)
        title = QLabel(self.tr("Channels (click to explore)"))
        title.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(title)
        self.rows: dict[str, QPushButton] = {}
        for code, channel in catalog.channels.items():
            row = QPushButton(line_sample(code), f"{code}  {channel.name.get(state.language)}")
            row.setIconSize(SAMPLE)
            row.setFlat(True)
            row.setCheckable(True)
            row.setStyleSheet("text-align: left; padding: 1px 4px;")
            row.setToolTip(self.tr("Show this channel alone, its course numbered"))
            row.clicked.connect(lambda _on, code=code: self._toggle(code))
            layout.addWidget(row)
            self.rows[code] = row
        state.layer_changed.connect(lambda _layer, _on: self.refresh())
        state.selection_changed.connect(lambda _selection: self.refresh())
        view.installEventFilter(self)
        self.refresh()

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
        drawn = self.drawn()
        for code, row in self.rows.items():
            row.setVisible(code in drawn)
            row.setChecked(code == self.state.selection.channel)
        self.setVisible(bool(drawn))
        self.adjustSize()
        self.place()

    def place(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.move(MARGIN_PX, parent.height() - self.height() - MARGIN_PX)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.place()
        return super().eventFilter(watched, event)

"""Which theme is in force: the state's choice, or the desktop's colour scheme while the choice is "system".

One object decides it and gives the application the theme's palette; the
map, the panel and the legend repaint on `changed`, so switching needs no
restart. The scheme is followed live through QStyleHints.colorSchemeChanged.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from .state import MapState
from .theme import THEMES, resolve_theme


class Appearance(QObject):
    changed = Signal(object)  # the Theme now in force

    def __init__(self, state: MapState, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        hints = QGuiApplication.styleHints()
        self.scheme = hints.colorScheme()
        # Where the desktop tells no scheme, its palette as it was before ours replaced it says light or dark.
        self.platform_dark = QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 110
        self.theme = resolve_theme(state.theme, self.scheme, self.platform_dark)
        app = QApplication.instance()
        # A style sheet given with Qt's -stylesheet option stays; a theme's own is added to it.
        sheet = app.styleSheet() if isinstance(app, QApplication) else ""
        for theme in THEMES.values():
            sheet = sheet.removesuffix(theme.style_sheet())
        self.user_style_sheet = sheet
        self._apply_palette()
        hints.colorSchemeChanged.connect(self._scheme_changed)
        state.theme_changed.connect(lambda _choice: self._update())

    def _scheme_changed(self, scheme: Qt.ColorScheme) -> None:
        self.scheme = scheme
        self._update()

    def _update(self) -> None:
        theme = resolve_theme(self.state.theme, self.scheme, self.platform_dark)
        if theme is not self.theme:
            self.theme = theme
            self._apply_palette()
            self.changed.emit(theme)

    def _apply_palette(self) -> None:
        """The application's palette (QGuiApplication's would miss the widgets) and style sheet, delivered at once.

        Qt posts the change to each widget; a screenshot taken before the
        event loop runs would show the palette before. A style sheet is set
        again after the palette even when unchanged: widgets it styles take
        a new palette only when it polishes them.
        """
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        QApplication.setPalette(self.theme.palette())
        sheet = self.user_style_sheet + self.theme.style_sheet()
        if sheet or app.styleSheet():
            app.setStyleSheet(sheet)
        for posted in (QEvent.Type.ApplicationPaletteChange, QEvent.Type.PolishRequest):
            QApplication.sendPostedEvents(None, posted.value)

"""The main window: wiring between the state, the map, the panels, the menus and the status bar.

It holds no copy of what is shown: the sidebar, map and panel follow the
state (`state.py`) themselves. What is left here is the window's own: its
geometry, full screen, the status bar, and when settings are written.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QEvent, QRect, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QGuiApplication,
    QMoveEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QScrollArea, QSplitter, QStackedWidget, QWidget

from .. import __version__
from ..core.catalog import Catalog
from ..core.store.dirs import content_dir
from ..core.store.jsonstore import JsonStore, leave_unsaved_note
from ..core.target import zone_target
from ..core.text.languages import BILINGUAL, EN, ZH
from ..core.text.schools import cited
from .accessibility import describe
from .actions import Menus
from .appearance import Appearance
from .exportmenu import Exporter
from .language import change_word, chrome_language, content_languages, use_chrome_language
from .map.legend import ChannelLegend
from .map.scene import MapScene
from .map.view import MapView
from .pages import Page, build_page, modes
from .panels.panel import PanelColumns
from .panels.searchbox import SearchBox
from .panels.sidebar import Sidebar
from .state import EXPLORE, Hover, MapState
from .theme import Theme, ThemeChoice

if TYPE_CHECKING:
    from .photo.page import PhotoPage
    from .schools.compare import CompareDialog
    from .schools.sources import SourcesDialog

DEFAULT_SIZE = (1280, 800)
DEFAULT_SPLITTER = [230, 700, 360]  # sidebar, map, panel
MIN_WINDOW = (400, 300)
MIN_MAP_WIDTH = 200
TITLE_STRIP = (100, 30)  # this much of the window's top edge must be on a screen to be grabbed and moved
MAX_COORDINATE = 1_000_000  # far beyond any desktop, and well inside Qt's int
SAVE_DELAY_MS = 500  # changes come in bursts (dragging, resizing): one write once they stop
# Each language is offered in its own words, so it can be found whatever the window speaks.
LANGUAGE_NAMES = {EN: "English", ZH: "简体中文"}


class MainWindow(QMainWindow):
    def __init__(self, catalog: Catalog, settings: JsonStore | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.settings = settings
        self._saved: dict[str, Any] | None = None
        self._normal_splitter = list(DEFAULT_SPLITTER)
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save_state)
        self.compare_dialog: CompareDialog | None = None
        self.sources_dialog: SourcesDialog | None = None
        self.setWindowTitle("Meridian Map")
        self.photo_page: PhotoPage | None = None  # photo mode's page while it is shown (gui/photo)
        self.map_state = MapState(catalog, self)
        # First of all the views: the translators are in place before any view redraws in the new language.
        self.map_state.language_changed.connect(self._language_changed)
        self.appearance = Appearance(self.map_state, self)
        theme = self.appearance.theme
        self.scene = MapScene(catalog, self.map_state, theme)
        self.view = MapView(self.scene, self.map_state)
        self.panels = PanelColumns(catalog, self.map_state, theme)
        self.panel = self.panels.first
        self.sidebar = Sidebar(catalog, self.map_state)
        self.legend = ChannelLegend(catalog, self.map_state, self.view, theme)
        self.search = SearchBox(catalog)

        self.sidebar_area = sidebar_area(self.sidebar)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.sidebar_area)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.panels)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(1, False)
        self.splitter.setSizes(DEFAULT_SPLITTER)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.splitter)
        self._built_pages: dict[str, QWidget] = {}
        self._shown_page: Page | None = None  # None while the map explorer is shown
        self._mode = EXPLORE
        self.previous_mode = EXPLORE  # the screen shown before this one: where a page's "leave" goes back to
        self.setCentralWidget(self.pages)

        self.hover_label = QLabel()
        # Names come from packs: a QLabel would take "<img src=…>" in one for markup.
        self.hover_label.setTextFormat(Qt.TextFormat.PlainText)
        self.zoom_label = QLabel("100 %")
        self.statusBar().addWidget(self.hover_label, 1)
        self.statusBar().addPermanentWidget(self.zoom_label)
        self._build_menus()
        self._connect()
        self.retranslate()
        self.resize(*DEFAULT_SIZE)

    # construction -------------------------------------------------------------

    def _build_menus(self) -> None:
        self.exporter = Exporter(self, self.catalog, self.map_state, self.view)
        self.menus = Menus(
            self,
            {
                **self.exporter.slots(),
                "quit": self.close,
                "full_screen": self.toggle_full_screen,
                "zoom_in": lambda: self.map_view().zoom_by(1.25),
                "zoom_out": lambda: self.map_view().zoom_by(0.8),
                "fit": lambda: self.map_view().fit(),
                "find": self.focus_search,
                "clear_selection": self.map_state.clear_selection,
                **{f"theme_{choice.replace('-', '_')}": self._theme_slot(choice) for choice in ThemeChoice},
                "content_folder": self.open_content_folder,
                "open_photo": self.open_photo,
                "about": self.show_about,
                "compare_schools": self.show_comparison,
                "sources": self.show_sources,
                **{f"mode_{mode}": self._mode_setter(mode) for mode in modes()},
            },
        )
        self.named_actions = self.menus.actions
        self._build_language_menu()
        self.named_actions["mode_explore"].setChecked(True)
        self.quit_action = self.named_actions["quit"]
        self._describe_photo_action()
        self.full_screen_action = self.named_actions["full_screen"]
        self._check_theme(self.map_state.theme)
        # Kept on self: setCornerWidget does not take ownership from Python.
        self.search_corner = QWidget()
        corner_layout = QHBoxLayout(self.search_corner)
        corner_layout.setContentsMargins(0, 2, 8, 2)
        corner_layout.addWidget(self.search)
        self.menuBar().setCornerWidget(self.search_corner, Qt.Corner.TopRightCorner)

    def _build_language_menu(self) -> None:
        """English, Chinese and both: one checked at a time, mirroring the state's language."""
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for language in (EN, ZH, BILINGUAL):
            action = QAction(LANGUAGE_NAMES.get(language, ""), group)
            action.setCheckable(True)
            action.setChecked(language == self.map_state.language)
            action.triggered.connect(lambda _on=False, chosen=language: self.map_state.set_language(chosen))
            self.menus.submenus["language"].addAction(action)
            self.language_actions[language] = action

    def retranslate(self) -> None:
        """The window's own words in the current language; the panels and map retranslate themselves."""
        self.menus.retranslate()
        describe(self)
        self._describe_photo_action()
        self.language_actions[BILINGUAL].setText(self.tr("Bilingual (English and 简体中文 side by side)"))
        self.hover_label.setAccessibleName(self.tr("Hover information"))
        self._show_hover(self.map_state.hover)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _language_changed(self, language: str) -> None:
        """Chrome through Qt's translators (each widget then retranslates), content through the state."""
        self.language_actions[language].setChecked(True)
        missing = use_chrome_language(chrome_language(language))
        if missing:
            self.map_state.say(self.tr("Translations not found: {files}").format(files=", ".join(missing)), 15000)

    def _theme_slot(self, choice: ThemeChoice) -> Callable[[], None]:
        return lambda: self.map_state.set_theme(choice)

    def _check_theme(self, choice: str) -> None:
        self.named_actions[f"theme_{choice.replace('-', '_')}"].setChecked(True)

    def _show_theme(self, theme: Theme) -> None:
        """Every part of the window that paints its own colours takes the new theme's."""
        self.scene.set_theme(theme)
        self.panels.set_theme(theme)
        self.legend.set_theme(theme)
        self.view.viewport().update()

    def _connect(self) -> None:
        state = self.map_state
        state.hover_changed.connect(self._show_hover)
        state.theme_changed.connect(self._check_theme)
        self.appearance.changed.connect(self._show_theme)
        state.message.connect(self.statusBar().showMessage)
        state.mode_changed.connect(self._show_mode)
        self.view.zoom_changed.connect(self.show_zoom)
        self.search.chosen.connect(self._search_chosen)
        self.sidebar.schools.compare_requested.connect(self.show_comparison)
        self.sidebar.schools.sources_requested.connect(self.show_sources)
        for panel in (self.panels.first, self.panels.second):
            panel.source_requested.connect(self.show_sources)
        for changed in (
            self.splitter.splitterMoved,
            state.layer_changed,
            state.label_mode_changed,
            state.label_size_changed,
            state.theme_changed,
            state.focus_changed,
            state.animation_changed,
            state.selection_changed,
            state.language_changed,
            state.school_changed,
        ):
            changed.connect(self.schedule_save)

    # screens ----------------------------------------------------------------------

    def _show_mode(self, mode: str) -> None:
        """Leave the page shown, build the new one if it is the first visit, and enter it."""
        self.previous_mode, self._mode = self._mode, mode
        if self._shown_page is not None:
            self._shown_page.leave()
        if mode == EXPLORE:
            self._shown_page = None
            self.pages.setCurrentWidget(self.splitter)
        else:
            if mode not in self._built_pages:
                self._built_pages[mode] = build_page(mode, self)
                self.pages.addWidget(self._built_pages[mode])
            self._shown_page = cast(Page, self._built_pages[mode])
            self.pages.setCurrentWidget(self._built_pages[mode])
            self._shown_page.enter()
        self.named_actions[f"mode_{mode}"].setChecked(True)

    def fit_current(self) -> None:
        """Fit the shown screen's drawing to its size: the map's, or the photo's in its place."""
        if self._shown_page is None:
            self.map_view().fit()
        else:
            self._shown_page.fit()

    def built_page(self, mode: str) -> QWidget | None:
        """The page for `mode` if it has been shown, else None: asking builds nothing."""
        return self._built_pages.get(mode)

    def map_view(self) -> MapView:
        """The explorer's view: the drawing's, or the photo's while a photo is open."""
        return self.view if self.photo_page is None else self.photo_page.view

    def show_zoom(self, zoom: float) -> None:
        self.zoom_label.setText(f"{zoom * 100:.0f} %")

    def _mode_setter(self, mode: str) -> Callable[[], None]:
        return lambda: self.map_state.set_mode(mode)

    # selection ------------------------------------------------------------------

    def select(self, key: str) -> bool:
        """Select by any id a person might type (see `MapState.select_text`)."""
        return self.map_state.select_text(key)

    def _search_chosen(self, kind: str, key: str) -> None:
        from ..core.text.search import Kind  # with the index, at the first search

        if kind == Kind.POINT:
            self.map_state.select_point_code(key)
        elif kind == Kind.ZONE:
            self.map_state.select_area(zone_target(key).area)
        elif kind == Kind.CONCERN:
            self.map_state.set_concern(key)
        elif kind == Kind.CHANNEL:
            self.map_state.select_channel(key)

    # status -----------------------------------------------------------------------

    def _show_hover(self, hover: Hover) -> None:
        """A point under the pointer is named rather than the zone around it."""
        languages = content_languages(self.map_state.language)
        if hover.point:
            info = self.catalog.point(hover.point).info
            text = f"{info.code} {info.pinyin} {info.hanzi}" + (f" · {info.english}" if EN in languages else "")
            self.hover_label.setText(self.tr("Hover: {what}").format(what=text))
        elif hover.area:
            area = self.catalog.areas[hover.area]
            zone = self.catalog.zones[area.zone]
            text = f"{' / '.join(zone.name.get(lang) for lang in languages)} ({area.side})"
            where = " / ".join(zone.area.get(lang) for lang in languages)
            reasons = self.map_state.left_out_text(zone.id, languages[0])
            if reasons:
                text += " · " + self.tr("left out today: {reasons}").format(reasons=reasons)
            self.hover_label.setText(self.tr("Hover: {what}").format(what=f"{text} · {where}"))
        else:
            text = ""
            self.hover_label.clear()
        self.view.setToolTip(plain_tip(text))

    # actions ----------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def toggle_full_screen(self) -> None:
        self.set_full_screen(not self.isFullScreen())

    def set_full_screen(self, on: bool) -> None:
        """Full screen is for showing a patient: the map and the zone's panel, without the controls.

        The window state flag is changed rather than showFullScreen() called,
        so a window not shown yet opens full screen, and leaving returns to a
        maximized window if it was one.
        """
        if on and self.sidebar_area.isVisibleTo(self):
            self._normal_splitter = self.splitter.sizes()
        self.sidebar_area.setVisible(not on)
        self.statusBar().setVisible(not on)
        state = self.windowState()
        full = Qt.WindowState.WindowFullScreen
        self.setWindowState(state | full if on else state & ~full)
        if not on:
            self.splitter.setSizes(self._normal_splitter)
        self.full_screen_action.setChecked(on)
        self.schedule_save()

    def open_photo(self) -> None:
        """Photo mode lives in its own package, imported on first use (MediaPipe is an optional extra)."""
        from .photo.opening import open_photo

        open_photo(self)

    def _describe_photo_action(self) -> None:
        """Without the extra, the menu item itself says how to enable photo mode."""
        from ..core.photo import photo_mode_problem

        problem = photo_mode_problem()
        action = self.named_actions["open_photo"]
        if problem is not None:
            action.setText(self.tr("Open Photo… (not installed)"))
        action.setStatusTip(problem or self.tr("Map the zones and points onto a client's photo"))
        action.setToolTip(action.statusTip())

    def open_content_folder(self) -> None:
        folder = content_dir()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            from PySide6.QtWidgets import QMessageBox  # dialogs load on first use, not at start-up

            QMessageBox.warning(
                self,
                self.tr("Content folder"),
                self.tr("{folder} cannot be created: {reason}.").format(folder=folder, reason=exc.strerror or exc),
            )
            return
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def about_text(self) -> str:
        """Our markup over escaped pack text: a pack must not add links or images, nor hide the disclaimer."""
        content = self.catalog.content
        sources = "".join(f"<li>{escape(s)}</li>" for s in content.sources)
        sources += "".join(f"<li>{escape(r.citation)}</li>" for r in cited(self.catalog))
        change = self.catalog.local_change("disclaimer", "disclaimer")
        mark = self.tr("✎ The disclaimer was {change} locally by your content pack.").format(change=change_word(change))
        heading = self.tr("Sources")
        disclaimers = "".join(
            f"<p>{escape(content.disclaimer.full.get(lang))}</p>" for lang in content_languages(self.map_state.language)
        )
        return (
            f"<h3>Meridian Map {__version__}</h3>"
            f"{disclaimers}{f'<p><i>{escape(mark)}</i></p>' if change else ''}"
            f"<p><b>{escape(heading)}</b></p><ul>{sources}</ul>"
        )

    def show_comparison(self) -> None:
        """The selected zone under every school, side by side (built on first use: start-up stays as it was)."""
        from .schools.compare import CompareDialog

        if self.compare_dialog is None:
            self.compare_dialog = CompareDialog(self.map_state, self)
            self.compare_dialog.source_requested.connect(self.show_sources)
            self.compare_dialog.resize(960, 640)
        elif self.map_state.selection.zone:
            self.compare_dialog.show_zone(self.map_state.selection.zone)
        self.compare_dialog.show()
        self.compare_dialog.raise_()

    def show_sources(self, ref_id: object = "") -> None:
        """The schools and every work they cite, at `ref_id`'s entry when a link names one (a menu passes a bool)."""
        from .schools.sources import SourcesDialog

        if self.sources_dialog is None:
            self.sources_dialog = SourcesDialog(self.catalog, self)
        self.sources_dialog.show()
        self.sources_dialog.raise_()
        self.sources_dialog.show_source(ref_id if isinstance(ref_id, str) else "")

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox  # dialogs load on first use, not at start-up

        box = QMessageBox(self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # else every About stays, hidden, in the window
        box.setWindowTitle(self.tr("About Meridian Map"))
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(self.about_text())
        box.exec()

    # settings ---------------------------------------------------------------------

    def state(self) -> dict[str, Any]:
        """What is saved: plain numbers, each checked on the way back in (see `restore`).

        The size and place are the normal window's, kept while maximized or
        full screen, so leaving either next time returns to them.
        """
        normal = self.normalGeometry()
        if not normal.isValid():
            normal = self.geometry()
        full_screen = self.full_screen_action.isChecked()  # the person's choice, not a screen's (the player's)
        return {
            "window": {
                "x": normal.x(),
                "y": normal.y(),
                "width": normal.width(),
                "height": normal.height(),
                "maximized": bool(self.windowState() & Qt.WindowState.WindowMaximized),
                "full_screen": full_screen,
            },
            "splitter_sizes": list(self._normal_splitter if full_screen else self.splitter.sizes()),
            **self.map_state.to_settings(),
        }

    def restore(self, state: dict[str, Any]) -> None:
        """Apply saved state; anything missing, stale or unusable on these screens is skipped.

        A skipped value leaves the default in place, and the default is what
        the next save writes: a bad value is never written back.
        """
        window = state.get("window")
        placed = usable_geometry(window) if isinstance(window, dict) else None
        if placed is not None:
            self.setGeometry(placed)
        if isinstance(window, dict):
            if window.get("maximized") is True:
                self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
            if window.get("full_screen") is True:
                self.set_full_screen(True)
        sizes = usable_splitter_sizes(state.get("splitter_sizes"))
        if sizes is not None:
            if self.isFullScreen():
                self._normal_splitter = sizes
            else:
                self.splitter.setSizes(sizes)
        self.map_state.restore(state)

    def schedule_save(self) -> None:
        if self.settings is not None:
            self._save_timer.start()

    def save_state(self, always: bool = False) -> str | None:
        """Write the state if it changed (or `always`); returns why it could not be written, if it could not."""
        self._save_timer.stop()
        if self.settings is None:
            return None
        state = self.state()
        if state == self._saved and not always:
            return None
        try:
            self.settings.save(state)
        except OSError as exc:
            reason = str(exc)
            self.map_state.say(self.tr("Settings not saved: {reason}").format(reason=reason), 15000)
            return reason
        self._saved = state
        return None

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.schedule_save()

    def moveEvent(self, event: QMoveEvent) -> None:
        super().moveEvent(event)
        self.schedule_save()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save, and if that fails, leave a note shown at the next start: this window is going away."""
        self.sidebar.stop_measuring()
        reason = self.save_state(always=True)  # the file may have been removed or replaced meanwhile
        if reason is not None and not leave_unsaved_note(reason):
            from PySide6.QtWidgets import QMessageBox  # dialogs load on first use, not at start-up

            QMessageBox.warning(
                self,
                self.tr("Settings not saved"),
                self.tr("Your settings were not saved: {reason}.").format(reason=reason),
            )
        super().closeEvent(event)


def sidebar_area(sidebar: QWidget) -> QScrollArea:
    """The sidebar in a scroll area that is never narrower than the sidebar needs.

    With large type (a 1.5× system font, 200 % scale) the controls need more
    height than a laptop screen has; scrolling keeps each at its full size
    instead of squeezing them until their text is cut off.
    """
    area = QScrollArea()
    area.setWidget(sidebar)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the controls in it, never to the area itself
    scroll_bar = area.verticalScrollBar().sizeHint().width()
    area.setMinimumWidth(sidebar.minimumSizeHint().width() + scroll_bar)
    return area


def usable_geometry(saved: dict[str, Any]) -> QRect | None:
    """The saved normal geometry, if it fits the screens there are now and its top edge is on one."""
    values = [saved.get(key) for key in ("x", "y", "width", "height")]
    if not all(isinstance(v, int) and not isinstance(v, bool) and abs(v) <= MAX_COORDINATE for v in values):
        return None
    x, y, width, height = (int(v) for v in values)  # type: ignore[arg-type]
    screens = [screen.availableGeometry() for screen in QGuiApplication.screens()]
    if width < MIN_WINDOW[0] or height < MIN_WINDOW[1] or not screens:
        return None
    if width > max(s.width() for s in screens) or height > max(s.height() for s in screens):
        return None
    rect = QRect(x, y, width, height)
    strip = QRect(x, y, width, TITLE_STRIP[1])
    for screen in screens:
        grip = screen.intersected(strip)
        if grip.width() >= TITLE_STRIP[0] and grip.height() >= TITLE_STRIP[1]:
            return rect
    return None


def usable_splitter_sizes(saved: object) -> list[int] | None:
    """Sidebar, map and panel widths that leave the map on screen; panels may be closed (0)."""
    if not isinstance(saved, list) or len(saved) != len(DEFAULT_SPLITTER):
        return None
    if not all(isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= MAX_COORDINATE for v in saved):
        return None
    widest = max((s.availableGeometry().width() for s in QGuiApplication.screens()), default=0)
    total = sum(saved)
    if total > widest or saved[1] < MIN_MAP_WIDTH or saved[1] * 4 < total:
        return None
    return list(saved)


def plain_tip(text: str) -> str:
    """A tooltip that shows `text` as it is: Qt takes any tooltip that looks like HTML for HTML."""
    return f"<p>{escape(text)}</p>" if text else ""

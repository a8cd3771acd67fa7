"""The main window: sidebar, map and panel, with menus and a status bar."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QByteArray, Qt, QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QSplitter, QWidget

from .. import __version__
from ..core.catalog import Catalog
from ..core.model import Side
from ..core.search import Kind, SearchIndex
from ..core.userdata import JsonStore
from ..core.userdirs import content_dir
from .exportmenu import add_export_actions
from .mapscene import LabelMode, Layer, MapScene
from .mapview import MapView
from .panel import Panel
from .searchbox import SearchBox
from .sidebar import Sidebar


class MainWindow(QMainWindow):
    def __init__(self, catalog: Catalog, settings: JsonStore | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.settings = settings
        self.setWindowTitle("Meridian Map")
        self.scene = MapScene(catalog)
        self.view = MapView(self.scene)
        self.panel = Panel(catalog)
        self.sidebar = Sidebar(catalog)
        self.search = SearchBox(SearchIndex(catalog))
        self.selection = ""

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(1, False)
        self.splitter.setSizes([230, 700, 360])
        self.setCentralWidget(self.splitter)

        self.hover_label = QLabel()
        self.hover_label.setAccessibleName("Hover information")
        # Names come from packs: a QLabel would take "<img src=…>" in one for markup.
        self.hover_label.setTextFormat(Qt.TextFormat.PlainText)
        self.zoom_label = QLabel("100 %")
        self.statusBar().addWidget(self.hover_label, 1)
        self.statusBar().addPermanentWidget(self.zoom_label)
        self._build_menus()
        self._connect()
        self.resize(1280, 800)

    # construction -------------------------------------------------------------

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        add_export_actions(self, file_menu)
        file_menu.addSeparator()
        self.quit_action = self._action(file_menu, "&Quit", QKeySequence.StandardKey.Quit, self.close)

        view_menu = bar.addMenu("&View")
        self.full_screen_action = self._action(view_menu, "&Full screen", QKeySequence("F11"), self.toggle_full_screen)
        self.full_screen_action.setCheckable(True)
        view_menu.addSeparator()
        self._action(view_menu, "Zoom &in", QKeySequence.StandardKey.ZoomIn, lambda: self.view.zoom_by(1.25))
        self._action(view_menu, "Zoom &out", QKeySequence.StandardKey.ZoomOut, lambda: self.view.zoom_by(0.8))
        self._action(view_menu, "&Fit to window", QKeySequence("Ctrl+0"), self.view.fit)
        view_menu.addSeparator()
        self._action(view_menu, "&Find…", QKeySequence.StandardKey.Find, self.focus_search)
        self._action(view_menu, "&Clear selection", QKeySequence(), self.clear_selection)

        help_menu = bar.addMenu("&Help")
        self._action(help_menu, "Open &content folder", QKeySequence(), self.open_content_folder)
        self._action(help_menu, "&About Meridian Map", QKeySequence(), self.show_about)
        # Kept on self: setCornerWidget does not take ownership from Python.
        self.search_corner = QWidget()
        corner_layout = QHBoxLayout(self.search_corner)
        corner_layout.setContentsMargins(0, 2, 8, 2)
        corner_layout.addWidget(self.search)
        bar.setCornerWidget(self.search_corner, Qt.Corner.TopRightCorner)

    def _action(self, menu: Any, title: str, shortcut: Any, slot: Any) -> QAction:
        action = QAction(title, self)
        if shortcut:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        self.addAction(action)
        return action

    def _connect(self) -> None:
        self.view.zone_hovered.connect(self._zone_hovered)
        self.view.point_hovered.connect(self._point_hovered)
        self.view.zone_clicked.connect(self.select_zone)
        self.view.point_clicked.connect(self.select_point)
        self.view.cleared.connect(self.clear_selection)
        self.view.zoom_changed.connect(lambda z: self.zoom_label.setText(f"{z * 100:.0f} %"))
        self.panel.point_link.connect(self.select_point_code)
        self.panel.concern_link.connect(self.sidebar.set_concern)
        self.sidebar.concern_changed.connect(lambda c: self.scene.set_concern(c or None))
        self.sidebar.zone_chosen.connect(self.select_zone)
        self.sidebar.layer_toggled.connect(lambda name, on: self.scene.set_layer_visible(Layer(name), on))
        self.sidebar.label_mode_changed.connect(lambda mode: self.scene.set_label_mode(LabelMode(mode)))
        self.sidebar.yang_ming_toggled.connect(self.scene.set_yang_ming_focus)
        self.sidebar.animate_toggled.connect(self.scene.set_animate)
        self.search.chosen.connect(self._search_chosen)

    # selection ------------------------------------------------------------------

    def select(self, key: str) -> bool:
        """Select by any id a person might type, in any case: cheek, CHEEK_L, ST2, st2.l.

        A side on a midline point (EX-HN3.L) selects the point: there is only one.
        """
        wanted = key.strip().casefold()
        areas = {area.casefold(): area for area in self.catalog.areas}
        zones = {zone.casefold(): zone for zone in self.catalog.zones}
        points = {p.key.casefold(): p.key for p in self.catalog.points}
        codes = {p.code.casefold(): p.code for p in self.catalog.points}
        code, _, side = wanted.rpartition(".")
        if wanted in areas:
            self.select_zone(areas[wanted])
        elif wanted in zones:
            self.select_zone(f"{zones[wanted]}_r")
        elif wanted in points:
            self.select_point(points[wanted])
        elif wanted in codes:
            self.select_point_code(codes[wanted])
        elif side in ("l", "r") and code in points:
            self.select_point(points[code])
        else:
            return False
        return True

    def select_zone(self, area_key: str) -> None:
        self.selection = area_key
        self.scene.select(area_key)
        self.panel.show_zone(area_key)
        self.sidebar.mark_zone(self.catalog.areas[area_key].zone)

    def select_point(self, key: str) -> None:
        self.selection = key
        placed = self.catalog.point(key)
        area = f"{placed.info.zone}_{(placed.side or Side.R).lower()}"
        self.scene.select(area if area in self.catalog.areas else None, key)
        self.panel.show_point(key)
        self.sidebar.mark_zone(placed.info.zone)

    def select_point_code(self, code: str) -> None:
        keys = [p.key for p in self.catalog.points if p.code == code]
        if keys:
            self.select_point(keys[0])

    def clear_selection(self) -> None:
        self.selection = ""
        self.scene.select(None)
        self.panel.show_welcome()
        self.sidebar.mark_zone(None)

    def _search_chosen(self, kind: str, key: str) -> None:
        if kind == Kind.POINT:
            self.select_point_code(key)
        elif kind == Kind.ZONE:
            self.select_zone(f"{key}_r")
        elif kind == Kind.CONCERN:
            self.sidebar.set_concern(key)

    # status -----------------------------------------------------------------------

    def _zone_hovered(self, key: str) -> None:
        if not key:
            self.hover_label.clear()
            self.view.setToolTip("")
            return
        area = self.catalog.areas[key]
        zone = self.catalog.zones[area.zone]
        text = f"{zone.name.get()} ({area.side})"
        self.hover_label.setText(f"Hover: {text} · {zone.area.get()}")
        self.view.setToolTip(plain_tip(text))

    def _point_hovered(self, key: str) -> None:
        if not key:
            self._zone_hovered(self.view.hovered_zone)
            return
        info = self.catalog.point(key).info
        text = f"{info.code} {info.pinyin} {info.hanzi} · {info.english}"
        self.hover_label.setText(f"Hover: {text}")
        self.view.setToolTip(plain_tip(text))

    # actions ----------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def toggle_full_screen(self) -> None:
        """Full screen is for showing a patient: the map and the zone's panel, without the controls."""
        leaving = self.isFullScreen()
        self.sidebar.setVisible(leaving)
        self.statusBar().setVisible(leaving)
        if leaving:
            self.showNormal()
        else:
            self.showFullScreen()
        self.full_screen_action.setChecked(not leaving)

    def open_content_folder(self) -> None:
        folder = content_dir()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            from PySide6.QtWidgets import QMessageBox  # dialogs load on first use, not at start-up

            QMessageBox.warning(self, "Content folder", f"{folder} cannot be created: {exc.strerror or exc}.")
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def about_text(self) -> str:
        """Our markup over escaped pack text: a pack must not add links or images, nor hide the disclaimer."""
        content = self.catalog.content
        sources = "".join(f"<li>{escape(s)}</li>" for s in content.sources)
        change = self.catalog.local_change("disclaimer", "disclaimer")
        mark = f"<p><i>✎ The disclaimer was {change} locally by your content pack.</i></p>" if change else ""
        return (
            f"<h3>Meridian Map {__version__}</h3>"
            f"<p>{escape(content.disclaimer.full.get())}</p>{mark}"
            f"<p><b>Sources</b></p><ul>{sources}</ul>"
        )

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox  # dialogs load on first use, not at start-up

        box = QMessageBox(self)
        box.setWindowTitle("About Meridian Map")
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(self.about_text())
        box.exec()

    # settings ---------------------------------------------------------------------

    def state(self) -> dict[str, Any]:
        return {
            "geometry": bytes(self.saveGeometry().toHex().data()).decode(),
            "splitter": bytes(self.splitter.saveState().toHex().data()).decode(),
            "layers": {str(layer): box.isChecked() for layer, box in self.sidebar.layer_boxes.items()},
            "label_mode": self.sidebar.label_mode.currentData(),
            "yang_ming_focus": self.sidebar.yang_ming.isChecked(),
            "animate": self.sidebar.animate.isChecked(),
            "selection": self.selection,
        }

    def restore(self, state: dict[str, Any]) -> None:
        """Apply saved state; anything missing or stale is simply skipped."""
        if isinstance(geometry := state.get("geometry"), str):
            self.restoreGeometry(QByteArray.fromHex(geometry.encode()))
        if isinstance(splitter := state.get("splitter"), str):
            self.splitter.restoreState(QByteArray.fromHex(splitter.encode()))
        layers = state.get("layers")
        if isinstance(layers, dict):
            for layer, box in self.sidebar.layer_boxes.items():
                if isinstance(layers.get(str(layer)), bool):
                    box.setChecked(layers[str(layer)])
        index = self.sidebar.label_mode.findData(state.get("label_mode"))
        if index >= 0:
            self.sidebar.label_mode.setCurrentIndex(index)
        if isinstance(state.get("yang_ming_focus"), bool):
            self.sidebar.yang_ming.setChecked(state["yang_ming_focus"])
        if isinstance(state.get("animate"), bool):
            self.sidebar.animate.setChecked(state["animate"])
        if isinstance(selection := state.get("selection"), str) and selection:
            self.select(selection)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.settings is not None:
            try:
                self.settings.save(self.state())
            except OSError as exc:
                self.statusBar().showMessage(f"Settings not saved: {exc}")
        super().closeEvent(event)


def plain_tip(text: str) -> str:
    """A tooltip that shows `text` as it is: Qt takes any tooltip that looks like HTML for HTML."""
    return f"<p>{escape(text)}</p>" if text else ""

"""The "Clients and routines" screen: a client, today's screening, the routine, the session and its note.

Everything the practitioner sees of a session's plan follows from two
inputs, the routine being built and the screening answers ticked: each
change screens the routine again (a pure function, well under a
millisecond) and hands the result to the state, so the map here and on the
explorer shows the zones left out hatched, with their reasons. "Present"
records the session with the answers as they were, dated, and switches to
the player. Client details stay in the local client file and never leave
the machine.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...core.assets import SCREENING_FILE
from ...core.catalog import Catalog
from ...core.load import load_screening
from ...core.problems import ContentError
from ...core.screeningmodel import Screening, ScreeningError
from ...core.session.routine import RoutineError, from_dict
from ...core.session.screening import ScreenedRoutine, screen
from ...core.store.clients import ClientStore, ClientStoreError, SessionRecord, StoredRoutine, open_client_store
from ...core.store.dirs import content_dir
from ...core.store.paths import clients_path
from ..exportmenu import deleted_after
from ..map.view import MapView
from ..theme import CAUTION
from .builder import RoutineBuilder
from .clientlist import ID_ROLE, ClientList, RoutineList
from .clientphoto import ClientPhotoBox, forget_shown_photo
from .notes import NoteEditor
from .screeningform import ScreeningForm
from .text import fill

if TYPE_CHECKING:
    from ..mainwindow import MainWindow

PLAYER_MODE = "consult"
TABS = ("screening", "routine", "today")


def today() -> dt.date:
    return dt.date.today()


def checklist(catalog: Catalog) -> tuple[Screening, str]:
    """The checklist with the items the user's pack adds; if those do not check out, the shipped one and why.

    The shipped checklist itself is checked by tests and `meridian-map check`:
    were it broken, there would be nothing safe to screen with, so that raises.
    """
    folder = content_dir()
    if (folder / SCREENING_FILE).is_file():
        try:
            return load_screening(catalog, user_dirs=[folder]), ""
        except ContentError as exc:
            shown = "\n".join(str(p) for p in exc.problems[:10])
            note = QCoreApplication.translate("Workspace", "The pack's screening items are left out:")
            return load_screening(catalog), f"{note}\n{shown}"
    return load_screening(catalog), ""


class WorkspacePage(QWidget):
    """The page for mode `clients` (see gui/pages.py)."""

    store_path: Path | None = None  # None: the data folder's clients.sqlite3

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window_ = window
        self.catalog = window.catalog
        self.state = window.map_state
        self.lang = self.state.language
        self.store: ClientStore | None = None
        self.client_id = 0
        self.session_id = 0
        self.screened: ScreenedRoutine | None = None
        self.screening, self.pack_problem = checklist(self.catalog)
        self._build()

    # construction -------------------------------------------------------------------

    def _build(self) -> None:
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._client_side())
        self.tabs = QTabWidget()
        self.tabs.setObjectName("workspace-tabs")
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        screening_page = QWidget()
        screening_layout = QVBoxLayout(screening_page)
        self.last_screened = QLabel()
        self.last_screened.setTextFormat(Qt.TextFormat.PlainText)
        screening_layout.addWidget(self.last_screened)
        self.form = ScreeningForm(self.screening, self.catalog, self.lang)
        self.form.changed.connect(self.rescreen)
        screening_layout.addWidget(self.form)
        scroll.setWidget(screening_page)
        self.tabs.addTab(scroll, self.tr("&Screening"))
        self.tabs.addTab(self._routine_tab(), self.tr("&Routine"))
        self.tabs.addTab(self._today_tab(), self.tr("&Today"))
        splitter.addWidget(self.tabs)
        self.map_view = MapView(self.window_.scene, self.state)
        self.map_view.setObjectName("workspace-map")
        splitter.addWidget(self.map_view)
        splitter.setStretchFactor(1, 1)
        splitter.setStretchFactor(2, 1)
        splitter.setSizes([200, 520, 560])
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self._enable()

    def _client_side(self) -> QWidget:
        side = QWidget()
        layout = QVBoxLayout(side)
        layout.addWidget(QLabel(self.tr("Clients")))
        self.clients = ClientList()
        self.clients.chosen.connect(self.choose_client)
        layout.addWidget(self.clients, 2)
        row = QHBoxLayout()
        self.add_button = self._button(self.tr("&New…"), self.add_client, row)
        self.rename_button = self._button(self.tr("Rena&me…"), self.rename_client, row)
        self.delete_button = self._button(self.tr("Delete…"), self.delete_client, row)
        layout.addLayout(row)
        row = QHBoxLayout()
        self.json_button = self._button(self.tr("Export JSON…"), lambda: self._export("json"), row)
        self.pdf_button = self._button(self.tr("Export PDF…"), lambda: self._export("pdf"), row)
        layout.addLayout(row)
        self.photo = ClientPhotoBox(self.window_)
        layout.addWidget(self.photo)
        layout.addWidget(QLabel(self.tr("Past sessions")))
        self.sessions = QListWidget()
        self.sessions.setObjectName("sessions")
        self.sessions.setAccessibleName(self.tr("Past sessions"))
        self.sessions.currentItemChanged.connect(lambda item, _old: self.choose_session(ClientList.id_of(item)))
        layout.addWidget(self.sessions, 1)
        return side

    def _routine_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.builder = RoutineBuilder(self.catalog, self.lang, lambda: self.state.school)
        self.builder.routine_changed.connect(lambda _r: self.rescreen())
        self.builder.problem.connect(self.state.say)
        layout.addWidget(self.builder, 3)
        layout.addWidget(QLabel(self.tr("Saved routines (this client's, then templates):")))
        saved_row = QHBoxLayout()
        self.saved = RoutineList()
        self.saved.itemActivated.connect(lambda _item: self.open_routine())
        saved_row.addWidget(self.saved, 1)
        buttons = QVBoxLayout()
        self.open_button = self._button(self.tr("&Open"), self.open_routine, buttons)
        self.save_button = self._button(self.tr("Save for &client"), self.save_for_client, buttons)
        self.template_button = self._button(self.tr("Save as &template"), self.save_as_template, buttons)
        self.duplicate_button = self._button(self.tr("D&uplicate…"), self.duplicate_routine, buttons)
        self.rename_routine_button = self._button(self.tr("Rename…"), self.rename_routine, buttons)
        self.delete_routine_button = self._button(self.tr("Delete"), self.delete_routine, buttons)
        buttons.addStretch()
        saved_row.addLayout(buttons)
        layout.addLayout(saved_row, 1)
        return tab

    def _today_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.result = QTextBrowser()
        self.result.setObjectName("screened-result")
        self.result.setOpenLinks(False)
        self.result.setAccessibleName(self.tr("Today's routine after screening"))
        layout.addWidget(self.result, 2)
        row = QHBoxLayout()
        self.present_button = self._button(self.tr("&Present"), self.present, row)
        self.present_button.setDefault(True)
        self.start_button = self._button(self.tr("Start session without presenting"), self.start_session, row)
        self.print_button = self._button(self.tr("Take-home &sheet…"), self.take_home, row)
        layout.addLayout(row)
        layout.addWidget(QLabel(self.tr("Session note (saved as you type):")))
        self.note = NoteEditor()
        self.note.failed.connect(lambda text: self.state.say(text, 15000))
        layout.addWidget(self.note, 1)
        return tab

    @staticmethod
    def _button(text: str, slot: Callable[[], object], layout: QHBoxLayout | QVBoxLayout) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(slot)
        layout.addWidget(button)
        return button

    # the page protocol ------------------------------------------------------------------

    def enter(self) -> None:
        if self.pack_problem:
            problem, self.pack_problem = self.pack_problem, ""
            self._warn(self.tr("Screening items in your content pack"), problem)
        if self.store is None:
            self.open_store(self.store_path or clients_path())
        self.map_view.fit()
        self.photo.show_client(self.store, self.client_id)  # a photo may have been saved from photo mode meanwhile
        self.rescreen()

    def leave(self) -> None:
        self.note.flush()

    def fit(self) -> None:
        self.map_view.fit()

    # the client file ----------------------------------------------------------------------

    def open_store(self, path: Path) -> None:
        try:
            opened = open_client_store(path)
        except ClientStoreError as exc:
            self._warn(self.tr("Client file"), str(exc))
            return
        if self.store is not None:
            self.store.close()
        self.store = opened.store
        if opened.warning:
            self._warn(self.tr("Client file"), opened.warning)
        self.refresh_clients()

    def refresh_clients(self, keep: int = 0) -> None:
        if self.store is not None:
            self.clients.show_clients(self.store.clients(), keep or self.client_id)

    def choose_client(self, client_id: int) -> None:
        self.note.bind("", None)
        self.client_id = client_id
        self.session_id = 0
        self.form.set_answers([])
        self.builder.set_routine(None)
        self._show_last_screening()
        self.refresh_sessions()
        self.refresh_routines()
        self.photo.show_client(self.store, client_id)
        self._enable()

    def _show_last_screening(self) -> None:
        records = self.store.screenings(self.client_id) if self.store and self.client_id else []
        if records:
            self.last_screened.setText(
                self.tr("Last screened on %1. Ask every question again today.").replace(
                    "%1", records[0].answered_on.isoformat()
                )
            )
        elif self.client_id:
            self.last_screened.setText(self.tr("Not screened before."))
        else:
            self.last_screened.setText(self.tr("No client chosen: the screening is not recorded."))

    # clients -------------------------------------------------------------------------------

    def add_client(self) -> None:
        if self.store is None:
            return
        name, ok = QInputDialog.getText(self, self.tr("New client"), self.tr("Name or alias (printed on sheets):"))
        if not ok or not name.strip():
            return
        try:
            client = self.store.add_client(name, today())
        except ClientStoreError as exc:
            self._warn(self.tr("New client"), str(exc))
            return
        self.refresh_clients(client.id)

    def rename_client(self) -> None:
        if self.store is None or not self.client_id:
            return
        old = self.store.client(self.client_id).name
        name, ok = QInputDialog.getText(self, self.tr("Rename client"), self.tr("Name or alias:"), text=old)
        if not ok or not name.strip() or name.strip() == old:
            return
        try:
            self.store.rename_client(self.client_id, name)
        except ClientStoreError as exc:
            self._warn(self.tr("Rename client"), str(exc))
            return
        self.refresh_clients(self.client_id)

    def delete_client(self) -> None:
        if self.store is None or not self.client_id:
            return
        name = self.store.client(self.client_id).name
        question = fill(
            self.tr(
                "Delete %1 entirely, with every routine, session, note and screening answer kept for them? "
                "This cannot be undone."
            ),
            name,
        )
        if not self._ask(self.tr("Delete client"), question):
            return
        self.note.bind("", None)
        try:
            deleted = self.store.delete_client(self.client_id)
        except ClientStoreError as exc:
            self._warn(self.tr("Delete client"), str(exc))
            return
        forget_shown_photo(self.window_, self.client_id)
        self.client_id = 0
        self.state.set_routine(None)
        self.refresh_clients()
        gone = self.tr("Nothing of it is left in the client file.")
        self._tell(QMessageBox.Icon.Information, self.tr("Client deleted"), f"{deleted}. {gone}")

    def _export(self, kind: str) -> None:
        if self.store is None or not self.client_id:
            return
        from .record import export_record  # the PDF writer loads on first use

        export_record(self, self.store, self.client_id, kind, self.catalog, self.screening, self.lang)

    # routines --------------------------------------------------------------------------------

    def refresh_routines(self) -> None:
        if self.store is None:
            return
        own = self.store.routines(self.client_id) if self.client_id else []
        self.saved.show_routines(own, self.store.routines(None))

    def open_routine(self) -> None:
        if self.store is None or not (routine_id := self.saved.current_id()):
            return
        stored = self._stored(routine_id)
        if stored is None:
            return
        try:
            routine = from_dict(stored.data, self.catalog)
        except RoutineError as exc:
            self._warn(
                self.tr("Open routine"), fill(self.tr("%1 does not fit the content in use: %2"), stored.name, str(exc))
            )
            return
        self.builder.set_routine(routine)
        self.tabs.setCurrentIndex(TABS.index("routine"))

    def _save_routine(self, client_id: int | None) -> None:
        routine = self.builder.routine
        if self.store is None or routine is None:
            return
        try:
            self.store.save_routine(client_id, routine)
        except ClientStoreError as exc:
            self._warn(self.tr("Save routine"), str(exc))
            return
        self.refresh_routines()
        self.state.say(fill(self.tr("Saved the routine “%1”"), routine.name))

    def save_for_client(self) -> None:
        if self.client_id:
            self._save_routine(self.client_id)

    def save_as_template(self) -> None:
        self._save_routine(None)

    def _ask_name(self, title: str, suggested: str) -> str:
        name, ok = QInputDialog.getText(self, title, self.tr("Routine name:"), text=suggested)
        return name.strip() if ok else ""

    def duplicate_routine(self) -> None:
        item = self.saved.currentItem()
        if self.store is None or item is None:
            return
        name = self._ask_name(self.tr("Duplicate routine"), fill(self.tr("%1 (copy)"), self._stored_name(item)))
        if name:
            store, routine_id = self.store, self.saved.current_id()
            self._store_call(self.tr("Duplicate routine"), lambda: store.duplicate_routine(routine_id, name))

    def rename_routine(self) -> None:
        item = self.saved.currentItem()
        if self.store is None or item is None:
            return
        name = self._ask_name(self.tr("Rename routine"), self._stored_name(item))
        if name:
            store, routine_id = self.store, self.saved.current_id()
            self._store_call(self.tr("Rename routine"), lambda: store.rename_routine(routine_id, name))

    def delete_routine(self) -> None:
        store, routine_id = self.store, self.saved.current_id()
        if store is not None and routine_id:
            self._store_call(self.tr("Delete routine"), lambda: store.delete_routine(routine_id))

    def _stored(self, routine_id: int) -> StoredRoutine | None:
        """A saved routine of this client's, or a template."""
        if self.store is None:
            return None
        mine = self.store.routines(self.client_id) if self.client_id else []
        return next((r for r in (*mine, *self.store.routines(None)) if r.id == routine_id), None)

    def _stored_name(self, item: QListWidgetItem) -> str:
        stored = self._stored(int(item.data(ID_ROLE)))
        return stored.name if stored is not None else ""

    def _store_call(self, title: str, call: Callable[[], object]) -> None:
        try:
            call()
        except ClientStoreError as exc:
            self._warn(title, str(exc))
        self.refresh_routines()

    # screening ---------------------------------------------------------------------------------

    def rescreen(self) -> None:
        """Screen the routine with the ticked answers; the state (and so every map) gets the result."""
        routine = self.builder.routine
        self.screened = None
        if routine is None:
            self.result.setHtml(self._para(self.tr("Build or open a routine to see what is worked today.")))
            self.state.set_routine(None)
            self._enable()
            return
        try:
            self.screened = screen(routine, self.form.answers(), today(), self.screening, self.catalog)
        except ScreeningError as exc:
            self.result.setHtml(self._para(fill(self.tr("Screening incomplete: %1"), str(exc)), warn=True))
            self.state.set_routine(None)
            self._enable()
            return
        self.state.set_routine(self.screened)
        self.result.setHtml(self.summary_html(self.screened))
        self._enable()

    @staticmethod
    def _para(text: str, warn: bool = False) -> str:
        style = f" style='color:{CAUTION}'" if warn else ""
        return f"<p{style}>{escape(text)}</p>"

    def summary_html(self, screened: ScreenedRoutine) -> str:
        """Today's routine: what is worked and how hard, what is left out and why; every content text escaped."""
        lang, zones, pressures = self.lang, self.catalog.zones, self.catalog.pressures
        parts = [f"<h3>{escape(screened.routine.name)}</h3>"]
        if screened.postponed:
            reasons = "; ".join(n.text.get(lang) for n in screened.postponements)
            parts.append(self._para(fill(self.tr("Session postponed: %1"), reasons), warn=True))
        rows = []
        for step in screened.steps:
            pressure = escape(pressures[step.pressure].name.get(lang))
            if step.capped_by:
                planned = pressures[step.planned_pressure].name.get(lang)
                capped = fill(self.tr("capped from %1 by %2"), planned, ", ".join(step.capped_by))
                pressure += f" <span style='color:{CAUTION}'>({escape(capped)})</span>"
            rows.append(
                f"<tr><td>{step.number}.</td><td>{escape(zones[step.zone].name.get(lang))}</td>"
                f"<td>{pressure}</td><td>{escape(self.tr('%n strokes per line', '', step.strokes))}</td></tr>"
            )
        if rows:
            parts.append("<table cellspacing='4'>" + "".join(rows) + "</table>")
        if screened.left_out:
            parts.append(f"<h4 style='color:{CAUTION}'>{escape(self.tr('Left out today, and why'))}</h4><ul>")
            for out in screened.left_out:
                why = "; ".join(reason.get(lang) for reason in out.reasons)
                if out.until is not None:
                    why += "; " + fill(self.tr("may be worked again from %1"), out.until.isoformat())
                parts.append(f"<li><b>{escape(zones[out.zone].name.get(lang))}</b>: {escape(why)}</li>")
            parts.append("</ul>")
        if screened.notices:
            parts.append(f"<h4>{escape(self.tr('Cautions'))}</h4><ul>")
            parts.extend(f"<li>{escape(n.text.get(lang))}</li>" for n in screened.notices)
            parts.append("</ul>")
        return "".join(parts)

    # sessions ------------------------------------------------------------------------------------

    def refresh_sessions(self, keep: int = 0) -> None:
        self.sessions.blockSignals(True)
        self.sessions.clear()
        records: list[SessionRecord] = self.store.sessions(self.client_id) if self.store and self.client_id else []
        for record in records:
            name = str(record.routine.get("name", ""))
            item = QListWidgetItem(f"{record.held_on.isoformat()} · {name}")
            item.setData(ID_ROLE, record.id)
            answered = ", ".join(a.item for a in record.answers) or self.tr("nothing ticked")
            item.setToolTip(fill(self.tr("Screening: %1"), answered))
            self.sessions.addItem(item)
            if record.id == keep:
                self.sessions.setCurrentItem(item)
        self.sessions.blockSignals(False)
        self.choose_session(keep if any(r.id == keep for r in records) else 0)

    def choose_session(self, session_id: int) -> None:
        self.session_id = session_id
        store = self.store
        if store is None or not session_id:
            self.note.bind("", None)
            return
        self.note.bind(store.note(session_id), lambda text: store.save_note(session_id, text))

    def start_session(self) -> int:
        """Record today's session (routine and answers as they are now, dated) and open its note."""
        screened = self.screened
        if self.store is None or not self.client_id or screened is None:
            return 0
        try:
            self.store.save_answers(self.client_id, screened.today, screened.answers)
            session = self.store.start_session(self.client_id, screened.today, screened.routine, screened.answers)
        except ClientStoreError as exc:
            self._warn(self.tr("Session"), str(exc))
            return 0
        self.refresh_sessions(session)
        self._show_last_screening()
        return session

    def present(self) -> None:
        """Hand the screened routine to the player; a postponed session cannot be presented."""
        screened = self.screened
        if screened is None:
            self.state.say(self.tr("Build a routine first, and answer the screening."))
            return
        if screened.postponed:
            reasons = "; ".join(n.text.get(self.lang) for n in screened.postponements)
            self._warn(self.tr("Present"), fill(self.tr("Today's session is postponed: %1"), reasons))
            return
        if self.client_id:
            self.start_session()
        self.state.set_routine(screened)
        self.state.set_mode(PLAYER_MODE)

    def take_home(self) -> None:
        if self.screened is None:
            self.state.say(self.tr("Build a routine first, and answer the screening."))
            return
        from .printing import TakeHomeDialog  # printing loads on first use

        name = self.store.client(self.client_id).name if self.store and self.client_id else ""
        note = self.note.toPlainText() if self.session_id else ""
        photo = self.photo.for_sheet()
        with deleted_after(
            TakeHomeDialog(self, self.catalog, self.state, self.screened, name, note, self.lang, photo)
        ) as dialog:
            dialog.exec()

    # helpers ---------------------------------------------------------------------------------------

    def _enable(self) -> None:
        has_client = bool(self.client_id)
        for button in (self.rename_button, self.delete_button, self.json_button, self.pdf_button, self.save_button):
            button.setEnabled(has_client)
        has_routine = self.builder.routine is not None
        self.template_button.setEnabled(has_routine)
        self.save_button.setEnabled(has_client and has_routine)
        self.present_button.setEnabled(self.screened is not None and not self.screened.postponed)
        self.print_button.setEnabled(self.screened is not None and not self.screened.postponed)
        self.start_button.setEnabled(has_client and self.screened is not None)

    def _warn(self, title: str, text: str) -> None:
        self._tell(QMessageBox.Icon.Warning, title, text)

    def _tell(self, icon: QMessageBox.Icon, title: str, text: str) -> None:
        """A message box showing `text` as typed: names come from people and packs, never markup."""
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        with deleted_after(box):
            box.exec()

    def _ask(self, title: str, text: str) -> bool:
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel
        box = QMessageBox(QMessageBox.Icon.Question, title, text, buttons, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        with deleted_after(box):
            answer = box.exec()
        return answer == QMessageBox.StandardButton.Yes

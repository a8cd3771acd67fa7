"""The study screen: decks on the left, the face in the middle, the card, drill or progress on the right.

The page has its own map (scene, view and state) rather than the
explorer's: a quiz hides points, labels and channels, and that must not
change what the explorer shows or saves. Answers go to the study database
through `StudySession`; a database that had to be set aside, or cannot be
written, is said in a banner at the top, never silently.
"""

from __future__ import annotations

import random
import tempfile
from collections.abc import Collection
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.store.db import StudyDbError, open_study_db
from ...core.study.cards import Card, Kind
from ...core.study.decks import CUSTOM_PREFIX, Deck, DeckError
from ...core.study.progress import accuracy_by_channel, due_today, mastery, reviews_per_day, streak
from ...core.study.quiz import Grade
from ...core.study.schedule import due_cards
from ..language import chrome_language
from ..mainwindow import plain_tip
from ..map.looks import Layer
from ..map.scene import MapScene
from ..map.tools import Tool
from ..map.view import MapView
from ..state import MapState
from .activity import Activity, plain_label
from .flashcards import FlashcardActivity
from .locate import LocateActivity
from .progress import MasteryLayer, ProgressView
from .session import Clock, StudySession, local_now

if TYPE_CHECKING:
    from ..mainwindow import MainWindow

SIDE_WIDTH = 300
DRILL_KINDS = ("next", "order", "zones", "stroke", "member")  # drill.DRILLS, named here so opening loads no drill


class StudyMapView(MapView):
    """The map of the study page: Tab leaves it at once instead of walking the zones first."""

    def focusNextPrevChild(self, forward: bool) -> bool:
        return QWidget.focusNextPrevChild(self, forward)


class DeckTree(QTreeWidget):
    """The deck list: Enter starts the deck and stops there, rather than also reaching the card it opened."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()


class StudyPage(QWidget):
    def __init__(self, window: MainWindow, db_path: Path | None = None, clock: Clock = local_now) -> None:
        super().__init__()
        self.window_ = window
        self.catalog = window.catalog
        self.rng = random.Random()
        self.study_state = MapState(self.catalog, self)
        self.scene = MapScene(self.catalog, self.study_state)
        self.view = StudyMapView(self.scene, self.study_state)
        self.view.setAccessibleName(self.tr("Face map for study"))
        self.view.set_tool(Tool(self.view))
        self.mastery_layer = MasteryLayer(self.scene)
        self.activity: Activity | None = None
        self.drill = ""  # the drill being run, "" for cards
        self.drill_tally = [0, 0]  # right, asked
        self.warnings: list[str] = []
        self.session = self._open(db_path, clock)
        self.decks: list[Deck] = []

        self.banner = plain_label()
        self.banner.setObjectName("studyWarning")
        self.banner.setAccessibleName(self.tr("Study warning"))
        self.banner.setVisible(False)

        self.deck_list = DeckTree()
        self.deck_list.setAccessibleName(self.tr("Decks"))
        self.deck_list.setRootIsDecorated(False)
        self.deck_list.setColumnCount(3)
        self.deck_list.setHeaderLabels([self.tr("Deck"), self.tr("Due"), self.tr("New")])
        header = self.deck_list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.deck_list.itemActivated.connect(lambda *_: self.start_cards(practice=False))
        deck_label = QLabel(self.tr("&Decks"))
        deck_label.setBuddy(self.deck_list)
        self.study_button = QPushButton(self.tr("&Study due cards"))
        self.study_button.clicked.connect(lambda: self.start_cards(practice=False))
        self.practice_button = QPushButton(self.tr("&Practice (schedule untouched)"))
        self.practice_button.clicked.connect(lambda: self.start_cards(practice=True))
        self.new_button = QPushButton(self.tr("&New deck…"))
        self.new_button.clicked.connect(self.new_deck)
        self.edit_button = QPushButton(self.tr("&Rename or edit…"))
        self.edit_button.clicked.connect(self.edit_deck)
        self.delete_button = QPushButton(self.tr("De&lete deck"))
        self.delete_button.clicked.connect(self.delete_deck)
        self.deck_list.currentItemChanged.connect(lambda *_: self._deck_chosen())
        drill_titles = {
            "next": self.tr("Next point along a channel"),
            "order": self.tr("Put a course in order"),
            "zones": self.tr("Zones for a concern"),
            "stroke": self.tr("Stroke direction"),
            "member": self.tr("Channel or zone of a point"),
        }
        self.drill_buttons: dict[str, QPushButton] = {}
        left = QVBoxLayout()
        for widget in (deck_label, self.deck_list, self.study_button, self.practice_button):
            left.addWidget(widget)
        edit_row = QHBoxLayout()
        for widget in (self.new_button, self.edit_button, self.delete_button):
            edit_row.addWidget(widget)
        left.addLayout(edit_row)
        left.addWidget(plain_label(self.tr("Drills (not scheduled)"), bold=True))
        for kind in DRILL_KINDS:
            button = QPushButton(drill_titles[kind])
            button.clicked.connect(lambda _checked=False, kind=kind: self.start_drill(kind))
            left.addWidget(button)
            self.drill_buttons[kind] = button
        left_box = QWidget()
        left_box.setLayout(left)
        left_box.setFixedWidth(SIDE_WIDTH)

        self.progress = ProgressView()
        self.round_label = plain_label(bold=True)
        self.activity_box = QVBoxLayout()
        self.end_button = QPushButton(self.tr("&End (Esc)"))
        self.end_button.clicked.connect(self.end)
        session_box = QWidget()
        self.session_layout = QVBoxLayout(session_box)
        self.session_layout.setContentsMargins(0, 0, 0, 0)
        self.session_layout.addWidget(self.round_label)
        self.session_layout.addLayout(self.activity_box, 1)
        self.session_layout.addWidget(self.end_button)
        self.side = QStackedWidget()
        self.side.addWidget(self.progress)
        self.side.addWidget(session_box)
        self.side.setFixedWidth(SIDE_WIDTH + 60)

        row = QHBoxLayout()
        row.addWidget(left_box)
        row.addWidget(self.view, 1)
        row.addWidget(self.side)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(row, 1)
        chain = [
            self.deck_list, self.study_button, self.practice_button, self.new_button, self.edit_button,
            self.delete_button, *self.drill_buttons.values(), self.view, self.end_button,
        ]  # fmt: skip
        for before, after in pairwise(chain):
            self.setTabOrder(before, after)

        for n in range(1, 10):
            shortcut = QShortcut(QKeySequence(str(n)), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda n=n: self.activity.number(n) if self.activity is not None else None)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.end)
        window.map_state.language_changed.connect(lambda _lang: self.refresh())
        self._show_warnings()

    @property
    def language(self) -> str:
        """The content language of the cards: one at a time, so bilingual asks in the chrome's language."""
        return chrome_language(self.window_.map_state.language)

    # the database ---------------------------------------------------------------

    def _open(self, path: Path | None, clock: Clock) -> StudySession:
        """The student's database; when even a new one cannot be made, a scratch one, and the banner says so."""
        try:
            opened = open_study_db(path)
        except StudyDbError as exc:
            self.warnings.append(
                self.tr("Your study database cannot be used (%1). Answers today are not kept.").replace("%1", str(exc))
            )
            opened = open_study_db(Path(tempfile.mkdtemp(prefix="meridian-map-study-")) / "study.sqlite3")
        if opened.warning:
            self.warnings.append(opened.warning)
        session = StudySession(self.catalog, opened.db, clock)
        if opened.db.skipped:
            self.warnings.append(
                self.tr("%1 unreadable rows of your study database were left out.").replace(
                    "%1", str(opened.db.skipped)
                )
            )
        return session

    def warn(self, text: str) -> None:
        self.warnings.append(text)
        self._show_warnings()

    def _show_warnings(self) -> None:
        shown = [*self.warnings, *self.session.deck_problems]
        self.banner.setText("⚠ " + "\n⚠ ".join(shown) if shown else "")
        self.banner.setVisible(bool(shown))

    # Page protocol ----------------------------------------------------------------

    def enter(self) -> None:
        self.refresh()
        self.deck_list.setFocus()

    def leave(self) -> None:
        """Leaving mid-card keeps the card for later: nothing was answered. Entering again shows the decks."""
        self.stop()

    def fit(self) -> None:
        self.view.fit()

    # decks ------------------------------------------------------------------------

    def refresh(self) -> None:
        """Deck counts and the progress on the face, as they stand now."""
        chosen = self.current_deck()
        self.decks = self.session.decks()
        self.deck_list.blockSignals(True)
        self.deck_list.clear()
        lang = self.language
        for deck in self.decks:
            queue = self.session.queue(deck)
            item = QTreeWidgetItem([deck.name.get(lang), str(len(queue.due)), str(len(queue.new))])
            item.setToolTip(0, plain_tip(deck.name.get(lang)))
            item.setData(0, Qt.ItemDataRole.UserRole, deck.id)
            self.deck_list.addTopLevelItem(item)
        ids = [deck.id for deck in self.decks]
        row = ids.index(chosen.id) if chosen is not None and chosen.id in ids else 0
        if (current := self.deck_list.topLevelItem(row)) is not None:
            self.deck_list.setCurrentItem(current)
        self.deck_list.blockSignals(False)
        self._deck_chosen()
        self._show_warnings()
        if self.activity is None:
            self.show_overview()

    def current_deck(self) -> Deck | None:
        item = self.deck_list.currentItem()
        if item is None:
            return None
        wanted = item.data(0, Qt.ItemDataRole.UserRole)
        return next((deck for deck in self.decks if deck.id == wanted), None)

    def select_deck(self, deck_id: str) -> None:
        for row in range(self.deck_list.topLevelItemCount()):
            item = self.deck_list.topLevelItem(row)
            if item is not None and item.data(0, Qt.ItemDataRole.UserRole) == deck_id:
                self.deck_list.setCurrentItem(item)

    def _deck_chosen(self) -> None:
        deck = self.current_deck()
        own = deck is not None and deck.id.startswith(CUSTOM_PREFIX)
        self.edit_button.setEnabled(own)
        self.delete_button.setEnabled(own)
        self.study_button.setEnabled(deck is not None and bool(deck.cards))
        self.practice_button.setEnabled(deck is not None and bool(deck.cards))

    def new_deck(self) -> None:
        self._edit_in(self.tr("New deck"), "", (), None)

    def edit_deck(self) -> None:
        deck = self.current_deck()
        if deck is None or not deck.id.startswith(CUSTOM_PREFIX):
            return
        self._edit_in(self.tr("Rename or edit deck"), deck.name.get(), self.session.stored_items(deck.id), deck.id)

    def _edit_in(self, title: str, name: str, chosen: Collection[str], deck_id: str | None) -> None:
        """Until the deck is good or the student cancels: a problem is said and the dialog opens again, filled in."""
        while True:
            from .deckdialog import DeckDialog  # dialogs load on first use

            dialog = DeckDialog(self.catalog, name, chosen, self)
            dialog.setWindowTitle(title)
            accepted = dialog.exec() == DeckDialog.DialogCode.Accepted
            name, chosen = dialog.name.text(), dialog.chosen()
            dialog.deleteLater()
            if not accepted:
                return
            try:
                if deck_id is None and any(d.name.get() == name.strip() for d in self.decks):
                    raise DeckError(self.tr("a deck called “%1” already exists").replace("%1", name.strip()))
                deck = self.session.save_deck(name, list(chosen), deck_id)
            except (DeckError, OSError) as exc:
                QMessageBox.warning(self, self.tr("Deck not saved"), str(exc))
                continue
            self.refresh()
            self.select_deck(deck.id)
            return

    def delete_deck(self) -> None:
        deck = self.current_deck()
        if deck is None or not deck.id.startswith(CUSTOM_PREFIX):
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete deck"),
            self.tr("Delete the deck “%1”? Your answers to its cards are kept.").replace("%1", deck.name.get()),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.session.delete_deck(deck.id)
        except OSError as exc:
            self.warn(str(exc))
        self.refresh()

    # a round of cards or drills ------------------------------------------------------

    def start_cards(self, practice: bool) -> None:
        deck = self.current_deck()
        if deck is None or not deck.cards:
            return
        self.session.start(deck, practice)
        self.drill = ""
        self.side.setCurrentIndex(1)
        self.next_question()

    def start_drill(self, kind: str) -> None:
        self.session.stop()
        self.drill = kind
        self.drill_tally = [0, 0]
        self.side.setCurrentIndex(1)
        self.next_question()

    def next_question(self) -> None:
        """The next card (or drill question); the round ends when no card is left."""
        if self.drill:
            from .drill import DRILLS  # loaded with the first drill: opening the page does not pay for them

            self._show(DRILLS[self.drill](self))
            self.round_label.setText(
                self.tr("Drill · %1 of %2 right").replace("%1", str(self.drill_tally[0]))
                .replace("%2", str(self.drill_tally[1]))
            )  # fmt: skip
            return
        card = self.session.next_card()
        if card is None:
            later = self.session.coming_back()
            self.end()
            message = self.tr("No more cards due now.")
            if later:
                message += " " + self.tr("%1 come back within the hour.").replace("%1", str(later))
            self.progress.note.setText(message)
            self.window_.map_state.say(message, 8000)
            return
        self._show(self._card_activity(card))
        self._label_round()

    def _card_activity(self, card: Card) -> Activity:
        if card.kind is Kind.LOCATE:
            return LocateActivity(self, card)
        return FlashcardActivity(self, card)

    def _label_round(self) -> None:
        current = self.session.round
        if current is None:
            return
        mode = self.tr("Practice") if current.practice else self.tr("Due cards")
        self.round_label.setText(
            f"{current.deck.name.get(self.language)} · {mode} · "
            + self.tr("%1 answered").replace("%1", str(current.answered))
        )

    def _show(self, activity: Activity) -> None:
        # Shown with the side's layout off: showing a widget lays out every parent up to the window at once,
        # and the old card's going and the new one's coming would each do it again. The side is laid out once,
        # when the layout is on again and the event loop gets to it, before anything is painted.
        self.session_layout.setEnabled(False)
        try:
            if self.activity is not None:
                self.activity.finish()
                self.activity_box.removeWidget(self.activity)
                self.activity.hide()
                self.activity.deleteLater()
            self.activity = activity
            self.activity_box.addWidget(activity)
            activity.show()  # now, not when the layout gets to it: begin() gives its controls the focus
        finally:
            self.session_layout.setEnabled(True)
        self.view.set_tool(Tool(self.view))
        activity.begin()

    def end(self) -> None:
        """Back to the decks and the progress; any card on screen stays unanswered."""
        self.stop()
        self.refresh()

    def stop(self) -> None:
        """End the round without showing anything new."""
        if self.activity is not None:
            self.activity.finish()
            self.activity_box.removeWidget(self.activity)
            self.activity.hide()
            self.activity.deleteLater()
            self.activity = None
        self.view.set_tool(Tool(self.view))
        self.session.stop()
        self.drill = ""
        self.side.setCurrentIndex(0)

    def record(
        self, card: Card, grade: Grade, distance_cun: float | None = None, duration_ms: int | None = None
    ) -> None:
        try:
            self.session.answer(card, grade, distance_cun, duration_ms)
        except OSError as exc:
            self.warn(self.tr("That answer was not saved: %1").replace("%1", str(exc)))
        self._label_round()

    def count_drill(self, right: bool) -> None:
        self.drill_tally[0] += right
        self.drill_tally[1] += 1

    # the map ------------------------------------------------------------------------

    def _layers(self, **visible: bool) -> None:
        for layer in Layer:
            self.study_state.set_layer(layer, visible.get(str(layer), False))

    def map_for_question(self, points: bool = False) -> None:
        """The face with zones only (and points when the question is about choosing one): nothing gives it away."""
        self.mastery_layer.hide()
        self.study_state.clear_selection()
        self._layers(zones=True, points=points)

    def mark_point(self, code: str) -> None:
        self.study_state.set_layer(Layer.POINTS, True)
        self.study_state.select_point_code(code)

    def show_channels(self) -> None:
        self.study_state.set_layer(Layer.CHANNELS, True)

    def show_strokes(self) -> None:
        self.study_state.set_layer(Layer.STROKES, True)

    def show_overview(self) -> None:
        """The progress: mastery marks on the face and the numbers beside it."""
        self.study_state.clear_selection()
        self._layers(zones=True, channels=True)
        session = self.session
        now = session.clock()
        log = session.db.log()
        times = [review.at for review in log]
        marks = mastery(self.catalog, session.states, session.schedule, now)
        self.mastery_layer.show(marks)
        self.progress.show_progress(
            self.catalog,
            self.language,
            marks,
            due_today(session.states.values(), now),
            len(due_cards(session.states, session.states, now)),
            streak(times, now),
            reviews_per_day(times, now),
            accuracy_by_channel(self.catalog, log),
        )
        self.side.setCurrentIndex(0)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Space and Enter go on, when the focused control did not want them."""
        if self.activity is not None and event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.activity.go_on()
            event.accept()
            return
        super().keyPressEvent(event)

"""The presentation player: the consult routine shown full screen to a client, one step at a time.

The page holds the core's `Player` (a frozen state machine) and a clock;
every key gives a new player, and a tenth-of-a-second tick asks it what to
show, so the count at a tempo and the step timer run without the page
keeping time itself. Tests replace `clock` with a fake one.

Keys are what presenter remotes send: arrows and PageUp/PageDown move
between steps, B (or the full stop) blanks the screen, Esc leaves to the
screen the player was opened from. Space counts a stroke, A counts by
itself at the chosen tempo (+/- change it) with a visual tick on the count,
S adds the system's beep to that tick (PySide6-Essentials has no sound
module), M mirrors the face for a client watching as in a mirror, C shows
the zone's point codes.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import QApplication, QHBoxLayout, QSizePolicy, QStackedLayout, QWidget

from ...core.model import Text
from ...core.screeningmodel import EffectKind
from ...core.session.player import MAX_TEMPO, MIN_TEMPO, Frame, Player, PlayerError
from ...core.session.presenting import StepWords, left_out_groups, step_words
from ...core.session.routine import Sides, for_concerns, routine_catalog
from ...core.session.screening import ScreenedRoutine, screen
from ..state import EXPLORE
from ..theme import ZONE_TINTS, Theme
from .face import PlayerFace
from .panel import WordsPanel

if TYPE_CHECKING:
    from ..mainwindow import MainWindow

TICK_MS = 100
DEFAULT_TEMPO = 30.0  # strokes a minute: one every two seconds, an unhurried facial stroke
TEMPO_STEP = 5.0
FLASH_MS = 180
REFERENCE = (1920, 1080)  # the screen the type sizes are set for
NUMBER_PX = 56  # step numbers on the face at 1920×1080
CUE_PX = 30
WORDS_SHARE = 42  # per cent of the screen's width

NEXT_KEYS = frozenset({Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_PageDown})
PREVIOUS_KEYS = frozenset({Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp})
BLANK_KEYS = frozenset({Qt.Key.Key_B, Qt.Key.Key_Period})


class PlayerPage(QWidget):
    """The `consult` mode's page: full screen while shown, the window as it was once left."""

    steps_done_changed = Signal(object)  # the step numbers done so far, a sorted tuple, for the session record

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.main = window
        self.catalog = window.map_state.catalog  # the routine's school's, once one is presented
        self.state = window.map_state
        self.clock: Callable[[], float] = time.monotonic
        self.theme = Theme.current()
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, self.theme.background)
        palette.setColor(QPalette.ColorRole.WindowText, self.theme.ink)
        self.setPalette(palette)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Routine player"))

        self.face = PlayerFace(self.catalog, self.theme, lambda: self.clock())
        self.words = WordsPanel(self.theme)
        self.content = QWidget()
        self.row = QHBoxLayout(self.content)
        row = self.row
        # Shares of the width that ignore what the words would like, so new words never move the face
        # (which would draw it again) from step to step.
        self.face.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.words.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        row.addWidget(self.face, 100 - WORDS_SHARE)
        row.addWidget(self.words, WORDS_SHARE)
        self.blank_cover = QWidget()
        self.blank_cover.setAutoFillBackground(True)
        cover = self.blank_cover.palette()
        cover.setColor(QPalette.ColorRole.Window, QColor(Qt.GlobalColor.black))
        self.blank_cover.setPalette(cover)
        self.stack = QStackedLayout(self)
        self.stack.addWidget(self.content)
        self.stack.addWidget(self.blank_cover)

        self.screened: ScreenedRoutine | None = None
        self.player: Player | None = None
        self.previous_mode = EXPLORE
        self.codes = False
        self.sound = False
        self.tempo = DEFAULT_TEMPO
        self._words: dict[tuple[int, str], StepWords] = {}  # by step number and language
        self._reasons: dict[str, Text] | None = None
        self._counted = (-1, 0)  # (step index, strokes) last shown, to tick once per new stroke
        self._done: tuple[int, ...] = ()
        self._window_was: tuple[Qt.WindowState, bool, bool] | None = None
        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(self.show_frame)
        self.face.set_cues(self.tr("Client's right"), self.tr("Client's left"), self.tr("Mirror view"))
        self.fit()

    # the Page protocol -------------------------------------------------------------

    def enter(self) -> None:
        self.previous_mode = self.main.previous_mode
        self._go_full_screen()
        routine = self.state.routine or self.default_routine()
        same = routine == self.screened and self.catalog is routine_catalog(self.state.catalog, routine.routine)
        if not same or self.player is None or self.player.finished:
            self.present(routine)  # else the consult goes on where it was left
        self.face.set_animate(self.main.scene.animate)
        self._ticker.start()
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        self.show_frame()

    def leave(self) -> None:
        self._ticker.stop()
        self._restore_window()

    def fit(self) -> None:
        """Type and numbers sized for this screen: 30 px body text and 56 px step numbers at 1920×1080."""
        scale = min(self.width() / REFERENCE[0], self.height() / REFERENCE[1])
        self.words.scale_to(scale)
        self.face.set_sizes(max(24, round(NUMBER_PX * scale)), max(12, round(CUE_PX * scale)))
        self.face.set_animate(self.main.scene.animate)  # off for a still picture (--screenshot)
        margin = round(40 * scale)
        self.row.setContentsMargins(margin, margin, margin, margin)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    # the routine ------------------------------------------------------------------

    def default_routine(self) -> ScreenedRoutine:
        """The state's concern (or the first one), unscreened: what `--mode consult` shows with no client."""
        from ...core.load import load_screening  # the checklist is read only when a consult needs it

        catalog = self.state.catalog
        concern = self.state.concern or next(iter(catalog.concerns))
        routine = for_concerns(catalog, [concern])
        return screen(routine, (), dt.date.today(), load_screening(catalog), catalog)

    def present(self, screened: ScreenedRoutine) -> None:
        """Start the routine at its first step (a postponed session shows why, and has no steps)."""
        was_paced = self._paced
        self.screened = screened
        # Strokes, directions and order as the routine's technique school works them (the app's by default).
        self.catalog = routine_catalog(self.state.catalog, screened.routine)
        self._words = {}
        lang = self.state.language
        try:
            self.player = Player.start(screened, self.clock())
        except PlayerError:
            self.player = None
        if was_paced and self.player is not None:
            self.player = self.player.paced(self.tempo, self.clock())
        self.face.set_routine(self.catalog, screened.steps, [left.zone for left in screened.left_out])
        groups = left_out_groups(self.catalog, screened.left_out, lang)
        listing = "\n".join(f"{names} — {reason}" for names, reason in groups)
        postponed = screened.postponed
        heading = self.tr("Left out today")
        self.words.left_out.say(f"{heading}\n{listing}" if groups and not postponed else "")
        self.words.notices.say("\n".join(self._notice(n.kind, n.text.get(lang)) for n in screened.notices))
        self._counted = (-1, 0)
        self._set_done(())

    def _notice(self, kind: EffectKind, text: str) -> str:
        return self.tr("Warning: {text}").format(text=text) if kind is EffectKind.WARNING else text

    @property
    def _paced(self) -> bool:
        return self.player is not None and self.player.tempo is not None

    def steps_done(self) -> tuple[int, ...]:
        """The numbers of the steps moved on from, as `ClientStore.save_steps_done` records them."""
        return self._done

    def _set_done(self, done: tuple[int, ...]) -> None:
        if done != self._done:
            self._done = done
            self.steps_done_changed.emit(done)

    # what is shown ----------------------------------------------------------------

    def show_frame(self) -> None:
        """Show what the player says now; called on every key and every tick."""
        with self.words.changing():
            self._show_frame()

    def _show_frame(self) -> None:
        screened = self.screened
        if screened is None:
            return
        if self.player is None:
            reasons = "\n".join(sentence(n.text.get(self.state.language)) for n in screened.postponements)
            self.stack.setCurrentWidget(self.content)
            self.words.step.say("")
            self.words.timer.say("")
            self.words.hint.say(self.tr("Esc leaves."))
            self.words.show_message(self.tr("Session postponed"), reasons)
            self.face.set_step(None, 1, frozenset())
            return
        frame = self.player.frame(self.clock())
        self.stack.setCurrentWidget(self.blank_cover if frame.blank else self.content)
        self._set_done(tuple(sorted(self.player.done)))
        if frame.finished or frame.step is None:
            self._show_end(frame)
            return
        self._show_step(frame)

    def _show_end(self, frame: Frame) -> None:
        words = self.words
        words.step.say("")
        words.timer.say("")
        words.hint.say(self.tr("← goes back to the last step. Esc leaves."))
        if frame.total:
            text = self.tr("{done} of {total} steps done.").format(done=len(self._done), total=frame.total)
            words.show_message(self.tr("Routine complete"), text)
        else:
            words.show_message(self.tr("Nothing to work today"), self.tr("Every zone of the routine is left out."))
        self.face.set_step(None, 1, frozenset(self._done))

    def _show_step(self, frame: Frame) -> None:
        assert frame.step is not None and self.player is not None
        step, words = frame.step, self.words
        key = (frame.number, self.state.language)
        said = self._words.get(key)
        if said is None:
            said = step_words(self.catalog, step, self.state.language, self._capping_reasons(step.capped_by))
            self._words[key] = said
        words.show_step(said, self.codes)
        words.step.say(self.tr("Step {number} of {total}").format(number=frame.number, total=frame.total))
        minutes, seconds = divmod(int(frame.elapsed), 60)
        words.timer.say(f"{minutes}:{seconds:02d}")
        words.sides.say(
            {
                Sides.BOTH: self.tr("Both sides, the same way"),
                Sides.RIGHT: self.tr("Client's right side only"),
                Sides.LEFT: self.tr("Client's left side only"),
            }[said.sides]
        )
        lowered = ""
        if said.planned:
            lowered = self.tr("Lighter than planned ({planned}) today: {reasons}").format(
                planned=said.planned, reasons=" ".join(said.lowered_because)
            )
        words.lowered.say(lowered)
        words.count.say("✓" if frame.step_done else f"{frame.stroke}/{frame.strokes}")
        line = self.tr("Line {line} of {lines}").format(line=frame.line, lines=frame.lines)
        pace = self.tr("counting by itself, {tempo:g} a minute").format(tempo=self.tempo) if frame.paced else ""
        words.line.say("\n".join(part for part in (line, said.strokes, pace) if part))
        words.hold.say(sentence(said.hold))
        words.hint.say(
            self.tr("→ next   ← back   Space counts   A counts by itself\nB blanks   M mirrors   C codes   Esc leaves")
            if frame.number == 1
            else ""
        )
        self.face.set_step(self.player.index, frame.line, frozenset(self._done))
        counted = (self.player.index, self.player.strokes_counted(self.clock()))
        if frame.paced and counted[0] == self._counted[0] and counted[1] > self._counted[1]:
            self._tick()
        self._counted = counted

    def _capping_reasons(self, items: tuple[str, ...]) -> dict[str, Text]:
        """The screening items' reasons, read from the checklist the first time a step was lowered by one."""
        if not items:
            return {}
        if self._reasons is None:
            from ...core.load import load_screening

            self._reasons = {item.id: item.reason for item in load_screening(self.catalog).items}
        return self._reasons

    def _tick(self) -> None:
        """The paced count's soft tick: the count lights up, and beeps if sound is on."""
        label = self.words.count
        palette = label.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor(ZONE_TINTS[0 if self.theme.dark else 5]))
        label.setPalette(palette)
        QTimer.singleShot(FLASH_MS, lambda: label.setPalette(self.words.palette()))
        if self.sound:
            QApplication.beep()

    # keys -------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        now = self.clock()
        player = self.player
        if key == Qt.Key.Key_Escape:
            self.state.set_mode(self.previous_mode)
        elif key in BLANK_KEYS and player is not None:
            self.player = player.toggle_blank()
        elif key == Qt.Key.Key_M:
            self.face.set_mirror(not self.face.mirror)
        elif key == Qt.Key.Key_C:
            self.codes = not self.codes
        elif key == Qt.Key.Key_S:
            self.sound = not self.sound
        elif player is None:
            super().keyPressEvent(event)
            return
        elif key in NEXT_KEYS:
            self.player = player.next(now)
        elif key in PREVIOUS_KEYS:
            self.player = player.previous(now)
        elif key == Qt.Key.Key_Space:
            self.player = player.tap(now)
        elif key == Qt.Key.Key_A:
            self.player = player.paced(None if player.tempo is not None else self.tempo, now)
            self._pace_face()
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal, Qt.Key.Key_Minus):
            change = -TEMPO_STEP if key == Qt.Key.Key_Minus else TEMPO_STEP
            self.tempo = min(MAX_TEMPO, max(MIN_TEMPO, self.tempo + change))
            if player.tempo is not None:
                self.player = player.paced(self.tempo, now)
                self._pace_face()
        else:
            super().keyPressEvent(event)
            return
        event.accept()
        self.show_frame()

    def _pace_face(self) -> None:
        """The marker makes one pass per stroke counted at the tempo."""
        paced = self.player is not None and self.player.tempo is not None
        self.face.set_pace(60.0 / self.tempo if paced else None)

    # the window -------------------------------------------------------------------

    def _go_full_screen(self) -> None:
        """Nothing but the player: no menus, no status bar, the whole screen."""
        window = self.main
        if self._window_was is None:
            self._window_was = (
                window.windowState(),
                not window.menuBar().isHidden(),
                not window.statusBar().isHidden(),
            )
        window.menuBar().setVisible(False)
        window.statusBar().setVisible(False)
        window.setWindowState(window.windowState() | Qt.WindowState.WindowFullScreen)

    def _restore_window(self) -> None:
        if self._window_was is None:
            return
        state, menu, status = self._window_was
        self._window_was = None
        window = self.main
        window.setWindowState(state)
        window.menuBar().setVisible(menu)
        window.statusBar().setVisible(status)


def sentence(text: str) -> str:
    """A reason shown on its own starts with a capital, as the content writes it mid-sentence."""
    return text[:1].upper() + text[1:]

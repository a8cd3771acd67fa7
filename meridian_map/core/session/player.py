"""The presentation player as a pure state machine: every transition takes the time as an argument.

A frozen `Player` is the whole state of a running consult; a key press
gives a new one. The screen asks `frame(now)` what to show, so the stroke
counter can run at a tempo and the step timer tick without the state
changing: tests drive it with a fake clock and no sleeps. Screened-out zones
never become steps, and a postponed session cannot start.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .screening import ScreenedRoutine, ScreenedStep

MIN_TEMPO, MAX_TEMPO = 10.0, 120.0  # strokes a minute: slower is a pause, faster is not facial work


class PlayerError(ValueError):
    """A session that cannot be played, or a tempo out of range; the message says why."""


@dataclass(frozen=True, slots=True)
class Frame:
    """What the player screen shows at one moment."""

    number: int  # 1-based step number; once finished, the number of steps
    total: int
    step: ScreenedStep | None
    line: int  # 1-based position among the step's lines
    lines: int
    stroke: int  # strokes done on the current line
    strokes: int  # strokes a line takes
    step_done: bool  # every stroke of every line counted
    elapsed: float  # seconds on this step
    blank: bool
    finished: bool
    paced: bool


@dataclass(frozen=True, slots=True)
class Player:
    steps: tuple[ScreenedStep, ...]
    index: int = 0
    started: float = 0.0  # clock time the current step began
    counted: int = 0  # strokes counted on this step before `paced_from`
    tempo: float | None = None  # strokes a minute when auto-paced, None when counting by taps
    paced_from: float | None = None
    blank: bool = False
    finished: bool = False
    done: frozenset[int] = frozenset()  # step numbers moved on from, for the session record

    @classmethod
    def start(cls, screened: ScreenedRoutine, now: float) -> Player:
        if screened.postponed:
            reasons = "; ".join(notice.text.get() for notice in screened.postponements)
            raise PlayerError(f"the session is postponed: {reasons}")
        return cls(screened.steps, started=now, finished=not screened.steps)

    @property
    def current(self) -> ScreenedStep | None:
        return None if self.finished or not self.steps else self.steps[self.index]

    def _total_strokes(self) -> int:
        step = self.current
        return 0 if step is None else step.strokes * len(step.lines)

    def strokes_counted(self, now: float) -> int:
        """Strokes on this step so far: taps, plus what the tempo has counted since pacing began."""
        paced = 0
        if self.tempo is not None and self.paced_from is not None:
            paced = int(max(0.0, now - self.paced_from) * self.tempo / 60.0 + 1e-9)
        return min(self.counted + paced, self._total_strokes())

    def frame(self, now: float) -> Frame:
        step = self.current
        if step is None:
            total = len(self.steps)
            return Frame(
                number=total, total=total, step=None, line=0, lines=0, stroke=0, strokes=0, step_done=False,
                elapsed=0.0, blank=self.blank, finished=True, paced=self.tempo is not None,
            )  # fmt: skip
        counted = self.strokes_counted(now)
        lines = len(step.lines)
        line = min(counted // step.strokes, lines - 1)
        return Frame(
            number=self.index + 1,
            total=len(self.steps),
            step=step,
            line=line + 1,
            lines=lines,
            stroke=counted - line * step.strokes,
            strokes=step.strokes,
            step_done=counted >= self._total_strokes(),
            elapsed=max(0.0, now - self.started),
            blank=self.blank,
            finished=False,
            paced=self.tempo is not None,
        )

    def tap(self, now: float) -> Player:
        """One stroke counted by hand (Space); while paced, the tap adds to what the tempo counted."""
        if self.current is None:
            return self
        counted = min(self.strokes_counted(now) + 1, self._total_strokes())
        return replace(self, counted=counted, paced_from=now if self.tempo is not None else None)

    def paced(self, tempo: float | None, now: float) -> Player:
        """Count by itself at `tempo` strokes a minute from now on, or (None) by taps again."""
        if tempo is not None and not MIN_TEMPO <= tempo <= MAX_TEMPO:
            raise PlayerError(f"a tempo of {tempo:g} strokes a minute is outside {MIN_TEMPO:g} to {MAX_TEMPO:g}")
        return replace(self, counted=self.strokes_counted(now), tempo=tempo, paced_from=None if tempo is None else now)

    def next(self, now: float) -> Player:
        step = self.current
        if step is None:
            return self
        done = self.done | {step.number}
        if self.index + 1 >= len(self.steps):
            return replace(self, finished=True, done=done, counted=0, paced_from=None)
        return self._at(self.index + 1, now, done)

    def previous(self, now: float) -> Player:
        if self.finished and self.steps:
            return self._at(len(self.steps) - 1, now, self.done)
        if self.current is None or self.index == 0:
            return self
        return self._at(self.index - 1, now, self.done)

    def toggle_blank(self) -> Player:
        return replace(self, blank=not self.blank)

    def _at(self, index: int, now: float, done: frozenset[int]) -> Player:
        return replace(
            self,
            index=index,
            started=now,
            counted=0,
            paced_from=now if self.tempo is not None else None,
            finished=False,
            done=done,
        )

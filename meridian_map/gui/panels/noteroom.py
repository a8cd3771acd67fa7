"""How much more of a note fits on the take-home sheet, measured off the UI thread.

Measuring lays the whole sheet out for real (every other text on it takes
room too), which takes from 50 ms for a short note to over half a second for
one that runs to several pages: typing must not wait for it. Each request
is numbered and only the answer to the latest one is shown, so a slow
measurement of an older note never overwrites a newer one.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from ...core.catalog import Catalog
from ...core.output.sheet import Paper, concern_routine, take_home_sheet
from ..fonts import bundled_fonts

# One measurement at a time in the whole process, whichever window or sidebar asked for it.
_LAYING_OUT = threading.Lock()


@dataclass(frozen=True)
class Room:
    """How the sheet laid out with the note: what the sidebar puts in words, in the window's language."""

    characters: int  # more that fit on the first page
    pages: int
    overflow: tuple[str, ...]  # what could not be printed at all


class NoteRoom(QObject):
    """Measures in a worker thread; `measured` carries the `Room` for the latest request."""

    measured = Signal(object)
    _done = Signal(int, object)  # request number, Room: emitted by the worker, delivered on this object's thread

    def __init__(self, catalog: Catalog, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        # Registered here, on the GUI thread: the sheet would otherwise add them to the font database from a
        # worker, while other threads lay text out with it.
        bundled_fonts()
        self._latest = 0
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one layout at a time; queued requests are mostly superseded
        self._done.connect(self._deliver)

    def request(self, concern: str, lang: str, note: str, paper: Paper) -> None:
        self._latest += 1
        number = self._latest
        self._pool.clear()  # requests not started yet are out of date
        self._pool.start(_Measure(self, number, concern, lang, note, paper))

    def is_latest(self, number: int) -> bool:
        return number == self._latest

    def wait(self) -> None:
        """Until every started measurement has finished (closing, and tests)."""
        self._pool.waitForDone()

    def _deliver(self, number: int, room: Room) -> None:
        if number == self._latest:
            self.measured.emit(room)


class _Measure(QRunnable):
    def __init__(self, room: NoteRoom, number: int, concern: str, lang: str, note: str, paper: Paper) -> None:
        super().__init__()
        self.room, self.number = room, number
        self.concern, self.lang, self.note, self.paper = concern, lang, note, paper

    def run(self) -> None:
        if not self.room.is_latest(self.number):
            return
        from ..sheets.render import note_room

        catalog = self.room.catalog
        sheet = take_home_sheet(catalog, concern_routine(catalog, self.concern), self.lang, self.note)
        with _LAYING_OUT:
            report = note_room(catalog, sheet, self.paper)
        room = Room(report.note_room, report.pages, tuple(report.overflow))
        try:
            self.room._done.emit(self.number, room)
        except RuntimeError:  # the window went away meanwhile: no one is left to tell
            return

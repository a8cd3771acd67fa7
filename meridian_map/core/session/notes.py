"""When a note being typed should be saved: after a short pause, and at least every second while typing goes on.

The editor asks the draft when the next save is due and sets one timer; the
store writes the whole text in one transaction (`ClientStore.save_note`).
A crash then loses at most the typing since the last save, which is never
more than `MAX_UNSAVED_SECONDS` old. Pure, with the time passed in.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

QUIET_SECONDS = 0.4  # a pause in typing this long saves
MAX_UNSAVED_SECONDS = 1.0  # typing without a pause still saves this often


@dataclass(frozen=True, slots=True)
class NoteDraft:
    saved: str = ""
    text: str = ""
    first_unsaved: float | None = None
    last_edit: float | None = None

    @property
    def dirty(self) -> bool:
        return self.text != self.saved

    def edited(self, text: str, now: float) -> NoteDraft:
        if text == self.saved:
            return replace(self, text=text, first_unsaved=None, last_edit=None)
        first = self.first_unsaved if self.first_unsaved is not None else now
        return replace(self, text=text, first_unsaved=first, last_edit=now)

    def due_at(self) -> float | None:
        """The clock time the next save is due, or None with nothing to save."""
        if not self.dirty or self.first_unsaved is None or self.last_edit is None:
            return None
        return min(self.last_edit + QUIET_SECONDS, self.first_unsaved + MAX_UNSAVED_SECONDS)

    def due(self, now: float) -> bool:
        at = self.due_at()
        return at is not None and now >= at

    def saved_as(self, text: str, now: float) -> NoteDraft:
        """After the store wrote `text` at `now`; typing that came in meanwhile stays unsaved and due."""
        if text == self.text:
            return NoteDraft(saved=text, text=text)
        return replace(self, saved=text, first_unsaved=now)

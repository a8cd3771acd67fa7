"""The session note editor: it saves as the practitioner types, never more than a second behind.

When to save is `NoteDraft`'s decision (core/session/notes.py): after a short
pause, and at least once a second while typing goes on. A keystroke that
finds a save overdue saves at once rather than waiting for the timer, so a
busy event loop cannot stretch the unsaved stretch past that second; a kill
at any moment then loses at most the typing since the last save.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QFocusEvent, QHideEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from ...core.session.notes import NoteDraft
from ...core.store.clients import MAX_NOTE_CHARS
from .text import fill

RETRY_MS = 1000  # after a failed save, try again this much later rather than at once
Saver = Callable[[str], None]  # writes the whole note; raises OSError when it cannot


class NoteEditor(QPlainTextEdit):
    """A plain-text note bound to one saver at a time (a session's `save_note`), or to none (read only)."""

    saved = Signal(str)  # the text the store now holds
    failed = Signal(str)  # why a save did not happen

    def __init__(self, parent: QWidget | None = None, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Session note"))
        self.setPlaceholderText(self.tr("Choose or start a session to write its note"))
        self.setTabChangesFocus(True)
        self._clock = clock
        self._saver: Saver | None = None
        self.draft = NoteDraft()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.save_if_due)
        self.textChanged.connect(self._edited)
        self.setReadOnly(True)

    def bind(self, text: str, saver: Saver | None) -> None:
        """Show `text` (what the store holds) and save further typing through `saver`, after saving the last note."""
        self.flush()
        self._saver = None
        self.setPlainText(text)
        self.draft = NoteDraft(saved=text, text=text)
        self._saver = saver
        self.setReadOnly(saver is None)
        self.setPlaceholderText(
            self.tr("Type the session note") if saver else self.tr("Choose or start a session to write its note")
        )

    def _edited(self) -> None:
        if self._saver is None:
            return
        text = self.toPlainText()
        if len(text) > MAX_NOTE_CHARS:
            self.failed.emit(
                self.tr("The note is longer than %n characters: the rest is not saved.", "", MAX_NOTE_CHARS)
            )
            text = text[:MAX_NOTE_CHARS]
        now = self._clock()
        self.draft = self.draft.edited(text, now)
        if self.draft.due(now):
            self.save_if_due()
        else:
            self._schedule()

    def _schedule(self) -> None:
        due = self.draft.due_at()
        if due is None:
            self._timer.stop()
            return
        self._timer.start(max(0, round((due - self._clock()) * 1000)))

    def save_if_due(self) -> None:
        if self.draft.due(self._clock()):
            self._save()
        else:
            self._schedule()

    def flush(self) -> None:
        """Save now whatever is unsaved (leaving the page, switching session, closing)."""
        if self.draft.dirty:
            self._save()

    def _save(self) -> None:
        self._timer.stop()
        if self._saver is None:
            return
        text = self.draft.text
        try:
            self._saver(text)
        except OSError as exc:
            self.failed.emit(fill(self.tr("The note was not saved: %1"), str(exc)))
            self._timer.start(RETRY_MS)
            return
        self.draft = self.draft.saved_as(text, self._clock())
        self.saved.emit(text)
        self._schedule()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.flush()
        super().focusOutEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        """The window closing or the page leaving: what was typed is saved now, not a moment later."""
        self.flush()
        super().hideEvent(event)

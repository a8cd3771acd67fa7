"""The study database: an append-only review log and each card's schedule, in SQLite.

One file in the user data folder, readable by its owner only (0600), in
WAL mode so that a review commits with one append and a reader never waits
for a writer. Each answer is one transaction (its log row and the card's new
state together), synchronous=FULL: killed at any moment, the database holds
every answer but the one being written.

The schema version is SQLite's `user_version`; opening upgrades an older file
step by step, each step in its own transaction. A file that is not a
database, or fails SQLite's quick check, is renamed aside
(`study.sqlite3.corrupt-<timestamp>`) and the caller is told; a file from a
newer version of the app is opened read-only and never written. Nothing a
student did is silently replaced.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..study.quiz import Grade
from ..study.schedule import CardState, Review, utc
from .paths import database_path
from .sqlitefile import NewerError, SqliteStore, UnusableError, connect, connect_read_only, set_aside, upgrade

SCHEMA_VERSION = 1
PRAGMAS = ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON")


_SCHEMA_V1 = (
    """CREATE TABLE review_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        card_id TEXT NOT NULL,
        reviewed_at TEXT NOT NULL,
        grade INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 4),
        practice INTEGER NOT NULL DEFAULT 0 CHECK (practice IN (0, 1)),
        distance_cun REAL,
        duration_ms INTEGER
    )""",
    "CREATE INDEX review_log_card ON review_log (card_id, reviewed_at)",
    """CREATE TRIGGER review_log_no_update BEFORE UPDATE ON review_log
        BEGIN SELECT RAISE(ABORT, 'the review log is append-only'); END""",
    """CREATE TRIGGER review_log_no_delete BEFORE DELETE ON review_log
        BEGIN SELECT RAISE(ABORT, 'the review log is append-only'); END""",
    """CREATE TABLE card_state (
        card_id TEXT PRIMARY KEY,
        state INTEGER NOT NULL,
        step INTEGER,
        stability REAL,
        difficulty REAL,
        due TEXT NOT NULL,
        last_review TEXT,
        first_review TEXT NOT NULL,
        reps INTEGER NOT NULL DEFAULT 0,
        lapses INTEGER NOT NULL DEFAULT 0
    )""",
    "CREATE INDEX card_state_due ON card_state (due)",
    "CREATE TABLE deck (id TEXT PRIMARY KEY, name TEXT NOT NULL, items TEXT NOT NULL)",
)


def _create_v1(db: sqlite3.Connection) -> None:
    """Statement by statement: `executescript` would commit the migration's transaction half-way."""
    for statement in _SCHEMA_V1:
        db.execute(statement)


# MIGRATIONS[n] takes a database at version n to version n + 1.
MIGRATIONS: Mapping[int, Callable[[sqlite3.Connection], None]] = {0: _create_v1}


@dataclass(frozen=True, slots=True)
class CustomDeckRecord:
    """A custom deck as stored: checked against the catalog when used (decks.custom_deck)."""

    id: str
    name: str
    items: tuple[str, ...]


class StudyDbError(OSError):
    """The database cannot be opened or written; the message says why and what was kept."""


class StudyDb(SqliteStore):
    """An open study database; use `open_study_db` to get one."""

    error = StudyDbError

    def record(self, review: Review, state: CardState | None) -> None:
        """Append one answer and store the card's new state, both or neither."""
        self._check_writable()
        with self._transaction():
            self._append(review)
            if state is not None:
                self._put_state(state)

    def import_reviews(self, reviews: Iterable[Review], states: Iterable[CardState]) -> int:
        """Append reviews not yet in the log (same card, same moment) and store states; returns how many were new."""
        self._check_writable()
        with self._transaction():
            known = {(row[0], row[1]) for row in self._db.execute("SELECT card_id, reviewed_at FROM review_log")}
            added = 0
            for review in reviews:
                if (review.card_id, _time(review.at)) not in known:
                    self._append(review)
                    known.add((review.card_id, _time(review.at)))
                    added += 1
            for state in states:
                self._put_state(state)
        return added

    def states(self) -> dict[str, CardState]:
        """Each card's state; a row that does not read as one (a file edited by hand) is counted in `skipped`."""
        rows = self._db.execute(
            "SELECT card_id, state, step, stability, difficulty, due, last_review, first_review, reps, lapses"
            " FROM card_state"
        )
        states = {}
        for row in rows:
            try:
                states[str(row[0])] = _state(row)
            except (TypeError, ValueError):
                self.skipped += 1
        return states

    def log(self, since: datetime | None = None) -> list[Review]:
        """The review log in the order it was written, optionally only from `since` on."""
        query = "SELECT card_id, reviewed_at, grade, practice, distance_cun, duration_ms FROM review_log"
        rows = (
            self._db.execute(query + " WHERE reviewed_at >= ? ORDER BY id", (_time(since),))
            if since is not None
            else self._db.execute(query + " ORDER BY id")
        )
        log = []
        for r in rows:
            try:
                log.append(_review(r))
            except (TypeError, ValueError):
                self.skipped += 1
        return log

    def due_ids(self, now: datetime) -> list[str]:
        """Cards due at `now`, the most overdue first: one indexed query, whatever the number of cards."""
        rows = self._db.execute("SELECT card_id FROM card_state WHERE due <= ? ORDER BY due", (_time(now),))
        return [row[0] for row in rows]

    def reviewed_ids(self) -> set[str]:
        """Every card with a schedule, fetched as one joined string: a third of the time of a row per card."""
        joined = self._db.execute("SELECT group_concat(card_id, char(10)) FROM card_state").fetchone()[0]
        return set(joined.split("\n")) if joined else set()

    def first_reviewed_since(self, moment: datetime) -> int:
        """How many cards were first studied at or after `moment` (the new cards of today's study day)."""
        return int(
            self._db.execute("SELECT count(*) FROM card_state WHERE first_review >= ?", (_time(moment),)).fetchone()[0]
        )

    def missed_ids(self) -> set[str]:
        """Cards whose latest answer was Again ("my misses"); SQLite takes `grade` from the row of the max."""
        rows = self._db.execute("SELECT card_id, grade, max(reviewed_at) FROM review_log GROUP BY card_id")
        return {row[0] for row in rows if row[1] == int(Grade.AGAIN)}

    def review_times(self) -> list[datetime]:
        """When each answer was given, for streaks and reviews per day."""
        times = []
        for (text,) in self._db.execute("SELECT reviewed_at FROM review_log"):
            try:
                times.append(_parse_time(str(text)))
            except ValueError:
                self.skipped += 1
        return times

    def review_count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM review_log").fetchone()[0])

    def save_deck(self, deck: CustomDeckRecord) -> None:
        self._check_writable()
        with self._transaction():
            self._db.execute(
                "INSERT OR REPLACE INTO deck (id, name, items) VALUES (?, ?, ?)",
                (deck.id, deck.name, json.dumps(list(deck.items), ensure_ascii=False)),
            )

    def delete_deck(self, deck_id: str) -> None:
        self._check_writable()
        with self._transaction():
            self._db.execute("DELETE FROM deck WHERE id = ?", (deck_id,))

    def decks(self) -> list[CustomDeckRecord]:
        """Stored custom decks; a row whose items are not a list of strings is skipped, not trusted."""
        found = []
        for deck_id, name, items in self._db.execute("SELECT id, name, items FROM deck ORDER BY name"):
            try:
                parsed = json.loads(items)
            except (TypeError, ValueError):
                continue
            if isinstance(parsed, list) and all(isinstance(item, str) for item in parsed):
                found.append(CustomDeckRecord(str(deck_id), str(name), tuple(parsed)))
        return found

    def _append(self, review: Review) -> None:
        self._db.execute(
            "INSERT INTO review_log (card_id, reviewed_at, grade, practice, distance_cun, duration_ms)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (
                review.card_id,
                _time(review.at),
                int(review.grade),
                int(review.practice),
                review.distance_cun,
                review.duration_ms,
            ),
        )

    def _put_state(self, s: CardState) -> None:
        self._db.execute(
            "INSERT OR REPLACE INTO card_state"
            " (card_id, state, step, stability, difficulty, due, last_review, first_review, reps, lapses)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                s.card_id,
                s.state,
                s.step,
                s.stability,
                s.difficulty,
                _time(s.due),
                None if s.last_review is None else _time(s.last_review),
                _time(s.first_review),
                s.reps,
                s.lapses,
            ),
        )


@dataclass
class OpenResult:
    """The database, and what went wrong opening it (to tell the student once)."""

    db: StudyDb
    warning: str | None = None
    set_aside: Path | None = None


def open_study_db(path: Path | None = None) -> OpenResult:
    """Open (creating or upgrading) the study database; an unusable file is set aside and reported.

    Raises StudyDbError only when even a fresh database cannot be made
    (a folder that cannot be written, a path that is not a file).
    """
    target = path or database_path()
    try:
        return OpenResult(_open(target))
    except NewerError as exc:
        return OpenResult(
            StudyDb(target, connect_read_only(target), read_only=True),
            f"{target.name} {exc}; it is read but never written",
        )
    except UnusableError as exc:
        reason = str(exc)
    except sqlite3.Error as exc:
        raise StudyDbError(f"{target.name} cannot be opened ({exc}); it was left untouched") from None
    aside = set_aside(target)
    if aside is None:
        raise StudyDbError(f"{target.name} is unusable ({reason}) and cannot be renamed aside; it was left untouched")
    try:
        fresh = _open(target)
    except sqlite3.Error as exc:
        raise StudyDbError(f"{target}: cannot create a new study database: {exc}") from None
    warning = f"{target.name} was unusable ({reason}); kept as {aside.name}, a new one was started"
    return OpenResult(fresh, warning, aside)


def _open(path: Path) -> StudyDb:
    db = connect(path, PRAGMAS, SCHEMA_VERSION, StudyDbError)
    try:
        upgrade(db, SCHEMA_VERSION, MIGRATIONS, EXPECTED_COLUMNS, "a study database")
    except BaseException:
        db.close()
        raise
    return StudyDb(path, db, read_only=False)


EXPECTED_COLUMNS = {
    "review_log": {"id", "card_id", "reviewed_at", "grade", "practice", "distance_cun", "duration_ms"},
    "card_state": {
        "card_id", "state", "step", "stability", "difficulty", "due", "last_review", "first_review", "reps", "lapses"
    },
    "deck": {"id", "name", "items"},
}  # fmt: skip


def _time(moment: datetime) -> str:
    """UTC ISO 8601 with microseconds: sorts as text in time order."""
    return utc(moment).isoformat(timespec="microseconds")


def _parse_time(text: str) -> datetime:
    """A stored time; one without a time zone is not one this app wrote (ValueError)."""
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        raise ValueError(f"{text[:40]!r} has no time zone")
    return moment


def _review(row: Sequence[object]) -> Review:
    card_id, at, grade, practice, distance, duration = row
    if not isinstance(card_id, str) or not isinstance(at, str) or not isinstance(grade, int) or practice not in (0, 1):
        raise ValueError("not a review")
    if distance is not None and not isinstance(distance, float | int):
        raise ValueError("distance")
    if duration is not None and not isinstance(duration, int):
        raise ValueError("duration")
    return Review(card_id, _parse_time(at), Grade(grade), bool(practice), distance, duration)


def _state(row: Sequence[object]) -> CardState:
    card_id, state, step, stability, difficulty, due, last, first, reps, lapses = row
    return CardState(
        card_id=str(card_id),
        state=int(str(state)),
        step=None if step is None else int(str(step)),
        stability=None if stability is None else float(str(stability)),
        difficulty=None if difficulty is None else float(str(difficulty)),
        due=_parse_time(str(due)),
        last_review=None if last is None else _parse_time(str(last)),
        first_review=_parse_time(str(first)),
        reps=int(str(reps)),
        lapses=int(str(lapses)),
    )

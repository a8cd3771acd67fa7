"""Clients, their screening answers, routines and sessions with notes, in their own SQLite file.

Apart from the study database (`clients.sqlite3` beside `study.sqlite3`):
health details of other people deserve a file that can be backed up, moved
or wiped on its own. The same rules as the study database hold: readable by
its owner only (0600), WAL with synchronous=FULL so a committed write
survives a crash, one transaction per change, the schema version in
`user_version` with step-by-step migrations, an unusable file renamed aside
and reported, a file from a newer app read but never written. Deleted rows
are overwritten (secure_delete) and the write-ahead log is emptied after a
client is deleted, so a deleted client's details do not linger in the file.
Nothing here touches the network.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sqlite3
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..screeningmodel import Answer, ScreeningError, answer_from_dict
from ..session.routine import Routine, RoutineError, checked_name
from .paths import clients_path
from .sqlitefile import NewerError, SqliteStore, UnusableError, connect, connect_read_only, set_aside, upgrade

SCHEMA_VERSION = 2
# secure_delete: a deleted client is overwritten in the file, not just unlinked from its pages.
PRAGMAS = ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON", "secure_delete=ON")
MAX_NOTE_CHARS = 20_000
MAX_PHOTO_BYTES = 8 * 1024 * 1024  # a re-encoded working copy (at most 2048 px) is well under this
EXPORT_FORMAT = 1

_SCHEMA_V1 = (
    "CREATE TABLE client (id INTEGER PRIMARY KEY, name TEXT NOT NULL, created TEXT NOT NULL)",
    """CREATE TABLE answers (
        id INTEGER PRIMARY KEY,
        client_id INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,
        answered_on TEXT NOT NULL,
        answers TEXT NOT NULL
    )""",
    """CREATE TABLE routine (
        id INTEGER PRIMARY KEY,
        client_id INTEGER REFERENCES client (id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        data TEXT NOT NULL
    )""",
    "CREATE UNIQUE INDEX routine_name ON routine (coalesce(client_id, 0), name)",
    """CREATE TABLE session (
        id INTEGER PRIMARY KEY,
        client_id INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,
        held_on TEXT NOT NULL,
        routine TEXT NOT NULL,
        answers TEXT NOT NULL,
        steps_done TEXT NOT NULL DEFAULT '[]',
        note TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX session_client ON session (client_id, held_on)",
)


def _create_v1(db: sqlite3.Connection) -> None:
    for statement in _SCHEMA_V1:
        db.execute(statement)


def _add_photos(db: sqlite3.Connection) -> None:
    """v2: a client's photo, only when the practitioner saves it to their record; one per client."""
    db.execute(
        """CREATE TABLE photo (
            client_id INTEGER PRIMARY KEY REFERENCES client (id) ON DELETE CASCADE,
            saved_on TEXT NOT NULL,
            jpeg BLOB NOT NULL,
            landmarks TEXT NOT NULL
        )"""
    )


# MIGRATIONS[n] takes a database at version n to version n + 1.
MIGRATIONS: Mapping[int, Callable[[sqlite3.Connection], None]] = {0: _create_v1, 1: _add_photos}
EXPECTED_COLUMNS = {
    "client": {"id", "name", "created"},
    "answers": {"id", "client_id", "answered_on", "answers"},
    "routine": {"id", "client_id", "name", "data"},
    "session": {"id", "client_id", "held_on", "routine", "answers", "steps_done", "note"},
    "photo": {"client_id", "saved_on", "jpeg", "landmarks"},
}


class ClientStoreError(OSError):
    """The client file cannot be opened or written, or a request makes no sense; the message says which."""


@dataclass(frozen=True, slots=True)
class Client:
    id: int
    name: str
    created: str


@dataclass(frozen=True, slots=True)
class StoredRoutine:
    """A saved routine as plain data: `routine.from_dict` checks it against the catalog in use."""

    id: int
    client_id: int | None  # None for a template
    name: str
    data: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class ScreeningRecord:
    id: int
    answered_on: dt.date
    answers: tuple[Answer, ...]


@dataclass(frozen=True, slots=True)
class SessionRecord:
    id: int
    client_id: int
    held_on: dt.date
    routine: Mapping[str, Any]
    answers: tuple[Answer, ...]
    steps_done: tuple[int, ...]
    note: str


@dataclass(frozen=True, slots=True)
class StoredPhoto:
    """A client's photo as saved: JPEG bytes with no metadata, and the landmarks the map was fitted to."""

    client_id: int
    saved_on: dt.date
    jpeg: bytes
    landmarks: Mapping[str, tuple[float, float]]


@dataclass(frozen=True, slots=True)
class Deleted:
    """What deleting a client removed, to tell the practitioner."""

    name: str
    routines: int
    sessions: int
    notes: int
    screenings: int
    photos: int = 0

    def __str__(self) -> str:
        return (
            f"{self.name} is deleted, with {self.routines} routine(s), {self.sessions} session(s), "
            f"{self.notes} note(s) and {self.screenings} screening record(s)"
            + (" and their photo" if self.photos else "")
        )


class ClientStore(SqliteStore):
    """An open client file; use `open_client_store` to get one."""

    error = ClientStoreError

    # Clients

    def add_client(self, name: str, today: dt.date) -> Client:
        """A new client by name or alias; the name must print on a sheet."""
        text = _name(name)
        with self._writing():
            cursor = self._db.execute("INSERT INTO client (name, created) VALUES (?, ?)", (text, today.isoformat()))
        return Client(_rowid(cursor), text, today.isoformat())

    def rename_client(self, client_id: int, name: str) -> None:
        text = _name(name)
        with self._writing():
            self._require("client", client_id)
            self._db.execute("UPDATE client SET name = ? WHERE id = ?", (text, client_id))

    def clients(self) -> list[Client]:
        return [
            Client(int(row[0]), str(row[1]), str(row[2]))
            for row in self._db.execute("SELECT id, name, created FROM client ORDER BY name COLLATE NOCASE, id")
        ]

    def client(self, client_id: int) -> Client:
        row = self._db.execute("SELECT id, name, created FROM client WHERE id = ?", (client_id,)).fetchone()
        if row is None:
            raise ClientStoreError(f"no client {client_id}")
        return Client(int(row[0]), str(row[1]), str(row[2]))

    def delete_client(self, client_id: int) -> Deleted:
        """The client and everything recorded about them, gone from the file; says what went."""
        with self._writing():
            name = self.client(client_id).name

            def count(sql: str) -> int:
                return int(self._db.execute(sql, (client_id,)).fetchone()[0])

            deleted = Deleted(
                name=name,
                routines=count("SELECT count(*) FROM routine WHERE client_id = ?"),
                sessions=count("SELECT count(*) FROM session WHERE client_id = ?"),
                notes=count("SELECT count(*) FROM session WHERE client_id = ? AND note != ''"),
                screenings=count("SELECT count(*) FROM answers WHERE client_id = ?"),
                photos=count("SELECT count(*) FROM photo WHERE client_id = ?"),
            )
            for table in ("photo", "session", "answers", "routine"):
                self._db.execute(f"DELETE FROM {table} WHERE client_id = ?", (client_id,))
            self._db.execute("DELETE FROM client WHERE id = ?", (client_id,))
        self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return deleted

    # Photos: stored only when saved here, removed with the client

    def save_photo(
        self, client_id: int, saved_on: dt.date, jpeg: bytes, landmarks: Mapping[str, tuple[float, float]]
    ) -> None:
        """Keep the client's photo (replacing the one before) with the landmarks as the practitioner left them."""
        if not jpeg.startswith(b"\xff\xd8") or len(jpeg) > MAX_PHOTO_BYTES:
            raise ClientStoreError(f"a photo is kept as a JPEG of at most {MAX_PHOTO_BYTES // (1024 * 1024)} MB")
        marks = {str(k): [float(x), float(y)] for k, (x, y) in landmarks.items()}
        with self._writing():
            self._require("client", client_id)
            self._db.execute(
                "INSERT OR REPLACE INTO photo (client_id, saved_on, jpeg, landmarks) VALUES (?, ?, ?, ?)",
                (client_id, saved_on.isoformat(), jpeg, json.dumps(marks)),
            )

    def photo(self, client_id: int) -> StoredPhoto | None:
        row = self._db.execute(
            "SELECT saved_on, jpeg, landmarks FROM photo WHERE client_id = ?", (client_id,)
        ).fetchone()
        if row is None:
            return None
        try:
            marks = json.loads(row[2])
            landmarks = {str(k): (float(v[0]), float(v[1])) for k, v in marks.items()}
            return StoredPhoto(client_id, dt.date.fromisoformat(row[0]), bytes(row[1]), landmarks)
        except (ValueError, TypeError, AttributeError, IndexError, KeyError):
            self.skipped += 1
            return None

    def delete_photo(self, client_id: int) -> None:
        with self._writing():
            self._db.execute("DELETE FROM photo WHERE client_id = ?", (client_id,))
        self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    # Screening answers

    def save_answers(self, client_id: int, answered_on: dt.date, answers: Sequence[Answer]) -> int:
        with self._writing():
            self._require("client", client_id)
            cursor = self._db.execute(
                "INSERT INTO answers (client_id, answered_on, answers) VALUES (?, ?, ?)",
                (client_id, answered_on.isoformat(), _answers_json(answers)),
            )
        return _rowid(cursor)

    def screenings(self, client_id: int) -> list[ScreeningRecord]:
        """The client's screening answers, newest first."""
        found = []
        rows = self._db.execute(
            "SELECT id, answered_on, answers FROM answers WHERE client_id = ? ORDER BY answered_on DESC, id DESC",
            (client_id,),
        )
        for row_id, on, data in rows:
            try:
                found.append(ScreeningRecord(int(row_id), dt.date.fromisoformat(str(on)), _answers_from(data)))
            except (TypeError, ValueError):
                self.skipped += 1
        return found

    # Routines

    def save_routine(self, client_id: int | None, routine: Routine) -> int:
        """Store the routine under its name, for the client or (None) as a template; the same name is replaced."""
        with self._writing():
            if client_id is not None:
                self._require("client", client_id)
            _routine_name(routine.name)
            data = json.dumps(routine.to_dict(), ensure_ascii=False)
            row = self._db.execute(
                "SELECT id FROM routine WHERE coalesce(client_id, 0) = ? AND name = ?", (client_id or 0, routine.name)
            ).fetchone()
            if row is not None:
                self._db.execute("UPDATE routine SET data = ? WHERE id = ?", (data, row[0]))
                return int(row[0])
            cursor = self._db.execute(
                "INSERT INTO routine (client_id, name, data) VALUES (?, ?, ?)", (client_id, routine.name, data)
            )
        return _rowid(cursor)

    def routines(self, client_id: int | None) -> list[StoredRoutine]:
        """The client's routines, or (None) the templates, by name."""
        rows = self._db.execute(
            "SELECT id, client_id, name, data FROM routine WHERE coalesce(client_id, 0) = ? ORDER BY name",
            (client_id or 0,),
        )
        found = []
        for row_id, owner, name, data in rows:
            try:
                parsed = json.loads(data)
                if not isinstance(parsed, dict):
                    raise ValueError("not an object")
            except (TypeError, ValueError):
                self.skipped += 1
                continue
            found.append(StoredRoutine(int(row_id), None if owner is None else int(owner), str(name), parsed))
        return found

    def rename_routine(self, routine_id: int, name: str) -> None:
        with self._writing():
            owner, data = self._routine_row(routine_id)
            text = _routine_name(name)
            self._check_free_name(owner, text, routine_id)
            data["name"] = text
            self._db.execute(
                "UPDATE routine SET name = ?, data = ? WHERE id = ?",
                (text, json.dumps(data, ensure_ascii=False), routine_id),
            )

    def duplicate_routine(self, routine_id: int, name: str) -> int:
        """A copy under a new name, for the same client (or as another template).

        A template becomes a client's routine through `save_routine`, which
        takes any routine.
        """
        with self._writing():
            owner, data = self._routine_row(routine_id)
            text = _routine_name(name)
            self._check_free_name(owner, text)
            data["name"] = text
            cursor = self._db.execute(
                "INSERT INTO routine (client_id, name, data) VALUES (?, ?, ?)",
                (owner, text, json.dumps(data, ensure_ascii=False)),
            )
        return _rowid(cursor)

    def delete_routine(self, routine_id: int) -> None:
        with self._writing():
            self._routine_row(routine_id)
            self._db.execute("DELETE FROM routine WHERE id = ?", (routine_id,))

    # Sessions

    def start_session(self, client_id: int, held_on: dt.date, routine: Routine, answers: Sequence[Answer]) -> int:
        """A session record with the routine and answers as they were that day (later edits do not change it)."""
        with self._writing():
            self._require("client", client_id)
            cursor = self._db.execute(
                "INSERT INTO session (client_id, held_on, routine, answers) VALUES (?, ?, ?, ?)",
                (
                    client_id,
                    held_on.isoformat(),
                    json.dumps(routine.to_dict(), ensure_ascii=False),
                    _answers_json(answers),
                ),
            )
        return _rowid(cursor)

    def save_note(self, session_id: int, text: str) -> None:
        """The whole note in one committed write: what the editor's debounced save calls."""
        if len(text) > MAX_NOTE_CHARS:
            raise ClientStoreError(f"the note is {len(text):,} characters long (at most {MAX_NOTE_CHARS:,})")
        with self._writing():
            self._require("session", session_id)
            self._db.execute("UPDATE session SET note = ? WHERE id = ?", (text, session_id))

    def save_steps_done(self, session_id: int, steps: Sequence[int]) -> None:
        with self._writing():
            self._require("session", session_id)
            self._db.execute(
                "UPDATE session SET steps_done = ? WHERE id = ?", (json.dumps(sorted(set(steps))), session_id)
            )

    def note(self, session_id: int) -> str:
        row = self._db.execute("SELECT note FROM session WHERE id = ?", (session_id,)).fetchone()
        if row is None:
            raise ClientStoreError(f"no session {session_id}")
        return str(row[0])

    def sessions(self, client_id: int) -> list[SessionRecord]:
        """The client's sessions, newest first; a row that does not read is counted in `skipped`."""
        rows = self._db.execute(
            "SELECT id, client_id, held_on, routine, answers, steps_done, note FROM session"
            " WHERE client_id = ? ORDER BY held_on DESC, id DESC",
            (client_id,),
        )
        found = []
        for row_id, owner, held_on, routine, answers, steps, note in rows:
            try:
                data = json.loads(routine)
                done = json.loads(steps)
                if not isinstance(data, dict) or not isinstance(done, list):
                    raise ValueError("not a session")
                found.append(
                    SessionRecord(
                        int(row_id),
                        int(owner),
                        dt.date.fromisoformat(str(held_on)),
                        data,
                        _answers_from(answers),
                        tuple(int(n) for n in done),
                        str(note),
                    )
                )
            except (TypeError, ValueError):
                self.skipped += 1
        return found

    def export_client(self, client_id: int) -> dict[str, Any]:
        """Everything kept about the client, as plain data for a JSON file the client may ask for."""
        client = self.client(client_id)
        return {
            "format": EXPORT_FORMAT,
            "client": {"name": client.name, "created": client.created},
            "screenings": [
                {"answered_on": r.answered_on.isoformat(), "answers": [a.to_dict() for a in r.answers]}
                for r in self.screenings(client_id)
            ],
            "routines": [dict(r.data) for r in self.routines(client_id)],
            "sessions": [
                {
                    "held_on": s.held_on.isoformat(),
                    "routine": dict(s.routine),
                    "answers": [a.to_dict() for a in s.answers],
                    "steps_done": list(s.steps_done),
                    "note": s.note,
                }
                for s in self.sessions(client_id)
            ],
        }

    # Helpers

    def _routine_row(self, routine_id: int) -> tuple[int | None, dict[str, Any]]:
        row = self._db.execute("SELECT client_id, data FROM routine WHERE id = ?", (routine_id,)).fetchone()
        if row is None:
            raise ClientStoreError(f"no routine {routine_id}")
        try:
            data = json.loads(row[1])
        except (TypeError, ValueError):
            data = None
        if not isinstance(data, dict):
            raise ClientStoreError(f"routine {routine_id} does not read as a routine")
        return (None if row[0] is None else int(row[0])), data

    def _check_free_name(self, client_id: int | None, name: str, except_id: int | None = None) -> None:
        row = self._db.execute(
            "SELECT id FROM routine WHERE coalesce(client_id, 0) = ? AND name = ?", (client_id or 0, name)
        ).fetchone()
        if row is not None and row[0] != except_id:
            raise ClientStoreError(f"there is already a routine called {name!r}")

    def _require(self, table: str, row_id: int) -> None:
        if self._db.execute(f"SELECT 1 FROM {table} WHERE id = ?", (row_id,)).fetchone() is None:
            raise ClientStoreError(f"no {table} {row_id}")

    @contextlib.contextmanager
    def _writing(self) -> Iterator[None]:
        self._check_writable()
        with self._transaction():
            yield


def _name(name: str) -> str:
    try:
        return checked_name(name)
    except RoutineError as exc:
        raise ClientStoreError(f"client {exc}") from None


def _routine_name(name: str) -> str:
    try:
        return checked_name(name)
    except RoutineError as exc:
        raise ClientStoreError(f"routine {exc}") from None


def _rowid(cursor: sqlite3.Cursor) -> int:
    if cursor.lastrowid is None:
        raise ClientStoreError("the row was not written")
    return int(cursor.lastrowid)


def _answers_json(answers: Sequence[Answer]) -> str:
    return json.dumps([a.to_dict() for a in answers], ensure_ascii=False)


def _answers_from(text: object) -> tuple[Answer, ...]:
    data = json.loads(str(text))
    if not isinstance(data, list):
        raise ValueError("not a list of answers")
    try:
        return tuple(answer_from_dict(item) for item in data)
    except ScreeningError as exc:
        raise ValueError(str(exc)) from None


@dataclass
class OpenResult:
    """The store, and what went wrong opening it (to tell the practitioner once)."""

    store: ClientStore
    warning: str | None = None
    set_aside: Path | None = None


def open_client_store(path: Path | None = None) -> OpenResult:
    """Open (creating or upgrading) the client file; an unusable one is renamed aside and reported.

    Raises ClientStoreError only when even a fresh file cannot be made.
    """
    target = path or clients_path()
    try:
        return OpenResult(_open(target))
    except NewerError as exc:
        db = connect_read_only(target)
        return OpenResult(ClientStore(target, db, read_only=True), f"{target.name} {exc}; it is read but never written")
    except UnusableError as exc:
        reason = str(exc)
    except sqlite3.Error as exc:
        raise ClientStoreError(f"{target.name} cannot be opened ({exc}); it was left untouched") from None
    aside = set_aside(target)
    if aside is None:
        raise ClientStoreError(
            f"{target.name} is unusable ({reason}) and cannot be renamed aside; it was left untouched"
        )
    try:
        fresh = _open(target)
    except sqlite3.Error as exc:
        raise ClientStoreError(f"{target}: cannot create a new client file: {exc}") from None
    return OpenResult(
        fresh, f"{target.name} was unusable ({reason}); kept as {aside.name}, a new one was started", aside
    )


def _open(path: Path) -> ClientStore:
    db = connect(path, PRAGMAS, SCHEMA_VERSION, ClientStoreError)
    try:
        upgrade(db, SCHEMA_VERSION, MIGRATIONS, EXPECTED_COLUMNS, "a client file")
    except BaseException:
        db.close()
        raise
    return ClientStore(path, db, read_only=False)

"""Opening a private, versioned SQLite file of ours: the rules the study and client stores share.

Each store has its own schema and its own words, but opens alike: the file
made 0600 before SQLite touches it, checked before it is trusted, upgraded
step by step in transactions, and, when it is not ours or is damaged,
renamed aside with its companions rather than replaced.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Self

BUSY_TIMEOUT_MS = 5000


class SqliteStore:
    """An open store file: its connection, whether it may be written, and how many rows read were left out."""

    error: type[OSError] = OSError  # what a refused write raises: each store's own error

    def __init__(self, path: Path, connection: sqlite3.Connection, read_only: bool) -> None:
        self.path = path
        self._db = connection
        self.read_only = read_only
        self.skipped = 0  # rows read so far that were not valid and were left out

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    def _check_writable(self) -> None:
        if self.read_only:
            raise self.error(f"{self.path.name} comes from a newer version of the app: it is read, never written")

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        """All of the writes inside, or none of them."""
        try:
            self._db.execute("BEGIN IMMEDIATE")
            yield
            self._db.execute("COMMIT")
        except BaseException:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise


class UnusableError(Exception):
    """The file is not a database of this kind that the app can use."""


class NewerError(Exception):
    """Valid, from a newer app: read it, never write it."""


def connect(path: Path, pragmas: Sequence[str], schema_version: int, error: type[OSError]) -> sqlite3.Connection:
    """A writable connection to `path`, created private, checked and configured; `error` is the store's own."""
    path.parent.mkdir(parents=True, exist_ok=True)
    create_private(path, error)
    db = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        configure(db, pragmas, schema_version)
    except BaseException:
        db.close()
        raise
    return db


def connect_read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, isolation_level=None)


def create_private(path: Path, error: type[OSError]) -> None:
    """Create the file as 0600 before SQLite does (its -wal and -shm files copy the mode); refuse odd paths."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        if not stat.S_ISREG(path.stat().st_mode):
            raise error(f"{path} is not a regular file") from None
        return
    os.close(fd)


def configure(db: sqlite3.Connection, pragmas: Sequence[str], schema_version: int) -> None:
    """Check the file before anything else; only a damaged or foreign file counts as unusable.

    A locked database or a failing disk is an OperationalError: reported,
    and the file left as it is, since it may be fine the next time.
    """
    try:
        check = db.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        if exc.sqlite_errorcode & 0xFF not in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
            raise
        raise UnusableError(str(exc)) from None
    if check != "ok":
        raise UnusableError(f"damaged: {str(check)[:120]}")
    found = int(db.execute("PRAGMA user_version").fetchone()[0])
    if found > schema_version:
        raise NewerError(f"comes from a newer version of the app (schema {found}, this one knows {schema_version})")
    for pragma in pragmas:
        db.execute(f"PRAGMA {pragma}")


def upgrade(
    db: sqlite3.Connection,
    schema_version: int,
    migrations: Mapping[int, Callable[[sqlite3.Connection], None]],
    expected_columns: Mapping[str, set[str]],
    kind: str,
) -> None:
    """Run the missing migrations, each in its own transaction, then check the tables are ours.

    `migrations[n]` takes schema n to n + 1; `kind` names the database in
    messages ("a study database").
    """
    version = schema_version
    found = int(db.execute("PRAGMA user_version").fetchone()[0])
    if found == 0 and db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
        raise UnusableError(f"holds tables but no schema version: not {kind}")
    for step in range(found, version):
        db.execute("BEGIN IMMEDIATE")
        try:
            migrations[step](db)
            db.execute(f"PRAGMA user_version = {step + 1}")
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
    for table, columns in expected_columns.items():
        found_columns = {row[1] for row in db.execute(f"PRAGMA table_info({table})")}
        if not columns <= found_columns:
            raise UnusableError(f"claims schema {version} but its {table} table is missing or different")


def set_aside(path: Path) -> Path | None:
    """Rename the file (and its -wal and -shm companions) to `name.corrupt-<timestamp>`."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{counter}")
    try:
        path.rename(target)
    except OSError:
        return None
    for suffix in ("-wal", "-shm"):
        with contextlib.suppress(OSError):
            path.with_name(path.name + suffix).rename(target.with_name(target.name + suffix))
    return target

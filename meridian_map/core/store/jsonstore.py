"""Everything the app writes about a user goes through here.

One folder (dirs.py), one JSON file per kind of data, each with a schema
version and migrations from older versions. Writes are atomic. A file that is
not a valid document is renamed aside (`name.corrupt-<timestamp>`) and
reported; a file that cannot be read at all, or was written by a newer
version of the app, is left alone and not overwritten for the rest of the
session. So nothing a user made is ever lost to a bug, a crash or a
downgrade.
"""

from __future__ import annotations

import json
import stat
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

from .dirs import config_dir, state_dir
from .files import atomic_write_bytes, remove_stale_temps
from .reading import read_bounded

MAX_STORE_BYTES = 64 * 1024 * 1024
MAX_NOTE_BYTES = 4096
UNSAVED_NOTE = "settings-not-saved.txt"

Migration = Callable[[dict[str, Any]], dict[str, Any]]


class StoreRefusedError(OSError):
    """A save that would overwrite a file this session could not read."""


@dataclass
class LoadResult:
    """A loaded document, and what went wrong reading it (said once, never raised)."""

    data: dict[str, Any]
    warning: str | None = None
    set_aside: Path | None = None


class _UnusableError(Exception):
    """The document is not one this app can use; the message says why."""


@dataclass
class JsonStore:
    """A versioned JSON document on disk.

    Call `load` before `save`: it decides whether saving is safe.
    """

    path: Path
    version: int
    migrations: Mapping[int, Migration] = field(default_factory=dict)
    _refusal: str | None = field(default=None, init=False, repr=False)

    def load(self) -> LoadResult:
        """Read the document; anything wrong becomes a warning, never an exception."""
        self._refusal = None
        remove_stale_temps(self.path)
        try:
            info = self.path.stat()
        except FileNotFoundError:
            return LoadResult({})
        except OSError as exc:
            return self._refuse(f"cannot be read ({exc.strerror or exc})")
        if not stat.S_ISREG(info.st_mode):
            return self._refuse("is not a regular file")
        if info.st_size > MAX_STORE_BYTES:
            return self._set_aside_with_warning(f"is larger than {MAX_STORE_BYTES:,} bytes")
        try:
            raw = read_bounded(self.path, MAX_STORE_BYTES)
        except OSError as exc:
            return self._refuse(f"cannot be read ({exc.strerror or exc})")
        try:
            return LoadResult(self._decode(raw))
        except _NewerError as exc:
            return self._refuse(str(exc))
        except _UnusableError as exc:
            return self._set_aside_with_warning(str(exc))

    def save(self, data: Mapping[str, Any]) -> None:
        """Write atomically; raises OSError (StoreRefusedError included) when it cannot."""
        if self._refusal is not None:
            raise StoreRefusedError(f"{self.path.name} {self._refusal}; it was left untouched")
        document = {"version": self.version, "data": data}
        text = json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True, allow_nan=False)
        try:
            payload = text.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate (read from a file, pasted) survives only as a \u escape
            payload = json.dumps(document, ensure_ascii=True, indent=1, sort_keys=True, allow_nan=False).encode()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(self.path, payload + b"\n")

    def _decode(self, raw: bytes) -> dict[str, Any]:
        if len(raw) > MAX_STORE_BYTES:
            raise _UnusableError(f"is larger than {MAX_STORE_BYTES:,} bytes")
        try:
            document = json.loads(raw.decode("utf-8-sig"), parse_constant=_reject_constant)
        except UnicodeDecodeError as exc:
            raise _UnusableError(f"is not UTF-8 text (byte {exc.start})") from None
        except RecursionError:
            raise _UnusableError("is nested too deeply") from None
        except ValueError as exc:
            raise _UnusableError(f"is not valid JSON ({exc})") from None
        if not isinstance(document, dict):
            raise _UnusableError("does not hold a JSON object")
        found = document.get("version", 0)
        if isinstance(found, bool) or not isinstance(found, int) or found < 0:
            raise _UnusableError(f"has an invalid version {str(found)[:20]!r}")
        if found > self.version:
            raise _NewerError(f"comes from a newer version of the app (schema {found}, this one knows {self.version})")
        data = document.get("data", {})
        for step in range(found, self.version):
            if not isinstance(data, dict):
                break
            if step in self.migrations:
                try:
                    data = self.migrations[step](data)
                except Exception as exc:  # the old file's shape is unknown: any failure means it does not fit
                    raise _UnusableError(
                        f"could not be upgraded from version {step} ({type(exc).__name__}: {exc})"
                    ) from None
        if not isinstance(data, dict):
            raise _UnusableError("does not hold its data as a JSON object")
        return data

    def _refuse(self, reason: str) -> LoadResult:
        self._refusal = reason
        return LoadResult({}, f"{self.path.name} {reason}; it is left untouched and changes will not be saved")

    def _set_aside_with_warning(self, reason: str) -> LoadResult:
        aside = self._set_aside()
        if aside is None:
            return self._refuse(f"{reason} and could not be renamed aside")
        return LoadResult({}, f"{self.path.name} {reason}; kept as {aside.name}", aside)

    def _set_aside(self) -> Path | None:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        counter = 1
        while target.exists():
            counter += 1
            target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{counter}")
        try:
            self.path.rename(target)
        except OSError:
            return None
        return target


class _NewerError(_UnusableError):
    """Written by a newer app: valid, so it must be neither renamed nor overwritten."""


def _reject_constant(name: str) -> NoReturn:
    raise ValueError(f"{name} is not a JSON number")


def settings_store(folder: Path | None = None) -> JsonStore:
    return JsonStore((folder or config_dir()) / "settings.json", version=1)


def leave_unsaved_note(reason: str, folder: Path | None = None) -> bool:
    """Remember for the next start that settings were not saved at exit, when no one may see it now.

    The note goes to the state folder, not next to the settings, since the
    settings folder is the likely reason the save failed. False if it could
    not be written either.
    """
    note = (folder or state_dir()) / UNSAVED_NOTE
    try:
        note.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(note, reason.encode("utf-8", "replace")[:MAX_NOTE_BYTES])
    except OSError:
        return False
    return True


def take_unsaved_note(folder: Path | None = None) -> str | None:
    """The reason left by `leave_unsaved_note`, once: the note is removed as it is read."""
    note = (folder or state_dir()) / UNSAVED_NOTE
    try:
        if not stat.S_ISREG(note.lstat().st_mode):
            return None
        text = read_bounded(note, MAX_NOTE_BYTES)[:MAX_NOTE_BYTES].decode("utf-8", "replace")
        note.unlink()
    except OSError:
        return None
    return text.strip() or "unknown reason"

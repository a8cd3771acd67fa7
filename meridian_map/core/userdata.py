"""Everything the app writes about a user goes through here.

One folder (platformdirs), one JSON file per kind of data, each with a schema
version. Writes are atomic; a file that cannot be read is renamed aside
(`name.corrupt-<timestamp>`) and reported, never overwritten, so nothing a
user made is lost to a bug or a crash.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .atomicfile import atomic_write_text

APP_NAME = "meridian-map"
APP_AUTHOR = "MeridianMap"

Migration = Callable[[dict[str, Any]], dict[str, Any]]


def config_dir() -> Path:
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, APP_AUTHOR)


def data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, APP_AUTHOR)


def content_dir() -> Path:
    """Where a user's own content pack (TOML files, face.svg) lives."""
    return data_dir() / "content"


@dataclass
class LoadResult:
    data: dict[str, Any]
    warning: str | None = None
    set_aside: Path | None = None


@dataclass
class JsonStore:
    """A versioned JSON document on disk."""

    path: Path
    version: int
    migrations: Mapping[int, Migration] = field(default_factory=dict)

    def load(self) -> LoadResult:
        """Read the document; a broken file is set aside with a warning."""
        if not self.path.exists():
            return LoadResult({})
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            if not isinstance(raw, dict):
                raise ValueError("the top level is not an object")
            found = raw.get("version", 0)
            if not isinstance(found, int) or found > self.version:
                raise ValueError(f"version {found!r} is newer than this app understands ({self.version})")
            data = raw.get("data", {})
            if not isinstance(data, dict):
                raise ValueError("'data' is not an object")
            for step in range(found, self.version):
                if step in self.migrations:
                    data = self.migrations[step](data)
        except (OSError, ValueError, UnicodeDecodeError) as exc:
            aside = self._set_aside()
            where = f"; kept as {aside.name}" if aside else ""
            return LoadResult({}, f"{self.path.name} could not be read ({exc}){where}", aside)
        return LoadResult(data)

    def save(self, data: Mapping[str, Any]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps({"version": self.version, "data": data}, ensure_ascii=False, indent=1, sort_keys=True)
        atomic_write_text(self.path, text + "\n")

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


def settings_store(folder: Path | None = None) -> JsonStore:
    return JsonStore((folder or config_dir()) / "settings.json", version=1)

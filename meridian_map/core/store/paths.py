"""Where the study database lives, apart from db.py so `meridian-map paths` loads no SQLite."""

from __future__ import annotations

from pathlib import Path

from .dirs import data_dir

DB_NAME = "study.sqlite3"


def database_path(folder: Path | None = None) -> Path:
    return (folder or data_dir()) / DB_NAME

"""Where the study and client databases live, apart from their modules so `meridian-map paths` loads no SQLite."""

from __future__ import annotations

from pathlib import Path

from .dirs import data_dir

DB_NAME = "study.sqlite3"
CLIENTS_NAME = "clients.sqlite3"


def database_path(folder: Path | None = None) -> Path:
    return (folder or data_dir()) / DB_NAME


def clients_path(folder: Path | None = None) -> Path:
    return (folder or data_dir()) / CLIENTS_NAME

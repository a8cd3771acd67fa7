"""The catalog the window shows: the shipped content plus the user's pack.

Pure core, so the window's start-up loads it before the GUI toolkit: the
toolkit's bindings read the source of every module imported after them
(looking for `from __feature__ import`), so the cache's decoding,
importlib.resources and platformdirs would cost their reading too.
"""

from __future__ import annotations

from pathlib import Path

from .catalog import Catalog
from .catalogcache import load_cached
from .problems import ContentError
from .userdirs import cache_dir, content_dir


def load_catalog(user_dirs: list[Path] | None = None) -> Catalog:
    """Through the catalog cache: start-up skips parsing when nothing changed."""
    return load_cached(cache_dir(), user_dirs=user_dirs or [])


def load_with_user_pack() -> tuple[Catalog, list[str]]:
    """The shipped content plus the user's pack; a broken pack is reported and skipped.

    A broken shipped content still raises ContentError: there is nothing to show.
    """
    user = content_dir()
    try:
        unused = not user.is_dir() or not any(user.iterdir())
    except OSError as exc:
        return load_catalog(), [f"{user}: folder: cannot be read: {exc.strerror or exc}"]
    if unused:
        return load_catalog(), []
    try:
        return load_catalog([user]), []
    except ContentError as error:
        return load_catalog(), [str(p) for p in error.problems]

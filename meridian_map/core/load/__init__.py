"""Files → one checked catalog: the only way in to the loading code.

Everything else in this package (the schema, TOML and SVG readers, the SVG
safety checks, the cross-checks and the cache) is private to it, so those
can change without the rest of the app noticing; an import-linter contract
holds the rest of the code to this module.

Pure core, so the window's start-up loads it before the GUI toolkit: the
toolkit's bindings read the source of every module imported after them
(looking for `from __feature__ import`), so the cache's decoding,
importlib.resources and platformdirs would cost their reading too. For the
same reason the builders are imported only when a catalog is built, and the
cache only when one is asked for.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING

from ..catalog import Catalog
from ..problems import ContentError
from ..store.dirs import cache_dir, content_dir

if TYPE_CHECKING:
    from ..screeningmodel import Screening
    from ..sideview import SideView

__all__ = ["load_catalog", "load_screening", "load_side_view", "load_with_user_pack"]


def load_catalog(
    user_dirs: Sequence[Traversable] = (),
    *,
    assets: Traversable | None = None,
    face_file: Traversable | None = None,
    cache_dir: Path | None = None,
) -> Catalog:
    """The shipped content (or `assets`) with each pack of `user_dirs` layered on, checked as a whole.

    `face_file` replaces the drawing. With `cache_dir` an earlier build of
    identical files is reused (and a new one kept there); without it the
    catalog is built afresh, as `check` needs, since validating is its point.
    ContentError lists every problem found, each naming its file and line.
    """
    if cache_dir is not None:
        from .cache import load_cached

        return load_cached(cache_dir, assets=assets, user_dirs=user_dirs, face_file=face_file)
    from .build import build_catalog

    return build_catalog(assets=assets, user_dirs=user_dirs, face_file=face_file)


def load_with_user_pack() -> tuple[Catalog, list[str]]:
    """The app's catalog: the shipped content plus the user's pack, through the user's cache.

    A broken pack is reported (the list of problems) and left out; a broken
    shipped content still raises ContentError: there is nothing to show.
    """
    cache = cache_dir()
    user = content_dir()
    try:
        unused = not user.is_dir() or not any(user.iterdir())
    except OSError as exc:
        return load_catalog(cache_dir=cache), [f"{user}: folder: cannot be read: {exc.strerror or exc}"]
    if unused:
        return load_catalog(cache_dir=cache), []
    try:
        return load_catalog([user], cache_dir=cache), []
    except ContentError as error:
        return load_catalog(cache_dir=cache), [str(p) for p in error.problems]


def load_screening(
    catalog: Catalog, assets: Traversable | None = None, user_dirs: Sequence[Traversable] = ()
) -> Screening:
    """The shipped screening checklist (or `assets`'s) with the items each pack adds, checked against `catalog`.

    ContentError lists every problem, each with its file and line.
    """
    from .screening import load_screening as read_checklist

    return read_checklist(catalog, assets, user_dirs)


def load_side_view(catalog: Catalog, assets: Traversable | None = None) -> SideView:
    """The side (lateral) drawing with `catalog`'s zones and side positions on it; read on first use only.

    ContentError names the file and line of any point placed outside its zone.
    """
    from .side import load_side_view as read_side

    return read_side(catalog, assets)

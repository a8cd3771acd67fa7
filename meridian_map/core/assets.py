"""Where the shipped face and content live.

In an installed wheel they sit inside the package (`meridian_map/assets`);
in a source checkout they are the repository's `assets/` folder.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

FACE_FILE = "face.svg"
SIDE_FACE_FILE = "face_side.svg"  # the lateral view (core/sideview.py), read when first shown
CONTENT_DIR = "content"
SCREENING_FILE = "screening.toml"  # in the content folder, read by core/load/screening.py on its own


def shipped_assets() -> Traversable:
    packaged = resources.files("meridian_map").joinpath("assets")
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "assets"


def content_files(folder: Traversable) -> list[Traversable]:
    """The TOML files of a content folder, in a stable (sorted) order; the screening checklist is not one.

    Whatever is named `*.toml` and is not a folder counts, pipes and devices
    included, so that reading it reports it instead of it being passed over.
    """
    if not folder.is_dir():
        return []
    found = (f for f in folder.iterdir() if f.name.endswith(".toml") and f.name != SCREENING_FILE and not f.is_dir())
    return sorted(found, key=lambda f: f.name)

"""`meridian-map photo FILE`: the map on a photo, as JSON in the photo's pixels, as a picture, or in the window.

MediaPipe and Pillow (the `[photo]` extra) are imported only here, and only
once the command knows it has something to do.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .core.photo import photo_mode_problem
from .core.problems import clip

if TYPE_CHECKING:
    from .core.catalog import Catalog
    from .core.photo.fit import MappedPhoto

PHOTO_UNITS = "photo pixels"


def add_photo_parser(commands: Any) -> argparse.ArgumentParser:
    photo: argparse.ArgumentParser = commands.add_parser(
        "photo",
        help="map the zones and points onto a face photo: as JSON, a PNG, or in the window",
        description="Find the one face on a photo (offline) and carry the map onto it. With neither --export nor "
        "--screenshot the window opens in photo mode. Needs the extra: pip install 'meridian-map[photo]'.",
    )
    photo.add_argument("file", metavar="FILE", type=Path, help="the photo: JPEG, PNG, WebP, BMP or TIFF")
    photo.add_argument(
        "--export", choices=["json"], help="write the mapped zones, points and channels as JSON (the export's schema)"
    )
    photo.add_argument(
        "-o", "--output", metavar="FILE", type=Path, help="where --export writes (default: stdout, as UTF-8)"
    )
    photo.add_argument("--lang", default="en", help="language of names in --export (default: en)")
    # SUPPRESS: given before the command, the top-level --screenshot / --select / --size stay as given.
    photo.add_argument(
        "--screenshot", metavar="PNG", type=Path, default=argparse.SUPPRESS, help="save the window as PNG and exit"
    )
    photo.add_argument("--select", metavar="ID", default=argparse.SUPPRESS, help="zone, point or concern to select")
    return photo


def photo_document(catalog: Catalog, mapped: MappedPhoto, lang: str) -> dict[str, Any]:
    """The `export` document with every coordinate in the photo's own pixels, and what the fit was."""
    from .core.output.json import catalog_document

    document = catalog_document(mapped.catalog(catalog), lang)
    document["frame"]["units"] = PHOTO_UNITS
    fit = mapped.fit
    document["photo"] = {
        "file": Path(mapped.photo.name).name,
        "width": mapped.photo.width,
        "height": mapped.photo.height,
        "residual_px": round(fit.residual_px, 2),
        "residual_share": round(fit.residual_share, 4),
        "detected": {name: [round(x, 2), round(y, 2)] for name, (x, y) in sorted(fit.photo.items())},
    }
    return document


def read_mapped(catalog: Catalog, file: Path) -> MappedPhoto | str:
    """The photo mapped, or the message saying why not (not installed, unreadable, no usable face)."""
    problem = photo_mode_problem()
    if problem is not None:
        return problem
    from .core.photo.fit import FitError, map_photo
    from .core.photo.image import PhotoError, read_photo

    try:
        return map_photo(catalog, read_photo(file))
    except (PhotoError, FitError) as error:
        return clip(str(error), 400)


def export_json(catalog: Catalog, mapped: MappedPhoto, lang: str) -> bytes:
    if lang not in catalog.content.languages:
        raise ValueError(f"unknown language {clip(lang)!r}; the content has {', '.join(catalog.content.languages)}")
    return (json.dumps(photo_document(catalog, mapped, lang), ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def say_error(text: str) -> int:
    print(text, file=sys.stderr)
    return 1

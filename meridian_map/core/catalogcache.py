"""A pickled catalog keyed by the bytes it was built from.

Parsing the SVG, validating the content and checking every point against
its zone takes a few hundred milliseconds and pulls in svgelements, shapely
and numpy; the result only changes when a file changes. So the validated
catalog is kept in the user's cache folder under a hash of every input file
(and the app version), and start-up loads it in a few milliseconds. A
missing, stale or unreadable cache is simply rebuilt.
"""

from __future__ import annotations

import pickle
from collections.abc import Sequence
from importlib.resources.abc import Traversable
from pathlib import Path

from .. import __version__
from .assets import CONTENT_DIR, FACE_FILE, content_files, shipped_assets
from .atomicfile import atomic_write_bytes
from .catalog import Catalog
from .printable import COVERAGE_FILE

try:
    # The built-in BLAKE2: `import hashlib` would load OpenSSL, ~3.7 MB of
    # memory and ~3 ms of start-up, to hash a few files.
    from _blake2 import blake2b
except ImportError:  # a Python built without it still has hashlib's
    from hashlib import blake2b

CACHE_FORMAT = 1
BUILDERS = ("model.py", "catalog.py", "loader.py", "content.py", "printable.py", "svgload.py", "geometry.py")
KEEP_ENTRIES = 4


def fingerprint(assets: Traversable, user_dirs: Sequence[Traversable], face_file: Traversable | None) -> str:
    """A hash over every file the catalog is built from, in a fixed order."""
    digest = blake2b(f"{CACHE_FORMAT}:{__version__}".encode(), digest_size=32)
    # The code that shapes and builds the catalog is part of the key too, so an
    # entry pickled by another build of the app is never mistaken for current.
    files: list[Traversable] = [Path(__file__).with_name(name) for name in BUILDERS]
    if face_file is not None:
        files.append(face_file)
    # What the fonts cover decides which pack text is accepted.
    files += [assets.joinpath(FACE_FILE), assets.joinpath(COVERAGE_FILE), *content_files(assets.joinpath(CONTENT_DIR))]
    for folder in user_dirs:
        files += [folder.joinpath(FACE_FILE), *content_files(folder)]
    for file in files:
        digest.update(str(file).encode())
        digest.update(b"\0")
        try:
            digest.update(file.read_bytes())
        except OSError:
            digest.update(b"<missing>")
        digest.update(b"\0")
    return digest.hexdigest()


def load_cached(
    cache_dir: Path,
    assets: Traversable | None = None,
    user_dirs: Sequence[Traversable] = (),
    face_file: Traversable | None = None,
) -> Catalog:
    """The catalog from the cache when its inputs are unchanged, else built and cached.

    ContentError propagates exactly as from load_catalog: a broken file is
    never hidden by an old cache entry, because any change to it changes
    the key.
    """
    assets = assets if assets is not None else shipped_assets()
    key = fingerprint(assets, user_dirs, face_file)
    entry = cache_dir / f"catalog-{key[:24]}.pickle"
    try:
        with entry.open("rb") as handle:
            catalog = pickle.load(handle)
        if isinstance(catalog, Catalog):
            return catalog
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        pass
    from .loader import load_catalog

    catalog = load_catalog(assets=assets, user_dirs=user_dirs, face_file=face_file)
    _store(cache_dir, entry, catalog)
    return catalog


def _store(cache_dir: Path, entry: Path, catalog: Catalog) -> None:
    """Best effort: a read-only or full disk only costs the next start its speed."""
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(entry, pickle.dumps(catalog, protocol=pickle.HIGHEST_PROTOCOL))
        old = sorted(cache_dir.glob("catalog-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for stale in old[KEEP_ENTRIES:]:
            stale.unlink(missing_ok=True)
    except (OSError, pickle.PicklingError):
        pass

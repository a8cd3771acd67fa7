"""The built catalog, kept as plain data keyed by the bytes it was built from.

Parsing the SVG, validating the content and checking every point against
its zone takes a few hundred milliseconds and pulls in svgelements, shapely
and numpy; the result only changes when a file changes. So the validated
catalog is kept in the user's cache folder under a hash of every input file
(and the app version), and start-up loads it in a few milliseconds.

The cache is a file other programs can reach, so it is trusted no further
than it is checked: the folder is private (0700, files 0600) and an entry is
read only when the folder and the file belong to this user and nobody else
may write them; the payload carries a keyed checksum that is verified before
decoding; and decoding (codec.py) rebuilds records from plain values, so
no entry can run code. Anything amiss, missing or stale is rebuilt, and the
reason goes to the debug log.
"""

from __future__ import annotations

import os
import stat
import sys
import time
from collections.abc import Sequence
from importlib.resources.abc import Traversable
from pathlib import Path

from ... import __version__
from ..assets import CONTENT_DIR, FACE_FILE, content_files, shipped_assets
from ..catalog import Catalog
from ..printable import COVERAGE_FILE
from ..store.reading import MAX_SVG_BYTES, MAX_TOML_BYTES, read_bounded

try:
    # The built-in BLAKE2: `import hashlib` would load OpenSSL, ~3.7 MB of
    # memory and ~3 ms of start-up, to hash a few files.
    from _blake2 import blake2b
except ImportError:  # a Python built without it still has hashlib's
    from hashlib import blake2b

CACHE_FORMAT = 4
# Relative to meridian_map/core: the modules whose code shapes a built catalog.
BUILDERS = (
    "model.py",
    "catalog.py",
    "load/codec.py",
    "load/build.py",
    "load/schema.py",
    "printable.py",
    "load/svg.py",
    "geometry/zones.py",
)
KEEP_ENTRIES = 4
STALE_TEMP_SECONDS = 600  # a temp file this old is left by a killed writer, not one at work
SUFFIX = ".catalog"
# The format, and the byte order of the packed coordinates.
MAGIC = b"MMCAT2" + (b"<\n" if sys.byteorder == "little" else b">\n")
DIGEST_BYTES = 32
MAX_COVERAGE_BYTES = 1024 * 1024  # the shipped list of what the fonts draw is ~25 KB
MAX_ENTRY_BYTES = 32 * 1024 * 1024  # the shipped catalog is ~240 KB; the loader's limits keep any far below
WRITABLE_BY_OTHERS = stat.S_IWGRP | stat.S_IWOTH


class EntryRefusedError(Exception):
    """Why an entry is not used."""


def fingerprint(assets: Traversable, user_dirs: Sequence[Traversable], face_file: Traversable | None) -> str:
    """A hash over every file the catalog is built from, in a fixed order.

    Inputs are read with the loader's own limits and only when they are
    regular files: a pipe, a device or a huge file named face.svg must not
    hang the key or fill the memory before the loader gets to report it.
    """
    digest = blake2b(f"{CACHE_FORMAT}:{__version__}".encode(), digest_size=32)
    # The code that shapes and builds the catalog is part of the key too, so an
    # entry written by another build of the app is never mistaken for current.
    core = Path(__file__).parents[1]
    files: list[tuple[Traversable, int]] = [(core / name, MAX_ENTRY_BYTES) for name in BUILDERS]
    if face_file is not None:
        files.append((face_file, MAX_SVG_BYTES))
    # What the fonts cover decides which pack text is accepted.
    files += [
        (assets.joinpath(FACE_FILE), MAX_SVG_BYTES),
        (assets.joinpath(COVERAGE_FILE), MAX_COVERAGE_BYTES),
        *_tomls(assets.joinpath(CONTENT_DIR)),
    ]
    for folder in user_dirs:
        files += [(folder.joinpath(FACE_FILE), MAX_SVG_BYTES), *_tomls(folder)]
    for file, limit in files:
        # A name need not be UTF-8: surrogateescape gives back its bytes.
        digest.update(str(file).encode("utf-8", "surrogateescape"))
        digest.update(b"\0")
        try:
            digest.update(read_bounded(file, limit))
        except OSError as exc:
            digest.update(f"<unreadable: {exc.errno}>".encode())
        digest.update(b"\0")
    return digest.hexdigest()


def _tomls(folder: Traversable) -> list[tuple[Traversable, int]]:
    try:
        return [(file, MAX_TOML_BYTES) for file in content_files(folder)]
    except OSError:  # the loader reports the folder
        return []


def load_cached(
    cache_dir: Path,
    assets: Traversable | None = None,
    user_dirs: Sequence[Traversable] = (),
    face_file: Traversable | None = None,
) -> Catalog:
    """The catalog from the cache when its inputs are unchanged, else built and cached.

    ContentError propagates exactly as from build_catalog: a broken file is
    never hidden by an old cache entry, because any change to it changes
    the key.
    """
    assets = assets if assets is not None else shipped_assets()
    key = fingerprint(assets, user_dirs, face_file)
    entry = cache_dir / f"catalog-{key[:24]}{SUFFIX}"
    try:
        return read_entry(cache_dir, entry, key)
    except EntryRefusedError as reason:
        _debug("catalog cache: rebuilding, %s", reason)
    from .build import build_catalog

    catalog = build_catalog(assets=assets, user_dirs=user_dirs, face_file=face_file)
    _store(cache_dir, entry, key, catalog)
    return catalog


def read_entry(cache_dir: Path, entry: Path, key: str) -> Catalog:
    """The catalog in `entry` if everything about it checks out, else EntryRefusedError saying why."""
    from .codec import BadEntryError, decode

    try:
        _check_owned(os.stat(cache_dir), cache_dir, "folder")
        raw = _read_private(entry)
    except FileNotFoundError:
        raise EntryRefusedError(f"no entry {entry}") from None
    except OSError as exc:
        raise EntryRefusedError(f"{entry}: {exc.strerror or exc}") from None
    head = len(MAGIC) + DIGEST_BYTES
    if len(raw) < head or not raw.startswith(MAGIC):
        raise EntryRefusedError(f"{entry}: not a catalog entry of this format")
    payload = memoryview(raw)[head:]
    if _digest(payload, key) != raw[len(MAGIC) : head]:
        raise EntryRefusedError(f"{entry}: checksum does not match")
    try:
        return decode(payload.tobytes())
    except BadEntryError as exc:
        raise EntryRefusedError(f"{entry}: {exc}") from None


def _read_private(entry: Path) -> bytes:
    """The entry's bytes, if it is a regular file of ours that only we may write."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(entry, flags)
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise EntryRefusedError(f"{entry}: not a regular file")
        _check_owned(info, entry, "file")
        if info.st_size > MAX_ENTRY_BYTES:
            raise EntryRefusedError(f"{entry}: {info.st_size:,} bytes, over the {MAX_ENTRY_BYTES:,}-byte limit")
        return handle.read(MAX_ENTRY_BYTES + 1)


def _check_owned(info: os.stat_result, path: Path, what: str) -> None:
    if info.st_uid != user_id():
        raise EntryRefusedError(f"{path}: {what} belongs to user {info.st_uid}, not {user_id()}")
    if info.st_mode & WRITABLE_BY_OTHERS:
        raise EntryRefusedError(f"{path}: {what} is writable by others ({stat.filemode(info.st_mode)})")


def user_id() -> int:
    """Whose cache this is: the effective user, as the files this process creates are."""
    return os.geteuid() if hasattr(os, "geteuid") else 0


def _digest(payload: bytes | memoryview, key: str) -> bytes:
    """Keyed by the entry's own key, so an entry copied under another name does not verify."""
    return blake2b(payload, digest_size=DIGEST_BYTES, key=bytes.fromhex(key)[:32]).digest()


def _store(cache_dir: Path, entry: Path, key: str, catalog: Catalog) -> None:
    """Best effort: a read-only or full disk only costs the next start its speed."""
    from .codec import encode

    try:
        _private_folder(cache_dir)
        payload = encode(catalog)
        _write_private(entry, MAGIC + _digest(payload, key) + payload)
        old = sorted(cache_dir.glob(f"catalog-*{SUFFIX}"), key=lambda p: p.lstat().st_mtime, reverse=True)
        # Entries of the pickled format before this one are never read: remove them.
        for stale in [*old[KEEP_ENTRIES:], *cache_dir.glob("catalog-*.pickle")]:
            stale.unlink(missing_ok=True)
        for temp in cache_dir.glob(f".catalog-*{SUFFIX}.*.tmp"):
            if time.time() - temp.lstat().st_mtime > STALE_TEMP_SECONDS:
                temp.unlink(missing_ok=True)
    except (OSError, ValueError, EntryRefusedError) as exc:
        _debug("catalog cache: not written: %s", exc)


def _private_folder(cache_dir: Path) -> None:
    """The folder made 0700, or tightened to it when an older version left it open."""
    cache_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    info = os.stat(cache_dir)
    if info.st_uid != user_id():
        raise EntryRefusedError(f"{cache_dir}: folder belongs to user {info.st_uid}, not {user_id()}")
    if stat.S_IMODE(info.st_mode) != 0o700:
        os.chmod(cache_dir, 0o700)


def _write_private(entry: Path, data: bytes) -> None:
    """Atomically, as a new 0600 file: a kill mid-write leaves the old entry or none."""
    temp = entry.with_name(f".{entry.name}.{os.urandom(6).hex()}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(temp, flags, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            if hasattr(os, "fchmod"):
                os.fchmod(handle.fileno(), 0o600)
            handle.write(data)
        os.replace(temp, entry)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def _debug(message: str, reason: object) -> None:
    """Only on the slow path: `logging` costs a cached start more than loading the catalog."""
    import logging

    logging.getLogger(__name__).debug(message, reason)

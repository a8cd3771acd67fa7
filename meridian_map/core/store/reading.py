"""Reading a content file without trusting what sits at its path.

A pack is whatever a user (or a download) put in a folder: `face.svg` may be
a FIFO that blocks forever, a link to a device or a multi-gigabyte file.
Reading never blocks on anything but a regular file and never takes more
than the caller's limit, so memory stays bounded and the limit check still
sees that the file was too large.
"""

from __future__ import annotations

import errno
import os
import stat
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import IO

CHUNK = 64 * 1024
# The limits live here, not with the parsers, so that the catalog cache can
# key on inputs read within them without importing the parsers.
MAX_SVG_BYTES = 4 * 1024 * 1024
MAX_TOML_BYTES = 128 * 1024  # 3.7 times the largest shipped file; tomllib needs up to ~2.5 µs a byte

KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def read_bounded(file: Traversable, limit: int) -> bytes:
    """At most `limit + 1` bytes of a regular file; OSError for anything else.

    The path is checked before it is opened, since even opening a device can
    act on it, and the open file once more, in case the path changed between.
    """
    if not isinstance(file, Path):
        with file.open("rb") as packaged:
            return _read_chunks(packaged, limit + 1)
    _regular(os.stat(file).st_mode)
    fd = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as handle:
        _regular(os.fstat(handle.fileno()).st_mode)
        return _read_chunks(handle, limit + 1)


def _regular(mode: int) -> None:
    if not stat.S_ISREG(mode):
        kind = next((name for test, name in KINDS if test(mode)), "something else")
        raise OSError(errno.EINVAL, f"not a regular file but {kind}")


def display_name(text: str) -> str:
    """A file name as messages and the window may show it.

    Bytes that are not UTF-8 (kept by Python as lone surrogates, which
    neither a terminal encoder nor Qt accepts) become `\\xNN`, and control
    characters their escapes, so a name can neither crash a print nor
    steer the terminal.
    """
    if text.isprintable():
        return text
    return "".join(_shown(c) for c in text)


def _shown(char: str) -> str:
    if "\udc80" <= char <= "\udcff":  # an undecodable byte, as surrogateescape keeps it
        return f"\\x{ord(char) - 0xDC00:02x}"
    return char if char.isprintable() else char.encode("unicode_escape").decode("ascii")


def _read_chunks(handle: IO[bytes], most: int) -> bytes:
    """In chunks: `read(most)` would allocate all of `most` even for a small file."""
    chunks: list[bytes] = []
    total = 0
    while total < most and (chunk := handle.read(min(CHUNK, most - total))):
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)

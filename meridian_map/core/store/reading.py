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


def read_bounded(file: Traversable, limit: int) -> bytes:
    """At most `limit + 1` bytes of a regular file; OSError for anything else."""
    if not isinstance(file, Path):
        with file.open("rb") as packaged:
            return _read_chunks(packaged, limit + 1)
    fd = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise OSError(errno.EINVAL, "not a regular file")
        return _read_chunks(handle, limit + 1)


def _read_chunks(handle: IO[bytes], most: int) -> bytes:
    """In chunks: `read(most)` would allocate all of `most` even for a small file."""
    chunks: list[bytes] = []
    total = 0
    while total < most and (chunk := handle.read(min(CHUNK, most - total))):
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)

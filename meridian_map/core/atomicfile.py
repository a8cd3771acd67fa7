"""Writing files so that a crash never leaves half a file behind.

The new content goes to a temporary file in the same folder, is flushed to
disk, then renamed over the old one: a reader sees the old file or the new
one, never a torn mix, even if the process is killed mid-write. A symbolic
link is written through (its target is replaced, the link kept), and an
existing file keeps its permissions.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

TEMP_SUFFIX = ".tmp"


def temp_name(path: Path) -> str:
    """The pattern of a temporary file for `path`: `.name.<random>.tmp`."""
    return f".{path.name}.*{TEMP_SUFFIX}"


def atomic_write_bytes(path: Path, data: bytes) -> None:
    target = Path(os.path.realpath(path))
    mode = _existing_mode(target)
    fd, temp = _create_temp(target)
    try:
        with os.fdopen(fd, "wb") as handle:
            if mode is not None and hasattr(os, "fchmod"):
                os.fchmod(handle.fileno(), mode)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    _fsync_dir(target.parent)


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def _existing_mode(target: Path) -> int | None:
    """The permissions to keep: a save never widens or narrows who may read a file."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        return None


def _create_temp(target: Path) -> tuple[int, Path]:
    """A new, exclusively created file next to `target` (0o666 less the umask)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _attempt in range(100):
        # os.urandom, not secrets: secrets imports hmac, which loads OpenSSL (~3 MB) for a file name.
        temp = target.with_name(f".{target.name}.{os.urandom(6).hex()}{TEMP_SUFFIX}")
        try:
            return os.open(temp, flags, 0o666), temp
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name next to {target}")


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (best effort where unsupported)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)

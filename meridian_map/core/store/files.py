"""Writing files so that a crash never leaves half a file behind.

The new content goes to a temporary file in the same folder, is flushed to
disk, then renamed over the old one: a reader sees the old file or the new
one, never a torn mix, even if the process is killed mid-write. A symbolic
link is written through (its target is replaced, the link kept), and an
existing file keeps its permissions.

Only regular files are ever replaced: renaming over a device or a FIFO would
swap it for a plain file (as root, `-o /dev/null` would replace the system's
`/dev/null`). A read-only file is refused as `cp` refuses it, also for root,
who bypasses the permission bits and so has them checked here.
"""

from __future__ import annotations

import glob
import os
import stat
import time
from pathlib import Path

TEMP_SUFFIX = ".tmp"
STALE_TEMP_SECONDS = 600  # an interrupted write's temporary file, surely not one in progress


class UnsafeTargetError(OSError):
    """A path that must not be replaced: a folder, a device, a FIFO, a read-only file."""


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace `path` with `data`; raises OSError, UnsafeTargetError for a path it must not replace."""
    target = Path(os.path.realpath(path))
    mode = writable_mode(target)
    remove_stale_temps(target)
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


def writable_mode(path: Path) -> int | None:
    """The permissions of the file `path` to keep (None: no file yet); raises UnsafeTargetError.

    A save never widens or narrows who may read a file. The check also runs
    before expensive work (rendering a sheet) so a refusal comes first.
    """
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None
    if stat.S_ISDIR(info.st_mode):
        raise UnsafeTargetError(f"{path} is a folder")
    if not stat.S_ISREG(info.st_mode):
        kind = "a FIFO" if stat.S_ISFIFO(info.st_mode) else "a socket" if stat.S_ISSOCK(info.st_mode) else "a device"
        raise UnsafeTargetError(f"{path} is {kind}, not a regular file; only regular files are written")
    mode = stat.S_IMODE(info.st_mode)
    if not mode & 0o222 or not os.access(path, os.W_OK):
        raise UnsafeTargetError(f"{path} is read-only; it was left untouched")
    return mode


def remove_stale_temps(path: Path) -> None:
    """Temporary files for `path` left by a write that was killed; fresh ones may belong to a running write."""
    cutoff = time.time() - STALE_TEMP_SECONDS
    for leftover in glob.glob(glob.escape(str(path.parent)) + "/" + glob.escape(f".{path.name}.") + "*" + TEMP_SUFFIX):
        try:
            info = os.lstat(leftover)
            if stat.S_ISREG(info.st_mode) and info.st_mtime < cutoff:
                os.unlink(leftover)
        except OSError:
            continue


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

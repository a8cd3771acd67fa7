"""The menu entry, AppStream metainfo and icons in a user's XDG data folder, and taking them out again.

`install` writes a manifest of what it wrote (with each file's hash) and of
the folders it had to create; `uninstall` removes a file only if it is one of
ours, at one of the places we write to, and still holds the bytes we wrote,
then the folders we created if they are empty. So a file the user changed or
put there themselves is never removed, and install then uninstall leaves the
folder tree exactly as it was. The manifest is a file the user can write, so
it is only believed where it agrees with what this code would do.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
from dataclasses import dataclass, field
from hashlib import sha256
from pathlib import Path

from ..appid import APP_ID, ICON_SIZES
from ..assets import shipped_assets
from .files import atomic_write_bytes

MANIFEST = Path("meridian-map") / "desktop-install.json"
MANIFEST_LIMIT = 64 * 1024
ANCESTORS_LIMIT = 8  # folders above the data folder that install may create (and uninstall remove)
_PLAIN_ARGUMENT = re.compile(r"[A-Za-z0-9_./+=:,@%-]+")


class DesktopError(Exception):
    """Installing would overwrite a file that is not ours; nothing was written."""


@dataclass
class Outcome:
    """What a run did, for the command to print."""

    written: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    kept: list[tuple[Path, str]] = field(default_factory=list)


def data_home() -> Path:
    """$XDG_DATA_HOME, or ~/.local/share when it is unset or not absolute (as the spec says)."""
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if value and Path(value).is_absolute() else Path.home() / ".local" / "share"


def launcher() -> list[str]:
    """The command a menu entry runs: this bundle, this environment's script, or whatever PATH finds."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    script = Path(sys.executable).with_name("meridian-map")
    if script.is_file():
        return [str(script)]
    found = shutil.which("meridian-map")
    return [found] if found else [sys.executable, "-m", "meridian_map"]


def exec_line(command: list[str]) -> str:
    """The Exec value for `command`, quoted and escaped as the Desktop Entry spec asks."""
    parts = []
    for argument in command:
        argument = argument.replace("%", "%%")
        if not _PLAIN_ARGUMENT.fullmatch(argument):
            argument = '"' + re.sub(r'(["`$\\])', r"\\\1", argument) + '"'
            argument = argument.replace("\\", "\\\\")
        parts.append(argument)
    return " ".join(parts)


def planned_files(command: list[str]) -> dict[Path, bytes]:
    """Each file relative to the data folder, with its content."""
    assets = shipped_assets()
    desktop = assets / "desktop"
    entry = (desktop / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    entry = re.sub(r"^Exec=.*$", lambda _: "Exec=" + exec_line(command), entry, count=1, flags=re.MULTILINE)
    files = {
        Path("applications") / f"{APP_ID}.desktop": entry.encode("utf-8"),
        Path("metainfo") / f"{APP_ID}.metainfo.xml": (desktop / f"{APP_ID}.metainfo.xml").read_bytes(),
    }
    hicolor = assets / "icons" / "hicolor"
    icon = Path("icons") / "hicolor"
    files[icon / "scalable" / "apps" / f"{APP_ID}.svg"] = (hicolor / "scalable" / "apps" / f"{APP_ID}.svg").read_bytes()
    for size in ICON_SIZES:
        folder = f"{size}x{size}"
        files[icon / folder / "apps" / f"{APP_ID}.png"] = (hicolor / folder / "apps" / f"{APP_ID}.png").read_bytes()
    return files


def _digest(data: bytes) -> str:
    return sha256(data).hexdigest()


def _folders_between(relative: Path) -> list[Path]:
    """The folders from the data folder down to `relative`'s parent, outermost first."""
    return list(reversed(relative.parents[:-1]))


@dataclass
class _Manifest:
    files: dict[Path, str]
    folders: list[Path]


def _read_manifest(root: Path, allowed_files: set[Path], allowed_folders: set[Path]) -> _Manifest | None:
    """The manifest, keeping only entries this code could have written; None if missing or unreadable."""
    try:
        with (root / MANIFEST).open("rb") as stream:
            raw = stream.read(MANIFEST_LIMIT + 1)
        if len(raw) > MANIFEST_LIMIT:
            return None
        document = json.loads(raw.decode("utf-8"))
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(document, dict):
        return None
    files_in, folders_in = document.get("files"), document.get("folders")
    if not isinstance(files_in, dict) or not isinstance(folders_in, list):
        return None
    files = {
        Path(name): digest
        for name, digest in files_in.items()
        if isinstance(digest, str) and Path(name) in allowed_files
    }
    folders = [Path(name) for name in folders_in if isinstance(name, str) and Path(name) in allowed_folders]
    return _Manifest(files, folders)


def _allowed_folders(relatives: list[Path]) -> set[Path]:
    """The data folder itself ("."), the folders above it, and every folder between it and the files."""
    above = {Path(*[".."] * depth) for depth in range(ANCESTORS_LIMIT + 1)}
    return above | {folder for relative in relatives for folder in _folders_between(relative)}


def _removal_order(folder: Path) -> int:
    """Deepest first: folders below the data folder, then the data folder, then those above it."""
    return -len(folder.parts) if folder.parts[:1] == ("..",) else len(folder.parts)


def install(root: Path | None = None, command: list[str] | None = None) -> Outcome:
    """Write the entry, metainfo and icons under `root` (the XDG data folder by default)."""
    root = root if root is not None else data_home()
    files = planned_files(command if command is not None else launcher())
    targets = [*files, MANIFEST]
    folders = _allowed_folders(targets)
    previous = _read_manifest(root, set(files), folders) or _Manifest({}, [])
    for relative, data in files.items():
        _refuse_foreign(root / relative, previous.files.get(relative), data)
    created = list(previous.folders)
    missing = [folder for folder in (root, *root.parents) if not folder.exists()]
    if missing:
        root.mkdir(parents=True)
        created.extend(Path(*[".."] * depth) for depth in range(len(missing)))
    for relative in targets:
        for folder in _folders_between(relative):
            if not (root / folder).exists():
                (root / folder).mkdir()
                created.append(folder)
    outcome = Outcome()
    written: dict[Path, str] = {}
    for relative, data in files.items():
        target = root / relative
        if relative not in previous.files and target.is_file() and target.read_bytes() == data:
            outcome.kept.append((target, "already there, not ours"))
            continue
        atomic_write_bytes(target, data)
        written[relative] = _digest(data)
        outcome.written.append(target)
    manifest = {
        "format": 1,
        "files": {str(relative): digest for relative, digest in written.items()},
        "folders": [str(folder) for folder in dict.fromkeys(created)],
    }
    atomic_write_bytes(root / MANIFEST, (json.dumps(manifest, indent=1) + "\n").encode("utf-8"))
    return outcome


def _refuse_foreign(target: Path, recorded: str | None, data: bytes) -> None:
    if target.is_symlink() or (target.exists() and not target.is_file()):
        raise DesktopError(f"{target}: is not a plain file; not replacing it")
    if not target.exists():
        return
    current = _digest(target.read_bytes())
    if current not in (recorded, _digest(data)):
        raise DesktopError(f"{target}: exists and was not written by meridian-map; move it away first")


def uninstall(root: Path | None = None, command: list[str] | None = None) -> Outcome:
    """Remove what `install` wrote and the folders it created, and nothing else."""
    root = root if root is not None else data_home()
    files = planned_files(command if command is not None else launcher())
    targets = [*files, MANIFEST]
    manifest = _read_manifest(root, set(files), _allowed_folders(targets))
    outcome = Outcome()
    for relative in files if manifest is None else manifest.files:
        target = root / relative
        if target.is_symlink() or not target.is_file():
            continue
        accepted = {_digest(files[relative])}
        if manifest is not None:
            accepted.add(manifest.files[relative])
        if _digest(target.read_bytes()) in accepted:
            target.unlink()
            outcome.removed.append(target)
        else:
            outcome.kept.append((target, "changed since it was installed"))
    if manifest is None:
        return outcome
    (root / MANIFEST).unlink(missing_ok=True)
    for folder in sorted(manifest.folders, key=_removal_order, reverse=True):
        place = _resolve_folder(root, folder)
        if place is None:
            continue
        try:
            place.rmdir()
        except OSError:
            continue
    return outcome


def _resolve_folder(root: Path, folder: Path) -> Path | None:
    """`folder` relative to root, reading ".." by name (the folders below may be gone already)."""
    if folder.parts[:1] != ("..",):
        return root / folder
    depth = len(folder.parts)
    return root.parents[depth - 1] if depth <= len(root.parents) else None

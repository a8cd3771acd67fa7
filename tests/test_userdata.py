"""JsonStore and atomic writes: whatever is on disk, nothing a user made is lost."""

from __future__ import annotations

import json
import os
import stat
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from meridian_map.core.store import files, jsonstore
from meridian_map.core.store.dirs import content_dir
from meridian_map.core.store.files import STALE_TEMP_SECONDS, atomic_write_bytes, atomic_write_text
from meridian_map.core.store.jsonstore import (
    MAX_STORE_BYTES,
    JsonStore,
    StoreRefusedError,
    settings_store,
)

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def store(tmp_path: Path, version: int = 1, steps: dict[int, Any] | None = None) -> JsonStore:
    return JsonStore(tmp_path / "settings.json", version=version, migrations=steps or {})


def test_what_is_saved_is_loaded_with_its_version(tmp_path: Path) -> None:
    first = store(tmp_path)
    assert first.load().data == {}
    first.save({"zoom": 1.5, "note": "四白"})
    document = json.loads((tmp_path / "settings.json").read_text(encoding="utf-8"))
    assert document == {"version": 1, "data": {"zoom": 1.5, "note": "四白"}}
    result = store(tmp_path).load()
    assert result.data == {"zoom": 1.5, "note": "四白"} and result.warning is None


def test_a_corrupt_file_is_set_aside_with_a_timestamp_and_kept_byte_for_byte(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(b'{"version": 1, "data": {"zo')
    first = store(tmp_path).load()
    path.write_bytes(b"[]")
    second = store(tmp_path).load()
    assert first.set_aside is not None and second.set_aside is not None
    assert first.set_aside.name.startswith("settings.json.corrupt-2")
    assert second.set_aside != first.set_aside, "two in the same second must not collide"
    assert first.set_aside.read_bytes() == b'{"version": 1, "data": {"zo'
    assert second.set_aside.read_bytes() == b"[]"
    assert first.warning is not None and first.set_aside.name in first.warning
    assert not path.exists()


def test_after_setting_aside_the_app_saves_afresh(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text("not json", encoding="utf-8")
    broken = store(tmp_path)
    assert broken.load().set_aside is not None
    broken.save({"ok": True})
    assert store(tmp_path).load().data == {"ok": True}


def test_a_folder_where_the_file_should_be_is_left_alone(tmp_path: Path) -> None:
    folder = tmp_path / "settings.json"
    (folder / "inside").mkdir(parents=True)
    target = store(tmp_path)
    result = target.load()
    assert result.data == {} and result.warning is not None and "is not a regular file" in result.warning
    with pytest.raises(StoreRefusedError) as refused:
        target.save({"x": 1})
    assert isinstance(refused.value, OSError), "callers catch OSError"
    assert (folder / "inside").is_dir()


def test_a_file_that_cannot_be_read_is_never_overwritten(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"version": 1, "data": {"precious": true}}', encoding="utf-8")

    def denied(*_args: object) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(jsonstore, "read_bounded", denied)
    target = store(tmp_path)
    result = target.load()
    assert result.warning is not None and "Permission denied" in result.warning and "not be saved" in result.warning
    with pytest.raises(StoreRefusedError):
        target.save({})
    monkeypatch.undo()
    assert store(tmp_path).load().data == {"precious": True}


@pytest.mark.skipif(IS_ROOT or os.name != "posix", reason="root ignores file permissions")
def test_an_unreadable_file_is_refused_for_real(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"version": 1, "data": {}}', encoding="utf-8")
    path.chmod(0)
    target = store(tmp_path)
    assert "cannot be read" in (target.load().warning or "")
    with pytest.raises(StoreRefusedError):
        target.save({})


@pytest.mark.skipif(IS_ROOT or os.name != "posix", reason="root ignores file permissions")
def test_a_read_only_folder_is_an_oserror_and_the_old_file_stays(tmp_path: Path) -> None:
    target = store(tmp_path)
    target.save({"v": 1})
    tmp_path.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        with pytest.raises(OSError):
            target.save({"v": 2})
    finally:
        tmp_path.chmod(stat.S_IRWXU)
    assert store(tmp_path).load().data == {"v": 1}


def test_a_folder_that_cannot_be_created_is_an_oserror(tmp_path: Path) -> None:
    (tmp_path / "config").write_text("a file, not a folder", encoding="utf-8")
    target = JsonStore(tmp_path / "config" / "settings.json", version=1)
    assert target.load().data == {}
    with pytest.raises(OSError):
        target.save({"x": 1})
    assert (tmp_path / "config").read_text(encoding="utf-8") == "a file, not a folder"


def test_a_newer_file_is_neither_renamed_nor_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    newer = b'{"version": 7, "data": {"from": "the future"}}'
    path.write_bytes(newer)
    target = store(tmp_path)
    result = target.load()
    assert result.set_aside is None and result.warning is not None and "newer version" in result.warning
    with pytest.raises(StoreRefusedError):
        target.save({"from": "the past"})
    assert path.read_bytes() == newer and list(tmp_path.iterdir()) == [path]


def test_migrations_run_in_order_from_the_file_version(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text('{"version": 0, "data": {"zoom": 2}}', encoding="utf-8")
    steps = {
        0: lambda d: {"scale": d["zoom"]},
        1: lambda d: {**d, "layers": {}},
    }
    assert store(tmp_path, version=2, steps=steps).load().data == {"scale": 2, "layers": {}}


def test_a_file_without_a_version_is_version_zero(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text('{"data": {"zoom": 2}}', encoding="utf-8")
    assert store(tmp_path, steps={0: lambda d: {"scale": d["zoom"]}}).load().data == {"scale": 2}


def test_a_migration_that_does_not_fit_the_old_data_sets_the_file_aside(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text('{"version": 0, "data": {"other": 1}}', encoding="utf-8")
    result = store(tmp_path, steps={0: lambda d: {"scale": d["zoom"]}}).load()
    assert result.data == {} and result.set_aside is not None
    assert result.warning is not None and "could not be upgraded from version 0 (KeyError" in result.warning


def test_a_migration_returning_a_non_object_is_caught(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text('{"version": 0, "data": {}}', encoding="utf-8")
    result = store(tmp_path, steps={0: lambda d: [d]}).load()
    assert result.warning is not None and "does not hold its data as a JSON object" in result.warning


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_bytes(b'\xef\xbb\xbf{"version": 1, "data": {"a": 1}}')
    assert store(tmp_path).load() == jsonstore.LoadResult({"a": 1})


def test_a_huge_file_is_set_aside_without_being_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "settings.json"
    with path.open("wb") as handle:
        handle.truncate(MAX_STORE_BYTES + 1)
    monkeypatch.setattr(jsonstore, "read_bounded", pytest.fail)
    result = store(tmp_path).load()
    assert result.set_aside is not None and result.set_aside.stat().st_size == MAX_STORE_BYTES + 1


def test_lone_surrogates_survive_a_round_trip(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text('{"version": 1, "data": {"note": "\\ud800x"}}', encoding="utf-8")
    target = store(tmp_path)
    data = target.load().data
    assert data == {"note": "\ud800x"}
    target.save(data)
    assert store(tmp_path).load().data == {"note": "\ud800x"}


def test_stale_temporary_files_are_removed_and_fresh_ones_kept(tmp_path: Path) -> None:
    stale = tmp_path / ".settings.json.0123abcd.tmp"
    fresh = tmp_path / ".settings.json.fedc3210.tmp"
    other = tmp_path / ".notes.json.0123abcd.tmp"
    for leftover in (stale, fresh, other):
        leftover.write_text("{", encoding="utf-8")
    old = time.time() - STALE_TEMP_SECONDS - 60
    os.utime(stale, (old, old))
    os.utime(other, (old, old))
    store(tmp_path).load()
    assert not stale.exists() and fresh.exists() and other.exists()


def test_a_symlinked_file_is_written_through(tmp_path: Path) -> None:
    real = tmp_path / "dotfiles" / "meridian.json"
    real.parent.mkdir()
    real.write_text('{"version": 1, "data": {"a": 1}}', encoding="utf-8")
    link = tmp_path / "settings.json"
    link.symlink_to(real)
    target = store(tmp_path)
    assert target.load().data == {"a": 1}
    target.save({"a": 2})
    assert link.is_symlink() and json.loads(real.read_text(encoding="utf-8"))["data"] == {"a": 2}


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_save_keeps_the_file_permissions(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    target = store(tmp_path)
    target.save({"a": 1})
    path.chmod(0o640)
    target.save({"a": 2})
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "out.json"
    atomic_write_text(path, "old")

    def disk_full(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space"):
        atomic_write_bytes(path, b"new" * 1000)
    assert path.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


@pytest.mark.skipif(sys.platform != "linux", reason="XDG folders")
def test_the_user_folders_follow_the_xdg_variables(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    assert content_dir() == tmp_path / "data" / "meridian-map" / "content"
    assert settings_store().path == tmp_path / "config" / "meridian-map" / "settings.json"

"""The catalog cache is a file others can reach: it must never run code or load wrong data.

Also the inputs it keys on: a pipe, a device or a huge file where a face or
a TOML file should be is reported, never read without limit.
"""

from __future__ import annotations

import dataclasses
import logging
import marshal
import os
import pickle
import random
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from meridian_map.core.assets import shipped_assets
from meridian_map.core.catalog import Catalog
from meridian_map.core.load import cache as cache_module
from meridian_map.core.load import load_catalog
from meridian_map.core.load.cache import MAGIC, EntryRefusedError, fingerprint, load_cached, read_entry
from meridian_map.core.load.codec import decode, encode
from meridian_map.core.problems import ContentError
from tests.test_pack_text import hostile_pack
from tests.test_user_pack import doc_block, ear_pack

SEED = 20261205
CORRUPTIONS = 600


def same(a: object, b: object, where: str = "catalog") -> None:
    """Equal field by field, types included (1 is not 1.0), fields that == skips (sources) too."""
    assert type(a) is type(b), f"{where}: {type(a).__name__} vs {type(b).__name__}"
    if dataclasses.is_dataclass(a) and not isinstance(a, type):
        for f in dataclasses.fields(a):
            same(getattr(a, f.name), getattr(b, f.name), f"{where}.{f.name}")
    elif isinstance(a, dict):
        assert isinstance(b, dict) and a.keys() == b.keys(), where
        for key in a:
            same(a[key], b[key], f"{where}[{key!r}]")
    elif isinstance(a, tuple):
        assert isinstance(b, tuple) and len(a) == len(b), where
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            same(x, y, f"{where}[{i}]")
    else:
        assert a == b, f"{where}: {a!r} vs {b!r}"


def entry_of(cache: Path, assets: Path) -> tuple[Path, str]:
    key = fingerprint(assets, [], None)
    return cache / f"catalog-{key[:24]}.catalog", key


class Planted:
    """Unpickling this creates `marker`: proof that a cache entry ran code."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[Callable[..., object], tuple[str, str]]:
        return (open, (str(self.marker), "w"))


@pytest.fixture(scope="module")
def fresh() -> Catalog:
    return load_catalog()


def test_a_cached_catalog_is_exactly_a_fresh_build(tmp_path: Path, assets_copy: Path) -> None:
    built = load_catalog(assets=assets_copy)
    load_cached(tmp_path, assets=assets_copy)
    entry, key = entry_of(tmp_path, assets_copy)
    same(read_entry(tmp_path, entry, key), built)
    same(decode(encode(built)), built)


def caution_and_ear_pack(folder: Path) -> Path:
    """Edited and added records, a face of its own: every part of a catalog a pack can change."""
    ear_pack(folder)
    (folder / "my-cautions.toml").write_text(doc_block("toml", 'id = "cheek"'), encoding="utf-8")
    return folder


@pytest.mark.parametrize("make", [caution_and_ear_pack, hostile_pack], ids=["ear-and-cautions", "hostile-text"])
def test_a_cached_pack_catalog_is_exactly_a_fresh_build(tmp_path: Path, make: Callable[[Path], Path]) -> None:
    pack = make(tmp_path / "pack")
    built = load_catalog(user_dirs=[pack])
    assert built.content.edited or built.content.added
    load_cached(tmp_path / "cache", user_dirs=[pack])
    key = fingerprint(shipped_assets(), [pack], None)
    same(read_entry(tmp_path / "cache", tmp_path / "cache" / f"catalog-{key[:24]}.catalog", key), built)


def test_a_planted_pickle_never_runs(tmp_path: Path, assets_copy: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    key = fingerprint(assets_copy, [], None)
    marker = tmp_path / "ran"
    for name in (f"catalog-{key[:24]}.pickle", f"catalog-{key[:24]}.catalog"):
        (cache / name).write_bytes(pickle.dumps(Planted(marker)))
        (cache / name).chmod(0o600)
    catalog = load_cached(cache, assets=assets_copy)
    assert not marker.exists()
    same(catalog, load_catalog(assets=assets_copy))
    entry = cache / f"catalog-{key[:24]}.catalog"
    assert entry.read_bytes().startswith(MAGIC)
    assert not list(cache.glob("*.pickle"))


def test_a_crafted_payload_with_a_valid_checksum_is_refused(tmp_path: Path, assets_copy: Path) -> None:
    """Marshal can carry a code object; it is refused, never called, and the catalog rebuilt."""
    load_cached(tmp_path, assets=assets_copy)
    entry, key = entry_of(tmp_path, assets_copy)
    marker = tmp_path / "ran"
    code = compile(f"open({str(marker)!r}, 'w')", "planted", "exec")
    for payload in (marshal.dumps(code), marshal.dumps((code,) * 10), marshal.dumps((1, "x", 2.0))):
        entry.write_bytes(MAGIC + cache_module._digest(payload, key) + payload)
        with pytest.raises(EntryRefusedError, match=r"unexpected data|expected"):
            read_entry(tmp_path, entry, key)
    assert len(load_cached(tmp_path, assets=assets_copy).points) == 101
    assert not marker.exists()


def corrupt(data: bytes, rng: random.Random) -> bytes:
    """One to three random flips, insertions, deletions or a truncation."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 3)):
        action = rng.choice(("flip", "set", "insert", "delete", "truncate"))
        at = rng.randrange(len(out))
        if action == "flip":
            out[at] ^= 1 << rng.randrange(8)
        elif action == "set":
            out[at] = rng.randrange(256) if out[at] else 1
        elif action == "insert":
            out[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
        elif action == "delete":
            del out[at : at + rng.randint(1, 8)]
        else:
            del out[at:]
        if not out:
            break
    return bytes(out)


def test_random_corruption_loads_the_right_catalog_or_rebuilds(tmp_path: Path, fresh: Catalog) -> None:
    """Every corrupted entry is refused (then rebuilt) or decodes to exactly the fresh catalog."""
    assets = shipped_assets()
    load_cached(tmp_path, assets=assets)
    key = fingerprint(assets, [], None)
    entry = tmp_path / f"catalog-{key[:24]}.catalog"
    original = entry.read_bytes()
    rng = random.Random(SEED)
    refused = loaded = 0
    for _case in range(CORRUPTIONS):
        damaged = corrupt(original, rng)
        entry.write_bytes(damaged)
        try:
            catalog = read_entry(tmp_path, entry, key)
        except EntryRefusedError:
            refused += 1
        else:
            loaded += 1
            assert damaged == original or catalog == fresh
            same(catalog, fresh)
    assert refused + loaded == CORRUPTIONS >= 500
    assert refused > CORRUPTIONS * 0.9
    entry.write_bytes(corrupt(original, rng))
    assert load_cached(tmp_path, assets=assets) == fresh
    assert entry.read_bytes() == original


def test_the_cache_is_private_under_a_loose_umask(tmp_path: Path, assets_copy: Path) -> None:
    cache = tmp_path / "cache"
    old = os.umask(0o002)
    try:
        load_cached(cache, assets=assets_copy)
    finally:
        os.umask(old)
    entry, _key = entry_of(cache, assets_copy)
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600


def test_an_open_folder_left_by_an_older_version_is_tightened(tmp_path: Path, assets_copy: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    cache.chmod(0o775)
    load_cached(cache, assets=assets_copy)
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700


def test_temp_files_of_a_killed_writer_are_cleaned_up(tmp_path: Path, assets_copy: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    left = cache / ".catalog-0123.catalog.a1b2c3.tmp"
    working = cache / ".catalog-4567.catalog.d4e5f6.tmp"
    left.write_bytes(b"half an entry")
    working.write_bytes(b"being written")
    old = left.stat().st_mtime - cache_module.STALE_TEMP_SECONDS - 60
    os.utime(left, (old, old))
    load_cached(cache, assets=assets_copy)
    assert not left.exists()
    assert working.exists()


def refused_reason(cache: Path, assets: Path, caplog: pytest.LogCaptureFixture) -> str:
    """Load through the cache and return the debug log's reason for rebuilding."""
    caplog.clear()
    with caplog.at_level(logging.DEBUG, logger="meridian_map.core.load.cache"):
        assert len(load_cached(cache, assets=assets).points) == 101
    reasons = [r.getMessage() for r in caplog.records if "rebuilding" in r.getMessage()]
    assert reasons, "the entry was used"
    return reasons[0]


def test_a_group_writable_entry_or_folder_is_not_read(
    tmp_path: Path, assets_copy: Path, caplog: pytest.LogCaptureFixture
) -> None:
    cache = tmp_path / "cache"
    load_cached(cache, assets=assets_copy)
    entry, _key = entry_of(cache, assets_copy)
    entry.chmod(0o664)
    assert "file is writable by others" in refused_reason(cache, assets_copy, caplog)
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600  # rewritten private
    cache.chmod(0o777)
    assert "folder is writable by others" in refused_reason(cache, assets_copy, caplog)
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700


ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.mark.skipif(not ROOT, reason="only root can give a file away")
def test_an_entry_of_another_user_is_not_read(
    tmp_path: Path, assets_copy: Path, caplog: pytest.LogCaptureFixture
) -> None:
    cache = tmp_path / "cache"
    load_cached(cache, assets=assets_copy)
    entry, _key = entry_of(cache, assets_copy)
    os.chown(entry, 4242, -1)
    assert "file belongs to user 4242" in refused_reason(cache, assets_copy, caplog)
    assert entry.stat().st_uid == 0  # replaced by our own


@pytest.mark.skipif(not ROOT, reason="only root can give a folder away")
def test_a_folder_of_another_user_is_neither_read_nor_written(
    tmp_path: Path, assets_copy: Path, caplog: pytest.LogCaptureFixture
) -> None:
    cache = tmp_path / "cache"
    load_cached(cache, assets=assets_copy)
    entry, _key = entry_of(cache, assets_copy)
    os.chown(cache, 4242, -1)
    before = entry.stat().st_mtime_ns
    assert "folder belongs to user 4242" in refused_reason(cache, assets_copy, caplog)
    assert entry.stat().st_mtime_ns == before
    assert cache.stat().st_uid == 4242


def test_a_user_who_does_not_own_the_folder_does_not_read_it(
    tmp_path: Path, assets_copy: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same check seen from the other side, so it is tested when not root too."""
    cache = tmp_path / "cache"
    load_cached(cache, assets=assets_copy)
    monkeypatch.setattr(cache_module, "user_id", lambda: os.geteuid() + 1)
    assert "folder belongs to user" in refused_reason(cache, assets_copy, caplog)


def test_an_entry_that_is_a_link_is_not_followed(
    tmp_path: Path, assets_copy: Path, caplog: pytest.LogCaptureFixture
) -> None:
    cache = tmp_path / "cache"
    load_cached(cache, assets=assets_copy)
    entry, _key = entry_of(cache, assets_copy)
    elsewhere = tmp_path / "elsewhere"
    entry.rename(elsewhere)
    entry.symlink_to(elsewhere)
    refused_reason(cache, assets_copy, caplog)
    assert not entry.is_symlink()


# Inputs: each runs in a child with bounded memory and a timeout, since before
# the fix a pipe blocked the key for ever and /dev/zero read until memory ran out.

CHILD = """
import resource, sys
from pathlib import Path
resource.setrlimit(resource.RLIMIT_AS, (1 << 31, 1 << 31))
from meridian_map.core.load.cache import load_cached
from meridian_map.core.load import load_catalog
from meridian_map.core.problems import ContentError
from tests.test_pack_text import hostile_pack
from tests.test_user_pack import doc_block, ear_pack

def problems(load):
    try:
        load()
    except ContentError as error:
        return [str(p) for p in error.problems]
    return ["ok"]

pack = [Path(sys.argv[2])]
fresh = problems(lambda: load_catalog(user_dirs=pack))
cached = problems(lambda: load_cached(Path(sys.argv[1]), user_dirs=pack))
print("same" if fresh == cached else "differ")
print("\\n".join(cached))
"""


def run_child(cache: Path, pack: Path) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(cache), str(pack)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    first, *rest = done.stdout.splitlines()
    assert first == "same", done.stdout
    return rest


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_pipe_in_the_pack_is_reported_not_waited_on(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    pack.mkdir()
    os.mkfifo(pack / "face.svg")
    os.mkfifo(pack / "extra.toml")
    found = run_child(tmp_path / "cache", pack)
    assert any("face.svg: file: cannot be read: not a regular file but a named pipe" in p for p in found)
    assert any("extra.toml: file: cannot be read: not a regular file but a named pipe" in p for p in found)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_face_linked_to_a_device_is_reported_not_read(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "face.svg").symlink_to("/dev/zero")
    (pack / "zero.toml").symlink_to("/dev/zero")
    found = run_child(tmp_path / "cache", pack)
    assert any("face.svg: file: cannot be read: not a regular file but a character device" in p for p in found)
    assert any("zero.toml: file: cannot be read: not a regular file but a character device" in p for p in found)


def test_a_multi_gigabyte_face_is_refused_without_reading_it(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    pack.mkdir()
    with (pack / "face.svg").open("wb") as face:
        face.truncate(5 << 30)  # sparse: no disk is used
    found = run_child(tmp_path / "cache", pack)
    assert any("face.svg: file: larger than the 4,194,304-byte limit" in p for p in found)


UNDECODABLE = os.fsdecode(b"caf\xe9.toml")


@pytest.mark.skipif(sys.platform == "win32" or sys.platform == "darwin", reason="file names are always Unicode")
@pytest.mark.parametrize("valid", [True, False], ids=["valid", "broken"])
def test_a_file_name_that_is_not_utf8(tmp_path: Path, valid: bool) -> None:
    """The window (through the cache) and `check` agree, and a message shows the name escaped."""
    pack = tmp_path / "pack"
    pack.mkdir()
    text = doc_block("toml", 'id = "cheek"') if valid else "[[point]]\ncode = 1\n"
    (pack / UNDECODABLE).write_text(text, encoding="utf-8")
    found = run_child(tmp_path / "cache", pack)
    if not valid:
        assert found and all(p.isprintable() for p in found)
        assert any(p.startswith("pack/caf\\xe9.toml:") for p in found), found
    else:
        assert found == ["ok"]


def test_a_content_error_is_the_same_through_the_cache(tmp_path: Path, assets_copy: Path) -> None:
    points = assets_copy / "content" / "points.toml"
    points.write_text(points.read_text(encoding="utf-8").replace('zone = "cheek"', 'zone = "cheeks"', 1))
    with pytest.raises(ContentError) as fresh:
        load_catalog(assets=assets_copy)
    with pytest.raises(ContentError) as cached:
        load_cached(tmp_path, assets=assets_copy)
    assert [str(p) for p in cached.value.problems] == [str(p) for p in fresh.value.problems]


def test_a_file_name_with_control_characters_is_shown_escaped(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "evil\x1b[2J\nname.toml").write_text("[[point]]\ncode = 1\n", encoding="utf-8")
    with pytest.raises(ContentError) as error:
        load_catalog(user_dirs=[pack])
    shown = [str(p) for p in error.value.problems]
    assert shown and all(p.isprintable() for p in shown)
    assert any(p.startswith("pack/evil\\x1b[2J\\nname.toml:") for p in shown), shown


@pytest.mark.parametrize(
    ("command", "said"), [((("M", (1, 2.0)),), "expected float, got int"), ((["M", (1.0, 2.0)],), "got list")]
)
def test_a_drawing_command_of_the_wrong_types_is_refused(catalog: Catalog, command: tuple[object], said: str) -> None:
    """Well-formed commands are checked in one pass; any other is checked item by item and refused."""
    data = list(marshal.loads(encode(catalog)))
    face = list(data[1])
    art = list(face[1])
    role, _commands, *rest = art[0]
    art[0] = (role, command, *rest)
    face[1] = tuple(art)
    data[1] = tuple(face)
    with pytest.raises(ValueError, match=said):
        decode(marshal.dumps(tuple(data)))

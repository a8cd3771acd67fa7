"""The pickled catalog: used when nothing changed, rebuilt when anything did."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from meridian_map.core.load import cache as cache_module
from meridian_map.core.load.cache import load_cached
from meridian_map.core.problems import ContentError


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("catalog-*.catalog"))


def test_second_load_comes_from_the_cache(tmp_path: Path, assets_copy: Path) -> None:
    first = load_cached(tmp_path, assets=assets_copy)
    assert len(entries(tmp_path)) == 1
    second = load_cached(tmp_path, assets=assets_copy)
    assert second is not first
    assert second.points == first.points
    assert second.hit(*second.index.centroid("cheek_l")).key == "cheek_l"


def test_any_change_to_an_input_rebuilds(tmp_path: Path, assets_copy: Path) -> None:
    load_cached(tmp_path, assets=assets_copy)
    zones = assets_copy / "content" / "zones.toml"
    zones.write_text(zones.read_text(encoding="utf-8").replace('name = { en = "Cheek"', 'name = { en = "Cheeks"'))
    rebuilt = load_cached(tmp_path, assets=assets_copy)
    assert rebuilt.zones["cheek"].name.get() == "Cheeks"
    assert len(entries(tmp_path)) == 2


def test_a_broken_input_is_reported_not_hidden_by_an_old_entry(tmp_path: Path, assets_copy: Path) -> None:
    load_cached(tmp_path, assets=assets_copy)
    points = assets_copy / "content" / "points.toml"
    points.write_text(points.read_text(encoding="utf-8").replace('zone = "cheek"', 'zone = "cheeks"', 1))
    with pytest.raises(ContentError, match="unknown zone 'cheeks'"):
        load_cached(tmp_path, assets=assets_copy)


def test_a_corrupt_entry_is_rebuilt(tmp_path: Path, assets_copy: Path) -> None:
    load_cached(tmp_path, assets=assets_copy)
    entry = entries(tmp_path)[0]
    entry.write_bytes(b"not a pickle")
    assert len(load_cached(tmp_path, assets=assets_copy).points) == 105
    assert entry.read_bytes() != b"not a pickle"


def test_an_unwritable_cache_folder_only_costs_speed(tmp_path: Path, assets_copy: Path) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    assert len(load_cached(blocker / "cache", assets=assets_copy).points) == 105


def test_a_cached_start_imports_no_parser_or_geometry(tmp_path: Path) -> None:
    """Nor OpenSSL: hashlib and secrets would load it, megabytes for hashing a few files."""
    heavy = ("shapely", "numpy", "svgelements", "tomllib", "defusedxml", "_hashlib", "pickle", "logging", "json")
    code = (
        "import sys; from pathlib import Path\n"
        "from meridian_map.core.load.cache import load_cached\n"
        f"load_cached(Path({str(tmp_path)!r}))\n"
        f"print(','.join(m for m in {heavy!r} if m in sys.modules))\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
    warm = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert warm.stdout.strip() == ""


def test_the_cache_key_reads_every_builder_module() -> None:
    """A builder that moved would be hashed as missing, and an entry from older code would be reused."""
    core = Path(cache_module.__file__).parents[1]
    assert all((core / name).is_file() for name in cache_module.BUILDERS)

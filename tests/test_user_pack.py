"""User packs: the worked examples of docs/user-packs.md, layering, `check --pack`, hostile folders.

The examples are read from the document itself, so the docs cannot drift
from what the loader accepts.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from meridian_map.cli import main
from meridian_map.core.catalog import Catalog
from meridian_map.core.load import build as loader_module
from meridian_map.core.load import load_catalog
from meridian_map.core.load.build import MAX_FOLDER_BYTES, MAX_FOLDER_FILES
from meridian_map.core.load.svgsafety import MAX_BYTES
from meridian_map.core.load.toml import MAX_TOML_BYTES
from meridian_map.core.problems import ContentError

from .conftest import REPO

DOC = (REPO / "docs" / "user-packs.md").read_text(encoding="utf-8")
PROBLEM_LINE = re.compile(r"^[^:]+(:\d+)?: [^:]+: .+$")


def doc_block(language: str, containing: str) -> str:
    """The fenced block of the document written in `language` that holds `containing`."""
    blocks = [textwrap.dedent(b) for b in re.findall(rf"```{language}\n(.*?)\n *```", DOC, re.DOTALL)]
    found = [b for b in blocks if containing in b]
    assert len(found) == 1, f"one {language} block with {containing!r} in docs/user-packs.md"
    return found[0] + "\n"


def ear_pack(folder: Path) -> Path:
    """The ear example, built step by step as the document says."""
    folder.mkdir(parents=True, exist_ok=True)
    face = (REPO / "assets" / "face.svg").read_text(encoding="utf-8")
    start = face.index('<g id="zones"')
    end = face.index("</g>", start)
    (folder / "face.svg").write_text(face[:end] + doc_block("svg", 'id="ear_r"') + face[end:], encoding="utf-8")
    (folder / "ear.toml").write_text(doc_block("toml", 'id = "ear"'), encoding="utf-8")
    return folder


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "meridian_map", *args], capture_output=True, text=True, timeout=120)


def problems_of(**kwargs: object) -> list[str]:
    with pytest.raises(ContentError) as error:
        load_catalog(**kwargs)  # type: ignore[arg-type]
    return [str(p) for p in error.value.problems]


def test_the_caution_example_changes_only_what_it_writes(tmp_path: Path, catalog: Catalog) -> None:
    (tmp_path / "my-cautions.toml").write_text(doc_block("toml", 'id = "cheek"'), encoding="utf-8")
    mine = load_catalog(user_dirs=[tmp_path])
    cheek, shipped = mine.zones["cheek"], catalog.zones["cheek"]
    assert cheek.cautions.get("en").startswith("In our clinic") and cheek.cautions.get("zh").startswith("本诊所")
    assert (cheek.name, cheek.strokes, cheek.pressure, cheek.tradition) == (
        shipped.name, shipped.strokes, shipped.pressure, shipped.tradition,
    )  # fmt: skip
    assert cheek.src.line_of("cautions") == 3 and cheek.src.line_of("order") == shipped.src.line_of("order")
    assert mine.point_info("ST2").notes.get("en") == "Find the small dip in the bone first."
    assert mine.point_info("ST2").location == catalog.point_info("ST2").location
    assert mine.concerns["acne"].caution.get("en").startswith("Only between breakouts")
    assert all(mine.is_edited(kind, key) for kind, key in (("zone", "cheek"), ("point", "ST2"), ("concern", "acne")))
    assert not mine.is_edited("zone", "forehead") and not mine.is_edited("point", "ST1")
    assert mine.content.added == frozenset()


def test_the_ear_example_adds_a_zone_with_its_outlines(tmp_path: Path) -> None:
    mine = load_catalog(user_dirs=[ear_pack(tmp_path / "content")])
    assert "ear" in mine.zones and {"ear_r", "ear_l"} <= set(mine.areas)
    assert "zone:ear" in mine.content.added and not mine.is_edited("zone", "ear")
    assert "ear" in mine.concerns["aging"].zones
    assert mine.hit(196, 140) is mine.areas["ear_l"] and mine.hit(44, 140) is mine.areas["ear_r"]
    assert mine.face.source.endswith("face.svg") and "content" in mine.face.source


def test_check_pack_reports_what_the_pack_changes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pack = ear_pack(tmp_path / "content")
    (pack / "my-cautions.toml").write_text(doc_block("toml", 'id = "cheek"'), encoding="utf-8")
    assert main(["check", "--pack", str(pack)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("ok: 105 points") and "14 zones (28 outlines)" in out[0]
    assert out[1] == (
        "pack: edits concern acne, point ST2, zone cheek; adds zone ear; its face.svg replaces the drawing"
    )


def test_a_broken_pack_lists_every_problem_and_no_traceback(tmp_path: Path) -> None:
    pack = ear_pack(tmp_path / "content")
    face = pack / "face.svg"
    face.write_text(face.read_text(encoding="utf-8").replace('id="ear_l"', 'id="eer_l"'), encoding="utf-8")
    ear = pack / "ear.toml"
    ear.write_text(ear.read_text(encoding="utf-8").replace('"light"', '"lite"'), encoding="utf-8")
    (pack / "points.toml").write_text('[[point]]\ncode = "ST2"\nat = [0.5]\n', encoding="utf-8")
    result = run_cli("check", "--pack", str(pack))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines[-1] == f"{len(lines) - 1} problems found" and len(lines) - 1 >= 4
    assert all(PROBLEM_LINE.match(line) for line in lines[:-1]), lines
    assert any("face.svg: #ear_l: zone 'ear' has no outline" in line for line in lines)
    assert any(re.search(r"face\.svg:\d+: #eer_l: outline does not match", line) for line in lines)
    assert any(
        "ear.toml:7: zone[ear].pressure: unknown pressure 'lite' (did you mean 'light'?)" in line for line in lines
    )
    assert any("points.toml:3: point[ST2].at: expected [x, y]" in line for line in lines)


def test_check_pack_on_a_missing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--pack", str(tmp_path / "nowhere")]) == 1
    assert "nowhere: file: folder not found" in capsys.readouterr().err


def test_export_takes_the_pack_too(tmp_path: Path) -> None:
    target = tmp_path / "catalog.json"
    assert main(["export", "--pack", str(ear_pack(tmp_path / "content")), "-o", str(target)]) == 0
    assert '"ear"' in target.read_text(encoding="utf-8")


@pytest.mark.skipif(sys.platform != "linux", reason="XDG folders")
def test_paths_prints_the_user_folders(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "d"), "XDG_CONFIG_HOME": str(tmp_path / "c")}
    result = subprocess.run(
        [sys.executable, "-m", "meridian_map", "paths"], capture_output=True, text=True, timeout=60, env=env
    )
    assert result.returncode == 0
    assert f"settings file:   {tmp_path / 'c' / 'meridian-map' / 'settings.json'}" in result.stdout
    assert f"content folder:  {tmp_path / 'd' / 'meridian-map' / 'content'} (not created yet)" in result.stdout
    assert f"data folder:     {tmp_path / 'd' / 'meridian-map'}" in result.stdout


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_named_pipe_for_a_face_does_not_hang(assets_copy: Path) -> None:
    (assets_copy / "face.svg").unlink()
    os.mkfifo(assets_copy / "face.svg")
    os.mkfifo(assets_copy / "content" / "extra.toml")
    assert any("face.svg: file: cannot be read: not a regular file" in p for p in problems_of(assets=assets_copy))


def test_oversized_files_are_refused_without_reading_them_whole(tmp_path: Path) -> None:
    with (tmp_path / "face.svg").open("wb") as face:
        face.truncate(MAX_BYTES * 4)
    (tmp_path / "big.toml").write_text("#" * (MAX_TOML_BYTES + 10), encoding="utf-8")
    found = problems_of(user_dirs=[tmp_path])
    assert any("face.svg: file: larger than the 4,194,304-byte limit" in p for p in found)
    assert any(f"big.toml: file: larger than the {MAX_TOML_BYTES:,}-byte limit" in p for p in found)


def test_too_many_or_too_large_pack_files(tmp_path: Path) -> None:
    many = tmp_path / "many"
    many.mkdir()
    for number in range(MAX_FOLDER_FILES + 1):
        (many / f"f{number:03}.toml").write_text("# nothing\n", encoding="utf-8")
    assert any(f"{MAX_FOLDER_FILES + 1} TOML files (limit" in p for p in problems_of(user_dirs=[many]))
    large = tmp_path / "large"
    large.mkdir()
    for number in range(MAX_FOLDER_BYTES // (MAX_TOML_BYTES - 100) + 1):
        (large / f"f{number}.toml").write_text("#" * (MAX_TOML_BYTES - 100), encoding="utf-8")
    assert any("bytes together" in p for p in problems_of(user_dirs=[large]))


def test_an_unlistable_pack_folder_is_a_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def denied(folder: object) -> list[object]:
        if folder == tmp_path:
            raise PermissionError(13, "Permission denied")
        return original(folder)

    original = loader_module.content_files
    monkeypatch.setattr(loader_module, "content_files", denied)
    assert any("folder: cannot be read: Permission denied" in p for p in problems_of(user_dirs=[tmp_path]))


def test_a_pack_face_replaces_the_shipped_one(tmp_path: Path) -> None:
    shutil.copy(REPO / "assets" / "face.svg", tmp_path / "face.svg")
    mine = load_catalog(user_dirs=[tmp_path])
    assert mine.face.source.startswith(str(tmp_path)) and mine.content.edited == frozenset()

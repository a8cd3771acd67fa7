"""The command line: check, export and their error reports."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from meridian_map import __version__
from meridian_map.cli import main

ZONES = {
    "forehead", "brow", "under_eye", "temple", "nose_sides", "cheek", "nasolabial",
    "upper_lip", "chin", "jawline", "front_of_ear", "neck_side", "neck_front",
}  # fmt: skip
CONCERNS = {
    "aging", "wrinkles", "fine_lines", "dark_circles", "eye_bags", "acne", "uneven_tone",
    "uneven_coloration", "blemishes", "dark_patches", "large_pores", "oily_skin", "sensitive_skin",
}  # fmt: skip
PROBLEM_LINE = re.compile(r"^[^:]+(:\d+)?: [^:]+: .+$")


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "meridian_map", *args], capture_output=True, text=True, timeout=120)


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_the_program_exits_with_the_code_and_leaves_what_it_made_to_the_exit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`meridian-map` and `python -m meridian_map` freeze the heap instead of collecting it at shutdown."""
    from importlib.metadata import entry_points

    from meridian_map import cli

    (script,) = entry_points(group="console_scripts", name="meridian-map")
    assert script.value == "meridian_map.cli:run"
    steps: list[str] = []
    monkeypatch.setattr(cli, "main", lambda: steps.append("main") or 3)
    monkeypatch.setattr(cli.gc, "freeze", lambda: steps.append("freeze"))
    with pytest.raises(SystemExit) as exit_info:
        cli.run()
    assert exit_info.value.code == 3
    assert steps == ["main", "freeze"]


def test_check_passes_on_the_shipped_assets(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("ok: 105 points")
    assert "13 zones (26 outlines), 13 concerns" in out


def test_export_writes_the_documented_document(tmp_path: Path) -> None:
    target = tmp_path / "catalog.json"
    assert main(["export", "--format", "json", "-o", str(target)]) == 0
    document = json.loads(target.read_text(encoding="utf-8"))
    assert set(document) >= {"landmarks", "points", "zones", "channels", "concerns", "frame"}
    assert document["frame"]["y_down"] is True
    assert len(document["points"]) >= 50
    assert {z["id"] for z in document["zones"]} == ZONES
    assert {(z["id"], z["side"]) for z in document["zones"]} == {(z, s) for z in ZONES for s in "RL"}
    assert {c["id"] for c in document["concerns"]} == CONCERNS
    st1 = [p for p in document["points"] if p["code"] == "ST1"]
    assert {p["side"] for p in st1} == {"R", "L"}
    assert st1[0]["hanzi"] == "承泣" and st1[0]["pinyin"] == "Chéngqì"
    assert [p["side"] for p in document["points"] if p["code"] == "GV26"] == [None]
    zone = document["zones"][0]
    assert set(zone["stroke"]) >= {"path", "pressure", "count", "angle"}
    assert len(zone["polygon"]) >= 3
    assert {"ST", "LI"} <= {c["code"] for c in document["channels"] if c["yang_ming"]}


def test_export_to_stdout_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--lang", "zh"]) == 0
    document = json.loads(capsys.readouterr().out)
    names = {z["name"] for z in document["zones"]}
    assert any(re.search(r"[\u4e00-\u9fff]", n) for n in names)


def test_broken_content_lists_every_problem_without_a_traceback(assets_copy: Path) -> None:
    zones = assets_copy / "content" / "zones.toml"
    text = zones.read_text(encoding="utf-8")
    text = text.replace('pressure = "light"', 'pressure = "lite"', 1)
    text = text.replace('id = "cheek"', 'id = "cheek"\ncolour = "red"', 1)
    zones.write_text(text, encoding="utf-8")
    points = assets_copy / "content" / "points.toml"
    points.write_text(points.read_text(encoding="utf-8").replace('zone = "under_eye"', 'zone = "undereye"', 1))
    result = run_cli("check", "--assets", str(assets_copy))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines[-1] == f"{len(lines) - 1} problems found"
    assert all(PROBLEM_LINE.match(line) for line in lines[:-1]), lines
    assert any("zones.toml:" in line and "pressure" in line and "'lite'" in line for line in lines)
    assert any("zone[cheek].colour: unknown key" in line for line in lines)
    assert any("points.toml:" in line and "unknown zone 'undereye'" in line for line in lines)


def test_broken_svg_lists_every_problem_without_a_traceback(assets_copy: Path) -> None:
    face = assets_copy / "face.svg"
    text = face.read_text(encoding="utf-8")
    text = text.replace('id="pupil_l"', 'id="pupil_x"', 1)
    text = text.replace('id="chin_r"', 'id="chin_q"', 1)
    text = re.sub(r'(<circle id="nose_tip" cx=")[^"]*"', r'\g<1>1e309"', text, count=1)
    face.write_text(text, encoding="utf-8")
    result = run_cli("check", "--assets", str(assets_copy))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert any("#nose_tip" in line and "not a finite" in line for line in lines), lines


def test_missing_assets_folder_is_a_clean_error() -> None:
    result = run_cli("check", "--assets", "/nonexistent/meridian")
    assert result.returncode == 1
    assert "folder not found" in result.stderr
    assert "Traceback" not in result.stderr

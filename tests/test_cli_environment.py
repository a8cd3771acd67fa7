"""What the command makes of its surroundings: the display, Qt's scale, the user's pack, loose typing."""

from __future__ import annotations

import json
import os
import re
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from meridian_map.cli import main
from meridian_map.core.catalog import Catalog
from meridian_map.core.store.dirs import content_dir
from meridian_map.core.text.search import Kind, SearchIndex
from meridian_map.gui.mainwindow import MainWindow

from .test_user_pack import ear_pack

DISPLAY_VARIABLES = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")


def run_cli(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "meridian_map", *args], capture_output=True, text=True, timeout=120, cwd=cwd, env=env
    )


def png_size(path: Path) -> tuple[int, int]:
    width, height = struct.unpack(">II", path.read_bytes()[16:24])
    return width, height


# the display and Qt's scale ---------------------------------------------------------------


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="a display variable is needed on X11/Wayland only")
@pytest.mark.parametrize("platform", [None, "xcb"])
def test_no_display_is_said_plainly_instead_of_an_abort(platform: str | None, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in DISPLAY_VARIABLES}
    if platform is not None:
        env["QT_QPA_PLATFORM"] = platform
    result = run_cli(cwd=tmp_path, env=env)
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith("no display found")
    assert "meridian-map sheet" in result.stderr and "--screenshot FILE" in result.stderr
    assert "Reinstalling" not in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("value", ["0", "-1", "1000", "nan", "big"])
def test_an_unusable_qt_scale_factor_is_refused_before_qt_starts(value: str, tmp_path: Path) -> None:
    env = {**os.environ, "QT_SCALE_FACTOR": value}
    result = run_cli("--screenshot", str(tmp_path / "shot.png"), cwd=tmp_path, env=env)
    assert result.returncode == 1, result.stderr
    assert result.stderr.strip() == (
        f"QT_SCALE_FACTOR={value!r} is not usable: give a number from 0.1 to 10, or unset it"
    )
    assert not (tmp_path / "shot.png").exists()


def test_a_usable_qt_scale_factor_still_scales_the_screenshot(tmp_path: Path) -> None:
    env = {**os.environ, "QT_SCALE_FACTOR": "2"}
    result = run_cli("--screenshot", str(tmp_path / "shot.png"), "--size", "800x600", cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stderr
    assert png_size(tmp_path / "shot.png") == (1600, 1200)


# the user's content folder ------------------------------------------------------------------


@pytest.fixture
def user_pack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The ear example as the user's own content folder, for this process and the commands it starts."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return ear_pack(content_dir())


def test_export_uses_the_users_pack_as_the_window_does(
    user_pack: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "-o", str(tmp_path / "with.json")]) == 0
    assert capsys.readouterr().err == (
        f"content: shipped content with the pack {user_pack} (your content folder; --no-pack leaves it out)\n"
    )
    assert main(["export", "--no-pack", "-o", str(tmp_path / "without.json")]) == 0
    assert capsys.readouterr().err == ""
    with_pack = {z["id"] for z in json.loads((tmp_path / "with.json").read_text(encoding="utf-8"))["zones"]}
    without = {z["id"] for z in json.loads((tmp_path / "without.json").read_text(encoding="utf-8"))["zones"]}
    assert with_pack - without == {"ear"}


def test_sheet_uses_the_users_pack_and_says_so_in_one_line(user_pack: Path, tmp_path: Path) -> None:
    result = run_cli("sheet", "-o", str(tmp_path / "sheet.pdf"), cwd=tmp_path, env=dict(os.environ))
    assert result.returncode == 0, result.stderr
    assert result.stderr == (
        f"content: shipped content with the pack {user_pack} (your content folder; --no-pack leaves it out)\n"
    )


def test_a_broken_user_pack_stops_the_command_and_names_the_way_out(
    user_pack: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (user_pack / "ear.toml").write_text('[[zone]]\nid = "ear"\ncolour = "red"\n', encoding="utf-8")
    assert main(["export", "-o", str(tmp_path / "out.json")]) == 1
    err = capsys.readouterr().err
    assert "ear.toml" in err and "--no-pack" in err
    assert not (tmp_path / "out.json").exists()
    assert main(["export", "--no-pack", "-o", str(tmp_path / "out.json")]) == 0


def test_check_validates_the_users_pack_by_default_and_says_how_to_leave_it_out(
    user_pack: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check"]) == 0
    assert "pack: edits nothing; adds zone ear" in capsys.readouterr().out
    (user_pack / "ear.toml").write_text('[[zone]]\nid = "ear"\ncolour = "red"\n', encoding="utf-8")
    assert main(["check"]) == 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert lines[-1] == "your content folder is layered by default; --no-pack leaves it out"
    assert re.fullmatch(r"\d+ problems? found", lines[-2])
    assert main(["check", "--no-pack"]) == 0


def test_pack_and_no_pack_exclude_each_other(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["export", "--pack", str(tmp_path), "--no-pack"])
    assert exit_info.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err


# ids in any case ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "selected"),
    [
        ("CHEEK", "cheek_r"),
        ("Cheek_L", "cheek_l"),
        ("st2", "ST2.R"),
        ("st2.l", "ST2.L"),
        ("St2.R", "ST2.R"),
        ("ex-hn3", "EX-HN3"),
        ("ex-hn3.l", "EX-HN3"),
        ("EX-hn4.l", "EX-HN4.L"),
    ],
)
def test_select_takes_any_case(typed: str, selected: str, window: MainWindow) -> None:
    assert window.select(typed)
    assert window.map_state.selection.key == selected


def test_restored_selection_takes_any_case(qtbot: QtBot, catalog: Catalog) -> None:
    window = MainWindow(catalog)
    qtbot.addWidget(window)
    window.restore({"selection": "st2.l"})
    assert window.map_state.selection.key == "ST2.L"


def test_an_unknown_id_still_selects_nothing(window: MainWindow) -> None:
    assert not window.select("st2.x")
    assert not window.select("cheek_q")


def test_search_takes_any_case(catalog: Catalog) -> None:
    index = SearchIndex(catalog)
    assert (index.search("CHEEK")[0].kind, index.search("CHEEK")[0].key) == (Kind.ZONE, "cheek")
    assert index.search("St2")[0].key == "ST2"


def test_select_on_the_command_line_takes_any_case(tmp_path: Path) -> None:
    result = run_cli("--select", "st2.l", "--screenshot", str(tmp_path / "shot.png"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "nothing called" not in result.stderr


# sizes, long and empty arguments -----------------------------------------------------------------


def test_a_size_below_the_window_minimum_is_said_and_the_png_has_the_size_said(tmp_path: Path) -> None:
    result = run_cli("--size", "200x200", "--screenshot", str(tmp_path / "shot.png"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    said = re.search(r"--size 200x200: the window cannot be smaller than \d+x\d+; using (\d+)x(\d+)", result.stderr)
    assert said, result.stderr
    assert png_size(tmp_path / "shot.png") == (int(said.group(1)), int(said.group(2)))


def test_a_size_at_or_above_the_minimum_is_silent(tmp_path: Path) -> None:
    result = run_cli("--size", "1000x700", "--screenshot", str(tmp_path / "shot.png"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "--size" not in result.stderr
    assert png_size(tmp_path / "shot.png") == (1000, 700)


@pytest.mark.parametrize("value", ["-5x10", "-5x-10", "5x-10", "0x0"])
def test_a_negative_size_gets_the_range_message(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--size", value, "--screenshot", "x.png"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert f"argument --size: '{value}': width and height must be between 200 and 8000" in err
    assert "expected one argument" not in err


LONG = "x" * 100_000


@pytest.mark.parametrize(
    ("argv", "kept"),
    [
        (["sheet", "--concern", LONG], 80),
        (["sheet", "--lang", LONG], 80),
        (["sheet", "--paper", LONG], 80),
        (["export", "--lang", LONG], 80),
        (["--size", LONG], 80),
        (["export", LONG], 80),
        (["check", "--assets", LONG], 200),  # a path: real ones are often longer than 80
    ],
    ids=["concern", "sheet-lang", "paper", "export-lang", "size", "unknown-argument", "assets"],
)
def test_a_100_kb_argument_is_cut_in_the_message(
    argv: list[str], kept: int, capsys: pytest.CaptureFixture[str]
) -> None:
    try:
        code = main(argv)
    except SystemExit as exit_info:
        code = exit_info.code  # type: ignore[assignment]
    assert code in (1, 2)
    err = capsys.readouterr().err
    assert re.search(f"x{{{kept - 10},{kept - 1}}}…", err), err[:300]
    assert "x" * (kept + 1) not in err
    assert len(err) < 2000


def test_an_empty_select_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--select", " ", "--screenshot", "never.png"]) == 2
    assert "--select needs a zone or point" in capsys.readouterr().err


def test_an_empty_concern_is_refused_rather_than_printing_the_cheat_sheet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["sheet", "--concern", ""]) == 2
    assert "--concern needs a concern id" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []

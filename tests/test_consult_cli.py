"""`meridian-map routine`, the client file in `paths`, and what the consult code may and may not load."""

from __future__ import annotations

import json
from pathlib import Path

from meridian_map.core.catalog import Catalog
from meridian_map.core.output.sheet import concern_routine, take_home_sheet

from .clidriver import modules_after, run_cli


def routine_json(home: Path, *args: str) -> dict:  # type: ignore[type-arg]
    result = run_cli(home, "routine", "--format", "json", "--today", "2026-12-01", *args)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_the_json_routine_shows_screened_zones_and_capped_pressures(tmp_path: Path, catalog: Catalog) -> None:
    plain = routine_json(tmp_path, "--concern", "acne")
    sheet = take_home_sheet(catalog, concern_routine(catalog, "acne"))
    assert [s["zone"] for s in plain["steps"]] == [s.zone for s in sheet.steps]
    assert plain["left_out"] == [] and not plain["postponed"]
    screened = routine_json(
        tmp_path, "--concern", "blemishes,dark-circles", "--screen", "recent-injectables:2026-11-20:forehead+brow",
        "--screen", "blood-thinners",
    )  # fmt: skip
    assert screened["concerns"] == ["blemishes", "dark_circles"]
    assert [(o["zone"], o["items"], o["until"]) for o in screened["left_out"]] == [
        ("forehead", ["recent-injectables"], "2026-12-04"),
        ("brow", ["recent-injectables"], "2026-12-04"),
    ]
    cheek = next(s for s in screened["steps"] if s["zone"] == "cheek")
    planned = catalog.zones["cheek"].pressure
    assert planned != "feather"  # else the cap would show nothing
    assert (cheek["pressure"], cheek["planned_pressure"], cheek["capped_by"]) == (
        "feather",
        planned,
        ["blood-thinners"],
    )
    assert cheek["sides"] == "both" and cheek["lines"] == list(range(cheek["line_count"]))
    assert cheek["strokes_per_line"] == catalog.zones["cheek"].strokes[1] and cheek["cautions"]
    assert [n["kind"] for n in screened["notices"]] == ["caution", "warning"]
    assert [s["number"] for s in screened["steps"]] == list(range(1, len(screened["steps"]) + 1))


def test_the_text_routine_lists_what_was_left_out_and_why(tmp_path: Path, catalog: Catalog) -> None:
    result = run_cli(
        tmp_path, "routine", "--concern", "blemishes", "--screen", "rosacea-flare,pregnancy", "--today", "2026-12-01"
    )
    assert result.returncode == 0, result.stderr
    text = result.stdout
    name = catalog.concerns["blemishes"].name.get()
    assert text.startswith(f"Routine: {name} (2026-12-01)\nScreened: rosacea-flare; pregnancy\n")
    forehead = catalog.zones["forehead"]
    assert f" 1. {forehead.name.get()}: both sides alike, all lines of {len(forehead.stroke_lines)}" in text
    assert forehead.pressure != "feather"  # else the cap would show nothing
    planned = catalog.pressures[forehead.pressure].name.get()
    assert f"Pressure: Feather (capped from {planned} by rosacea-flare)" in text
    cheek = catalog.zones["cheek"].name.get()
    assert f"Left out today, and why:\n  - {cheek}: rosacea: friction and warmth bring on flushing" in text
    assert "Pregnancy: light strokes only" in text and "not medical advice" in text
    zh = run_cli(tmp_path, "routine", "--concern", "acne", "--screen", "fever", "--lang", "zh")
    assert zh.returncode == 0 and "SESSION POSTPONED:\n  - 发热或急性病：请待痊愈后再做 (fever)" in zh.stdout


def test_the_routine_command_refuses_bad_requests_clearly(tmp_path: Path) -> None:
    for args, message in (
        (["--concern", "acnee"], "did you mean acne?"),
        (["--concern", "acne", "--screen", "pregnant"], "did you mean 'pregnancy'"),
        (["--concern", "acne", "--screen", "recent-injectables:chin"], "needs the date"),
        (["--concern", "acne", "--lang", "fr"], "unknown language 'fr'"),
    ):
        result = run_cli(tmp_path, "routine", *args)
        assert result.returncode == 2 and message in result.stderr, (args, result.stderr)
    assert run_cli(tmp_path, "routine", "--concern", "acne", "--today", "soon").returncode == 2
    helped = run_cli(tmp_path, "routine", "--help")
    assert "recent-injectables:2026-11-20:forehead+brow" in "".join(helped.stdout.split())


def test_a_broken_checklist_is_reported_with_its_line(tmp_path: Path, assets_copy: Path) -> None:
    checklist = assets_copy / "content" / "screening.toml"
    checklist.write_text(checklist.read_text(encoding="utf-8").replace('pressure = "light"', 'pressure = "lite"'))
    result = run_cli(tmp_path, "routine", "--concern", "acne", "--assets", str(assets_copy))
    assert result.returncode == 1
    assert "content/screening.toml:15: item[pregnancy].effect[1].pressure: unknown pressure 'lite'" in result.stderr


def test_paths_shows_the_client_file(tmp_path: Path) -> None:
    result = run_cli(tmp_path, "paths")
    expected = tmp_path / "data" / "meridian-map" / "clients.sqlite3"
    assert f"client records:  {expected}" in result.stdout.splitlines()


def test_routine_loads_no_qt_nor_sqlite_and_the_window_loads_no_consult_code(tmp_path: Path) -> None:
    routine = modules_after(tmp_path, ["routine", "--concern", "acne"])
    assert not {m for m in routine if m.startswith(("PySide6", "shiboken6", "meridian_map.gui")) or m == "sqlite3"}
    paths = modules_after(tmp_path, ["paths"])
    assert not {m for m in paths if m == "sqlite3" or ".session" in m or "clients" in m}
    window = modules_after(tmp_path, ["--screenshot", str(tmp_path / "shot.png")])
    assert not {m for m in window if ".session" in m or "consult" in m or "clients" in m}
    assert (tmp_path / "shot.png").is_file()


def test_check_validates_the_screening_checklist(tmp_path: Path, assets_copy: Path) -> None:
    good = run_cli(tmp_path, "check")
    assert good.returncode == 0 and ", 10 screening items in " in good.stdout
    checklist = assets_copy / "content" / "screening.toml"
    checklist.write_text(checklist.read_text(encoding="utf-8").replace('kind = "postpone"', 'kind = "delay"', 1))
    bad = run_cli(tmp_path, "check", "--assets", str(assets_copy))
    assert bad.returncode == 1
    assert "item[recent-procedure].effect[1].kind: expected one of cap_pressure" in bad.stderr

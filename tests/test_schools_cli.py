"""Schools outside the window: routines and their steps, sheets, the export and the commands."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from meridian_map.cli import main
from meridian_map.core.catalog import Catalog
from meridian_map.core.load import load_screening
from meridian_map.core.output.compare import comparison_sheet
from meridian_map.core.output.sheet import SheetError, cheat_sheet, take_home_sheet
from meridian_map.core.session.routine import RoutineError, for_concerns, from_dict
from meridian_map.core.session.screening import screen

TODAY = dt.date(2026, 12, 5)


def test_a_routine_in_a_school_orders_its_steps_and_carries_each_variant(catalog: Catalog) -> None:
    lift = for_concerns(catalog, ["eye_bags"])
    drainage = for_concerns(catalog, ["eye_bags"], school="drainage")
    assert set(lift.zones) == set(drainage.zones)
    assert drainage.zones[0] == "neck_side" and lift.zones[0] != "neck_side"
    assert [v.school for v in drainage.variants(catalog)] == ["drainage"] * len(drainage.steps)
    assert [v.school for v in lift.variants(catalog)] == ["lift"] * len(lift.steps)
    screened = screen(drainage, [], TODAY, load_screening(catalog), catalog)
    assert [s.variant.key for s in screened.steps if s.variant] == [f"{z}/drainage" for z in drainage.zones]
    assert screened.steps[0].pressure == "feather"
    with pytest.raises(RoutineError, match="unknown school 'bogus'"):
        for_concerns(catalog, ["eye_bags"], school="bogus")


def test_a_saved_routine_keeps_its_school_and_a_changed_school_keeps_only_lines_it_has(catalog: Catalog) -> None:
    routine = for_concerns(catalog, ["aging"]).overridden(catalog, "cheek", lines=[1])
    assert "school" not in routine.to_dict()  # a routine without a school follows the window's
    drained = routine.with_school(catalog, "drainage")
    assert drained.step("cheek").lines == (1,)  # drainage has two cheek lines too
    channel = routine.with_school(catalog, "channel")
    assert channel.step("cheek").lines is None  # channel flow has one: the choice no longer fits
    assert from_dict(channel.to_dict(), catalog) == channel
    with pytest.raises(RoutineError, match="school"):
        from_dict({**channel.to_dict(), "school": "nonsense"}, catalog)
    with pytest.raises(RoutineError, match="lines"):
        from_dict({**routine.to_dict(), "school": "channel"}, catalog)


def test_the_take_home_sheet_follows_the_routines_school(catalog: Catalog) -> None:
    lift = take_home_sheet(catalog, for_concerns(catalog, ["eye_bags"]), today=TODAY)
    drainage = take_home_sheet(catalog, for_concerns(catalog, ["eye_bags"], school="drainage"), today=TODAY)
    assert lift.school == "lift" and drainage.school == "drainage"
    assert drainage.steps[0].zone == "neck_side"
    assert {s.zone: s.directions[0] for s in drainage.steps}["brow"].startswith("Glide from between the brows")
    assert {s.zone: s.directions[0] for s in lift.steps}["brow"] != {s.zone: s.directions[0] for s in drainage.steps}[
        "brow"
    ]
    assert drainage.subtitle.endswith("\nStrokes: Drainage school")
    assert "Strokes" not in lift.subtitle  # the default school's sheet reads as it always has
    assert len(drainage.cautions) == len(lift.cautions)  # no caution is dropped in another school


def test_the_cheat_sheet_names_its_school_and_order(catalog: Catalog) -> None:
    lift = cheat_sheet(catalog, today=TODAY)
    channel = cheat_sheet(catalog.with_school("channel"), today=TODAY)
    assert lift.rows[0].zone == "forehead"
    assert channel.rows[0].zone == "nose_sides"
    assert "forehead to neck" in lift.subtitle and "Channel flow" in channel.subtitle
    zh = cheat_sheet(catalog.with_school("channel"), "zh", today=TODAY)
    assert "循经" in zh.subtitle


def test_the_comparison_sheet_keeps_the_zones_cautions_and_every_cited_work(catalog: Catalog) -> None:
    sheet = comparison_sheet(catalog, "neck-side", today=TODAY)
    assert [c.school for c in sheet.columns] == ["channel", "drainage", "lift"]
    assert sheet.title == "3 ways to stroke: Side of the neck"
    assert sheet.cautions == catalog.zones["neck_side"].cautions.get()
    assert sheet.disclaimer == catalog.content.disclaimer.short.get()
    assert any(s.startswith("Földi & Földi 2012: Földi M") for s in sheet.sources)
    assert len(sheet.sources) == len({r for c in sheet.columns for r in c.cites})
    with pytest.raises(SheetError, match="unknown zone"):
        comparison_sheet(catalog, "elbow")


def test_routine_command_takes_a_school(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["routine", "--concern", "eye-bags", "--today", "2026-12-05", "--no-pack"]
    assert main([*args, "--school", "drainage"]) == 0
    out = capsys.readouterr().out
    assert "Strokes: Drainage (drainage)" in out
    assert out.index("Side of the neck") < out.index("Under the eye")
    assert "Why: Clear the way first" in out
    assert main([*args, "--school", "channel", "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["school"] == "channel" and document["steps"][0]["zone"] == "under_eye"
    assert document["steps"][0]["sources"] == ["lingshu_10", "deadman_2007"]
    assert main([*args, "--school", "bogus"]) == 2
    assert "unknown school 'bogus'" in capsys.readouterr().err


def test_sheet_command_takes_a_school_and_prints_the_comparison(tmp_path: Path, qapp: QApplication) -> None:
    """In this process, so the widget tests after it need the full application made first (`qapp`)."""
    target = tmp_path / "drain.pdf"
    assert main(["sheet", "--concern", "eye_bags", "--school", "drainage", "-o", str(target), "--no-pack"]) == 0
    assert target.read_bytes().startswith(b"%PDF")
    compare = tmp_path / "cheek.pdf"
    assert main(["sheet", "--compare", "cheek", "-o", str(compare), "--no-pack"]) == 0
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(compare), "-"], capture_output=True, text=True, check=True).stdout
        assert "Channel flow" in text and "Drainage" in text and "Lift" in text
        assert text.count("\f") == 1  # one page
        drained = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
        assert "Strokes: Drainage school" in " ".join(drained.split())
    assert main(["sheet", "--compare", "cheek", "--concern", "acne", "-o", str(compare), "--no-pack"]) == 2
    assert main(["sheet", "--school", "sideways", "-o", str(target), "--no-pack"]) == 2


def test_export_adds_schools_variants_and_references_and_keeps_every_key(tmp_path: Path) -> None:
    target = tmp_path / "catalog.json"
    assert main(["export", "-o", str(target), "--no-pack"]) == 0
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["default_school"] == "lift"
    assert [s["id"] for s in document["schools"]] == ["channel", "drainage", "lift"]
    assert {r["id"] for r in document["references"]} >= {"lingshu_10", "foldi_2012", "lift_guides"}
    for zone in document["zones"]:
        assert set(zone) >= {"id", "side", "name", "order", "polygon", "stroke", "points", "concerns", "cautions"}
        assert set(zone["stroke"]) >= {"path", "lines", "pressure", "count", "angle"}
        assert set(zone["variants"]) == {"channel", "drainage", "lift"}
        assert zone["variants"]["lift"]["lines"] == zone["stroke"]["lines"]  # today's strokes are lift's
    cheek = next(z for z in document["zones"] if z["id"] == "cheek" and z["side"] == "L")
    assert cheek["variants"]["channel"]["follows"] == ["ST"]
    assert cheek["variants"]["drainage"]["not_covered"]
    assert cheek["variants"]["channel"]["lines"] != cheek["variants"]["lift"]["lines"]


@pytest.mark.parametrize(("school", "lang"), [("channel", "en"), ("drainage", "zh")])  # each school, each language
def test_every_sheet_in_another_school_prints_every_caution_whole_and_nothing_over_anything(
    qapp: QApplication, catalog: Catalog, tmp_path: Path, school: str, lang: str
) -> None:
    """The schools' directions differ in length from the zones' own: the sheets must still lay out cleanly."""
    from meridian_map.core.output.sheet import Paper, build_sheet

    from .test_sheet_pages import assert_safety_text_whole, overprinted, render

    worked = catalog.with_school(school)
    for concern in [None, *catalog.concerns]:
        sheet = build_sheet(worked, concern, lang, today=TODAY)
        assert sheet.school == school
        target = tmp_path / f"{concern or 'cheat'}.pdf"
        pages, _ = render(worked, sheet, Paper.A4, target)
        assert_safety_text_whole(sheet, pages)
        assert not overprinted(target), concern


def test_the_zone_chart_follows_the_school(catalog: Catalog) -> None:
    from meridian_map.core.output.chart import zone_chart

    lift, drainage = zone_chart(catalog, today=TODAY), zone_chart(catalog.with_school("drainage"), today=TODAY)
    assert "forehead to neck" in lift.subtitle
    assert "Drainage school" in drainage.subtitle and "forehead to neck" not in drainage.subtitle
    assert drainage.marks[0].zone == "neck_side" and lift.marks[0].zone == "forehead"

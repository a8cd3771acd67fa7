"""What the player says about a step, without Qt: plain words, lowered pressures, left-out reasons, the crop."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from meridian_map.core.catalog import Catalog
from meridian_map.core.load import load_catalog, load_screening
from meridian_map.core.problems import ContentError
from meridian_map.core.session.presenting import face_box, left_out_groups, plain_direction, step_words
from meridian_map.core.session.routine import for_concerns
from meridian_map.core.session.screening import parse_answer, screen

from .conftest import REPO

TODAY = dt.date(2026, 12, 5)


def test_directions_lose_point_names_but_keep_the_stroke(catalog: Catalog) -> None:
    nose = plain_direction(catalog, catalog.zones["nose_sides"].direction.get("en"))
    assert "LI20" not in nose and "Bitong" not in nose
    assert nose.startswith("Make short strokes along the side of the nose")
    jaw = plain_direction(catalog, catalog.zones["jawline"].direction.get("en"))
    assert "TE17" not in jaw
    assert "behind the earlobe." in jaw and jaw.endswith("Finish down the side of the neck.")
    lip = plain_direction(catalog, catalog.zones["upper_lip"].direction.get("zh"))
    assert "水沟" not in lip and lip.startswith("从人中沟中点起")
    # Everyday words that are also point names stay in Chinese: 太阳穴 is the temple.
    forehead = catalog.zones["forehead"].direction.get("zh")
    assert plain_direction(catalog, forehead) == forehead


def test_a_text_without_point_names_is_unchanged(catalog: Catalog) -> None:
    text = catalog.zones["cheek"].direction.get("en")
    assert plain_direction(catalog, text) == text


def test_step_words_say_a_lowered_pressure_and_why(catalog: Catalog) -> None:
    checklist = load_screening(catalog)
    routine = for_concerns(catalog, ["acne"])
    answers = [parse_answer("blood-thinners", checklist)]
    screened = screen(routine, answers, TODAY, checklist, catalog)
    reasons = {item.id: item.reason for item in checklist.items}
    capped = next(step for step in screened.steps if step.capped_by)
    words = step_words(catalog, capped, "en", reasons)
    assert words.pressure == "Feather" and words.level == 1 and words.levels == 3
    assert words.planned == catalog.pressures[capped.planned_pressure].name.get("en")
    assert words.lowered_because == (checklist.item("blood-thinners").reason.get("en"),)
    plain = next(step for step in screen(routine, (), TODAY, checklist, catalog).steps if step.zone == capped.zone)
    assert step_words(catalog, plain, "en", reasons).planned == ""
    zh = step_words(catalog, capped, "zh", reasons)
    assert zh.pressure == "极轻" and zh.strokes == f"每条线 {capped.strokes} 次"


def test_holds_are_said_only_when_the_step_keeps_them(catalog: Catalog) -> None:
    checklist = load_screening(catalog)
    routine = for_concerns(catalog, ["dark_circles"])
    brow = screen(routine, (), TODAY, checklist, catalog).steps[0]
    assert step_words(catalog, brow, "en", {}).hold == "hold 3–5 s"
    pregnant = screen(routine, [parse_answer("pregnancy", checklist)], TODAY, checklist, catalog).steps[0]
    assert step_words(catalog, pregnant, "en", {}).hold == ""


def test_left_out_zones_are_grouped_by_reason(catalog: Catalog) -> None:
    checklist = load_screening(catalog)
    routine = for_concerns(catalog, ["aging"])
    answers = [parse_answer("rosacea-flare", checklist), parse_answer("thyroid-or-neck-lump", checklist)]
    screened = screen(routine, answers, TODAY, checklist, catalog)
    groups = left_out_groups(catalog, screened.left_out, "en")
    assert len(groups) == 2
    rosacea = checklist.item("rosacea-flare").reason.get("en")
    names = dict((reason, zones) for zones, reason in groups)[rosacea]
    assert "Cheek" in names and "Chin" in names


def test_the_neck_is_cropped_off_unless_the_routine_works_it(catalog: Catalog) -> None:
    _x, _y, width, whole = face_box(catalog, ["forehead", "neck_side"])
    _x, _y, same_width, face = face_box(catalog, ["forehead", "cheek"])
    assert same_width == width and face < whole * 0.8
    lowest_face_zone = max(
        p[1] for a in catalog.areas.values() if catalog.zones[a.zone].region == "face" for p in a.outline
    )
    assert _y + face >= lowest_face_zone
    assert {z.id for z in catalog.zones.values() if z.region == "neck"} == {"neck_side", "neck_front"}


COLLAR_OUTLINES = """
    <path id="collar_r" d="M100 343 L117 343 L117 352 L100 352 Z"/>
    <path id="collar_l" d="M123 343 L140 343 L140 352 L123 352 Z"/>
"""
COLLAR = """
[[zone]]
id = "collar"
order = 14
region = "{region}"
name = {{ en = "Collarbone", zh = "锁骨" }}
area = {{ en = "Just above the collarbone", zh = "锁骨上方" }}
direction = {{ en = "Glide out along the collarbone.", zh = "沿锁骨向外滑动。" }}
pressure = "light"
strokes = [5, 10]
angle = 15
edge = {{ en = "The long edge.", zh = "用长边。" }}
concerns = ["aging"]
cautions = {{ en = "Keep off the pulse at the base of the neck.", zh = "避开颈根部的搏动处。" }}
tradition = {{ en = "Where the neck's lines drain.", zh = "颈部经线汇流之处。" }}
stroke_lines = [
  [[0.08, 1.594], [0.29, 1.594]],
]
"""


def collar_pack(folder: Path, region: str) -> Path:
    """A pack adding a zone on the neck whose id does not say so: only its region does."""
    folder.mkdir(parents=True, exist_ok=True)
    face = (REPO / "assets" / "face.svg").read_text(encoding="utf-8")
    end = face.index("</g>", face.index('<g id="zones"'))
    (folder / "face.svg").write_text(face[:end] + COLLAR_OUTLINES + face[end:], encoding="utf-8")
    (folder / "collar.toml").write_text(COLLAR.format(region=region), encoding="utf-8")
    return folder


def test_a_packs_neck_zone_is_cropped_by_its_region_not_its_id(tmp_path: Path, catalog: Catalog) -> None:
    mine = load_catalog(user_dirs=[collar_pack(tmp_path / "content", "neck")])
    assert mine.zones["collar"].region == "neck"
    shipped_face = face_box(catalog, ["forehead", "cheek"])
    # The collar lies below every zone, yet without it in the routine the face is cropped where it was.
    assert face_box(mine, ["forehead", "cheek"])[3] == pytest.approx(shipped_face[3])
    _x, _y, _w, with_collar = face_box(mine, ["forehead", "collar"])
    assert _y + with_collar > 352  # worked, the collar is in view


def test_a_zone_region_other_than_face_or_neck_names_file_line_and_field(tmp_path: Path) -> None:
    with pytest.raises(ContentError) as error:
        load_catalog(user_dirs=[collar_pack(tmp_path / "content", "nek")])
    problems = [str(p) for p in error.value.problems]
    assert any(
        "collar.toml:5: zone[collar].region: 'nek' is not one of face, neck (did you mean 'neck'?)" in p
        for p in problems
    ), problems

"""Technique schools: each school's strokes keep its stated rules, and the content about them stays checked."""

from __future__ import annotations

import itertools
import math
from pathlib import Path

import pytest

from meridian_map.core.catalog import Catalog
from meridian_map.core.load import load_catalog
from meridian_map.core.model import Side, Vec
from meridian_map.core.problems import ContentError

SCHOOLS = ("channel", "drainage", "lift")
LEVEL = 0.005  # normalised y: closer than this counts as level, neither up nor down


def norm_lines(catalog: Catalog, zone: str, school: str) -> tuple[tuple[Vec, ...], ...]:
    return catalog.with_school(school).zones[zone].stroke_lines


def landmark(catalog: Catalog, name: str) -> Vec:
    return catalog.frame.to_norm(catalog.face.landmarks[name])


def test_three_schools_cover_every_zone_and_lift_is_the_default(catalog: Catalog) -> None:
    assert tuple(catalog.schools) == SCHOOLS
    assert catalog.default_school == "lift"
    for school in SCHOOLS:
        orders = sorted(catalog.variant(zone, school).order for zone in catalog.zones)
        assert orders == list(range(1, len(catalog.zones) + 1)), school
        for zone in catalog.zones:
            assert catalog.variant(zone, school).src.file.endswith("schools.toml"), (zone, school)


def test_todays_strokes_are_the_lift_schools(catalog: Catalog) -> None:
    lift = catalog.with_school("lift")
    for zone in catalog.content.zones:
        assert lift.zones[zone.id].stroke_lines == zone.stroke_lines
        assert lift.zones[zone.id].direction == zone.direction
        assert lift.zones[zone.id].order == zone.order
    assert lift.areas == catalog.areas


def test_drainage_strokes_end_lower_or_nearer_the_ear_or_neck(catalog: Catalog) -> None:
    """Toward the nodes in front of the ear and at the angle of the jaw, or down the neck."""
    targets = [landmark(catalog, "tragus_l"), landmark(catalog, "mandible_angle_l")]

    def reach(p: Vec) -> float:
        return min(math.dist(p, t) for t in targets)

    for zone in catalog.zones:
        for line in norm_lines(catalog, zone, "drainage"):
            start, end = line[0], line[-1]
            assert end[1] > start[1] + LEVEL or reach(end) < reach(start), (zone, line)


def test_drainage_works_the_neck_first(catalog: Catalog) -> None:
    order = list(catalog.with_school("drainage").zones)
    assert order[:2] == ["neck_side", "neck_front"]
    assert order[-1] == "front_of_ear"


def test_lift_strokes_on_cheek_jaw_and_fold_end_higher(catalog: Catalog) -> None:
    for zone in ("cheek", "jawline", "nasolabial", "chin"):
        for line in norm_lines(catalog, zone, "lift"):
            assert line[-1][1] < line[0][1] - LEVEL, (zone, line)
    for line in norm_lines(catalog, "forehead", "lift"):
        assert line[-1][1] <= line[0][1] + LEVEL


def _segments(points: tuple[Vec, ...]) -> list[tuple[Vec, Vec]]:
    return list(itertools.pairwise(points))


def _distance(p: Vec, a: Vec, b: Vec) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    t = max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / ((dx * dx + dy * dy) or 1.0)))
    return math.dist(p, (a[0] + t * dx, a[1] + t * dy))


def flow_agreement(catalog: Catalog, channel: str, stroke: tuple[Vec, ...]) -> float:
    """How far a stroke runs with the channel: each piece against the nearest piece of the channel's course.

    Positive when the stroke moves, on the whole, the way the channel flows.
    """
    course = [seg for line in catalog.channel_lines(channel) for seg in _segments(tuple(s.pos for s in line.stops))]
    total = 0.0
    for a, b in _segments(stroke):
        middle = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
        near_a, near_b = min(course, key=lambda seg: _distance(middle, *seg))
        flow = (near_b[0] - near_a[0], near_b[1] - near_a[1])
        move = (b[0] - a[0], b[1] - a[1])
        total += (flow[0] * move[0] + flow[1] * move[1]) / (math.hypot(*flow) or 1.0)
    return total


def test_channel_strokes_run_with_each_channels_flow(catalog: Catalog) -> None:
    school = catalog.with_school("channel")
    checked = 0
    for zone in catalog.zones:
        variant = catalog.variant(zone, "channel")
        strokes = school.areas[f"{zone}_l"].strokes
        assert len(variant.follows) == len(strokes), zone
        for channel, stroke in zip(variant.follows, strokes, strict=True):
            assert flow_agreement(catalog, channel, stroke) > 0, (zone, channel)
            assert flow_agreement(catalog, channel, stroke[::-1]) < 0, (zone, channel)
            checked += 1
    assert checked >= len(catalog.zones)


def test_the_named_disagreements_of_the_issue_hold(catalog: Catalog) -> None:
    """Drainage strokes the cheek toward the ear without climbing; lift climbs; channel flow runs down the cheek."""
    drain = norm_lines(catalog, "cheek", "drainage")[0]
    lift = norm_lines(catalog, "cheek", "lift")[0]
    channel = norm_lines(catalog, "cheek", "channel")[0]
    assert drain[-1][1] >= drain[0][1] and lift[-1][1] < lift[0][1] and channel[-1][1] > channel[0][1]
    up_neck = norm_lines(catalog, "neck_side", "channel")[0]
    assert up_neck[-1][1] < up_neck[0][1]  # the Large Intestine climbs the neck
    for school in ("drainage", "lift"):
        down_neck = norm_lines(catalog, "neck_side", school)[0]
        assert down_neck[-1][1] > down_neck[0][1]


def test_switching_the_school_moves_the_drawn_strokes(catalog: Catalog) -> None:
    lift, drain = catalog.with_school("lift"), catalog.with_school("drainage")
    assert lift.areas["cheek_l"].strokes != drain.areas["cheek_l"].strokes
    assert lift.areas["cheek_l"].outline == drain.areas["cheek_l"].outline
    assert drain.areas["cheek_r"].strokes[0][0][0] < drain.frame.center_x  # the right side is still the mirror
    assert drain.zones["cheek"].pressure == "feather"
    assert drain.with_school("lift").areas == lift.areas


def test_every_cited_work_exists_and_every_variant_cites_or_says_it_is_not_covered(catalog: Catalog) -> None:
    references = {r.id for r in catalog.content.references}
    assert len(references) >= 6
    for school in catalog.schools.values():
        assert school.sources and set(school.sources) <= references
    for variant in catalog.content.variants:
        assert set(variant.sources) <= references
        assert variant.sources or variant.gap.values


def test_a_variant_never_presses_harder_than_its_zone(catalog: Catalog) -> None:
    levels = {p.id: p.level for p in catalog.content.pressures}
    for school in SCHOOLS:
        schooled = catalog.with_school(school)
        for zone in catalog.content.zones:
            assert levels[schooled.zones[zone.id].pressure] <= levels[zone.pressure]


# ------------------------------------------------------------------ validation


def _problems(assets: Path, user_dirs: tuple[Path, ...] = ()) -> list[str]:
    with pytest.raises(ContentError) as error:
        load_catalog(user_dirs, assets=assets)
    return [str(p) for p in error.value.problems]


def _edit(assets: Path, old: str, new: str) -> None:
    path = assets / "content" / "schools.toml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_variant_line_outside_its_zone_is_named_with_file_and_line(assets_copy: Path) -> None:
    _edit(assets_copy, "[[[0.470, 0.550], [0.470, 0.600], [0.470, 0.650]]]", "[[[0.470, 0.550], [0.470, 1.300]]]")
    problems = _problems(assets_copy)
    assert len(problems) == 1
    assert "schools.toml:" in problems[0] and "variant[cheek/channel].lines" in problems[0]
    assert "outside zone 'cheek'" in problems[0]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ('school = "channel"\norder = 3', 'school = "chanel"\norder = 3', "unknown school 'chanel'"),
        ('sources = ["lingshu_10", "nanjing_72"', 'sources = ["lingshu_1O", "nanjing_72"', "unknown reference"),
        ('follows = ["GB"]', 'follows = ["XX"]', "unknown channel 'XX'"),
        ('zone = "cheek"\nschool = "drainage"', 'zone = "cheeks"\nschool = "drainage"', "unknown zone 'cheeks'"),
        ('pressure = "feather"\nfollows = ["LI"]', 'pressure = "medium"\nfollows = ["LI"]', "firmer than the zone"),
        ('follows = ["BL", "ST"]', 'follows = ["BL"]', "give one per line"),
        ('order = 13\nwhy = { en = "Light downward', 'order = 12\nwhy = { en = "Light downward', "same order"),
    ],
)
def test_bad_school_content_is_reported(assets_copy: Path, old: str, new: str, expected: str) -> None:
    _edit(assets_copy, old, new)
    problems = _problems(assets_copy)
    assert any(expected in p and "schools.toml:" in p for p in problems), problems


def test_a_variant_without_sources_must_say_it_is_not_covered(assets_copy: Path) -> None:
    _edit(
        assets_copy,
        'follows = ["ST"]\nsources = ["lingshu_10"]\n\n[[variant]]\nzone = "jawline"',
        'follows = ["ST"]\n\n[[variant]]\nzone = "jawline"',
    )
    problems = _problems(assets_copy)
    assert any("variant[chin/channel].gap" in p for p in problems), problems


def test_two_default_schools_are_refused(assets_copy: Path) -> None:
    _edit(
        assets_copy,
        'sources = ["foldi_2012", "wittlinger_2011"]\n',
        'sources = ["foldi_2012", "wittlinger_2011"]\ndefault = true\n',
    )
    problems = _problems(assets_copy)
    assert any("school[" in p and "only one school can be the default" in p for p in problems), problems


PACK_SCHOOL = """
[[reference]]
id = "my_teacher"
short = "My teacher 2024"
citation = "Notes from my own teacher's class, 2024."
supports = { en = "Strokes on the cheek go straight out.", zh = "面颊平直向外刮。" }

[[school]]
id = "straight"
order = 4
name = { en = "Straight out", zh = "平推" }
description = { en = "Every stroke goes straight out.", zh = "每一刮都平直向外。" }
sequence = { en = "Any order.", zh = "顺序不限。" }
sources = ["my_teacher"]

[[variant]]
zone = "cheek"
school = "straight"
order = 1
why = { en = "Straight out, level.", zh = "平直向外。" }
lines = [[[0.300, 0.600], [0.880, 0.600]]]
sources = ["my_teacher"]
"""


def test_a_user_pack_can_add_a_school(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "straight.toml").write_text(PACK_SCHOOL, encoding="utf-8")
    catalog = load_catalog([pack])
    assert list(catalog.schools) == [*SCHOOLS, "straight"]
    assert catalog.local_change("school", "straight") == "added"
    straight = catalog.with_school("straight")
    assert straight.zones["cheek"].stroke_lines == (((0.3, 0.6), (0.88, 0.6)),)
    # A zone the pack's school says nothing about keeps the zone's own strokes, and claims no source.
    assert straight.zones["forehead"].stroke_lines == catalog.zones["forehead"].stroke_lines
    assert catalog.variant("forehead", "straight").sources == ()
    assert straight.areas["cheek_r"].strokes[0][0] == straight.frame.to_face((0.3, 0.6), Side.R)


def test_a_pack_cannot_crowd_the_comparison_with_schools(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    pack.mkdir()
    school = PACK_SCHOOL.split("[[school]]")[1].split("[[variant]]")[0]
    more = "".join("[[school]]" + school.replace('"straight"', f'"extra{n}"') for n in range(6))
    (pack / "many.toml").write_text(PACK_SCHOOL.split("[[school]]")[0] + more, encoding="utf-8")
    with pytest.raises(ContentError) as error:
        load_catalog([pack])
    assert any("many.toml:" in str(p) and "9 schools (limit 8" in str(p) for p in error.value.problems)


def test_a_user_pack_school_with_a_stray_line_is_refused(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "straight.toml").write_text(PACK_SCHOOL.replace("[0.880, 0.600]", "[0.880, 1.600]"), encoding="utf-8")
    with pytest.raises(ContentError) as error:
        load_catalog([pack])
    assert any("straight.toml:" in str(p) and "variant[cheek/straight].lines" in str(p) for p in error.value.problems)


def test_the_cached_catalog_keeps_the_schools(tmp_path: Path, catalog: Catalog) -> None:
    first = load_catalog(cache_dir=tmp_path)
    cached = load_catalog(cache_dir=tmp_path)
    assert cached.content.variants == catalog.content.variants == first.content.variants
    assert cached.content.schools == catalog.content.schools
    assert cached.content.references == catalog.content.references
    assert cached.with_school("drainage").areas == catalog.with_school("drainage").areas


def test_the_documented_school_example_loads_as_a_pack(tmp_path: Path) -> None:
    """docs/schools.md's example is a working pack, so the document cannot drift from the loader."""
    doc = (Path(__file__).resolve().parents[1] / "docs" / "schools.md").read_text(encoding="utf-8")
    block = doc.split("```toml\n", 1)[1].split("```", 1)[0]
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "straight.toml").write_text(block, encoding="utf-8")
    catalog = load_catalog([pack])
    assert "straight" in catalog.schools
    assert catalog.variant("cheek", "straight").follows == ("ST",)

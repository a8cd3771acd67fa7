"""Names to targets without a window: what `--select`, search and a restored session select."""

from __future__ import annotations

import pytest

from meridian_map.core.catalog import Catalog
from meridian_map.core.target import (
    ConcernTarget,
    PointTarget,
    Target,
    ZoneTarget,
    point_target,
    resolve,
    zone_target,
)


@pytest.mark.parametrize(
    ("typed", "target"),
    [
        ("cheek", ZoneTarget("cheek_r")),
        ("CHEEK", ZoneTarget("cheek_r")),
        ("cheek_l", ZoneTarget("cheek_l")),
        (" Cheek_L ", ZoneTarget("cheek_l")),
        ("ST2", PointTarget("ST2.R")),
        ("st2", PointTarget("ST2.R")),
        ("st2.l", PointTarget("ST2.L")),
        ("ST2.L", PointTarget("ST2.L")),
        ("ex-hn3", PointTarget("EX-HN3")),
        ("ex-hn3.l", PointTarget("EX-HN3")),
        ("EX-HN3.r", PointTarget("EX-HN3")),
        ("EX-hn4.l", PointTarget("EX-HN4.L")),
        ("under-eye", ZoneTarget("under_eye_r")),
        ("Under-Eye_L", ZoneTarget("under_eye_l")),
        ("dark_circles", ConcernTarget("dark_circles")),
        ("Dark-Circles", ConcernTarget("dark_circles")),
    ],
)
def test_a_name_in_any_case_resolves_to_one_target(catalog: Catalog, typed: str, target: Target) -> None:
    assert resolve(catalog, typed) == target


@pytest.mark.parametrize(
    "typed", ["", "   ", "cheek_q", "cheek.l", "st2.x", "st2.", "ST99", "ex-hn3.x", "GV23.L.R", "dark-circle", "st-2"]
)
def test_a_name_that_names_nothing_resolves_to_none(catalog: Catalog, typed: str) -> None:
    assert resolve(catalog, typed) is None


def test_every_key_the_window_saves_resolves_to_itself(catalog: Catalog) -> None:
    """A restored session selects exactly what was saved, for every zone side and point copy."""
    for area in catalog.areas:
        assert resolve(catalog, area) == ZoneTarget(area)
    for placed in catalog.points:
        assert resolve(catalog, placed.key) == PointTarget(placed.key)


def test_a_bare_zone_or_code_means_the_subjects_right_side_or_the_first_copy(catalog: Catalog) -> None:
    for zone in catalog.zones:
        assert zone_target(zone) == ZoneTarget(f"{zone}_r")
        assert zone_target(zone).area in catalog.areas
        assert resolve(catalog, zone) == zone_target(zone)
    for placed in catalog.points:
        first = next(p for p in catalog.points if p.code == placed.code)
        assert point_target(catalog, placed.code) == PointTarget(first.key)


def test_every_concern_resolves_by_its_id(catalog: Catalog) -> None:
    for concern in catalog.concerns:
        assert resolve(catalog, concern) == ConcernTarget(concern)


def test_a_code_that_is_not_drawn_has_no_target(catalog: Catalog) -> None:
    assert point_target(catalog, "ST99") is None

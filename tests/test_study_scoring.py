"""Scoring: locate answers in B-cun with both sides and direction words, and the drills."""

from __future__ import annotations

import random
from dataclasses import replace
from math import cos, hypot, radians

import pytest

from meridian_map.core.catalog import Catalog
from meridian_map.core.model import Side
from meridian_map.core.study.drill import (
    courses,
    next_points,
    score_concern_zones,
    score_membership,
    score_next,
    score_order,
    score_stroke,
    shuffled_course,
    stroke_angle,
)
from meridian_map.core.study.quiz import Grade, StudyError, b_cun, grade_for_distance, miss_words, score_locate


def test_one_b_cun_is_the_distance_between_the_two_st8_over_nine(catalog: Catalog) -> None:
    right, left = catalog.point("ST8.R").pos, catalog.point("ST8.L").pos
    assert b_cun(catalog) == pytest.approx(hypot(left[0] - right[0], left[1] - right[1]) / 9)
    assert 5 < b_cun(catalog) < 20  # face units: the drawing is 240 wide


@pytest.mark.parametrize(
    ("distance", "grade"),
    [(0.0, Grade.EASY), (0.25, Grade.EASY), (0.26, Grade.GOOD), (0.5, Grade.GOOD), (0.51, Grade.HARD),
     (1.0, Grade.HARD), (1.01, Grade.AGAIN), (5.0, Grade.AGAIN)],
)  # fmt: skip
def test_distance_to_grade_thresholds(distance: float, grade: Grade) -> None:
    assert grade_for_distance(distance) is grade


def test_a_click_is_scored_against_the_nearer_side(catalog: Catalog) -> None:
    cun = b_cun(catalog)
    for side in Side:
        x, y = catalog.point(f"ST2.{side}").pos
        result = score_locate(catalog, "ST2", (x, y + 0.4 * cun))
        assert result.target.side is side
        assert result.distance_cun == pytest.approx(0.4)
        assert result.grade is Grade.GOOD
        assert miss_words(result) == "0.4 cun too low"
        assert miss_words(result, "zh") == "偏低0.4寸"


def test_direction_words_are_told_relative_to_the_face(catalog: Catalog) -> None:
    cun = b_cun(catalog)
    for side, outward in ((Side.R, -1), (Side.L, 1)):  # the subject's right is drawn on the viewer's left
        x, y = catalog.point(f"ST3.{side}").pos
        ear = score_locate(catalog, "ST3", (x + outward * 0.3 * cun, y - 0.7 * cun))
        assert miss_words(ear) == "0.7 cun too high, 0.3 cun too far toward the ear"
        assert ear.grade is Grade.HARD
        mid = score_locate(catalog, "ST3", (x - outward * 0.2 * cun, y))
        assert miss_words(mid) == "0.2 cun too far toward the midline"
    x, y = catalog.point("GV26").pos
    assert miss_words(score_locate(catalog, "GV26", (x - 0.5 * cun, y))) == "0.5 cun off the midline to the right side"
    assert miss_words(score_locate(catalog, "GV26", (x + 0.04 * cun, y))) == "Right on the point"
    far = score_locate(catalog, "ST2", catalog.point("ST6.L").pos)
    assert far.grade is Grade.AGAIN and far.distance_cun > 1


def test_locate_needs_the_point_and_both_st8(catalog: Catalog) -> None:
    with pytest.raises(StudyError, match="no point"):
        score_locate(catalog, "XX1", (0, 0))
    points = {k: v for k, v in catalog._points_by_key.items() if not k.startswith("ST8.")}
    broken = replace(catalog, _points_by_key=points)
    with pytest.raises(StudyError, match="ST8"):
        b_cun(broken)


def test_channel_order_follows_the_flow_and_its_branches(catalog: Catalog) -> None:
    st = courses(catalog, "ST")
    assert st[0][:5] == ("LI20", "BL1", "ST1", "ST2", "ST3")
    assert next_points(catalog, "ST", "ST1") == {"ST2"}
    assert next_points(catalog, "ST", "ST5") == {"ST6", "ST9"}  # the neck branch leaves at ST5
    # LI leaves the lower gum at the mouth corner (ST4) and runs round the upper lip to GV26
    assert score_next(catalog, "LI", "LI18", "ST4") and not score_next(catalog, "LI", "LI18", "GV26")
    assert score_next(catalog, "LI", "ST4", "GV26") and not score_next(catalog, "LI", "LI18", "LI19")
    with pytest.raises(StudyError):
        score_next(catalog, "LI", "LI20", "LI19")  # the course ends there
    with pytest.raises(StudyError):
        courses(catalog, "XX")


def test_ordering_a_shuffled_course(catalog: Catalog) -> None:
    expected = courses(catalog, "LI")[0]
    shuffled = shuffled_course(catalog, "LI", 0, random.Random(3))
    assert sorted(shuffled) == sorted(expected) and shuffled != expected
    assert score_order(expected, expected).grade is Grade.EASY
    one_moved = (expected[1], expected[0], *expected[2:])
    score = score_order(expected, one_moved)
    assert (score.in_order, score.in_place, score.grade) == (len(expected) - 1, len(expected) - 2, Grade.GOOD)
    backwards = score_order(expected, tuple(reversed(expected)))
    assert backwards.in_order == 1 and backwards.grade is Grade.AGAIN
    with pytest.raises(StudyError):
        score_order(expected, expected[:-1])


def test_zones_for_a_concern_are_scored_as_a_set(catalog: Catalog) -> None:
    wanted = set(catalog.concerns["dark_circles"].zones)
    assert score_concern_zones(catalog, "dark_circles", wanted).grade is Grade.EASY
    everything = score_concern_zones(catalog, "dark_circles", set(catalog.zones))
    assert everything.found == wanted and everything.extra and everything.grade is Grade.AGAIN
    one_short = score_concern_zones(catalog, "dark_circles", set(sorted(wanted)[1:]))
    assert len(one_short.missed) == 1 and not one_short.extra
    with pytest.raises(StudyError):
        score_concern_zones(catalog, "hiccups", set())


def test_stroke_direction_is_scored_by_angle_per_side(catalog: Catalog) -> None:
    left = stroke_angle(catalog, "cheek", Side.L)
    right = stroke_angle(catalog, "cheek", Side.R)
    assert cos(radians(left)) > 0 > cos(radians(right))  # outward: to the viewer's right on the left side
    assert score_stroke(catalog, "cheek", Side.L, left + 10).grade is Grade.EASY
    assert score_stroke(catalog, "cheek", Side.L, left - 40).grade is Grade.GOOD
    reverse = score_stroke(catalog, "cheek", Side.L, left + 180)
    assert reverse.error_deg == pytest.approx(180) and reverse.grade is Grade.AGAIN
    wrapped = score_stroke(catalog, "cheek", Side.L, left + 350)
    assert wrapped.error_deg == pytest.approx(10)


def test_which_channel_and_zone_a_point_belongs_to(catalog: Catalog) -> None:
    assert score_membership(catalog, "ST2", channel="ST", zone="cheek")
    assert not score_membership(catalog, "ST2", channel="LI")
    assert not score_membership(catalog, "ST2", zone="forehead")

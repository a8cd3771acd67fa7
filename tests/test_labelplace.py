"""Point labels on screen: each takes a spot that covers no other label and no point."""

from __future__ import annotations

import math
import random
from itertools import combinations

from meridian_map.core.geometry.labels import WORK_BUDGET, Box, Label, offsets, place_labels, plan_labels


def boxes(labels: list[Label], offsets: list[tuple[float, float]]) -> list[Box]:
    return [label.box(dx, dy) for label, (dx, dy) in zip(labels, offsets, strict=True)]


def test_a_free_label_sits_right_of_its_point() -> None:
    label = Label(200, 200, 4, 30, 12)
    [(dx, dy)] = place_labels([label], [(100, 100, 4)])
    assert dx > 4 and dy == -6


def test_crowded_points_get_labels_that_do_not_overlap() -> None:
    """A row of points closer than a label is wide, as along the hairline."""
    points = [(100 + 20 * i, 100, 4.0) for i in range(5)]
    labels = [Label(x, y, r, 34, 12) for x, y, r in points]
    placed = boxes(labels, place_labels(labels, points))
    assert all(a.overlap(b) == 0 for a, b in combinations(placed, 2))
    markers = [Box(x - r, y - r, x + r, y + r) for x, y, r in points]
    assert all(box.overlap(marker) == 0 for box in placed for marker in markers)


def test_earlier_labels_keep_the_preferred_spot() -> None:
    """Two points one above the other: the first label stays right, the second moves."""
    first, second = Label(100, 100, 4, 30, 12), Label(100, 110, 4, 30, 12)
    right = offsets(30, 12, 4)[0]
    placed = place_labels([first, second], [(100, 100, 4), (100, 110, 4)])
    assert placed[0] == right
    assert placed[1] != right
    assert first.box(*placed[0]).overlap(second.box(*placed[1])) == 0


def test_with_no_room_anywhere_the_least_covered_spot_is_taken() -> None:
    crowd = [(200 + dx, 200 + dy, 4.0) for dx in range(-160, 161, 9) for dy in range(-130, 131, 9) if dx or dy]
    label = Label(200, 200, 4, 30, 12)
    markers = [Box(x - r, y - r, x + r, y + r) for x, y, r in crowd]

    def cover(spot: tuple[float, float]) -> float:
        return sum(label.box(*spot).overlap(marker) for marker in markers)

    [chosen] = place_labels([label], [(200, 200, 4), *crowd])
    assert cover(chosen) > 0
    assert cover(chosen) == min(cover(spot) for spot in offsets(30, 12, 4))


def test_a_heap_of_points_is_laid_out_within_the_work_budget() -> None:
    """A pack once put 800 labels in one spot: the layout took minutes, and the window with it."""
    rng = random.Random(5)
    markers = [(rng.uniform(300, 330), rng.uniform(400, 430), 4.0) for _ in range(800)]
    labels = [Label(x, y, r, 34, 14) for x, y, r in markers]
    plan = plan_labels(labels, markers)
    # Past the budget one look may still finish: a 34 × 14 label touches at most 2 × 2 cells of either grid.
    assert plan.work <= WORK_BUDGET + 2 + 4 * (len(labels) + 1) + 4 * (len(markers) + 1)
    for label, spot in zip(labels, plan.offsets, strict=True):
        assert spot in offsets(label.width, label.height, label.radius)


def test_the_budget_leaves_ordinary_layouts_alone() -> None:
    """The shipped points take under 5,000 units of work; a few hundred loose ones are placed exactly as unbounded."""
    rng = random.Random(9)
    markers = [(rng.uniform(0, 900), rng.uniform(0, 900), 4.0) for _ in range(300)]
    labels = [Label(x, y, r, 34, 14) for x, y, r in markers]
    plan = plan_labels(labels, markers)
    assert plan.work < WORK_BUDGET
    assert plan.offsets == plan_labels(labels, markers, budget=10**12).offsets


def test_a_label_does_not_sit_nearer_another_point_than_its_own() -> None:
    """EX-HN5's code once sat beside TE22, reading as TE22's: a spot nearer another point is passed over."""
    label = Label(100, 100, 4, 30, 12)
    other = (140.0, 100.0)  # just past the right spot's end, clear of it
    [(dx, dy)] = place_labels([label], [(100, 100, 4), (*other, 4)])
    assert (dx, dy) != offsets(30, 12, 4)[0]
    box = label.box(dx, dy)

    def gap(x: float, y: float) -> float:
        return math.hypot(max(box.left - x, 0, x - box.right), max(box.top - y, 0, y - box.bottom))

    assert gap(100, 100) < gap(*other)

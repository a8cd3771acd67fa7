"""Where each point label goes on screen, so that labels cover neither each other nor points.

Labels keep their size on screen at every zoom, so around the eyes, the
philtrum and the ear they collide when the map is small. Each label tries a
few spots around its point, right of it first, and takes the first one that
covers nothing already placed and no point; failing that, the one that
covers least. Labels are placed in the caller's order, so the points that
matter most come first. The work is bounded, so that a pack heaping
hundreds of points together cannot stall the window. Pure geometry in
screen pixels, no Qt.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

GAP_PX = 2.0  # between a point's marker and its label
CELL_PX = 48.0  # grid cell for finding what a box may cover
DOT_WEIGHT = 0.25  # covering a point's marker, against covering another label
# Beside its point, a label with another point nearer to it reads as that point's
# (EX-HN5's code once sat by TE22): such a spot costs this share of its area, so a
# free spot, or one called out on a leader line, is taken before it.
AMBIGUOUS_SHARE = 0.25
RETRIES = 10
# Units of work (_Grid.work) for one layout, all passes together. The shipped
# points take under 5,000; 60,000 is about 30 ms on an idle machine, which
# keeps 1,000 labels under 100 ms however they are heaped, with room for a
# busy one (benchmarks/bench_labels.py).
WORK_BUDGET = 60_000


@dataclass(frozen=True, slots=True)
class Box:
    """A label's or a marker's extent on screen, in pixels."""

    left: float
    top: float
    right: float
    bottom: float

    def overlap(self, other: Box) -> float:
        width = min(self.right, other.right) - max(self.left, other.left)
        height = min(self.bottom, other.bottom) - max(self.top, other.top)
        return width * height if width > 0 and height > 0 else 0.0


LEADER_RINGS_PX = (14.0, 26.0, 40.0, 56.0, 76.0)  # how far out a label on a leader line may go
LEADER_ANGLES = 12


@lru_cache(maxsize=256)  # labels come in a few sizes: the spots of each are worked out once
def offsets(width: float, height: float, radius: float) -> tuple[tuple[float, float], ...]:
    """Top-left corners of the spots a label may take, relative to its point, in order of preference.

    First the spots touching the point, then spots further out in rings,
    which the window joins to their point with a leader line: where points
    crowd (the philtrum, the ear), a label is called out rather than laid
    over another.
    """
    return tuple(_near(width, height, radius) + _far(width, height, radius))


def _far(width: float, height: float, radius: float) -> list[tuple[float, float]]:
    spots = []
    for ring in LEADER_RINGS_PX:
        distance = radius + GAP_PX + ring
        for step in range(LEADER_ANGLES):
            angle = 2 * math.pi * step / LEADER_ANGLES
            x, y = distance * math.cos(angle), distance * math.sin(angle)
            left = x if math.cos(angle) > 0.3 else x - width if math.cos(angle) < -0.3 else x - width / 2
            top = y if math.sin(angle) > 0.3 else y - height if math.sin(angle) < -0.3 else y - height / 2
            spots.append((left, top))
    return spots


def needs_leader(dx: float, dy: float, width: float, height: float, radius: float) -> bool:
    """Whether a label at this offset stands apart from its point, so a line must join them."""
    nearest_x = min(max(0.0, dx), dx + width)
    nearest_y = min(max(0.0, dy), dy + height)
    return math.hypot(nearest_x, nearest_y) > radius + GAP_PX + 4


def _near(width: float, height: float, radius: float) -> list[tuple[float, float]]:
    reach = radius + GAP_PX
    beside = -height / 2
    above = -reach - height
    below = reach
    return [
        (reach, beside),  # right
        (-reach - width, beside),  # left
        (reach * 0.6, above),  # up and right
        (reach * 0.6, below),  # down and right
        (-reach * 0.6 - width, above),  # up and left
        (-reach * 0.6 - width, below),  # down and left
        (-width / 2, above),  # above
        (-width / 2, below),  # below
        (reach, beside - height),  # right, a line up
        (reach, beside + height),  # right, a line down
        (-reach - width, beside - height),  # left, a line up
        (-reach - width, beside + height),  # left, a line down
        (reach, beside - 2 * height),  # right, two lines up
        (reach, beside + 2 * height),  # right, two lines down
        (-reach - width, beside - 2 * height),  # left, two lines up
        (-reach - width, beside + 2 * height),  # left, two lines down
    ]


class _Grid:
    """Boxes bucketed by the cells they touch, so a candidate is checked against its neighbours only.

    Each look, each cell looked in and each comparison of two boxes count
    one in `work`, which is what bounds the layout: a pack may put hundreds
    of points in one cell.
    """

    def __init__(self) -> None:
        self._cells: dict[tuple[int, int], list[Box]] = {}
        self.work = 0

    @staticmethod
    def _span(box: Box) -> tuple[range, range]:
        return (
            range(int(box.left // CELL_PX), int(box.right // CELL_PX) + 1),
            range(int(box.top // CELL_PX), int(box.bottom // CELL_PX) + 1),
        )

    def add(self, box: Box) -> None:
        columns, rows = self._span(box)
        for cx in columns:
            for cy in rows:
                self._cells.setdefault((cx, cy), []).append(box)

    def nearer(self, box: Box, x: float, y: float) -> bool:
        """Whether a stored box's centre lies nearer to `box` than (x, y) does: a point a reader may take it for."""
        own = _distance(box, x, y)
        columns, rows = self._span(Box(box.left - own, box.top - own, box.right + own, box.bottom + own))
        self.work += 1
        for cx in columns:
            for cy in rows:
                others = self._cells.get((cx, cy))
                if not others:
                    continue
                self.work += len(others) + 1
                for other in others:
                    centre_x, centre_y = (other.left + other.right) / 2, (other.top + other.bottom) / 2
                    if abs(centre_x - x) + abs(centre_y - y) > 1e-6 and _distance(box, centre_x, centre_y) < own - 1e-6:
                        return True
        return False

    def covered(self, box: Box, enough: float = float("inf")) -> float:
        """How much of `box` the stored boxes cover, counted up to `enough`: past that the caller has a better spot.

        A pair of boxes that shares several cells is counted once, in the
        cell that holds the top-left corner of their intersection.
        """
        columns, rows = self._span(box)
        total = 0.0
        left, top, right, bottom = box.left, box.top, box.right, box.bottom
        self.work += 1
        for cx in columns:
            for cy in rows:
                others = self._cells.get((cx, cy))
                if not others:
                    continue
                self.work += len(others) + 1
                for other in others:
                    x0 = other.left if other.left > left else left
                    y0 = other.top if other.top > top else top
                    width = (other.right if other.right < right else right) - x0
                    height = (other.bottom if other.bottom < bottom else bottom) - y0
                    if width > 0 and height > 0 and int(x0 // CELL_PX) == cx and int(y0 // CELL_PX) == cy:
                        total += width * height
                if total >= enough:
                    return total
        return total


def _distance(box: Box, x: float, y: float) -> float:
    dx = max(box.left - x, 0.0, x - box.right)
    dy = max(box.top - y, 0.0, y - box.bottom)
    return math.hypot(dx, dy)


@dataclass(frozen=True, slots=True)
class Label:
    """A label to place: its point's screen position and marker radius, and its own size."""

    x: float
    y: float
    radius: float
    width: float
    height: float

    def box(self, dx: float, dy: float) -> Box:
        """Where the label lies with its top-left corner at (dx, dy) from its point."""
        left, top = self.x + dx, self.y + dy
        return Box(left, top, left + self.width, top + self.height)


def place_labels(labels: Sequence[Label], markers: Sequence[tuple[float, float, float]]) -> list[tuple[float, float]]:
    """For each label, the offset of its top-left corner from its point."""
    return plan_labels(labels, markers).offsets


@dataclass(frozen=True, slots=True)
class Plan:
    """Where the labels go, and how many box comparisons it took to decide."""

    offsets: list[tuple[float, float]]
    work: int


def plan_labels(
    labels: Sequence[Label], markers: Sequence[tuple[float, float, float]], budget: int = WORK_BUDGET
) -> Plan:
    """Place the labels within about `budget` box comparisons: past it, each label takes its best spot so far.

    `markers` are every point drawn, as (x, y, radius). Labels are placed in
    the given order; a label left covering another is moved ahead of the
    others and the placement tried again, a few times at most, since the
    first labels have the most room. Ordinary content takes a few thousand
    comparisons; a pack that heaps hundreds of points together would take
    tens of millions, so once the budget is spent the remaining labels take
    their first choice of spot unexamined and no further pass is tried. The
    budget can be overrun by one spot's look, at most every label placed.
    """
    dots = _Grid()
    for x, y, radius in markers:
        dots.add(Box(x - radius, y - radius, x + radius, y + radius))
    order = list(range(len(labels)))
    best: tuple[float, dict[int, tuple[float, float]]] | None = None
    work = 0
    for _attempt in range(RETRIES + 1):
        chosen, crowded, spent = _place(labels, order, dots, budget - work)
        work += spent
        score = sum(cover for _index, cover in crowded)
        if best is None or score < best[0]:
            best = (score, chosen)
        if not crowded or work >= budget:
            break
        first = [index for index, _cover in crowded]
        moved = set(first)
        order = first + [index for index in order if index not in moved]
    assert best is not None
    return Plan([best[1][index] for index in range(len(labels))], work)


def _place(
    labels: Sequence[Label], order: Sequence[int], dots: _Grid, budget: int
) -> tuple[dict[int, tuple[float, float]], list[tuple[int, float]], int]:
    """One greedy pass: each label's spot, the labels left covering another label, and the comparisons made."""
    dots.work = 0
    placed = _Grid()
    chosen: dict[int, tuple[float, float]] = {}
    crowded: list[tuple[int, float]] = []
    for index in order:
        label = labels[index]
        spots = offsets(label.width, label.height, label.radius)
        best, best_cover, best_text = spots[0], float("inf"), 0.0
        for dx, dy in spots:
            if placed.work + dots.work >= budget:
                break  # spent: keep the best spot seen, or the first choice
            box = label.box(dx, dy)
            text = placed.covered(box, best_cover)
            if text >= best_cover:
                continue
            # Text over text cannot be read; text over the edge of a dot still can.
            cover = text + DOT_WEIGHT * dots.covered(box, (best_cover - text) / DOT_WEIGHT)
            beside = not needs_leader(dx, dy, label.width, label.height, label.radius)
            if cover == 0 and beside and dots.nearer(box, label.x, label.y):
                cover = AMBIGUOUS_SHARE * label.width * label.height
            if cover < best_cover:
                best, best_cover, best_text = (dx, dy), cover, text
                if cover == 0:
                    break
        placed.add(label.box(*best))
        chosen[index] = best
        if best_text > 0:
            crowded.append((index, best_text))
    return chosen, crowded, placed.work + dots.work

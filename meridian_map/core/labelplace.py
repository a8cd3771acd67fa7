"""Where each point label goes on screen, so that labels cover neither each other nor points.

Labels keep their size on screen at every zoom, so around the eyes, the
philtrum and the ear they collide when the map is small. Each label tries a
few spots around its point, right of it first, and takes the first one that
covers nothing already placed and no point; failing that, the one that
covers least. Labels are placed in the caller's order, so the points that
matter most come first. Pure geometry in screen pixels, no Qt.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

GAP_PX = 2.0  # between a point's marker and its label
CELL_PX = 48.0  # grid cell for finding what a box may cover
DOT_WEIGHT = 0.25  # covering a point's marker, against covering another label
RETRIES = 10


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


def offsets(width: float, height: float, radius: float) -> list[tuple[float, float]]:
    """Top-left corners of the spots a label may take, relative to its point, in order of preference."""
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
    """Boxes bucketed by the cells they touch, so a candidate is checked against its neighbours only."""

    def __init__(self) -> None:
        self._cells: defaultdict[tuple[int, int], list[Box]] = defaultdict(list)

    @staticmethod
    def _cells_of(box: Box) -> Iterator[tuple[int, int]]:
        for cx in range(int(box.left // CELL_PX), int(box.right // CELL_PX) + 1):
            for cy in range(int(box.top // CELL_PX), int(box.bottom // CELL_PX) + 1):
                yield cx, cy

    def add(self, box: Box) -> None:
        for cell in self._cells_of(box):
            self._cells[cell].append(box)

    def covered(self, box: Box) -> float:
        seen: set[int] = set()
        total = 0.0
        for cell in self._cells_of(box):
            for other in self._cells.get(cell, ()):
                if id(other) not in seen:
                    seen.add(id(other))
                    total += box.overlap(other)
        return total


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
    """For each label, the offset of its top-left corner from its point.

    `markers` are every point drawn, as (x, y, radius). Labels are placed in
    the given order; a label left covering another is moved ahead of the
    others and the placement tried again, a few times at most, since the
    first labels have the most room.
    """
    order = list(range(len(labels)))
    best: tuple[float, dict[int, tuple[float, float]]] | None = None
    for _attempt in range(RETRIES + 1):
        chosen, crowded = _place(labels, order, markers)
        score = sum(cover for _index, cover in crowded)
        if best is None or score < best[0]:
            best = (score, chosen)
        if not crowded:
            break
        first = [index for index, _cover in crowded]
        order = first + [index for index in order if index not in set(first)]
    assert best is not None
    return [best[1][index] for index in range(len(labels))]


def _place(
    labels: Sequence[Label], order: Sequence[int], markers: Sequence[tuple[float, float, float]]
) -> tuple[dict[int, tuple[float, float]], list[tuple[int, float]]]:
    """One greedy pass: each label's spot, and the labels left covering another label."""
    dots = _Grid()
    for x, y, radius in markers:
        dots.add(Box(x - radius, y - radius, x + radius, y + radius))
    placed = _Grid()
    chosen: dict[int, tuple[float, float]] = {}
    crowded: list[tuple[int, float]] = []
    for index in order:
        label = labels[index]
        best, best_cover, best_text = (0.0, 0.0), float("inf"), 0.0
        for dx, dy in offsets(label.width, label.height, label.radius):
            box = label.box(dx, dy)
            text = placed.covered(box)
            # Text over text cannot be read; text over the edge of a dot still can.
            cover = text + DOT_WEIGHT * dots.covered(box)
            if cover < best_cover:
                best, best_cover, best_text = (dx, dy), cover, text
                if cover == 0:
                    break
        placed.add(label.box(*best))
        chosen[index] = best
        if best_text > 0:
            crowded.append((index, best_text))
    return chosen, crowded

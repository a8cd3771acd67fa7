"""Scoring the drills: channel order, zones for a concern, stroke direction, channel and zone of a point.

Each scorer returns what the student needs to see (what was right, what was
missed) and a Grade, so a drill can be scheduled like any card when a
session wants it to be.
"""

from __future__ import annotations

import random
from bisect import bisect_left
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from math import atan2, degrees

from ..catalog import Catalog
from ..model import Side
from .quiz import Grade, StudyError

# Stroke direction: the drag's angle against the zone's main stroke. Within
# 20° is the stroke itself (a hand's natural wobble); within 45° still moves
# the skin the way tradition asks (outward and upward); beyond 90° works
# against it.
STROKE_EASY_DEG = 20.0
STROKE_GOOD_DEG = 45.0
STROKE_HARD_DEG = 90.0


def courses(catalog: Catalog, channel: str) -> tuple[tuple[str, ...], ...]:
    """A channel's courses as point codes in flow order, as the map draws them (crossing points included)."""
    try:
        found = catalog.channels[channel]
    except KeyError:
        raise StudyError(f"no channel {channel!r} in the catalog") from None
    return tuple(tuple(step.code for step in course) for course in found.courses)


def next_points(catalog: Catalog, channel: str, after: str) -> frozenset[str]:
    """Every point that follows `after` along the channel: a branch point has more than one."""
    return frozenset(
        course[i + 1] for course in courses(catalog, channel) for i in range(len(course) - 1) if course[i] == after
    )


def score_next(catalog: Catalog, channel: str, after: str, answer: str) -> bool:
    """Whether `answer` is a next point after `after` in the channel's flow."""
    options = next_points(catalog, channel, after)
    if not options:
        raise StudyError(f"{after!r} has no next point along {channel}")
    return answer in options


@dataclass(frozen=True, slots=True)
class OrderScore:
    """How well a shuffled course was put back in order."""

    expected: tuple[str, ...]
    answer: tuple[str, ...]
    in_place: int  # stops at their right position
    in_order: int  # the longest run of stops in the right relative order, gaps allowed

    @property
    def fraction(self) -> float:
        return self.in_order / len(self.expected) if self.expected else 1.0

    @property
    def grade(self) -> Grade:
        """Perfect is Easy; one stop out of order Good; most in order Hard."""
        wrong = len(self.expected) - self.in_order
        if wrong == 0:
            return Grade.EASY
        if wrong == 1:
            return Grade.GOOD
        return Grade.HARD if self.fraction >= 0.5 else Grade.AGAIN


def shuffled_course(catalog: Catalog, channel: str, course: int, rng: random.Random) -> tuple[str, ...]:
    """A course's stops in a random order other than the right one (when there is one)."""
    expected = courses(catalog, channel)[course]
    stops = list(expected)
    for _attempt in range(20):
        rng.shuffle(stops)
        if tuple(stops) != expected or len(set(expected)) < 2:
            break
    return tuple(stops)


def score_order(expected: Sequence[str], answer: Sequence[str]) -> OrderScore:
    """Score an ordering; the answer must hold exactly the expected stops.

    "In order" is the longest increasing subsequence of the answer's
    positions in the expected course: moving one stop to a wrong place costs
    one, not every stop after it.
    """
    if sorted(answer) != sorted(expected):
        raise StudyError("the answer must hold each stop of the course exactly once")
    position = {code: i for i, code in enumerate(expected)}
    ranks = [position[code] for code in answer]
    tails: list[int] = []
    for rank in ranks:
        at = bisect_left(tails, rank)
        if at == len(tails):
            tails.append(rank)
        else:
            tails[at] = rank
    in_place = sum(1 for i, code in enumerate(answer) if expected[i] == code)
    return OrderScore(tuple(expected), tuple(answer), in_place, len(tails))


@dataclass(frozen=True, slots=True)
class SetScore:
    """Zones chosen for a concern: found, missed and chosen wrongly."""

    found: frozenset[str]
    missed: frozenset[str]
    extra: frozenset[str]

    @property
    def fraction(self) -> float:
        """Right zones over all zones either side named (Jaccard): guessing every zone scores low."""
        union = len(self.found) + len(self.missed) + len(self.extra)
        return len(self.found) / union if union else 1.0

    @property
    def grade(self) -> Grade:
        if not self.missed and not self.extra:
            return Grade.EASY
        if self.fraction >= 0.75:
            return Grade.GOOD
        return Grade.HARD if self.fraction >= 0.5 else Grade.AGAIN


def score_concern_zones(catalog: Catalog, concern: str, chosen: Collection[str]) -> SetScore:
    """Score the zones a student picked as traditionally used for `concern`."""
    try:
        wanted = frozenset(catalog.concerns[concern].zones)
    except KeyError:
        raise StudyError(f"no concern {concern!r} in the catalog") from None
    picked = frozenset(chosen)
    return SetScore(wanted & picked, wanted - picked, picked - wanted)


@dataclass(frozen=True, slots=True)
class AngleScore:
    """A dragged stroke against the zone's main stroke, angles in degrees on screen (y down)."""

    expected_deg: float
    answer_deg: float
    error_deg: float

    @property
    def grade(self) -> Grade:
        if self.error_deg <= STROKE_EASY_DEG:
            return Grade.EASY
        if self.error_deg <= STROKE_GOOD_DEG:
            return Grade.GOOD
        return Grade.HARD if self.error_deg <= STROKE_HARD_DEG else Grade.AGAIN


def stroke_angle(catalog: Catalog, zone: str, side: Side) -> float:
    """The direction of a zone's main stroke on one side: from its first point to its last."""
    area = catalog.areas.get(f"{zone}_{side.lower()}")
    if area is None or not area.strokes or len(area.strokes[0]) < 2:
        raise StudyError(f"zone {zone!r} has no stroke drawn on the {side.word} side")
    start, end = area.strokes[0][0], area.strokes[0][-1]
    return degrees(atan2(end[1] - start[1], end[0] - start[0]))


def score_stroke(catalog: Catalog, zone: str, side: Side, drag_deg: float) -> AngleScore:
    """Score a drag's direction against the zone's main stroke on that side."""
    expected = stroke_angle(catalog, zone, side)
    error = abs((drag_deg - expected + 180.0) % 360.0 - 180.0)
    return AngleScore(expected, drag_deg, error)


def score_membership(catalog: Catalog, code: str, channel: str | None = None, zone: str | None = None) -> bool:
    """Whether the point belongs to the channel and the zone the student named (those given)."""
    info = catalog.point_info(code)
    return (channel is None or info.channel == channel) and (zone is None or info.zone == zone)

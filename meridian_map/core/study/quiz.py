"""Scoring a locate answer: how far the click landed from the point, in B-cun.

Distances are told in B-cun (proportional body inches), the unit point
locations are written in, so "0.4 cun too low" means the same on every face
and at every zoom. WHO 2008 sets the head's width between the two ST8 (at
the corners of the hairline) to 9 B-cun, so one B-cun is that distance
divided by 9, measured on the catalog's own drawing.

How a distance becomes a grade for the scheduler (FSRS):

==========  ===============  ==============================================
 distance     grade            why
==========  ===============  ==============================================
 ≤ 0.25      Easy             inside the point's own dip: a fingertip there
                              is on the point without searching
 ≤ 0.5       Good             within half a thumb's width (the thumb is
                              1 B-cun wide): the pad of a pressing finger
                              still covers the point
 ≤ 1.0       Hard             the right neighbourhood; feeling around for
                              the dip would find the point
 > 1.0       Again            another spot, often a neighbouring point
==========  ===============  ==============================================

A click is scored against the nearer copy of a point: both sides count.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from math import hypot

from ..catalog import Catalog
from ..model import PlacedPoint, Side, Vec

CUN_PER_HEAD_WIDTH = 9.0  # WHO 2008: ST8 to ST8
EASY_CUN = 0.25
GOOD_CUN = 0.5
HARD_CUN = 1.0
SAID_CUN = 0.1  # a miss smaller than this in one direction is not worth a word


class Grade(IntEnum):
    """The four answers of a review, numbered as FSRS and Anki number them (and as keys 1–4)."""

    AGAIN = 1
    HARD = 2
    GOOD = 3
    EASY = 4


class StudyError(ValueError):
    """The catalog lacks what a study feature needs; the message says what."""


@dataclass(frozen=True, slots=True)
class LocateResult:
    """Where the click was against where the point is, in B-cun (y grows downward)."""

    target: PlacedPoint
    click: Vec
    dx_cun: float
    dy_cun: float
    distance_cun: float
    grade: Grade


def b_cun(catalog: Catalog) -> float:
    """One B-cun in face units: the distance between the two ST8 divided by 9."""
    try:
        right, left = catalog.point("ST8.R").pos, catalog.point("ST8.L").pos
    except KeyError:
        raise StudyError("the catalog has no pair of ST8 points, which the B-cun is measured from") from None
    width = hypot(left[0] - right[0], left[1] - right[1])
    if width <= 0:
        raise StudyError("the two ST8 points are drawn on the same spot; no B-cun can be measured")
    return width / CUN_PER_HEAD_WIDTH


def grade_for_distance(distance_cun: float) -> Grade:
    """The thresholds of the module docstring."""
    if distance_cun <= EASY_CUN:
        return Grade.EASY
    if distance_cun <= GOOD_CUN:
        return Grade.GOOD
    if distance_cun <= HARD_CUN:
        return Grade.HARD
    return Grade.AGAIN


def score_locate(catalog: Catalog, code: str, click: Vec, cun: float | None = None) -> LocateResult:
    """Score a click for point `code` against its nearer copy; `cun` may be passed to skip measuring it."""
    unit = cun if cun is not None else b_cun(catalog)
    copies = [placed for placed in catalog.points if placed.code == code]
    if not copies:
        raise StudyError(f"no point {code!r} in the catalog")
    target = min(copies, key=lambda p: hypot(click[0] - p.pos[0], click[1] - p.pos[1]))
    dx = (click[0] - target.pos[0]) / unit
    dy = (click[1] - target.pos[1]) / unit
    distance = hypot(dx, dy)
    return LocateResult(target, click, dx, dy, distance, grade_for_distance(distance))


_WORDS = {
    "en": {
        "on": "Right on the point",
        "low": "{} cun too low",
        "high": "{} cun too high",
        "ear": "{} cun too far toward the ear",
        "mid": "{} cun too far toward the midline",
        "to_r": "{} cun off the midline to the right side",
        "to_l": "{} cun off the midline to the left side",
        "join": ", ",
    },
    "zh": {
        "on": "正好在穴位上",
        "low": "偏低{}寸",
        "high": "偏高{}寸",
        "ear": "偏向耳侧{}寸",
        "mid": "偏向中线{}寸",
        "to_r": "偏离中线，偏向右侧{}寸",
        "to_l": "偏离中线，偏向左侧{}寸",
        "join": "，",
    },
}


def miss_words(result: LocateResult, lang: str = "en") -> str:
    """The miss said as a teacher would: "0.4 cun too low, 0.2 cun too far toward the ear".

    Sideways misses are told relative to the face, not the screen: toward
    the ear or the midline for a point on a side, and to the subject's right
    or left for a point on the midline.
    """
    words = _WORDS.get(lang, _WORDS["en"])
    parts = []
    if abs(result.dy_cun) >= SAID_CUN:
        parts.append(words["low" if result.dy_cun > 0 else "high"].format(_cun(result.dy_cun)))
    if abs(result.dx_cun) >= SAID_CUN:
        side = result.target.side
        if side is None:
            # The subject's right is drawn on the viewer's left.
            parts.append(words["to_r" if result.dx_cun < 0 else "to_l"].format(_cun(result.dx_cun)))
        else:
            outward = result.dx_cun < 0 if side is Side.R else result.dx_cun > 0
            parts.append(words["ear" if outward else "mid"].format(_cun(result.dx_cun)))
    return words["join"].join(parts) if parts else words["on"]


def _cun(value: float) -> str:
    return f"{abs(value):.1f}"

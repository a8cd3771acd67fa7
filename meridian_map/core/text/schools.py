"""What the technique schools say about one zone, side by side: for the panel, the comparison and its sheet.

Schools disagree most visibly in which way a stroke runs, so disagreement
is judged from the strokes themselves, not from their wording: two schools
disagree on a zone when their main strokes head more than a right angle
apart, or when one works a zone the other strokes across.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..catalog import Catalog
from ..model import Reference, School, Text, Variant, Vec, ZoneInfo

APART_DEGREES = 60.0  # main strokes heading further apart than this are called a disagreement


@dataclass(frozen=True, slots=True)
class SchoolView:
    """One school's way with one zone: the zone as the school works it, and what the variant cites."""

    school: School
    variant: Variant
    zone: ZoneInfo  # direction, lines, pressure and counts as this school has them
    references: tuple[Reference, ...]

    @property
    def direction(self) -> Text:
        return self.zone.direction

    @property
    def covered(self) -> bool:
        """False when the school's works do not describe this zone's stroke (the variant says so in `gap`)."""
        return bool(self.variant.sources) and not self.variant.gap.values


def heading(line: tuple[Vec, ...]) -> float:
    """The direction from a stroke's start to its end, in degrees (0 = outward, 90 = down, y grows down)."""
    return math.degrees(math.atan2(line[-1][1] - line[0][1], line[-1][0] - line[0][0]))


def apart(a: float, b: float) -> float:
    return abs((a - b + 180.0) % 360.0 - 180.0)


def zone_views(catalog: Catalog, zone: str) -> tuple[SchoolView, ...]:
    """Every school's way with the zone, in the schools' order."""
    references = {r.id: r for r in catalog.content.references}
    views = []
    for school in catalog.schools.values():
        variant = catalog.variant(zone, school.id)
        worked = catalog.with_school(school.id).zones[zone]
        cited = tuple(references[r] for r in variant.sources if r in references)
        views.append(SchoolView(school, variant, worked, cited))
    return tuple(views)


def disagree(views: tuple[SchoolView, ...]) -> bool:
    """True when any two schools' main strokes on the zone head clearly apart."""
    headings = [heading(v.zone.stroke_lines[0]) for v in views]
    return any(apart(a, b) > APART_DEGREES for i, a in enumerate(headings) for b in headings[i + 1 :])


def cited(catalog: Catalog) -> tuple[Reference, ...]:
    """Every work a school or a variant cites, in the content's order: what About and the export list."""
    used = {r for s in catalog.schools.values() for r in s.sources} | {
        r for v in catalog.content.variants for r in v.sources
    }
    return tuple(r for r in catalog.content.references if r.id in used)

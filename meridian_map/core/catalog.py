"""One immutable catalog joining the drawing and the content.

Every surface (window, sheet, CLI, quizzes) reads this and nothing else.
This module only holds the assembled data and its queries; building and
checking it is core/load/, so that a cached catalog can be used without
importing the parsers and geometry libraries that build it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING

from .model import (
    EMPTY_TEXT,
    Channel,
    Concern,
    Content,
    Face,
    FaceFrame,
    PlacedPoint,
    PointInfo,
    PressureLevel,
    School,
    Side,
    Variant,
    Vec,
    ZoneArea,
    ZoneInfo,
)

if TYPE_CHECKING:
    from .geometry.zones import ZoneIndex


def _schooled(zone: ZoneInfo, variant: Variant) -> ZoneInfo:
    return replace(
        zone,
        order=variant.order,
        direction=variant.direction if variant.direction.values else zone.direction,
        stroke_lines=variant.lines if variant.lines is not None else zone.stroke_lines,
        pressure=variant.pressure or zone.pressure,
        strokes=variant.strokes or zone.strokes,
        angle=zone.angle if variant.angle is None else variant.angle,
    )


@dataclass(frozen=True)
class ChannelLine:
    """One drawable run of a channel on one side: positions and dashed flags."""

    channel: str
    side: Side | None
    stops: tuple[PlacedPoint, ...]
    internal: tuple[bool, ...]  # internal[i]: the segment ending at stops[i] runs inside


@dataclass(frozen=True)
class Catalog:
    """The drawing and the content joined and checked; what every surface reads."""

    face: Face
    frame: FaceFrame
    content: Content
    points: tuple[PlacedPoint, ...]
    zones: Mapping[str, ZoneInfo]
    areas: Mapping[str, ZoneArea]
    concerns: Mapping[str, Concern]
    channels: Mapping[str, Channel]
    pressures: Mapping[str, PressureLevel]
    neighbours: Mapping[str, frozenset[str]]  # zone id → ids of zones that touch it
    label_spots: Mapping[str, tuple[tuple[Vec, float], ...]]  # zone id → places for its number (left side)
    print_outlines: Mapping[str, tuple[Vec, ...]]  # area key → outline with the detail paper cannot show left out
    _points_by_key: Mapping[str, PlacedPoint] = field(repr=False)
    school: str = ""  # the school whose strokes `zones` and `areas` show; "" for the content's default

    @cached_property
    def schools(self) -> dict[str, School]:
        """In the content's order: the order menus, the comparison and the sheets list them in."""
        return {s.id: s for s in sorted(self.content.schools, key=lambda s: (s.order, s.id))}

    @cached_property
    def _variants(self) -> dict[str, Variant]:
        return {v.key: v for v in self.content.variants}

    @property
    def default_school(self) -> str:
        """The school today's strokes follow: the one the content marks default, else the first."""
        marked = [s.id for s in self.schools.values() if s.default]
        return marked[0] if marked else next(iter(self.schools), "")

    @property
    def current_school(self) -> str:
        return self.school or self.default_school

    def variant(self, zone: str, school: str | None = None) -> Variant:
        """How `school` (by default this catalog's) works `zone`.

        A zone a school has no variant for (a pack's new zone) keeps the zone's
        own strokes: its variant names no source, so nothing claims support.
        """
        school = school or self.current_school
        found = self._variants.get(f"{zone}/{school}")
        if found is not None:
            return found
        base = next(z for z in self.content.zones if z.id == zone)
        return Variant(zone, school, base.order, EMPTY_TEXT)

    def with_school(self, school: str) -> Catalog:
        """The same catalog with every zone's strokes, wording and order as `school` works them.

        Every surface that reads zones (map arrows, animation, panel, sheets,
        routines, the player) follows the school by being handed this catalog.
        """
        if school and school not in self.schools:
            raise KeyError(school)
        if school in self._schooled:
            return self._schooled[school]
        schooled = sorted(
            (_schooled(z, self.variant(z.id, school)) for z in self.content.zones), key=lambda z: (z.order, z.id)
        )
        zones = {z.id: z for z in schooled}
        areas = {
            key: replace(
                area,
                strokes=tuple(
                    tuple(self.frame.to_face(p, area.side) for p in line) for line in zones[area.zone].stroke_lines
                ),
            )
            for key, area in self.areas.items()
        }
        worked = replace(self, zones=zones, areas=areas, school=school)
        self._schooled[school] = worked
        return worked

    @cached_property
    def _schooled(self) -> dict[str, Catalog]:
        """Each school's catalog, built once: the panel asks for every school's view on each selection."""
        return {}

    @cached_property
    def index(self) -> ZoneIndex:
        """Built on first use: shapely (and numpy) load only when hit-testing starts."""
        from .geometry.zones import ZoneIndex

        return ZoneIndex({key: area.outline for key, area in self.areas.items()})

    def hit(self, x: float, y: float) -> ZoneArea | None:
        key = self.index.hit(x, y)
        return None if key is None else self.areas[key]

    def colour_slots(self, slots: int) -> dict[str, int]:
        """A colour slot per zone, touching zones on different slots (greedy, in zone order)."""
        chosen: dict[str, int] = {}
        for zone in sorted(self.zones.values(), key=lambda z: z.order):
            taken = {chosen[n] for n in self.neighbours.get(zone.id, ()) if n in chosen}
            chosen[zone.id] = next((slot for slot in range(slots) if slot not in taken), 0)
        return chosen

    def point(self, key: str) -> PlacedPoint:
        return self._points_by_key[key]

    def point_info(self, code: str) -> PointInfo:
        for placed in self.points:
            if placed.code == code:
                return placed.info
        raise KeyError(code)

    def points_in_zone(self, zone: str) -> tuple[PointInfo, ...]:
        seen: dict[str, PointInfo] = {}
        for placed in self.points:
            if placed.info.zone == zone:
                seen.setdefault(placed.code, placed.info)
        return tuple(seen.values())

    def is_edited(self, kind: str, key: str) -> bool:
        return f"{kind}:{key}" in self.content.edited

    def local_change(self, kind: str, key: str) -> str:
        """ "added" or "edited" for a record a user's pack touched, "" for one as shipped."""
        if f"{kind}:{key}" in self.content.added:
            return "added"
        return "edited" if self.is_edited(kind, key) else ""

    def placed(self, code: str, side: Side | None) -> PlacedPoint:
        """The copy of `code` on `side` (the single copy of a midline point)."""
        return self._points_by_key.get(code) or self._points_by_key[f"{code}.{side or Side.R}"]

    def channel_lines(self, code: str) -> tuple[ChannelLine, ...]:
        """Each course once per side; a course wholly on the midline once."""
        channel = self.channels[code]
        lines = []
        for course in channel.courses:
            one_sided = all(not self.point_info(step.code).bilateral for step in course)
            for side in (None,) if one_sided else tuple(Side):
                stops = tuple(
                    self.placed(step.code, None if side is None else side.opposite if step.opposite else side)
                    for step in course
                )
                lines.append(ChannelLine(code, side, stops, tuple(step.internal for step in course)))
        return tuple(lines)

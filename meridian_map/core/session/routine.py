"""A routine: the zones a practitioner works for one client, in order, each step possibly adjusted.

Records are frozen and every change returns a new routine, so the builder's
undo, the player and a saved copy can share one without copying. A routine
keeps only what differs from the catalog (a step without overrides follows
the zone as the content describes it), so rewording a zone in the content
reaches every saved routine.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from ..catalog import Catalog
from ..model import Concern, Variant, ZoneInfo
from ..output.sheet import SheetError, find_concern
from ..printable import printing_problem

FORMAT_VERSION = 1
MAX_NAME_CHARS = 80
MAX_STROKES = 50  # per line: more is no longer a facial stroke count but a typing slip
_ID = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


class RoutineError(ValueError):
    """A routine that cannot be built or read; the message names the field."""


class Sides(StrEnum):
    """Which sides of the face a step works: both alike, or the client's own right or left only."""

    BOTH = "both"
    RIGHT = "R"
    LEFT = "L"


@dataclass(frozen=True, slots=True)
class Step:
    """One zone of a routine; None means "as the content says"."""

    zone: str
    pressure: str | None = None
    strokes: int | None = None  # per line
    lines: tuple[int, ...] | None = None  # indices into the zone's stroke lines
    sides: Sides = Sides.BOTH

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"zone": self.zone}
        if self.pressure is not None:
            data["pressure"] = self.pressure
        if self.strokes is not None:
            data["strokes"] = self.strokes
        if self.lines is not None:
            data["lines"] = list(self.lines)
        if self.sides is not Sides.BOTH:
            data["sides"] = self.sides.value
        return data


@dataclass(frozen=True, slots=True)
class Routine:
    """Named steps, with the concerns they were built from (for the sheet's title).

    `school` is the technique school the steps are worked in; "" follows
    whatever school the catalog it is worked with shows (the app's choice).
    """

    name: str
    steps: tuple[Step, ...]
    concerns: tuple[str, ...] = ()
    school: str = ""

    def variants(self, catalog: Catalog) -> tuple[Variant, ...]:
        """Each step's variant: how the routine's school works its zone."""
        school = self.school or catalog.current_school
        return tuple(catalog.variant(step.zone, school) for step in self.steps)

    def with_school(self, catalog: Catalog, school: str) -> Routine:
        """Worked in `school` ("" for the app's); a step's chosen lines are kept only where the school has them."""
        if school and school not in catalog.schools:
            raise RoutineError(f"school: unknown school {school!r}; the schools are {', '.join(catalog.schools)}")
        lines = {z: len(info.stroke_lines) for z, info in worked(catalog, school).zones.items()}
        steps = tuple(
            replace(step, lines=None) if step.lines is not None and max(step.lines) >= lines.get(step.zone, 0) else step
            for step in self.steps
        )
        return replace(self, school=school, steps=steps)

    @property
    def zones(self) -> tuple[str, ...]:
        return tuple(step.zone for step in self.steps)

    def step(self, zone: str) -> Step:
        for step in self.steps:
            if step.zone == zone:
                return step
        raise RoutineError(f"the routine has no step for zone {zone!r}")

    def renamed(self, name: str) -> Routine:
        return replace(self, name=checked_name(name))

    def moved(self, zone: str, to: int) -> Routine:
        """The zone's step moved to position `to` (0-based, clamped), the others keeping their order."""
        step = self.step(zone)
        rest = [s for s in self.steps if s.zone != zone]
        rest.insert(max(0, min(to, len(rest))), step)
        return replace(self, steps=tuple(rest))

    def without(self, zone: str) -> Routine:
        self.step(zone)
        return replace(self, steps=tuple(s for s in self.steps if s.zone != zone))

    def with_zone(self, catalog: Catalog, zone: str, at: int | None = None) -> Routine:
        """The zone added at `at`, or by default where the working order puts it among the steps."""
        catalog = worked(catalog, self.school)
        info = _zone(catalog, zone, "zone")
        if zone in self.zones:
            raise RoutineError(f"zone {zone!r} is already in the routine")
        steps = list(self.steps)
        if at is None:
            orders = [catalog.zones[s.zone].order if s.zone in catalog.zones else 0 for s in steps]
            at = sum(1 for order in orders if order < info.order)
        steps.insert(max(0, min(at, len(steps))), Step(zone))
        return replace(self, steps=tuple(steps))

    def overridden(
        self,
        catalog: Catalog,
        zone: str,
        *,
        pressure: str | None = None,
        strokes: int | None = None,
        lines: Sequence[int] | None = None,
        sides: Sides | None = None,
    ) -> Routine:
        """The zone's step with the given fields changed; the others stay as they were."""
        step = self.step(zone)
        changed = replace(
            step,
            pressure=step.pressure if pressure is None else pressure,
            strokes=step.strokes if strokes is None else strokes,
            lines=step.lines if lines is None else tuple(lines),
            sides=step.sides if sides is None else sides,
        )
        _check_step(worked(catalog, self.school), changed, f"step[{zone}]")
        return replace(self, steps=tuple(changed if s.zone == zone else s for s in self.steps))

    def reset(self, zone: str) -> Routine:
        """The zone's step back to what the content says."""
        self.step(zone)
        return replace(self, steps=tuple(Step(zone) if s.zone == zone else s for s in self.steps))

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "format": FORMAT_VERSION,
            "name": self.name,
            "concerns": list(self.concerns),
            "steps": [step.to_dict() for step in self.steps],
        }
        if self.school:
            data["school"] = self.school
        return data


def worked(catalog: Catalog, school: str) -> Catalog:
    """The catalog as `school` works the zones; "" leaves it showing the school it already shows."""
    return catalog.with_school(school) if school and school != catalog.school else catalog


def routine_catalog(catalog: Catalog, routine: Routine) -> Catalog:
    """The catalog a routine is worked (and printed, and played) with: its own school's strokes."""
    return worked(catalog, routine.school)


def checked_name(name: object, field: str = "name") -> str:
    """A routine's name: printed on sheets, so it must print, and one line."""
    if not isinstance(name, str):
        raise RoutineError(f"{field}: expected a string, found {type(name).__name__}")
    text = name.strip()
    if not text:
        raise RoutineError(f"{field}: must not be empty")
    if len(text) > MAX_NAME_CHARS:
        raise RoutineError(f"{field}: {len(text)} characters (at most {MAX_NAME_CHARS})")
    if any(c in "\n\r\t" for c in text):
        raise RoutineError(f"{field}: must be one line")
    problem = printing_problem(text)
    if problem:
        raise RoutineError(f"{field}: {problem}")
    return text


def for_concerns(catalog: Catalog, concerns: Iterable[str], name: str | None = None, school: str = "") -> Routine:
    """Every zone the concerns work, each once, in the school's working order.

    This is the order and the set of zones of the concern's take-home sheet,
    so a default routine prints as today's sheet does; a school that starts
    elsewhere (drainage clears the neck first) reorders the steps.
    """
    if school and school not in catalog.schools:
        raise RoutineError(f"school: unknown school {school!r}; the schools are {', '.join(catalog.schools)}")
    catalog = worked(catalog, school)
    found: list[Concern] = []
    for wanted in concerns:
        try:
            concern = find_concern(catalog, wanted)
        except SheetError as exc:
            raise RoutineError(str(exc)) from None
        if concern.id not in (c.id for c in found):
            found.append(concern)
    if not found:
        raise RoutineError("name at least one concern")
    zones = {zone for concern in found for zone in concern.zones}
    ordered = sorted((catalog.zones[z] for z in zones), key=lambda z: (z.order, z.id))
    title = name if name is not None else " + ".join(c.name.get("en") for c in found)
    steps = tuple(Step(z.id) for z in ordered)
    return Routine(checked_name(title[:MAX_NAME_CHARS]), steps, tuple(c.id for c in found), school)


def from_dict(data: object, catalog: Catalog) -> Routine:
    """A routine from plain data (a saved file, a database row), checked field by field against the catalog."""
    if not isinstance(data, Mapping):
        raise RoutineError(f"routine: expected an object, found {type(data).__name__}")
    unknown = sorted(set(data) - {"format", "name", "concerns", "steps", "school"})
    if unknown:
        raise RoutineError(f"routine: unknown field {unknown[0]!r}")
    version = data.get("format", FORMAT_VERSION)
    if version != FORMAT_VERSION or isinstance(version, bool):
        raise RoutineError(f"format: {version!r} is not a routine format this version reads ({FORMAT_VERSION})")
    name = checked_name(data.get("name"))
    concerns = data.get("concerns", [])
    if not isinstance(concerns, list) or not all(isinstance(c, str) and c in catalog.concerns for c in concerns):
        raise RoutineError("concerns: expected a list of concern ids the content knows")
    school = data.get("school", "")
    if not isinstance(school, str) or (school and school not in catalog.schools):
        raise RoutineError(f"school: expected one of {', '.join(catalog.schools)}")
    raw_steps = data.get("steps")
    if not isinstance(raw_steps, list) or not raw_steps:
        raise RoutineError("steps: expected a non-empty list")
    steps: list[Step] = []
    lines_of = worked(catalog, school)
    for index, raw in enumerate(raw_steps):
        step = _step_from(raw, f"steps[{index}]")
        _check_step(lines_of, step, f"steps[{index}]")
        if step.zone in (s.zone for s in steps):
            raise RoutineError(f"steps[{index}].zone: {step.zone!r} comes twice")
        steps.append(step)
    return Routine(name, tuple(steps), tuple(concerns), school)


def _step_from(raw: object, label: str) -> Step:
    if not isinstance(raw, Mapping):
        raise RoutineError(f"{label}: expected an object, found {type(raw).__name__}")
    unknown = sorted(set(raw) - {"zone", "pressure", "strokes", "lines", "sides"})
    if unknown:
        raise RoutineError(f"{label}: unknown field {unknown[0]!r}")
    zone, pressure, strokes, lines = raw.get("zone"), raw.get("pressure"), raw.get("strokes"), raw.get("lines")
    if not isinstance(zone, str) or not _ID.match(zone):
        raise RoutineError(f"{label}.zone: expected a zone id")
    if pressure is not None and not isinstance(pressure, str):
        raise RoutineError(f"{label}.pressure: expected a pressure id")
    if strokes is not None and (isinstance(strokes, bool) or not isinstance(strokes, int)):
        raise RoutineError(f"{label}.strokes: expected a whole number")
    if lines is not None and (
        not isinstance(lines, list) or not all(isinstance(n, int) and not isinstance(n, bool) for n in lines)
    ):
        raise RoutineError(f"{label}.lines: expected a list of line numbers")
    try:
        sides = Sides(raw.get("sides", "both"))
    except ValueError:
        raise RoutineError(f"{label}.sides: expected one of both, R, L") from None
    return Step(zone, pressure, strokes, None if lines is None else tuple(lines), sides)


def _zone(catalog: Catalog, zone: str, label: str) -> ZoneInfo:
    info = catalog.zones.get(zone)
    if info is None:
        raise RoutineError(f"{label}: unknown zone {zone!r}; the zones are {', '.join(catalog.zones)}")
    return info


def _check_step(catalog: Catalog, step: Step, label: str) -> None:
    info = _zone(catalog, step.zone, f"{label}.zone")
    if step.pressure is not None and step.pressure not in catalog.pressures:
        raise RoutineError(
            f"{label}.pressure: unknown pressure {step.pressure!r}; choose one of {', '.join(catalog.pressures)}"
        )
    if step.strokes is not None and not 1 <= step.strokes <= MAX_STROKES:
        raise RoutineError(f"{label}.strokes: {step.strokes} is not between 1 and {MAX_STROKES}")
    if step.lines is not None:
        count = len(info.stroke_lines)
        if not step.lines:
            raise RoutineError(f"{label}.lines: keep at least one line (or leave the zone out)")
        if len(set(step.lines)) != len(step.lines):
            raise RoutineError(f"{label}.lines: a line comes twice")
        for line in step.lines:
            if not 0 <= line < count:
                raise RoutineError(f"{label}.lines: zone {step.zone!r} has lines 0 to {count - 1}, not {line}")

"""Applying a client's screening answers to a routine: a pure function over the checked checklist.

Each item says in data what a "yes" does (`assets/content/screening.toml`,
read and checked by `meridian_map.core.load.load_screening`): cap the
pressure, leave zones out (named, or the ones the client marks, possibly only
until some days after a date), postpone the session, add a caution or a
warning, or forbid point holds. `screen` only combines those kinds, so an
item with existing kinds needs no code. What screening removes is never
silent: every left-out zone and every capped pressure carries the items and
reasons behind it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..catalog import Catalog
from ..model import Text, Variant
from ..problems import suggest
from ..screeningmodel import Answer, EffectKind, Screening, ScreeningError
from .routine import Routine, Sides, routine_catalog


@dataclass(frozen=True, slots=True)
class ScreenedStep:
    """A step as it will be worked today, with why it differs from the routine."""

    number: int
    zone: str
    pressure: str
    planned_pressure: str
    capped_by: tuple[str, ...]  # items that lowered the pressure
    strokes: int  # per line
    lines: tuple[int, ...]
    sides: Sides
    hold_seconds: tuple[int, int] | None
    holds_dropped_by: tuple[str, ...]
    variant: Variant | None = None  # how the routine's school works the zone: its lines, direction and why


@dataclass(frozen=True, slots=True)
class LeftOut:
    """A routine zone not worked today, the items behind it and, for a wait, the first day it may be worked."""

    zone: str
    items: tuple[str, ...]
    reasons: tuple[Text, ...]
    until: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Notice:
    """A caution or warning to show with the routine, or the reason the session is postponed."""

    item: str
    kind: EffectKind
    text: Text


@dataclass(frozen=True, slots=True)
class ScreenedRoutine:
    routine: Routine
    answers: tuple[Answer, ...]
    today: dt.date
    steps: tuple[ScreenedStep, ...]
    left_out: tuple[LeftOut, ...]
    postponements: tuple[Notice, ...]
    notices: tuple[Notice, ...]

    @property
    def postponed(self) -> bool:
        return bool(self.postponements)


def parse_answer(spec: str, screening: Screening) -> Answer:
    """`recent-injectables:2026-11-20:forehead+brow` → an answer; the parts after the id in any order."""
    ident, *parts = spec.strip().split(":")
    item = screening.item(ident)
    date: dt.date | None = None
    zones: tuple[str, ...] = ()
    for part in parts:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", part.strip()):
            try:
                date = dt.date.fromisoformat(part.strip())
            except ValueError:
                raise ScreeningError(f"{item.id}: {part!r} is not a date") from None
        else:
            zones += tuple(z.strip().replace("-", "_") for z in part.split("+") if z.strip())
    return Answer(item.id, date, zones)


def check_answers(
    answers: Iterable[Answer], screening: Screening, catalog: Catalog, today: dt.date
) -> tuple[Answer, ...]:
    """The answers, each once, each with what its item asks for; ScreeningError says what is missing."""
    checked: dict[str, Answer] = {}
    for answer in answers:
        item = screening.item(answer.item)
        if item.id in checked:
            raise ScreeningError(f"{item.id}: answered twice")
        if "date" in item.asks and answer.date is None:
            raise ScreeningError(f"{item.id}: needs the date, e.g. {item.id}:{today.isoformat()}")
        if answer.date is not None:
            if "date" not in item.asks:
                raise ScreeningError(f"{item.id}: takes no date")
            if answer.date > today:
                raise ScreeningError(f"{item.id}: the date {answer.date.isoformat()} is after today")
        if "zones" in item.asks and not answer.zones:
            raise ScreeningError(f"{item.id}: mark at least one zone, e.g. {item.id}:forehead")
        if answer.zones and "zones" not in item.asks:
            raise ScreeningError(f"{item.id}: takes no zones")
        for zone in answer.zones:
            if zone not in catalog.zones:
                raise ScreeningError(f"{item.id}: unknown zone {zone!r}{suggest(zone, catalog.zones)}")
        checked[item.id] = Answer(item.id, answer.date, tuple(dict.fromkeys(answer.zones)))
    return tuple(checked.values())


def screen(
    routine: Routine,
    answers: Sequence[Answer],
    today: dt.date,
    screening: Screening,
    catalog: Catalog,
) -> ScreenedRoutine:
    """The routine as it may be worked today, given the client's yes answers.

    A postponed session keeps no steps: every zone is listed as left out,
    with the postponement's reason, so a sheet or a record still says why.
    """
    catalog = routine_catalog(catalog, routine)
    for step in routine.steps:
        if step.zone not in catalog.zones or (step.pressure is not None and step.pressure not in catalog.pressures):
            raise ScreeningError(f"the routine's step {step.zone!r} does not fit the content in use")
    answers = check_answers(answers, screening, catalog, today)
    caps: list[tuple[str, str]] = []  # (item, pressure level id)
    out: dict[str, list[tuple[str, Text, dt.date | None]]] = {}
    no_holds: list[str] = []
    postponements: list[Notice] = []
    notices: list[Notice] = []
    for answer in answers:
        item = screening.item(answer.item)
        for effect in item.effects:
            if effect.kind is EffectKind.CAP_PRESSURE and effect.pressure is not None:
                caps.append((item.id, effect.pressure))
            elif effect.kind is EffectKind.LEAVE_OUT:
                until = None
                if effect.wait_days is not None and answer.date is not None:
                    until = answer.date + dt.timedelta(days=effect.wait_days)
                    if today >= until:
                        continue
                for zone_id in answer.zones if effect.marked else effect.zones:
                    out.setdefault(zone_id, []).append((item.id, item.reason, until))
            elif effect.kind is EffectKind.POSTPONE:
                postponements.append(Notice(item.id, effect.kind, item.reason))
            elif effect.kind in (EffectKind.CAUTION, EffectKind.WARNING):
                notices.append(Notice(item.id, effect.kind, effect.text))
            elif effect.kind is EffectKind.NO_HOLDS:
                no_holds.append(item.id)
    steps: list[ScreenedStep] = []
    left_out: list[LeftOut] = []
    for step in routine.steps:
        zone = catalog.zones[step.zone]
        if postponements:
            reasons_of = tuple(dict.fromkeys(n.text for n in postponements))
            left_out.append(LeftOut(step.zone, tuple(dict.fromkeys(n.item for n in postponements)), reasons_of))
            continue
        if step.zone in out:
            reasons = out[step.zone]
            dates = [until for _i, _r, until in reasons if until is not None]
            wait_only = len(dates) == len(reasons)
            left_out.append(
                LeftOut(
                    step.zone,
                    tuple(dict.fromkeys(i for i, _r, _u in reasons)),
                    tuple(dict.fromkeys(r for _i, r, _u in reasons)),
                    max(dates) if dates and wait_only else None,
                )
            )
            continue
        planned = step.pressure or zone.pressure
        pressure, capped_by = planned, []
        for item_id, cap in caps:
            if catalog.pressures[cap].level < catalog.pressures[planned].level:
                capped_by.append(item_id)
                if catalog.pressures[cap].level < catalog.pressures[pressure].level:
                    pressure = cap
        holds = zone.hold_seconds
        steps.append(
            ScreenedStep(
                number=len(steps) + 1,
                zone=step.zone,
                pressure=pressure,
                planned_pressure=planned,
                capped_by=tuple(capped_by),
                strokes=step.strokes if step.strokes is not None else zone.strokes[1],
                lines=step.lines if step.lines is not None else tuple(range(len(zone.stroke_lines))),
                sides=step.sides,
                hold_seconds=None if no_holds else holds,
                holds_dropped_by=tuple(no_holds) if holds is not None else (),
                variant=catalog.variant(step.zone),
            )
        )
    return ScreenedRoutine(routine, answers, today, tuple(steps), tuple(left_out), tuple(postponements), tuple(notices))

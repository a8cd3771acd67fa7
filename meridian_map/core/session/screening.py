"""The screening checklist, read from content, and the pure function that applies the answers to a routine.

Each item says in data what a "yes" does (`assets/content/screening.toml`):
cap the pressure, leave zones out (named, or the ones the client marks,
possibly only until some days after a date), postpone the session, add a
caution or a warning, or forbid point holds. `screen` only combines those
kinds, so an item with existing kinds needs no code. What screening removes
is never silent: every left-out zone and every capped pressure carries the
items and reasons behind it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from importlib.resources.abc import Traversable
from typing import Any

from ..assets import CONTENT_DIR, SCREENING_FILE, shipped_assets
from ..catalog import Catalog
from ..content import Context, FieldError, integer, string, suggest, text
from ..fileread import MAX_TOML_BYTES, read_bounded
from ..model import EMPTY_TEXT, Source, Text
from ..problems import ContentError, Problems
from ..tomlsource import TomlFile, read_toml
from .routine import Routine, Sides

ITEM_ID = re.compile(r"^[a-z][a-z0-9-]{0,39}$")
MAX_ITEMS = 200
MAX_WAIT_DAYS = 3650
ASKS = ("date", "zones")


class ScreeningError(ValueError):
    """Answers that do not fit the checklist; the message names the item and what is missing."""


class EffectKind(StrEnum):
    CAP_PRESSURE = "cap_pressure"
    LEAVE_OUT = "leave_out"
    POSTPONE = "postpone"
    CAUTION = "caution"
    WARNING = "warning"
    NO_HOLDS = "no_holds"


# Per kind: the fields it needs and the ones it may have, besides `kind`.
EFFECT_FIELDS: Mapping[EffectKind, tuple[frozenset[str], frozenset[str]]] = {
    EffectKind.CAP_PRESSURE: (frozenset({"pressure"}), frozenset()),
    EffectKind.LEAVE_OUT: (frozenset(), frozenset({"zones", "marked", "wait_days"})),
    EffectKind.POSTPONE: (frozenset(), frozenset()),
    EffectKind.CAUTION: (frozenset({"text"}), frozenset()),
    EffectKind.WARNING: (frozenset({"text"}), frozenset()),
    EffectKind.NO_HOLDS: (frozenset(), frozenset()),
}
ITEM_FIELDS = frozenset({"id", "question", "reason", "asks", "source", "effect"})


@dataclass(frozen=True, slots=True)
class Effect:
    kind: EffectKind
    pressure: str | None = None
    zones: tuple[str, ...] = ()
    marked: bool = False  # the zones the client marks in the answer
    wait_days: int | None = None  # left out only until this many days after the answer's date
    text: Text = EMPTY_TEXT


@dataclass(frozen=True, slots=True)
class Item:
    """One question of the checklist and what a yes does."""

    id: str
    question: Text
    reason: Text
    asks: frozenset[str]
    source: str
    effects: tuple[Effect, ...]
    src: Source = field(default=Source("?"), compare=False)


@dataclass(frozen=True, slots=True)
class Screening:
    items: tuple[Item, ...]

    def item(self, wanted: str) -> Item:
        key = wanted.strip().lower().replace("_", "-")
        for item in self.items:
            if item.id == key:
                return item
        ids = [item.id for item in self.items]
        raise ScreeningError(f"unknown screening item {wanted!r}{suggest(key, ids)}; the items are {', '.join(ids)}")


@dataclass(frozen=True, slots=True)
class Answer:
    """A yes to one item, with what it asks for: the date of a treatment, the zones the client marks."""

    item: str
    date: dt.date | None = None
    zones: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"item": self.item}
        if self.date is not None:
            data["date"] = self.date.isoformat()
        if self.zones:
            data["zones"] = list(self.zones)
        return data


def answer_from_dict(data: object) -> Answer:
    """An answer as stored; only its shape is checked here, its sense by `screen`."""
    if not isinstance(data, Mapping) or not isinstance(data.get("item"), str):
        raise ScreeningError("answer: expected an object with an item id")
    unknown = sorted(set(data) - {"item", "date", "zones"})
    if unknown:
        raise ScreeningError(f"answer {data['item']!r}: unknown field {unknown[0]!r}")
    raw_date, zones = data.get("date"), data.get("zones", [])
    date = None
    if raw_date is not None:
        try:
            date = dt.date.fromisoformat(str(raw_date))
        except ValueError:
            raise ScreeningError(f"answer {data['item']!r}.date: {raw_date!r} is not a date like 2026-11-20") from None
    if not isinstance(zones, list) or not all(isinstance(z, str) for z in zones):
        raise ScreeningError(f"answer {data['item']!r}.zones: expected a list of zone ids")
    return Answer(str(data["item"]), date, tuple(zones))


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


def load_screening(catalog: Catalog, assets: Traversable | None = None) -> Screening:
    """The shipped checklist (or `assets`' one), checked against the catalog; ContentError lists every problem."""
    folder = (assets if assets is not None else shipped_assets()).joinpath(CONTENT_DIR)
    file = folder.joinpath(SCREENING_FILE)
    name = f"{CONTENT_DIR}/{SCREENING_FILE}"
    problems = Problems()
    try:
        raw = read_bounded(file, MAX_TOML_BYTES)
    except OSError as exc:
        problems.add(name, None, "file", f"cannot be read: {exc.strerror or exc}")
        raise ContentError(problems) from None
    toml = read_toml(raw, name, problems)
    if toml is None:
        raise ContentError(problems)
    screening = parse_screening(toml, catalog, problems)
    problems.raise_if_any()
    return screening


def parse_screening(toml: TomlFile, catalog: Catalog, problems: Problems) -> Screening:
    """Every item that checks out; each problem is reported with its line and the item is left out."""
    ctx = Context(catalog.content.languages)
    unknown = [key for key in toml.data if key != "item"]
    for key in unknown:
        problems.add(toml.name, toml.lines.key("", 0, key) or toml.lines.header(key, 0), key, "unknown top-level key")
    tables = toml.data.get("item")
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables) or not tables:
        problems.add(toml.name, None, "item", "expected the items written as [[item]]")
        return Screening(())
    if len(tables) > MAX_ITEMS:
        problems.add(toml.name, toml.lines.header("item", 0), "item", f"{len(tables):,} items (limit {MAX_ITEMS})")
        return Screening(())
    items: list[Item] = []
    seen: dict[str, int | None] = {}
    effect_index = 0
    for index, table in enumerate(tables):
        effects = table.get("effect", [])
        count = len(effects) if isinstance(effects, list) else 0
        item = _item(toml, index, effect_index, table, catalog, ctx, problems)
        effect_index += count
        if item is None:
            continue
        if item.id in seen:
            problems.add(toml.name, item.src.line, f"item[{item.id}]", f"duplicate id, first at line {seen[item.id]}")
            continue
        seen[item.id] = item.src.line
        items.append(item)
    return Screening(tuple(items))


def _item(
    toml: TomlFile,
    index: int,
    first_effect: int,
    table: dict[str, Any],
    catalog: Catalog,
    ctx: Context,
    problems: Problems,
) -> Item | None:
    line = toml.lines.header("item", index)
    ident = table.get("id")
    if not isinstance(ident, str) or not ITEM_ID.match(ident):
        problems.add(
            toml.name, toml.lines.key("item", index, "id"), f"item[{index + 1}].id", "expected an id like 'fever'"
        )
        return None
    label = f"item[{ident}]"
    ok = True

    def report(name: str, message: str, at: int | None = None) -> None:
        nonlocal ok
        problems.add(toml.name, at or toml.lines.key("item", index, name), f"{label}.{name}", message)
        ok = False

    for name in sorted(set(table) - ITEM_FIELDS):
        report(name, f"unknown key{suggest(name, ITEM_FIELDS)}")
    values: dict[str, Any] = {}
    for name, check in (("question", text), ("reason", text), ("source", string)):
        if name not in table:
            report(name, "required field is missing", line)
            continue
        try:
            values[name] = check(table[name], ctx)
        except FieldError as exc:
            report(name, str(exc))
    asks = table.get("asks", [])
    if not isinstance(asks, list) or not all(isinstance(a, str) and a in ASKS for a in asks):
        report("asks", f"expected a list of {' and '.join(repr(a) for a in ASKS)}")
        asks = []
    raw_effects = table.get("effect")
    if not isinstance(raw_effects, list) or not raw_effects or not all(isinstance(e, dict) for e in raw_effects):
        report("effect", "expected at least one [[item.effect]]", line)
        raw_effects = []
    effects = []
    for number, raw in enumerate(raw_effects):
        at = first_effect + number

        def effect_report(name: str, message: str, at: int = at, number: int = number) -> None:
            report(f"effect[{number + 1}].{name}", message, toml.lines.key("item.effect", at, name))

        effect = _effect(raw, frozenset(asks), catalog, ctx, effect_report)
        if effect is not None:
            effects.append(effect)
    if not ok:
        return None
    return Item(
        ident,
        values["question"],
        values["reason"],
        frozenset(asks),
        values["source"],
        tuple(effects),
        Source(toml.name, line),
    )


def _effect(
    raw: dict[str, Any], asks: frozenset[str], catalog: Catalog, ctx: Context, report: Callable[[str, str], None]
) -> Effect | None:
    try:
        kind = EffectKind(str(raw.get("kind")))
    except ValueError:
        report("kind", f"expected one of {', '.join(EffectKind)}{suggest(str(raw.get('kind')), list(EffectKind))}")
        return None
    needed, optional = EFFECT_FIELDS[kind]
    found = set(raw) - {"kind"}
    for name in sorted(found - needed - optional):
        report(name, f"not a field of a {kind} effect")
    for name in sorted(needed - found):
        report(name, f"a {kind} effect needs it")
    if found - needed - optional or needed - found:
        return None
    pressure, zones, marked, wait = raw.get("pressure"), raw.get("zones", []), raw.get("marked", False), None
    words = EMPTY_TEXT
    failed = False

    def bad(name: str, message: str) -> None:
        nonlocal failed
        report(name, message)
        failed = True

    if pressure is not None and pressure not in catalog.pressures:
        bad("pressure", f"unknown pressure {pressure!r}{suggest(str(pressure), catalog.pressures)}")
    if not isinstance(zones, list) or not all(isinstance(z, str) for z in zones):
        bad("zones", "expected a list of zone ids")
        zones = []
    for zone in zones:
        if zone not in catalog.zones:
            bad("zones", f"unknown zone {zone!r}{suggest(zone, catalog.zones)}")
    if not isinstance(marked, bool):
        bad("marked", "expected true or false")
    if "wait_days" in raw:
        try:
            wait = integer(raw["wait_days"], ctx)
            if not 1 <= wait <= MAX_WAIT_DAYS:
                raise FieldError(f"{wait} is not between 1 and {MAX_WAIT_DAYS}")
        except FieldError as exc:
            bad("wait_days", str(exc))
    if "text" in raw:
        try:
            words = text(raw["text"], ctx)
        except FieldError as exc:
            bad("text", str(exc))
    if failed:
        return None
    zones = tuple(zones)
    if kind is EffectKind.LEAVE_OUT:
        if bool(zones) == marked:
            report("zones", "a leave_out effect names its zones or says marked = true, one of the two")
            return None
        if marked and "zones" not in asks:
            report("marked", 'the item must ask for zones (asks = ["zones"])')
            return None
        if wait is not None and "date" not in asks:
            report("wait_days", 'the item must ask for a date (asks = ["date"])')
            return None
    return Effect(kind, pressure, zones, marked, wait, words)


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
            )
        )
    return ScreenedRoutine(routine, answers, today, tuple(steps), tuple(left_out), tuple(postponements), tuple(notices))

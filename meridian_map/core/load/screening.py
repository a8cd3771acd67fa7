"""Reading and checking the screening checklist, `content/screening.toml`, against a built catalog.

Kept apart from the catalog's own files (the catalog builder skips it) since
its items name zones and pressure levels, so it is checked after the catalog
is built; every problem names the file, line and field.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from importlib.resources.abc import Traversable
from typing import Any

from ..assets import CONTENT_DIR, SCREENING_FILE, shipped_assets
from ..catalog import Catalog
from ..model import EMPTY_TEXT, Source
from ..problems import ContentError, Problems, suggest
from ..screeningmodel import (
    ASKS,
    EFFECT_FIELDS,
    ITEM_FIELDS,
    ITEM_ID,
    MAX_ITEMS,
    MAX_WAIT_DAYS,
    Effect,
    EffectKind,
    Item,
    Screening,
)
from ..store.reading import MAX_TOML_BYTES, read_bounded
from .schema import Context, FieldError, integer, string, text
from .toml import TomlFile, read_toml


def load_screening(
    catalog: Catalog, assets: Traversable | None = None, user_dirs: Sequence[Traversable] = ()
) -> Screening:
    """The shipped checklist (or `assets`' one) and the items packs add; ContentError lists every problem.

    A pack's `screening.toml` (directly in its folder, like its other files)
    is read and checked the same way, but may only add items with new ids:
    an item with a shipped id is refused, so no pack can drop, reword or
    soften a shipped screening item.
    """
    folder = (assets if assets is not None else shipped_assets()).joinpath(CONTENT_DIR)
    problems = Problems()
    shipped = _read(folder.joinpath(SCREENING_FILE), f"{CONTENT_DIR}/{SCREENING_FILE}", catalog, problems)
    if shipped is None:
        raise ContentError(problems)
    items = list(shipped.items)
    for user_dir in user_dirs:
        file = user_dir.joinpath(SCREENING_FILE)
        if not file.is_file():
            continue
        added = _read(file, str(file), catalog, problems)
        for item in added.items if added is not None else ():
            if any(item.id == known.id for known in items):
                where = "a shipped item" if item.id in {s.id for s in shipped.items} else "an item already added"
                problems.add(
                    str(file), item.src.line, f"item[{item.id}]",
                    f"{where} has this id; a pack adds items with new ids and cannot change the shipped ones",
                )  # fmt: skip
                continue
            items.append(item)
    if len(items) > MAX_ITEMS:
        problems.add(str(user_dirs[-1]) if user_dirs else "", None, "item", f"{len(items):,} items (limit {MAX_ITEMS})")
    problems.raise_if_any()
    return Screening(tuple(items))


def _read(file: Traversable, name: str, catalog: Catalog, problems: Problems) -> Screening | None:
    try:
        raw = read_bounded(file, MAX_TOML_BYTES)
    except OSError as exc:
        problems.add(name, None, "file", f"cannot be read: {exc.strerror or exc}")
        return None
    toml = read_toml(raw, name, problems)
    if toml is None:
        return None
    return parse_screening(toml, catalog, problems)


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

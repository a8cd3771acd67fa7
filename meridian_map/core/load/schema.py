"""TOML content → validated records, with every problem collected.

Content comes in layers: the shipped assets first, then any user packs.
Records merge by id field by field, so a user file can reword one caution
without copying the whole zone; a record a user layer touched is marked so
the window can say "edited locally".
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..model import (
    EMPTY_TEXT,
    Channel,
    Concern,
    Content,
    CourseStep,
    Disclaimer,
    GuideLine,
    PointInfo,
    PressureLevel,
    Reference,
    School,
    Source,
    Text,
    Variant,
    Vec,
    Wording,
    ZoneInfo,
)
from ..printable import printing_problem
from ..problems import Problems, suggest
from .toml import TomlFile

MAX_RECORDS = 1_000  # of one kind, all layers together: the cross-checks grow with the square
MAX_UNKNOWN_KEYS = 5  # reported one by one per table; a hostile file may have thousands
ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
CODE_PATTERN = re.compile(r"^(?:[A-Z]{2}\d{1,2}|EX-[A-Z]{2}\d{1,2})$")
CHANNEL_PATTERN = re.compile(r"^[A-Z]{2}$")
VIEWS = ("front", "side")
REGIONS = ("face", "neck")  # where on the body a zone lies
COORD_LIMIT = 3.0


class FieldError(Exception):
    """A value that does not fit its field; the message says why."""


@dataclass
class Context:
    """What a field check needs to know beyond the value itself."""

    languages: tuple[str, ...]


Check = Callable[[Any, Context], Any]


def _type_name(value: Any) -> str:
    return {
        bool: "a boolean", int: "an integer", float: "a number", str: "a string",
        list: "an array", dict: "a table",
    }.get(type(value), type(value).__name__)  # fmt: skip


def string(value: Any, _ctx: Context) -> str:
    if not isinstance(value, str):
        raise FieldError(f"expected a string, found {_type_name(value)}")
    if not value.strip():
        raise FieldError("must not be empty")
    # Pack text reaches printed sheets: a character no bundled font draws would print as a box.
    problem = printing_problem(value)
    if problem:
        raise FieldError(problem)
    return value.strip()


def boolean(value: Any, _ctx: Context) -> bool:
    if not isinstance(value, bool):
        raise FieldError(f"expected true or false, found {_type_name(value)}")
    return value


def integer(value: Any, _ctx: Context) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise FieldError(f"expected an integer, found {_type_name(value)}")
    if not 0 <= value <= 10_000:
        raise FieldError(f"{value} is out of range 0..10000")
    return value


def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise FieldError(f"expected a number, found {_type_name(value)}")
    number = float(value)
    if not math.isfinite(number) or abs(number) > COORD_LIMIT:
        raise FieldError(f"{value} is not a face coordinate (|value| <= {COORD_LIMIT:g})")
    return number


def vec(value: Any, _ctx: Context) -> Vec:
    if not isinstance(value, list) or len(value) != 2:
        raise FieldError("expected [x, y]")
    return (_number(value[0]), _number(value[1]))


def int_range(value: Any, ctx: Context) -> tuple[int, int]:
    if not isinstance(value, list) or len(value) != 2:
        raise FieldError("expected [min, max]")
    low, high = integer(value[0], ctx), integer(value[1], ctx)
    if low > high or high == 0:
        raise FieldError(f"[{low}, {high}] is not a range from min to max")
    return (low, high)


def strings(value: Any, ctx: Context) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise FieldError(f"expected an array of strings, found {_type_name(value)}")
    return tuple(string(item, ctx) for item in value)


def polylines(value: Any, ctx: Context) -> tuple[tuple[Vec, ...], ...]:
    if not isinstance(value, list) or not value or len(value) > 8:
        raise FieldError("expected 1 to 8 lines, each [[x, y], …]")
    lines = []
    for line in value:
        if not isinstance(line, list) or not 2 <= len(line) <= 64:
            raise FieldError("each line needs 2 to 64 [x, y] points")
        lines.append(tuple(vec(p, ctx) for p in line))
    return tuple(lines)


def courses(value: Any, ctx: Context) -> tuple[tuple[CourseStep, ...], ...]:
    if not isinstance(value, list) or not value:
        raise FieldError("expected a list of courses, each a list of point codes")
    result = []
    for course in value:
        steps = []
        for token in strings(course, ctx):
            internal = token.startswith("~")
            opposite = token.endswith("*")
            code = token.strip("~*")
            if not CODE_PATTERN.match(code):
                raise FieldError(f"{token!r} is not a point code")
            steps.append(CourseStep(code, opposite, internal))
        if len(steps) < 2:
            raise FieldError("a course needs at least two points")
        result.append(tuple(steps))
    return tuple(result)


GUIDE_END = re.compile(r"^(?:[a-z][a-z_]{1,39}|(?:[A-Z]{2}\d{1,2}|EX-[A-Z]{2}\d{1,2})(?:@mid)?)$")
CUN = re.compile(r"^\d{1,2}(?:\.\d{1,2})?$")


def guide(value: Any, ctx: Context) -> tuple[GuideLine, ...]:
    """[[mark], [from, to], [from, to, cun], …]: the marks are checked against the drawing when it is built."""
    if not isinstance(value, list) or not 1 <= len(value) <= 12:
        raise FieldError("expected 1 to 12 steps, each [mark] or [from, to] or [from, to, cun]")
    steps = []
    for step in value:
        parts = strings(step, ctx)
        if not 1 <= len(parts) <= 3:
            raise FieldError(f"{list(parts)!r}: a step is [mark], [from, to] or [from, to, cun]")
        for end in parts[:2]:
            if not GUIDE_END.match(end):
                raise FieldError(f"{end!r} is not a landmark id or point code")
        if len(parts) == 3 and not CUN.match(parts[2]):
            raise FieldError(f"{parts[2]!r} is not a number of B-cun like '1.5'")
        steps.append(GuideLine(*parts))
    return tuple(steps)


def text(value: Any, ctx: Context) -> Text:
    if isinstance(value, str):
        raise FieldError(f"expected a table of translations {{ {', '.join(f'{lang} = …' for lang in ctx.languages)} }}")
    if not isinstance(value, dict):
        raise FieldError(f"expected a table of translations, found {_type_name(value)}")
    for lang in value:
        if lang not in ctx.languages:
            raise FieldError(f"unknown language {lang!r}{suggest(lang, ctx.languages)}")
    missing = [lang for lang in ctx.languages if lang not in value]
    if missing:
        raise FieldError(f"missing translation: {', '.join(missing)}")
    translations: dict[str, str] = {}
    for lang in ctx.languages:
        try:
            translations[lang] = string(value[lang], ctx)
        except FieldError as exc:
            raise FieldError(f"{lang}: {exc}") from None
    return Text.of(translations)


def pattern(regex: re.Pattern[str], what: str) -> Check:
    def check(value: Any, ctx: Context) -> str:
        result = string(value, ctx)
        if not regex.match(result):
            raise FieldError(f"{result!r} is not {what}")
        return result

    return check


def one_of(choices: Sequence[str]) -> Check:
    def check(value: Any, ctx: Context) -> str:
        result = string(value, ctx)
        if result not in choices:
            raise FieldError(f"{result!r} is not one of {', '.join(choices)}{suggest(result, choices)}")
        return result

    return check


identifier = pattern(ID_PATTERN, "a lower-case id like 'under_eye'")
VARIANT_KEY = "zone/school"  # a variant is known by its zone and school together, written "cheek/lift"


def channels_list(value: Any, ctx: Context) -> tuple[str, ...]:
    codes = strings(value, ctx)
    for code in codes:
        if not CHANNEL_PATTERN.match(code):
            raise FieldError(f"{code!r} is not a channel code like 'ST'")
    return codes


point_code = pattern(CODE_PATTERN, "a point code like 'ST1' or 'EX-HN3'")

# Each kind: (id field, {field: (check, required)}).
SCHEMA: dict[str, tuple[str, dict[str, tuple[Check, bool]]]] = {
    "pressure": ("id", {
        "id": (identifier, True), "level": (integer, True), "name": (text, True), "feel": (text, True),
    }),
    "point": ("code", {
        "code": (point_code, True), "pinyin": (string, True), "hanzi": (string, True),
        "english": (string, True), "channel": (pattern(CHANNEL_PATTERN, "a channel code like 'ST'"), True),
        "bilateral": (boolean, True), "at": (vec, True), "view": (one_of(VIEWS), True),
        "zone": (identifier, False), "internal": (boolean, False), "location": (text, True),
        "cautions": (text, True), "notes": (text, False), "who": (text, False), "cun": (text, False),
        "other_names": (strings, False), "category": (text, False),
        "meets": (channels_list, False), "guide": (guide, False), "side_at": (vec, False),
    }),
    "zone": ("id", {
        "id": (identifier, True), "order": (integer, True), "name": (text, True), "area": (text, True),
        "direction": (text, True), "pressure": (identifier, True), "pressure_note": (text, False),
        "strokes": (int_range, True), "angle": (integer, True), "hold_seconds": (int_range, False),
        "edge": (text, True), "nearby": (strings, False), "concerns": (strings, True),
        "cautions": (text, True), "tradition": (text, True), "stroke_lines": (polylines, True),
        "region": (one_of(REGIONS), False),
    }),
    "concern": ("id", {
        "id": (identifier, True), "name": (text, True), "description": (text, True),
        "caution": (text, False), "tradition": (text, False),
    }),
    "channel": ("code", {
        "code": (pattern(CHANNEL_PATTERN, "a channel code like 'ST'"), True), "name": (text, True),
        "yang_ming": (boolean, True), "courses": (courses, True),
    }),
    "source": ("text", {"text": (string, True)}),
    "reference": ("id", {
        "id": (identifier, True), "short": (string, True), "citation": (string, True), "supports": (text, True),
    }),
    "school": ("id", {
        "id": (identifier, True), "order": (integer, True), "name": (text, True), "description": (text, True),
        "sequence": (text, True), "sources": (strings, True), "default": (boolean, False),
    }),
    "variant": (VARIANT_KEY, {
        "zone": (identifier, True), "school": (identifier, True), "order": (integer, True), "why": (text, True),
        "direction": (text, False), "lines": (polylines, False), "pressure": (identifier, False),
        "strokes": (int_range, False), "angle": (integer, False), "follows": (channels_list, False),
        "sources": (strings, False), "gap": (text, False),
    }),
}  # fmt: skip
PANEL_WORDS = (
    "direction", "pressure", "strokes", "tool", "points", "nearby", "routine_for",
    "cautions", "tradition", "location", "zone", "notes", "positions",
    "per_line", "hold", "angle", "side_r", "side_l", "side_view", "internal",
    "who", "cun", "other_names", "category", "meets", "how_found", "how_found_shown", "scope",
    "course", "branch", "runs_inside", "other_side", "channel_points", "numbered",
)  # fmt: skip
SINGLE_TABLES: dict[str, dict[str, tuple[Check, bool]]] = {
    "disclaimer": {"full": (text, True), "short": (text, True), "footnote": (text, True)},
    "panel": {word: (text, True) for word in PANEL_WORDS},
}
SAFETY_TABLES = ("disclaimer",)  # text no pack may remove
TOP_LEVEL = ("languages", *SCHEMA, *SINGLE_TABLES)


@dataclass
class RawRecord:
    """A record as merged from the layers, each field remembering its origin."""

    kind: str
    key: str
    values: dict[str, Any] = field(default_factory=dict)
    where: dict[str, tuple[str, int | None]] = field(default_factory=dict)
    origin: tuple[str, int | None] = ("?", None)
    edited: bool = False
    layer: int = 0  # the layer that first declared the record
    shipped: dict[str, Any] = field(default_factory=dict)  # values a user layer replaced, as the first layer had them

    def source(self) -> Source:
        fields = tuple((k, line) for k, (_f, line) in self.where.items() if line is not None)
        elsewhere = tuple((k, file) for k, (file, _line) in self.where.items() if file != self.origin[0])
        return Source(self.origin[0], self.origin[1], fields, elsewhere)


def _record_key(id_field: str, table: dict[str, Any]) -> tuple[str | None, str]:
    """The record's key, or None and the field that is missing; a variant's key joins its zone and school."""
    parts = []
    for name in id_field.split("/"):
        value = table.get(name)
        if not isinstance(value, str) or not value.strip():
            return None, name
        parts.append(value.strip())
    return "/".join(parts), ""


class ContentMerger:
    """Accumulates layers of TOML files, then builds checked records."""

    def __init__(self, problems: Problems) -> None:
        self.problems = problems
        self.languages: tuple[str, ...] = ()
        self.languages_at: tuple[str, int | None] = ("?", None)
        self.records: dict[str, dict[str, RawRecord]] = {kind: {} for kind in (*SCHEMA, *SINGLE_TABLES)}
        self.full: set[str] = set()  # kinds that reached MAX_RECORDS
        self.layer = 0

    def add_layer(self, files: Iterable[TomlFile]) -> None:
        """Merge one layer; the same id twice within a layer is an error."""
        seen: dict[tuple[str, str], tuple[str, int | None]] = {}
        for toml in files:
            self._add_file(toml, seen)
        self.layer += 1

    def _add_file(self, toml: TomlFile, seen: dict[tuple[str, str], tuple[str, int | None]]) -> None:
        unknown = [key for key in toml.data if key not in TOP_LEVEL]
        for key in unknown[:MAX_UNKNOWN_KEYS]:
            line = toml.lines.key("", 0, key) or toml.lines.header(key, 0)
            self.problems.add(toml.name, line, key, f"unknown top-level key{suggest(key, TOP_LEVEL)}")
        if len(unknown) > MAX_UNKNOWN_KEYS:
            more = len(unknown) - MAX_UNKNOWN_KEYS
            self.problems.add(toml.name, None, "file", f"{more:,} more unknown top-level keys")
        for key, value in toml.data.items():
            if key not in TOP_LEVEL:
                continue
            line = toml.lines.key("", 0, key) or toml.lines.header(key, 0)
            if key == "languages":
                self._set_languages(value, toml.name, line)
            elif key in SINGLE_TABLES:
                if not isinstance(value, dict):
                    self.problems.add(toml.name, line, key, f"expected a table [{key}]")
                    continue
                self._merge(key, key, value, toml, key, 0, seen)
            elif not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
                self.problems.add(toml.name, line, key, f"expected tables written as [[{key}]]")
            elif len(value) > MAX_RECORDS:
                self.problems.add(toml.name, line, key, f"{len(value):,} entries (limit {MAX_RECORDS:,})")
            else:
                id_field = SCHEMA[key][0]
                for index, table in enumerate(value):
                    ident, missing = _record_key(id_field, table)
                    if ident is None:
                        at = toml.lines.key(key, index, missing)
                        self.problems.add(toml.name, at, f"{key}[{index + 1}].{missing}", "missing or not a string")
                        continue
                    self._merge(key, ident, table, toml, key, index, seen)

    def _set_languages(self, value: Any, file: str, line: int | None) -> None:
        if (
            not isinstance(value, list)
            or not value
            or not all(isinstance(v, str) and re.fullmatch(r"[a-z]{2,3}", v) for v in value)
        ):
            self.problems.add(file, line, "languages", 'expected a list of language codes like ["en", "zh"]')
            return
        if "en" not in value:
            self.problems.add(file, line, "languages", "English ('en') is required")
            return
        self.languages = tuple(dict.fromkeys([*self.languages, *value]))
        self.languages_at = (file, line)

    def _merge(
        self,
        kind: str,
        ident: str,
        table: dict[str, Any],
        toml: TomlFile,
        header: str,
        index: int,
        seen: dict[tuple[str, str], tuple[str, int | None]],
    ) -> None:
        header_line = toml.lines.header(header, index)
        if (kind, ident) in seen:
            first = seen[(kind, ident)]
            where = f"{first[0]}:{first[1]}" if first[1] else first[0]
            self.problems.add(toml.name, header_line, f"{kind}[{ident}]", f"duplicate id, first defined at {where}")
            return
        seen[(kind, ident)] = (toml.name, header_line)
        record = self.records[kind].get(ident)
        if record is None:
            if len(self.records[kind]) >= MAX_RECORDS:
                if kind not in self.full:  # said once, not for every record beyond
                    self.full.add(kind)
                    message = f"over {MAX_RECORDS:,} {kind} records"
                    self.problems.add(toml.name, header_line, f"{kind}[{ident}]", message)
                return
            record = RawRecord(kind, ident, origin=(toml.name, header_line), layer=self.layer)
            self.records[kind][ident] = record
        elif self.layer > 0:
            record.edited = True
            if record.layer == 0:
                for name in table:
                    if name in record.values:
                        record.shipped.setdefault(name, record.values[name])
        for name, value in table.items():
            record.values[name] = value
            record.where[name] = (toml.name, toml.lines.key(header, index, name))

    def build(self) -> Content | None:
        """Check every merged record and keep the valid ones.

        Invalid records are reported and left out, but their ids stay
        declared, so the cross-checks that follow still run (and report
        their own problems) without a cascade of "unknown id" errors.
        None only when there is no usable base (languages, disclaimer).
        """
        if not self.languages:
            self.problems.add("meta.toml", None, "languages", "no file declares the content languages")
            return None
        ctx = Context(self.languages)
        built: dict[str, list[tuple[RawRecord, dict[str, Any]]]] = {}
        kinds: dict[str, dict[str, tuple[Check, bool]]] = {k: f for k, (_i, f) in SCHEMA.items()} | SINGLE_TABLES
        for kind, fields in kinds.items():
            built[kind] = []
            for record in self.records[kind].values():
                values = self._check_record(record, fields, ctx)
                if values is not None:
                    built[kind].append((record, values))
        if not self.records["disclaimer"]:
            self.problems.add("meta.toml", None, "disclaimer", "missing [disclaimer] table")
            return None
        if not self.records["panel"]:
            self.problems.add("meta.toml", None, "panel", "missing [panel] table")
            return None
        if not built["disclaimer"] or not built["panel"]:
            return None
        return self._assemble(built)

    def _check_record(
        self, record: RawRecord, fields: dict[str, tuple[Check, bool]], ctx: Context
    ) -> dict[str, Any] | None:
        label = record.kind if record.kind in SINGLE_TABLES else f"{record.kind}[{record.key}]"
        values: dict[str, Any] = {}
        unknown = [name for name in record.values if name not in fields]
        for name in unknown[:MAX_UNKNOWN_KEYS]:
            file, line = record.where[name]
            self.problems.add(file, line, f"{label}.{name}", f"unknown key{suggest(name, fields)}")
        if len(unknown) > MAX_UNKNOWN_KEYS:
            self.problems.add(*record.origin, label, f"{len(unknown) - MAX_UNKNOWN_KEYS:,} more unknown keys")
        ok = not unknown
        if record.kind in SCHEMA:
            for id_name in SCHEMA[record.kind][0].split("/"):
                try:
                    fields[id_name][0](record.values[id_name], ctx)
                except FieldError as exc:
                    # A bad id is one mistake: the missing fields that follow from it would only bury the hint.
                    file, line = record.where[id_name]
                    others = [key for key in self.records[record.kind] if key != record.key]
                    self.problems.add(file, line, f"{label}.{id_name}", f"{exc}{suggest(record.key, others)}")
                    return None
        for name, raw in record.values.items():
            file, line = record.where[name]
            if name not in fields:
                continue
            try:
                values[name] = fields[name][0](raw, ctx)
            except FieldError as exc:
                self.problems.add(file, line, f"{label}.{name}", str(exc))
                ok = False
        for name, (_check, required) in fields.items():
            if required and name not in record.values:
                self.problems.add(record.origin[0], record.origin[1], f"{label}.{name}", "required field is missing")
                ok = False
        if record.kind in SAFETY_TABLES:
            ok = self._keeps_shipped_text(record, label) and ok
        return values if ok else None

    def _keeps_shipped_text(self, record: RawRecord, label: str) -> bool:
        """Safety text may be translated or added to by a pack, never cut or reworded in a shipped language."""
        ok = True
        for name, shipped in record.shipped.items():
            mine = record.values.get(name)
            if not isinstance(shipped, dict) or not isinstance(mine, dict):
                continue
            for lang, original in shipped.items():
                new = mine.get(lang)
                if not isinstance(original, str) or not isinstance(new, str):
                    continue
                if " ".join(original.split()) not in " ".join(new.split()):
                    file, line = record.where[name]
                    self.problems.add(
                        file, line, f"{label}.{name}",
                        f"the {lang!r} text must keep the shipped {record.kind} word for word: "
                        "a pack may add to it or translate it, not shorten or reword it",
                    )  # fmt: skip
                    ok = False
        return ok

    def _assemble(self, built: dict[str, list[tuple[RawRecord, dict[str, Any]]]]) -> Content:
        def src(record: RawRecord) -> Source:
            return record.source()

        pressures = tuple(
            sorted(
                (PressureLevel(v["id"], v["level"], v["name"], v["feel"]) for _r, v in built["pressure"]),
                key=lambda p: p.level,
            )
        )
        points = tuple(
            PointInfo(
                code=v["code"], pinyin=v["pinyin"], hanzi=v["hanzi"], english=v["english"],
                channel=v["channel"], bilateral=v["bilateral"], at=v["at"], view=v["view"],
                zone=v.get("zone", ""), internal=v.get("internal", False), location=v["location"],
                cautions=v["cautions"], notes=v.get("notes", EMPTY_TEXT), src=src(r),
                who=v.get("who", EMPTY_TEXT), cun=v.get("cun", EMPTY_TEXT), other_names=v.get("other_names", ()),
                category=v.get("category", EMPTY_TEXT), meets=v.get("meets", ()), guide=v.get("guide", ()),
                side_at=v.get("side_at"),
            )
            for r, v in built["point"]
        )  # fmt: skip
        zones = tuple(
            sorted(
                (
                    ZoneInfo(
                        id=v["id"], order=v["order"], name=v["name"], area=v["area"],
                        direction=v["direction"], pressure=v["pressure"],
                        pressure_note=v.get("pressure_note", EMPTY_TEXT), strokes=v["strokes"],
                        angle=v["angle"], hold_seconds=v.get("hold_seconds"), edge=v["edge"],
                        nearby=v.get("nearby", ()), concerns=v["concerns"], cautions=v["cautions"],
                        tradition=v["tradition"], stroke_lines=v["stroke_lines"],
                        region=v.get("region", "face"), src=src(r),
                    )
                    for r, v in built["zone"]
                ),
                key=lambda z: (z.order, z.id),
            )
        )  # fmt: skip
        concerns = tuple(
            Concern(
                id=v["id"], name=v["name"], description=v["description"],
                caution=v.get("caution", EMPTY_TEXT), tradition=v.get("tradition", EMPTY_TEXT), src=src(r),
            )
            for r, v in built["concern"]
        )  # fmt: skip
        channels = tuple(
            Channel(v["code"], v["name"], v["yang_ming"], v["courses"], src(r)) for r, v in built["channel"]
        )
        references = tuple(
            Reference(v["id"], v["short"], v["citation"], v["supports"], src(r)) for r, v in built["reference"]
        )
        schools = tuple(
            School(
                v["id"], v["order"], v["name"], v["description"], v["sequence"], v["sources"],
                v.get("default", False), src(r),
            )
            for r, v in built["school"]
        )  # fmt: skip
        variants = tuple(
            Variant(
                zone=v["zone"], school=v["school"], order=v["order"], why=v["why"],
                direction=v.get("direction", EMPTY_TEXT), lines=v.get("lines"), pressure=v.get("pressure"),
                strokes=v.get("strokes"), angle=v.get("angle"), follows=v.get("follows", ()),
                sources=v.get("sources", ()), gap=v.get("gap", EMPTY_TEXT), src=src(r),
            )
            for r, v in built["variant"]
        )  # fmt: skip
        disclaimer_values = built["disclaimer"][0][1]
        edited = frozenset(
            f"{kind}:{key}" for kind, records in self.records.items() for key, r in records.items() if r.edited
        )
        added = frozenset(
            f"{kind}:{key}" for kind, records in self.records.items() for key, r in records.items() if r.layer > 0
        )
        return Content(
            languages=self.languages,
            pressures=pressures,
            points=points,
            zones=zones,
            concerns=concerns,
            channels=channels,
            disclaimer=Disclaimer(disclaimer_values["full"], disclaimer_values["short"], disclaimer_values["footnote"]),
            panel=Wording(tuple((word, built["panel"][0][1][word]) for word in PANEL_WORDS)),
            sources=tuple(v["text"] for _r, v in built["source"]),
            edited=edited,
            added=added,
            declared={kind: frozenset(records) for kind, records in self.records.items()},
            complete=all(len(built[kind]) == len(self.records[kind]) for kind in built),
            schools=schools,
            variants=variants,
            references=references,
        )

"""What the printed sheets say and how their parts are sized, without Qt.

The cheat sheet beside the couch and the take-home sheet a patient leaves
with are built from the same catalog as the window, so a zone reads the same
on paper as on screen. Everything that can be decided without drawing lives
here (wording in both languages, which zones appear, numbering, hatch styles,
where a number sits on a zone, which shorter wording to fall back to) so it
can be tested headless; the Qt layer only measures text and draws.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from ..catalog import Catalog
from ..model import Concern, PointInfo, Vec, ZoneInfo
from ..text.wording import span
from .labels import EDITED_DISCLAIMER, LABELS

if TYPE_CHECKING:
    import datetime as dt

    from ..session.routine import Routine
    from ..session.routine import Step as RoutineStep


class Paper(StrEnum):
    A4 = "a4"
    LETTER = "letter"
    A3 = "a3"  # the wall charts'
    TABLOID = "tabloid"  # 11 × 17 in, the US wall size


MIN_BODY_PT = 9.0  # ux.md: nothing printed smaller
MARGIN_PT = 30.0
TABLE_COLUMNS = (0.05, 0.175, 0.42, 0.105, 0.095, 0.155)  # no., zone, direction, pressure, strokes, concerns
CHEAT_FACE_WIDTH = 0.5  # share of the text width the face takes on the cheat sheet
HOME_FACE_WIDTH = 0.40
YANG_MING_POINTS_PER_ZONE = 1
PALETTE_SLOTS = 6  # tints the drawing layer offers; touching zones never share one
# After a disclaimer a pack changed; the zh words are ones the bundled font subset draws.
CLAUSE_BREAKS = (", then ", "; ", ", starting ", "，然后", "，再", "；")
MIN_CLAUSE_CHARS, MIN_CLAUSE_HANZI = 24, 8  # a shortened direction must still say something
MAX_PAGES = 6  # a take-home sheet that needs more is refused: it is a handout, not a booklet

T = TypeVar("T")


# What a sheet says is immutable records: the small ones are NamedTuples, just as
# immutable and a sixth of a frozen dataclass's cost to define on every `sheet` run.
class Hatch(NamedTuple):
    """How a zone is filled on paper, so zones differ without colour.

    `angle` is in degrees, counter-clockwise from horizontal; `cross` adds
    lines at right angles; `dashed` breaks the lines; `dots` replaces the
    lines by a grid of dots.
    """

    angle: float
    cross: bool = False
    dashed: bool = False
    dots: bool = False

    def mirrored(self) -> Hatch:
        """The same hatch seen in a mirror, so both sides of the face look alike."""
        return Hatch((180.0 - self.angle) % 180.0, self.cross, self.dashed, self.dots)


# Neighbouring zones in the top-down order get clearly different angles.
HATCHES = (
    Hatch(0),
    Hatch(45),
    Hatch(0, dots=True),
    Hatch(135),
    Hatch(90),
    Hatch(45, cross=True),
    Hatch(0, dashed=True),
    Hatch(135, dashed=True),
    Hatch(0, cross=True),
    Hatch(60),
    Hatch(120),
    Hatch(90, dashed=True),
    Hatch(30),
)


class SheetError(ValueError):
    """A request the sheet cannot honour, worded for the person who made it."""


class ZoneMark(NamedTuple):
    """One zone as it appears on a sheet's face: its number and its hatch."""

    zone: str
    number: int
    hatch: Hatch
    palette: int
    label_at: Vec  # face units, on the side that carries the numbers
    room: float  # face units from label_at to the outline: how big a number fits inside
    spots: tuple[tuple[Vec, float], ...] = ()  # other places for the number, with their room, roomiest first


class Row(NamedTuple):
    """One line of the cheat sheet's table; tuples hold longer-to-shorter wordings."""

    number: int
    zone: str
    name: str
    points: str
    directions: tuple[str, ...]
    pressure_level: int
    pressure_name: str
    strokes: str
    concerns: tuple[str, ...]
    whole_concerns: int  # how many of the `concerns` wordings name every concern (the rest end "+N more")


class Numbered(NamedTuple):
    """A numbered caution; number 0 means unnumbered.

    It has one text, never a shorter one: a caution loses no sentence to
    make a sheet fit, which takes a second page instead.
    """

    number: int
    title: str
    text: str
    field: str = ""  # where a pack wrote it, `file:line: field`, to name it if it cannot be printed


class Step(NamedTuple):
    """One step of a take-home routine; `directions` runs from the full text to its gist."""

    number: int
    zone: str
    name: str
    directions: tuple[str, ...]
    pressure_level: int
    pressure: str
    pressure_feel: str
    strokes: str


@dataclass(frozen=True)
class SheetBase:
    """What every printed sheet carries: wording in one language, the marked zones, the disclaimer."""

    lang: str
    title: str
    subtitle: str
    date: str
    marks: tuple[ZoneMark, ...]
    disclaimer: str
    labels: Mapping[str, str]

    def label(self, key: str, **values: object) -> str:
        return self.labels[key].format(**values)


@dataclass(frozen=True)
class CheatSheet(SheetBase):
    """Every zone on one page, for students and the treatment room wall."""

    rows: tuple[Row, ...]
    cautions: tuple[Numbered, ...]
    stop_signs: str
    school: str = ""  # the technique school whose strokes the sheet prints


@dataclass(frozen=True)
class TakeHomeSheet(SheetBase):
    """A routine, step by step, for a patient to follow at home."""

    concern: str
    steps: tuple[Step, ...]
    cautions: tuple[Numbered, ...]
    before: str
    often: str
    often_honest: str
    note: str
    school: str = ""


Sheet = CheatSheet | TakeHomeSheet


def column_widths(total: float) -> tuple[float, ...]:
    return tuple(total * share for share in TABLE_COLUMNS)


def first_fit(candidates: Iterable[T], fits: Callable[[T], bool]) -> tuple[T, bool]:
    """The first candidate that fits, else the last one, flagged as not fitting.

    Candidates come ordered from most to least preferred (larger type,
    fuller wording), so the sheet only gives something up when it must.
    """
    last: T | None = None
    for candidate in candidates:
        if fits(candidate):
            return candidate, True
        last = candidate
    if last is None:
        raise ValueError("no candidates")
    return last, False


def first_sentence(text: str) -> str:
    """The opening sentence, for places where the whole text will not fit."""
    match = re.search(r"(?<=[.!?])\s+(?=[A-Z(“\"'])|(?<=[。！？])", text)
    return text[: match.start()].strip() if match and match.start() < len(text.rstrip()) else text.strip()


def main_clause(text: str) -> str:
    """The first sentence without asides or follow-on clauses, for the tightest cells.

    'Stroke up to the hairline, then out (some go down).' → 'Stroke up to the hairline.'
    What the clause drops (where a stroke continues) is still drawn on the face.
    """
    sentence = first_sentence(text)
    stop = "。" if sentence.endswith("。") else "."
    core = re.sub(r"\s*[(（][^()（）]*[)）]", "", sentence).rstrip("。.")
    for cut in CLAUSE_BREAKS:
        head, found, _ = core.partition(cut)
        shortest = MIN_CLAUSE_HANZI if any(is_hanzi(c) for c in head) else MIN_CLAUSE_CHARS
        if found and len(head) >= shortest:
            core = head
    return core.strip() + stop


def is_hanzi(character: str) -> bool:
    """A CJK unified ideograph. Compared directly: as a regex class this range takes ~1.5 ms to compile."""
    return "\u4e00" <= character <= "\u9fff"


def short_concern_name(name: str) -> str:
    """'Skin ageing and loss of firmness' → 'Skin ageing'; '痤疮（青春痘）' → '痤疮'."""
    for cut in (" and ", " or ", "（", " ("):
        if cut in name:
            return name.split(cut, 1)[0].strip()
    if "与" in name and len(name) > 4:
        return name.split("与", 1)[0]
    return name


def find_concern(catalog: Catalog, wanted: str) -> Concern:
    """A concern by id, or by its name in any language.

    Ids are written with underscores everywhere they are printed (the JSON
    export, messages, file names); hyphens are accepted too, since a person
    typing on a command line often reaches for them.
    """
    key = re.sub(r"[\s-]+", "_", wanted.strip().lower())
    if key in catalog.concerns:
        return catalog.concerns[key]
    for concern in catalog.concerns.values():
        if any(value.lower() == wanted.strip().lower() for _, value in concern.name.values):
            return concern
    import difflib  # only for a mistyped concern, so printing a sheet does not load it

    close = difflib.get_close_matches(key, list(catalog.concerns), n=3, cutoff=0.6)
    hint = f"did you mean {' or '.join(close)}?" if close else f"choose one of {', '.join(catalog.concerns)}"
    raise SheetError(f"unknown concern {wanted!r}; {hint}")


def printed_disclaimer(catalog: Catalog, lang: str) -> str:
    """The short disclaimer, saying so when a pack changed it: a reader must not take it for the shipped one."""
    text = catalog.content.disclaimer.short.get(lang)
    if not catalog.local_change("disclaimer", "disclaimer"):
        return text
    return text + EDITED_DISCLAIMER.get(lang, EDITED_DISCLAIMER["en"])


def printed_on(today: dt.date | None) -> str:
    """The ISO date a sheet is printed on, `today` or else the local date.

    The local date comes from the built-in `time` module: `datetime` would
    be imported for this alone.
    """
    return today.isoformat() if today is not None else time.strftime("%Y-%m-%d")


def default_filename(concern: str | None, lang: str) -> str:
    stem = "cheatsheet" if concern is None else concern
    suffix = "" if lang == "en" else f"-{lang}"
    return f"meridian-map-{stem}{suffix}.pdf"


def ordered_zones(catalog: Catalog, ids: Iterable[str] | None = None) -> list[ZoneInfo]:
    wanted = set(catalog.zones) if ids is None else set(ids)
    return sorted((z for z in catalog.zones.values() if z.id in wanted), key=lambda z: z.order)


def hatch_for(index: int) -> Hatch:
    return HATCHES[index % len(HATCHES)]


def spread(targets: Sequence[float], gap: float, low: float, high: float) -> list[float]:
    """Positions as close to `targets` (ascending) as possible, at least `gap` apart, within [low, high].

    Labels beside a drawing that crowd together are pushed apart as groups
    centred on their targets, so each stays near the thing it names.
    """
    clusters: list[list[float]] = []  # [start, count, sum of targets]
    for target in targets:
        clusters.append([target, 1, target])
        while len(clusters) > 1:
            last, before = clusters[-1], clusters[-2]
            if before[0] + before[1] * gap <= last[0]:
                break
            count, total = before[1] + last[1], before[2] + last[2]
            clusters[-2:] = [[total / count - (count - 1) * gap / 2, count, total]]
    positions = [start + i * gap for start, count, _ in clusters for i in range(int(count))]
    for i, position in enumerate(positions):
        positions[i] = max(position, low if i == 0 else positions[i - 1] + gap)
    for i in reversed(range(len(positions))):
        positions[i] = min(positions[i], high if i == len(positions) - 1 else positions[i + 1] - gap)
    return positions


def face_bounds(catalog: Catalog, pad: float = 4.0) -> tuple[float, float, float, float]:
    """x, y, width, height in face units around the line art and every zone."""
    xs: list[float] = []
    ys: list[float] = []
    for art in catalog.face.art:
        for command in art.commands:
            xs.extend(command.args[0::2])
            ys.extend(command.args[1::2])
    for area in catalog.areas.values():
        xs.extend(p[0] for p in area.outline)
        ys.extend(p[1] for p in area.outline)
    if not xs:
        box = catalog.face.view_box
        return (box.x, box.y, box.width, box.height)
    return (min(xs) - pad, min(ys) - pad, max(xs) - min(xs) + 2 * pad, max(ys) - min(ys) + 2 * pad)


def _marks(catalog: Catalog, zones: Sequence[ZoneInfo], slots: int) -> tuple[ZoneMark, ...]:
    palette = catalog.colour_slots(slots)
    every = ordered_zones(catalog)
    marks = []
    for number, zone in enumerate(zones, start=1):
        (at, room), *spots = catalog.label_spots[zone.id]
        hatch = hatch_for(every.index(zone))
        marks.append(ZoneMark(zone.id, number, hatch, palette[zone.id], at, room, tuple(spots)))
    return tuple(marks)


def _hold(zone: ZoneInfo, labels: Mapping[str, str]) -> tuple[str, ...]:
    return () if zone.hold_seconds is None else (labels["hold"].format(span=span(*zone.hold_seconds)),)


def _strokes(zone: ZoneInfo, labels: Mapping[str, str], strokes: int | None = None) -> str:
    count = span(*zone.strokes) if strokes is None else str(strokes)
    return " · ".join((labels["per_line"].format(span=count), *_hold(zone, labels)))


def _yang_ming_points(catalog: Catalog, zone: ZoneInfo) -> str:
    def yang_ming(info: PointInfo) -> bool:
        channel = catalog.channels.get(info.channel)
        return channel is not None and channel.yang_ming

    chosen = [p for p in catalog.points_in_zone(zone.id) if yang_ming(p) and not p.internal]
    chosen.sort(key=lambda p: (p.channel, int(re.sub(r"\D", "", p.code) or 0)))
    return "\n".join(f"{p.code} {p.pinyin} {p.hanzi}" for p in chosen[:YANG_MING_POINTS_PER_ZONE])


def _concern_lists(
    catalog: Catalog, zone: ZoneInfo, lang: str, labels: Mapping[str, str]
) -> tuple[tuple[str, ...], int]:
    """The zone's concerns, from every full name down to its few most telling ones.

    When only a few fit, the ones that fewest other zones serve come first:
    nearly every zone is in the routine for ageing skin, so naming that
    says little, while 'dark circles' on the under-eye row says a lot.
    """
    known = [catalog.concerns[c] for c in zone.concerns if c in catalog.concerns]
    separator = "、" if lang == "zh" else ", "

    def listed(names: Sequence[str]) -> str:
        return separator.join(name if i == 0 else _mid_sentence(name, lang) for i, name in enumerate(names))

    names = [c.name.get(lang) for c in known]
    short = [short_concern_name(n) for n in names]
    telling = [short_concern_name(c.name.get(lang)) for c in sorted(known, key=lambda c: len(c.zones))]
    whole = tuple(dict.fromkeys([listed(names), listed(short)]))
    cut = []
    for keep in (4, 3, 2, 1):
        if len(telling) > keep:
            more = labels["more"].format(count=len(telling) - keep, total=len(telling))
            cut.append(f"{listed(telling[:keep])} {more}")
    return whole + tuple(dict.fromkeys(c for c in cut if c not in whole)), len(whole)


def _variants(text: str, *shorter: Callable[[str], str]) -> tuple[str, ...]:
    """The text, then each shorter form that actually differs."""
    return tuple(dict.fromkeys((text, *(shorten(text) for shorten in shorter))))


def _labels(lang: str) -> Mapping[str, str]:
    if lang not in LABELS:
        raise SheetError(f"unknown language {lang!r}; sheets are available in {', '.join(LABELS)}")
    return LABELS[lang]


def _check_language(catalog: Catalog, lang: str) -> Mapping[str, str]:
    labels = _labels(lang)
    if lang not in catalog.content.languages:
        raise SheetError(f"the content has no {lang!r} texts; it has {', '.join(catalog.content.languages)}")
    return labels


def cheat_sheet(
    catalog: Catalog, lang: str = "en", today: dt.date | None = None, slots: int = PALETTE_SLOTS
) -> CheatSheet:
    labels = _check_language(catalog, lang)
    zones = ordered_zones(catalog)
    marks = _marks(catalog, zones, slots)
    rows = tuple(
        Row(
            number=mark.number,
            zone=zone.id,
            name=zone.name.get(lang),
            points=_yang_ming_points(catalog, zone),
            directions=_variants(first_sentence(zone.direction.get(lang)), main_clause),
            pressure_level=catalog.pressures[zone.pressure].level,
            pressure_name=catalog.pressures[zone.pressure].name.get(lang),
            strokes="\n".join((span(*zone.strokes), *_hold(zone, labels))),
            concerns=concerns,
            whole_concerns=whole,
        )
        for mark, zone, (concerns, whole) in zip(
            marks, zones, (_concern_lists(catalog, zone, lang, labels) for zone in zones), strict=True
        )
    )
    cautions = tuple(Numbered(0, "", line) for line in labels["cautions"].split("\n"))
    subtitle = labels["cheat_subtitle"].format(count=len(zones))
    if catalog.current_school != catalog.default_school:
        school = catalog.schools[catalog.current_school].name.get(lang)
        subtitle = labels["cheat_subtitle_school"].format(count=len(zones), school=school)
    return CheatSheet(
        lang=lang,
        title=labels["cheat_title"],
        subtitle=subtitle,
        date=labels["date"].format(date=printed_on(today)),
        marks=marks,
        disclaimer=printed_disclaimer(catalog, lang),
        labels=labels,
        rows=rows,
        cautions=cautions,
        stop_signs=labels["stop_signs"],
        school=catalog.current_school,
    )


def _school_line(catalog: Catalog, labels: Mapping[str, str], lang: str) -> str:
    """Which school's strokes a take-home sheet prints, when it is not the default's: they can run the other way."""
    school = catalog.schools.get(catalog.current_school)
    if school is None or school.id == catalog.default_school:
        return ""
    return labels["school"].format(school=school.name.get(lang))


def _mid_sentence(name: str, lang: str) -> str:
    """'Dark circles' reads naturally mid-sentence as 'dark circles'."""
    if lang == "en" and len(name) > 1 and (name[1].islower() or name[1] == " "):
        return name[0].lower() + name[1:]
    return name


def concern_routine(catalog: Catalog, concern_id: str) -> Routine:
    """A concern's default routine: every zone it works, in the working order, as the content describes them."""
    # Imported here: the routine module builds on this one, and the window starts without session code.
    from ..session.routine import RoutineError, for_concerns

    concern = find_concern(catalog, concern_id)
    try:
        return for_concerns(catalog, [concern.id])
    except RoutineError as exc:
        raise SheetError(str(exc)) from None


def _routine_zone(catalog: Catalog, step: RoutineStep) -> ZoneInfo:
    """The zone a step works, refused if the sheet would print it other than the routine says."""
    zone = catalog.zones.get(step.zone)
    if zone is None:
        raise SheetError(f"step {step.zone!r}: the content has no such zone")
    if step.pressure is not None and step.pressure not in catalog.pressures:
        raise SheetError(f"step {step.zone!r}: the content has no pressure {step.pressure!r}")
    if step.lines is not None or step.sides != "both":
        # The face shows every stroke line on both sides: a client must not follow more than was chosen.
        raise SheetError(f"step {step.zone!r}: a take-home sheet shows every line on both sides, not chosen ones")
    return zone


def take_home_sheet(
    catalog: Catalog,
    routine: Routine,
    lang: str = "en",
    note: str = "",
    today: dt.date | None = None,
    slots: int = PALETTE_SLOTS,
) -> TakeHomeSheet:
    """The routine step by step in its own order, with the cautions of its concerns and zones.

    A step's pressure and stroke count are the routine's where it sets them,
    else the content's, so a concern's default routine prints as it always has.
    """
    if routine.school and routine.school != catalog.school:
        catalog = catalog.with_school(routine.school)
    labels = _check_language(catalog, lang)
    concerns = [find_concern(catalog, concern_id) for concern_id in routine.concerns]
    zones = [_routine_zone(catalog, step) for step in routine.steps]
    marks = _marks(catalog, zones, slots)
    pressures = [
        catalog.pressures[step.pressure or zone.pressure] for step, zone in zip(routine.steps, zones, strict=True)
    ]
    steps = tuple(
        Step(
            number=mark.number,
            zone=zone.id,
            name=zone.name.get(lang),
            directions=_variants(zone.direction.get(lang), first_sentence, main_clause),
            pressure_level=pressure.level,
            pressure=labels["pressure_line"].format(name=pressure.name.get(lang)),
            pressure_feel=labels["feel"].format(feel=_mid_sentence(pressure.feel.get(lang), lang).rstrip("。")),
            strokes=_strokes(zone, labels, step.strokes),
        )
        for mark, zone, step, pressure in zip(marks, zones, routine.steps, pressures, strict=True)
    )
    cautions = [
        Numbered(0, "", concern.caution.get(lang), f"{concern.src.where('caution')}: concern[{concern.id}].caution")
        for concern in concerns
        if concern.caution.values
    ]
    for mark, zone in zip(marks, zones, strict=True):
        if zone.cautions.values:
            field = f"{zone.src.where('cautions')}: zone[{zone.id}].cautions"
            cautions.append(Numbered(mark.number, zone.name.get(lang), zone.cautions.get(lang), field))
    cautions.append(Numbered(0, "", labels["stop_signs"]))
    return TakeHomeSheet(
        lang=lang,
        title=labels["home_title"].format(
            concern=" + ".join(_mid_sentence(c.name.get(lang), lang) for c in concerns) or routine.name
        ),
        subtitle="\n".join(
            [*(concern.description.get(lang) for concern in concerns), _school_line(catalog, labels, lang)]
        ).strip(),
        date=labels["date"].format(date=printed_on(today)),
        marks=marks,
        disclaimer=printed_disclaimer(catalog, lang),
        labels=labels,
        concern=" + ".join(routine.concerns),
        steps=steps,
        cautions=tuple(cautions),
        before=labels["before_text"],
        often=labels["often_text"],
        often_honest=labels["often_honest"],
        note=note.strip(),
        school=catalog.current_school,
    )


def build_sheet(
    catalog: Catalog, concern: str | None = None, lang: str = "en", note: str = "", today: dt.date | None = None
) -> Sheet:
    """The take-home sheet for a concern, else the cheat sheet."""
    if concern:
        return take_home_sheet(catalog, concern_routine(catalog, concern), lang, note, today)
    return cheat_sheet(catalog, lang, today)


def sheet_characters(sheet: Sheet) -> set[str]:
    """Every character the sheet prints, to check the bundled font covers them."""
    parts: list[str] = [sheet.title, sheet.subtitle, sheet.date, sheet.disclaimer, *sheet.labels.values()]
    if isinstance(sheet, CheatSheet):
        for row in sheet.rows:
            parts.extend((row.name, row.points, *row.directions, row.pressure_name, row.strokes, *row.concerns))
    else:
        parts.extend((sheet.before, sheet.often, sheet.often_honest, sheet.note))
        for step in sheet.steps:
            parts.extend((step.name, *step.directions, step.pressure, step.pressure_feel, step.strokes))
    for item in sheet.cautions:
        parts.extend((item.title, item.text))
    return {ch for part in parts for ch in part if not ch.isspace()}

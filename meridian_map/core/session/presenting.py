"""What the presentation player says about a step, in a client's words: no Qt, so it is tested headless.

A client watching the player hears the take-home sheet's wording (the
zone's name and directions, the pressure's name and how it feels, strokes
per line), never the theory; point codes appear only in `codes`, which the
screen shows when the practitioner asks for them. Why a step's pressure was
lowered and why zones were left out comes from the screening items' own
reasons, in the content's words.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..catalog import Catalog
from ..model import Text
from ..output.labels import LABELS
from ..text.wording import span
from .routine import Sides
from .screening import LeftOut, ScreenedStep

NECK = "neck"  # the zones' region below the jaw: without one of them, the player shows the face only
FACE_PAD = 6.0  # face units kept around the cropped face
_ASIDE = re.compile(r"\s?\([^()]*\)|（[^（）]*）")
_PREPOSITIONS = "(?:toward|towards|to|at|from|on|over|near|past|along)"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=[。！？])")


@dataclass(frozen=True, slots=True)
class StepWords:
    """One step as the player words it."""

    name: str
    direction: str  # without point names (see plain_direction)
    full_direction: str  # as the content words it, for when codes are shown
    pressure: str  # the pressure's name, as worked today
    feel: str  # how that pressure feels
    level: int
    levels: int  # the top of the pressure scale, for the gauge
    planned: str  # the routine's pressure name when screening lowered it, else ""
    lowered_because: tuple[str, ...]  # the screening reasons that lowered it
    strokes: str  # "8 strokes per line"
    hold: str  # "hold 3–5 s", or "" when the step has no holds today
    codes: str  # the zone's area with its point codes: shown only when asked for
    sides: Sides


def step_words(catalog: Catalog, step: ScreenedStep, lang: str, reasons: Mapping[str, Text]) -> StepWords:
    """`reasons` maps a screening item id to its reason, for the items that capped the step's pressure."""
    labels = LABELS.get(lang, LABELS["en"])
    zone = catalog.zones[step.zone]
    pressure = catalog.pressures[step.pressure]
    planned = catalog.pressures[step.planned_pressure]
    hold = "" if step.hold_seconds is None else labels["hold"].format(span=span(*step.hold_seconds))
    return StepWords(
        name=zone.name.get(lang),
        direction=plain_direction(catalog, zone.direction.get(lang)),
        full_direction=zone.direction.get(lang),
        pressure=pressure.name.get(lang),
        feel=pressure.feel.get(lang),
        level=pressure.level,
        levels=max(p.level for p in catalog.pressures.values()),
        planned=planned.name.get(lang) if step.capped_by else "",
        lowered_because=tuple(dict.fromkeys(reasons[i].get(lang) for i in step.capped_by if i in reasons)),
        strokes=labels["per_line"].format(span=step.strokes),
        hold=hold,
        codes=zone.area.get(lang),
        sides=step.sides,
    )


def plain_direction(catalog: Catalog, text: str) -> str:
    """The directions without what names points by code or name: that is for the practitioner.

    A bracketed aside that names a point goes ("（承浆）"), and so does a
    later sentence that names one ("Some routines stroke upward instead,
    from LI20 to Bitong."). The first sentence always stays, since it says
    the stroke itself.
    """
    names = {p.info.code for p in catalog.points} | {p.info.pinyin for p in catalog.points if p.info.pinyin}
    # A point's hanzi is often an everyday word too (太阳穴 is the temple): only an aside is judged by them.
    hanzi = {p.info.hanzi for p in catalog.points if p.info.hanzi}

    def names_a_point(part: str) -> bool:
        return any(re.search(rf"(?<![A-Za-z0-9]){re.escape(n)}(?![A-Za-z0-9])", part) for n in names)

    def aside(match: re.Match[str]) -> str:
        part = match.group(0)
        return "" if names_a_point(part) or any(h in part for h in hanzi) else part

    text = _ASIDE.sub(aside, text.strip())
    first, *rest = [part for part in _SENTENCE_END.split(text) if part]
    for name in sorted(names, key=len, reverse=True):  # "toward TE17" in the stroke's own sentence
        first = re.sub(rf"\s+{_PREPOSITIONS}\s+{re.escape(name)}(?![A-Za-z0-9])", "", first)
    joiner = "" if any("\u4e00" <= c <= "\u9fff" for c in text) else " "
    return joiner.join([first, *(part for part in rest if not names_a_point(part))])


def left_out_groups(catalog: Catalog, left_out: Sequence[LeftOut], lang: str) -> tuple[tuple[str, str], ...]:
    """(zone names, reason) for each distinct reason, zones in the routine's order: one line per reason."""
    groups: dict[str, list[str]] = {}
    separator = "、" if lang == "zh" else ", "
    for left in left_out:
        for reason in left.reasons:
            names = groups.setdefault(reason.get(lang), [])
            name = catalog.zones[left.zone].name.get(lang)
            if name not in names:
                names.append(name)
    return tuple((separator.join(names), reason) for reason, names in groups.items())


def face_box(catalog: Catalog, zones: Sequence[str]) -> tuple[float, float, float, float]:
    """x, y, width, height in face units the player shows: the whole drawing, or the face alone.

    Without a neck zone in the routine the neck is cut off below the lowest
    zone of the face, so the face fills more of the screen. A zone is on the
    neck by its content's `region`, so a pack's neck zone is cropped alike.
    """
    from ..output.sheet import face_bounds  # the sheet module is large; the player needs one function of it

    x, y, width, height = face_bounds(catalog)
    if any(catalog.zones[zone].region == NECK for zone in zones):
        return (x, y, width, height)
    lowest = max(
        (p[1] for area in catalog.areas.values() if catalog.zones[area.zone].region != NECK for p in area.outline),
        default=y + height,
    )
    return (x, y, width, min(height, lowest + FACE_PAD - y))

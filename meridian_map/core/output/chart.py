"""The wall charts: the zones with a big face, and every point labelled, for A3 or Tabloid as well as A4.

A chart is read from across a room, so the face takes at least half the
page and the words go beside and below it in full: every zone's line,
every caution. Where a chart cannot say it all on one page it runs on to a
second, never to "+N more".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from ..catalog import Catalog
from ..model import Side, Vec
from ..text.wording import span
from .sheet import (
    CheatSheet,
    Numbered,
    Sheet,
    SheetBase,
    SheetError,
    _check_language,
    cheat_sheet,
    printed_disclaimer,
    printed_on,
)

if TYPE_CHECKING:
    import datetime as dt


class ChartZone(NamedTuple):
    """A zone's entry beside the chart's face: everything the cheat sheet's row says, unshortened."""

    number: int
    zone: str
    name: str
    direction: str
    line: str  # strokes, hold and pressure
    pressure_level: int
    concerns: str
    cautions: str


@dataclass(frozen=True)
class ZoneChart(SheetBase):
    """The zones on a big face, numbered and with their strokes on both sides."""

    zones: tuple[ChartZone, ...]
    cautions: tuple[Numbered, ...]
    stop_signs: str
    grayscale: bool


class PointLabel(NamedTuple):
    """A point's label on the chart: which copy it names and on which side of the face it sits."""

    code: str
    channel: str
    text: str  # the code and the name a reader of the chart's language knows it by
    names: str  # every name: pinyin, hanzi and, in English, the translation
    at: Vec  # the labelled copy, face units
    left: bool  # the label column left of the face (the subject's right side)


@dataclass(frozen=True)
class PointChart(SheetBase):
    """Every point of the face, each labelled once with its code and names."""

    points: tuple[PointLabel, ...]
    channels: tuple[tuple[str, str], ...]  # code, name: the legend, channels with points on the chart
    names_title: str
    grayscale: bool


def zone_chart(catalog: Catalog, lang: str = "en", grayscale: bool = False, today: dt.date | None = None) -> ZoneChart:
    """The cheat sheet's content in full: each zone's direction, its concerns and its own cautions."""
    labels = _check_language(catalog, lang)
    cheat: CheatSheet = cheat_sheet(catalog, lang, today)
    zones = []
    for row in cheat.rows:
        zone = catalog.zones[row.zone]
        pressure = catalog.pressures[zone.pressure].name.get(lang)
        hold = [] if zone.hold_seconds is None else [labels["hold"].format(span=span(*zone.hold_seconds))]
        strokes = " · ".join([labels["per_line"].format(span=span(*zone.strokes)), *hold])
        zones.append(
            ChartZone(
                number=row.number,
                zone=row.zone,
                name=row.name,
                direction=zone.direction.get(lang),
                line=labels["chart_zone_line"].format(strokes=strokes, pressure=pressure),
                pressure_level=row.pressure_level,
                concerns=labels["chart_concerns"].format(concerns=row.concerns[0]),
                cautions=labels["chart_caution"].format(text=zone.cautions.get(lang)),
            )
        )
    return ZoneChart(
        lang=lang,
        title=labels["chart_title"],
        subtitle=_chart_subtitle(catalog, labels, lang, len(zones)),
        date=cheat.date,
        marks=cheat.marks,
        disclaimer=cheat.disclaimer,
        labels=labels,
        zones=tuple(zones),
        cautions=cheat.cautions,
        stop_signs=cheat.stop_signs,
        grayscale=grayscale,
    )


def point_chart(
    catalog: Catalog, lang: str = "en", grayscale: bool = False, today: dt.date | None = None
) -> PointChart:
    """Each point once: a bilateral point on the side with fewer labels so far, so the columns balance.

    Points are taken top to bottom, and a midline point goes to whichever
    column is shorter, so both columns run down the page in the order of
    the points they name and their leader lines seldom cross.
    """
    labels = _check_language(catalog, lang)
    copies: dict[str, dict[Side | None, Vec]] = {}
    for placed in catalog.points:
        copies.setdefault(placed.code, {})[placed.side] = placed.pos
    order = sorted(copies, key=lambda code: (min(y for _, y in copies[code].values()), code))
    counts = {True: 0, False: 0}
    chosen: list[PointLabel] = []
    for code in order:
        info = catalog.point_info(code)
        left = counts[True] <= counts[False]
        side = None if None in copies[code] else (Side.R if left else Side.L)
        at = copies[code][side]
        if side is None:
            left = at[0] <= catalog.frame.center_x if counts[True] == counts[False] else left
        counts[left] += 1
        short = info.hanzi if lang == "zh" else info.pinyin
        names = f"{info.hanzi} {info.pinyin}" if lang == "zh" else f"{info.pinyin} {info.hanzi}, {info.english}"
        chosen.append(PointLabel(code, info.channel, f"{code} {short}", names, at, left))
    present = {label.channel for label in chosen}
    yang_ming = [code for code, channel in catalog.channels.items() if channel.yang_ming and code in present]
    shown = [*yang_ming, *sorted(present - set(yang_ming))]
    channels = tuple(
        (code, catalog.channels[code].name.get(lang) if code in catalog.channels else labels["points_extra"])
        for code in shown
    )
    return PointChart(
        lang=lang,
        title=labels["points_title"],
        subtitle=labels["points_subtitle"].format(count=len(chosen)),
        date=labels["date"].format(date=printed_on(today)),
        marks=(),
        disclaimer=printed_disclaimer(catalog, lang),
        labels=labels,
        points=tuple(chosen),
        channels=channels,
        names_title=labels["points_names"],
        grayscale=grayscale,
    )


Printed = Sheet | ZoneChart | PointChart  # anything the sheet renderer draws

CHART_LAYOUTS = ("chart", "points")


def build_chart(
    catalog: Catalog, layout: str, lang: str = "en", grayscale: bool = False, today: dt.date | None = None
) -> ZoneChart | PointChart:
    if layout == "chart":
        return zone_chart(catalog, lang, grayscale, today)
    if layout == "points":
        return point_chart(catalog, lang, grayscale, today)
    raise SheetError(f"unknown layout {layout!r}; choose table, {' or '.join(CHART_LAYOUTS)}")


def _chart_subtitle(catalog: Catalog, labels: Mapping[str, str], lang: str, count: int) -> str:
    """A chart in a school other than the default says so: its order and arrows are that school's."""
    if catalog.current_school == catalog.default_school or catalog.current_school not in catalog.schools:
        return labels["chart_subtitle"].format(count=count)
    school = catalog.schools[catalog.current_school].name.get(lang)
    return labels["chart_subtitle_school"].format(count=count, school=school)

"""What a typed or saved name points at: one side of a zone, one copy of a point, or a concern.

A person types `cheek`, `CHEEK_L`, `under-eye`, `ST2`, `st2.l` or
`dark_circles`, or a channel's code `ST`; the settings file and
`--select` hold the same kinds of text; a search hit names a zone id or a
point code. All of them become a typed target here, by one set of rules, so
that the window, the command line and a restored session agree on what a
name selects. A name alone picks a default: a zone without a side is the
subject's right side, a point code without one is its first drawn copy.
"""

from __future__ import annotations

from dataclasses import dataclass

from .catalog import Catalog
from .model import Side


@dataclass(frozen=True, slots=True)
class ZoneTarget:
    """One drawn side of a zone, by its area key (`cheek_r`)."""

    area: str


@dataclass(frozen=True, slots=True)
class PointTarget:
    """One drawn copy of a point, by its key (`ST2.L`, or `EX-HN3` on the midline)."""

    key: str


@dataclass(frozen=True, slots=True)
class ConcernTarget:
    """A skin concern, by its id (`dark_circles`)."""

    id: str


@dataclass(frozen=True, slots=True)
class ChannelTarget:
    """A channel, by its code (`ST`)."""

    code: str


Target = ZoneTarget | PointTarget | ConcernTarget | ChannelTarget


def zone_target(zone: str) -> ZoneTarget:
    """A zone named without a side means the subject's right side, as the map first shows it."""
    return ZoneTarget(f"{zone}_{Side.R.lower()}")


def point_target(catalog: Catalog, code: str) -> PointTarget | None:
    """A point code named without a side means its first drawn copy; None for a code not drawn."""
    for placed in catalog.points:
        if placed.code == code:
            return PointTarget(placed.key)
    return None


def resolve(catalog: Catalog, text: str) -> Target | None:
    """The target `text` names, in any case and with spaces around it; None when it names nothing.

    Exact names win over defaults: an area key, then a zone id, then a
    point's key, then a point code, then a concern. A side given to a midline
    point (`EX-HN3.L`) still selects it: there is only one copy to mean. Zone
    and concern ids are written with underscores, a channel by its code; hyphens (`under-eye`,
    `dark-circles`) are taken as the same id.
    """
    wanted = text.strip().casefold()
    ident = wanted.replace("-", "_")
    areas = {area.casefold(): area for area in catalog.areas}
    zones = {zone.casefold(): zone for zone in catalog.zones}
    points = {p.key.casefold(): p.key for p in catalog.points}
    codes = {p.code.casefold(): p.code for p in catalog.points}
    concerns = {concern.casefold(): concern for concern in catalog.concerns}
    code, _, side = wanted.rpartition(".")
    if ident in areas:
        return ZoneTarget(areas[ident])
    if ident in zones:
        return zone_target(zones[ident])
    if wanted in points:
        return PointTarget(points[wanted])
    if wanted in codes:
        return point_target(catalog, codes[wanted])
    if side in (s.casefold() for s in Side) and code in points:
        return PointTarget(points[code])
    if ident in concerns:
        return ConcernTarget(concerns[ident])
    channels = {channel.casefold(): channel for channel in catalog.channels}
    if wanted in channels:
        return ChannelTarget(channels[wanted])
    return None

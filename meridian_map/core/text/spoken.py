"""What a screen reader says for a zone side or a point: a short name, then how it is worked or where it is.

Built from content only (names, sides, the first sentence of the direction,
the pressure's name), so it reads in the content's languages, and the map
announces the same words whether the pointer or the keyboard reached the item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..catalog import Catalog
from ..model import Side
from .wording import channel_name

_SENTENCE_END = re.compile(r"(?<=[.!?。！？])\s*")


@dataclass(frozen=True)
class Spoken:
    name: str
    description: str


def first_sentence(text: str) -> str:
    return _SENTENCE_END.split(text.strip(), maxsplit=1)[0]


def _side(catalog: Catalog, side: Side | None, lang: str) -> str:
    if side is None:
        return ""
    return catalog.content.panel.get("side_r" if side is Side.R else "side_l", lang)


def spoken_area(catalog: Catalog, area_key: str, lang: str = "en") -> Spoken:
    """ "Cheek, subject's left side", and the first sentence of its direction followed by "Pressure: Light"."""
    area = catalog.areas[area_key]
    zone = catalog.zones[area.zone]
    words = catalog.content.panel
    pressure = catalog.pressures[zone.pressure]
    return Spoken(
        f"{zone.name.get(lang)}, {_side(catalog, area.side, lang)}",
        f"{first_sentence(zone.direction.get(lang))} {words.get('pressure', lang)}: {pressure.name.get(lang)}",
    )


def spoken_point(catalog: Catalog, key: str, lang: str = "en") -> Spoken:
    """ "ST2 Sìbái 四白, Four Whites, subject's left side" and its channel and location."""
    placed = catalog.point(key)
    info = placed.info
    side = _side(catalog, placed.side, lang)
    name = f"{info.code} {info.pinyin} {info.hanzi}, {info.english}" + (f", {side}" if side else "")
    location = info.location.get(lang)
    return Spoken(name, f"{channel_name(catalog, info.channel, lang)}. {first_sentence(location)}")

"""Cards generated from the catalog, so a user pack's points become cards as well.

A card is named by a stable id that says what it asks and about which
point, never which side: `locate:ST2` is answered by a click on either ST2,
and `flash:code>pinyin:ST2` asks for the pinyin of ST2. The id is the key of
the card's schedule and review history, so renaming a kind would orphan a
student's progress; ids are only ever added.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from ..catalog import Catalog
from ..model import PointInfo


class Field(StrEnum):
    """What a flashcard shows or asks about a point."""

    CODE = "code"
    PINYIN = "pinyin"
    HANZI = "hanzi"
    ENGLISH = "english"
    CHANNEL = "channel"
    ZONE = "zone"
    LOCATION = "location"


class Kind(StrEnum):
    FLASH = "flash"
    LOCATE = "locate"


_NAMES = (Field.CODE, Field.PINYIN, Field.HANZI, Field.ENGLISH)

# Every name of a point is asked from every other (code, pinyin, hanzi and
# English, both ways), and the location text both ways with the code. A
# channel or a zone names several points, so it is only ever an answer: asked
# the other way round it would have many right answers, which is what the
# "which channel/zone" and channel-order drills practise instead.
FLASH_PAIRS: tuple[tuple[Field, Field], ...] = (
    *((asked, shown) for asked in _NAMES for shown in _NAMES if asked is not shown),
    (Field.CODE, Field.LOCATION),
    (Field.LOCATION, Field.CODE),
    (Field.CODE, Field.CHANNEL),
    (Field.CODE, Field.ZONE),
)

CARD_ID = re.compile(r"^(?:locate|flash:([a-z]+)>([a-z]+)):([A-Za-z0-9][A-Za-z0-9_.-]{0,39})$")


@dataclass(frozen=True, slots=True)
class Card:
    """One question about one point; `front` and `back` are None for a locate card."""

    id: str
    kind: Kind
    code: str
    front: Field | None = None
    back: Field | None = None


class CardIdError(ValueError):
    """A card id that is not one this app writes."""


def flash_id(front: Field, back: Field, code: str) -> str:
    return f"{Kind.FLASH}:{front}>{back}:{code}"


def locate_id(code: str) -> str:
    return f"{Kind.LOCATE}:{code}"


def parse_card_id(card_id: str) -> Card:
    """The card an id names; raises CardIdError for anything else, since ids come from files a user can edit."""
    match = CARD_ID.match(card_id)
    if match is None:
        raise CardIdError(f"{card_id[:60]!r} is not a card id (like locate:ST2 or flash:code>pinyin:ST2)")
    front, back, code = match.groups()
    if front is None:
        return Card(card_id, Kind.LOCATE, code)
    try:
        pair = (Field(front), Field(back))
    except ValueError:
        raise CardIdError(f"{card_id!r}: unknown field in {front}>{back}") from None
    if pair not in FLASH_PAIRS:
        raise CardIdError(f"{card_id!r}: no card asks {front} for {back}")
    return Card(card_id, Kind.FLASH, code, *pair)


def point_cards(catalog: Catalog, info: PointInfo) -> tuple[Card, ...]:
    """The cards of one point: locate first (the skill the map is for), then flashcards.

    A point drawn inside the mouth cannot be clicked, and a flashcard whose
    either side would be empty (a pack point without hanzi, an extra point
    outside any channel) is left out rather than asked with a blank.
    """
    cards = [] if info.internal else [Card(locate_id(info.code), Kind.LOCATE, info.code)]
    for front, back in FLASH_PAIRS:
        if field_text(catalog, info, front) and field_text(catalog, info, back):
            cards.append(Card(flash_id(front, back, info.code), Kind.FLASH, info.code, front, back))
    return tuple(cards)


def all_cards(catalog: Catalog) -> tuple[Card, ...]:
    """Every card of every point, in the catalog's point order."""
    return tuple(card for info in point_infos(catalog) for card in point_cards(catalog, info))


def point_infos(catalog: Catalog) -> tuple[PointInfo, ...]:
    """Each point once, whatever its number of drawn copies, in catalog order."""
    seen: dict[str, PointInfo] = {}
    for placed in catalog.points:
        seen.setdefault(placed.code, placed.info)
    return tuple(seen.values())


def field_text(catalog: Catalog, info: PointInfo, field: Field, lang: str = "en") -> str:
    """What a card shows for `field`: content text as written, never interpreted as markup."""
    if field is Field.CODE:
        return info.code
    if field is Field.PINYIN:
        return info.pinyin
    if field is Field.HANZI:
        return info.hanzi
    if field is Field.ENGLISH:
        return info.english
    if field is Field.CHANNEL:
        channel = catalog.channels.get(info.channel)
        return channel.name.get(lang) if channel is not None else ""
    if field is Field.ZONE:
        zone = catalog.zones.get(info.zone)
        return zone.name.get(lang) if zone is not None else ""
    return info.location.get(lang)


def card_text(catalog: Catalog, card: Card, lang: str = "en") -> tuple[str, str]:
    """The question and the answer, as plain text in `lang`."""
    info = catalog.point_info(card.code)
    if card.kind is Kind.LOCATE or card.front is None or card.back is None:
        return info.code, info.location.get(lang)
    return field_text(catalog, info, card.front, lang), field_text(catalog, info, card.back, lang)

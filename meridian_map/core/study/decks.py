"""Decks: which cards a study session draws from.

Built-in decks are derived from the catalog each time, so a pack that adds a
point or a zone adds it to the right decks too. A custom deck is a name and a
list of card ids or point codes the student picked; it is stored as they
wrote it and checked against the catalog whenever it is used, since the
catalog (a pack) can change between sessions.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..catalog import Catalog
from ..model import Text
from .cards import Card, CardIdError, all_cards, parse_card_id

ALL = "all"
YANG_MING = "yang-ming"
MISSES = "misses"
CUSTOM_PREFIX = "custom:"
MAX_DECK_NAME = 80
MAX_DECK_ITEMS = 5000

_FIXED_NAMES = {
    ALL: Text.of({"en": "All face points", "zh": "面部全部穴位"}),
    YANG_MING: Text.of({"en": "Yang Ming channels only", "zh": "仅阳明经"}),
    MISSES: Text.of({"en": "My misses", "zh": "我的错题"}),
}
_BY = {
    "channel": Text.of({"en": "Channel: {}", "zh": "经络：{}"}),
    "zone": Text.of({"en": "Zone: {}", "zh": "区域：{}"}),
    "concern": Text.of({"en": "Concern: {}", "zh": "问题：{}"}),
}


class DeckError(ValueError):
    """A deck that cannot be used; the message names what is wrong."""


@dataclass(frozen=True, slots=True)
class Deck:
    """A named, ordered set of cards."""

    id: str
    name: Text
    cards: tuple[Card, ...]

    @property
    def card_ids(self) -> tuple[str, ...]:
        return tuple(card.id for card in self.cards)


def builtin_decks(catalog: Catalog, missed: Collection[str] = ()) -> tuple[Deck, ...]:
    """All face points, Yang Ming only, one per channel, zone and concern, and the student's misses.

    `missed` holds the ids of cards the student last answered Again
    (progress.missed_cards); that deck is empty until they miss one.
    """
    cards = all_cards(catalog)
    infos = {placed.code: placed.info for placed in catalog.points}
    channel_of = {card.id: infos[card.code].channel for card in cards}
    zone_of = {card.id: infos[card.code].zone for card in cards}
    yang_ming = {code for code, channel in catalog.channels.items() if channel.yang_ming}
    decks = [
        Deck(ALL, _FIXED_NAMES[ALL], cards),
        Deck(YANG_MING, _FIXED_NAMES[YANG_MING], _where(cards, channel_of, yang_ming)),
    ]
    for code, channel in catalog.channels.items():
        decks.append(Deck(f"channel:{code}", _titled("channel", channel.name), _where(cards, channel_of, {code})))
    for zone in sorted(catalog.zones.values(), key=lambda z: z.order):
        decks.append(Deck(f"zone:{zone.id}", _titled("zone", zone.name), _where(cards, zone_of, {zone.id})))
    for concern in catalog.concerns.values():
        chosen = _where(cards, zone_of, set(concern.zones))
        decks.append(Deck(f"concern:{concern.id}", _titled("concern", concern.name), chosen))
    missed_set = set(missed)
    decks.append(Deck(MISSES, _FIXED_NAMES[MISSES], tuple(c for c in cards if c.id in missed_set)))
    return tuple(decks)


def find_deck(decks: Iterable[Deck], deck_id: str) -> Deck:
    for deck in decks:
        if deck.id == deck_id:
            return deck
    raise DeckError(f"no deck {deck_id!r}")


def custom_deck(catalog: Catalog, name: str, items: Sequence[str], deck_id: str | None = None) -> Deck:
    """A student's deck: each item a card id (locate:ST2) or a point code (ST2: all its cards).

    Its id is `deck_id` when it was stored under one, else made from the name.

    Every problem is reported at once, naming the item, so a long list is
    fixed in one go.
    """
    clean = check_deck_name(name)
    if len(items) > MAX_DECK_ITEMS:
        raise DeckError(f"deck {clean!r}: {len(items)} items, at most {MAX_DECK_ITEMS}")
    by_id = {card.id: card for card in all_cards(catalog)}
    by_code: dict[str, list[Card]] = {}
    for card in by_id.values():
        by_code.setdefault(card.code, []).append(card)
    chosen: dict[str, Card] = {}
    problems = []
    for number, item in enumerate(items, 1):
        if item in by_code:
            chosen.update((card.id, card) for card in by_code[item])
            continue
        try:
            card = parse_card_id(item)
        except CardIdError as exc:
            problems.append(f"item {number}: {exc}")
            continue
        if card.id not in by_id:
            problems.append(f"item {number}: {item!r} is not a card of this catalog")
            continue
        chosen[card.id] = by_id[card.id]
    if problems:
        raise DeckError(f"deck {clean!r}: " + "; ".join(problems))
    if not chosen:
        raise DeckError(f"deck {clean!r} has no cards")
    if deck_id is not None and not deck_id.startswith(CUSTOM_PREFIX):
        raise DeckError(f"deck {clean!r}: its id {deck_id[:60]!r} does not start with {CUSTOM_PREFIX!r}")
    return Deck(deck_id or CUSTOM_PREFIX + slug(clean), Text.of({"en": clean}), tuple(chosen.values()))


def check_deck_name(name: str) -> str:
    """The name trimmed; raises DeckError when empty, too long or holding control characters."""
    clean = name.strip()
    if not clean:
        raise DeckError("a deck needs a name")
    if len(clean) > MAX_DECK_NAME:
        raise DeckError(f"deck name is {len(clean)} characters long, at most {MAX_DECK_NAME}")
    if any(unicodedata.category(ch).startswith("C") for ch in clean):
        raise DeckError(f"deck name {clean[:40]!r} holds control or invisible characters")
    return clean


def slug(name: str) -> str:
    """A deck id part from its name: lower case words joined by dashes, any script kept."""
    return re.sub(r"[^\w]+", "-", name.casefold()).strip("-") or "deck"


def _titled(kind: str, name: Text) -> Text:
    pattern = _BY[kind]
    return Text.of({lang: pattern.get(lang).format(name.get(lang)) for lang in pattern.languages})


def _where(cards: Sequence[Card], value_of: Mapping[str, str], wanted: Collection[str]) -> tuple[Card, ...]:
    return tuple(card for card in cards if value_of[card.id] in wanted)

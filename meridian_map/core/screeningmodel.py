"""The screening checklist's records, shared by the loading code that builds them and the session code that uses them.

A module of its own so that neither side imports the other: loading stays
out of session logic, and session logic never reaches into loading.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from .model import EMPTY_TEXT, Source, Text
from .problems import suggest

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

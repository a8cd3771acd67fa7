"""How each zone looks, decided from the state alone: no Qt, so every look is tested without a window.

The scene paints whatever `zone_look` says; a new mode (a quiz, a routine's
steps, a screening) adds what it knows to `LookFacts` and, where it needs
one, a new `Look`, rather than a flag in the scene.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Layer(StrEnum):
    ZONES = "zones"
    POINTS = "points"
    LABELS = "labels"
    CHANNELS = "channels"
    OTHER_CHANNELS = "other_channels"
    STROKES = "strokes"


# The order the sidebar lists the layers in, and the saved settings hold them.
LAYER_ORDER = (Layer.ZONES, Layer.CHANNELS, Layer.OTHER_CHANNELS, Layer.STROKES, Layer.POINTS, Layer.LABELS)


class LabelMode(StrEnum):
    CODE = "code"
    PINYIN = "pinyin"
    HANZI = "hanzi"


class Look(StrEnum):
    NORMAL = "normal"
    HOVERED = "hovered"
    SELECTED = "selected"
    MIRROR = "mirror"  # the selected zone's other side
    MATCH = "match"  # a zone the chosen concern works
    DIMMED = "dimmed"
    SCREENED_OUT = "screened_out"  # not to be worked for this client
    QUIZ_ANSWER = "quiz_answer"
    CURRENT_STEP = "current_step"


# Looks the hover highlight leaves alone: they already stand out.
UNHOVERED = frozenset({Look.SELECTED, Look.MIRROR, Look.QUIZ_ANSWER, Look.CURRENT_STEP})


@dataclass(frozen=True)
class LookFacts:
    """What decides the looks: area keys for sides, zone ids for whole zones."""

    selected: str = ""
    mirror: str = ""
    concern_zones: frozenset[str] | None = None  # None when no concern is chosen
    focus: bool = False  # Yang Ming focus
    focus_zones: frozenset[str] = frozenset()  # zones with a Yang Ming point
    excluded: frozenset[str] = frozenset()
    answer: str = ""
    step: str = ""


def base_look(area: str, zone: str, facts: LookFacts) -> Look:
    """The look without hover: what the cached background shows."""
    if area and area == facts.selected:
        return Look.SELECTED
    if area and area == facts.mirror:
        return Look.MIRROR
    if area and area == facts.step:
        return Look.CURRENT_STEP
    if area and area == facts.answer:
        return Look.QUIZ_ANSWER
    if zone in facts.excluded:
        return Look.SCREENED_OUT
    if facts.concern_zones is not None:
        return Look.MATCH if zone in facts.concern_zones else Look.DIMMED
    if facts.focus and zone not in facts.focus_zones:
        return Look.DIMMED
    return Look.NORMAL


def zone_look(area: str, zone: str, hovered: bool, facts: LookFacts) -> Look:
    base = base_look(area, zone, facts)
    return Look.HOVERED if hovered and base not in UNHOVERED else base

"""Short, consistent wordings shared by the panel, the sheets and the CLI.

A pressure or stroke count must read the same on screen and on paper, so the
phrases are built in one place from the catalog's numbers.
"""

from __future__ import annotations

from ..catalog import Catalog
from ..model import ZoneInfo

GAUGE_FULL = "▮"
GAUGE_EMPTY = "▯"
CHANNEL_NAMES_FALLBACK = {"EX": "Extra point"}


def gauge(level: int, top: int = 3) -> str:
    """A pressure level as filled and empty bars: 2 → '▮▮▯'."""
    level = max(0, min(level, top))
    return GAUGE_FULL * level + GAUGE_EMPTY * (top - level)


def span(low: int, high: int) -> str:
    return str(low) if low == high else f"{low}–{high}"


def strokes_phrase(zone: ZoneInfo) -> str:
    return f"{span(*zone.strokes)} strokes per line"


def hold_phrase(zone: ZoneInfo) -> str | None:
    return None if zone.hold_seconds is None else f"hold {span(*zone.hold_seconds)} s at the points"


def angle_phrase(zone: ZoneInfo) -> str:
    return f"about {zone.angle}° to the skin"


def channel_name(catalog: Catalog, code: str, lang: str = "en") -> str:
    channel = catalog.channels.get(code)
    return channel.name.get(lang) if channel else CHANNEL_NAMES_FALLBACK.get(code, code)

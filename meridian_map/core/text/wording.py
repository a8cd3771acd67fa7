"""Short, consistent wordings shared by the panel, the sheets and the CLI.

A pressure gauge or a range of counts must read the same on screen and on
paper, so they are built in one place from the catalog's numbers; the words
around them are content (meta.toml), in each content language.
"""

from __future__ import annotations

import itertools

from ..catalog import Catalog

GAUGE_FULL = "▮"
GAUGE_EMPTY = "▯"
CHANNEL_NAMES_FALLBACK = {"EX": "Extra point"}


def gauge(level: int, top: int = 3) -> str:
    """A pressure level as filled and empty bars: 2 → '▮▮▯'."""
    level = max(0, min(level, top))
    return GAUGE_FULL * level + GAUGE_EMPTY * (top - level)


def span(low: int, high: int) -> str:
    return str(low) if low == high else f"{low}–{high}"


def channel_name(catalog: Catalog, code: str, lang: str = "en") -> str:
    channel = catalog.channels.get(code)
    return channel.name.get(lang) if channel else CHANNEL_NAMES_FALLBACK.get(code, code)


def course_text(catalog: Catalog, code: str, lang: str = "en") -> list[tuple[str, list[str]]]:
    """Each course of a channel as one line of codes in flow order, with its internal segments said as such.

    `LI20 → BL1 → ST1 → ST2 → ST3 ┄→ ST4 → CV24 …`, then a note for each
    segment that runs inside. A stop on the other side of the face is said so.
    """
    words = catalog.content.panel
    courses = []
    for course in catalog.channels[code].courses:
        line = course[0].code
        inside = []
        for before, step in itertools.pairwise(course):
            name = step.code + (f" ({words.get('other_side', lang)})" if step.opposite else "")
            line += f" ┄→ {name}" if step.internal else f" → {name}"
            if step.internal:
                inside.append(words.get("runs_inside", lang, start=before.code, end=step.code))
        courses.append((line, inside))
    return courses

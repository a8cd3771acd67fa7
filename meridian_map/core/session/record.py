"""A client's record as a readable summary: what the PDF export prints, line by line, without Qt.

Built from `ClientStore.export_client`'s plain data (the JSON export), so the
two exports always hold the same facts. Zone and item names are the content's
where the content still knows them, else the stored id, so an old record
prints even after the content changed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import StrEnum
from typing import Any, NamedTuple

from ..catalog import Catalog
from ..screeningmodel import Screening


class Kind(StrEnum):
    TITLE = "title"
    HEADING = "heading"
    SUBHEADING = "subheading"
    TEXT = "text"


class Line(NamedTuple):
    kind: Kind
    text: str


def record_lines(record: Mapping[str, Any], catalog: Catalog, screening: Screening, lang: str = "en") -> list[Line]:
    """Client, screenings, routines and sessions with their notes, newest first, in plain lines."""
    client = record.get("client", {})
    lines = [
        Line(Kind.TITLE, f"Client record: {client.get('name', '')}"),
        Line(Kind.TEXT, f"First recorded {client.get('created', '')}. Kept on this computer only."),
    ]
    screenings = record.get("screenings", [])
    lines.append(Line(Kind.HEADING, f"Screening answers ({len(screenings)})"))
    if not screenings:
        lines.append(Line(Kind.TEXT, "None recorded."))
    for entry in screenings:
        lines.append(Line(Kind.SUBHEADING, str(entry.get("answered_on", ""))))
        lines.extend(_answers(entry.get("answers", []), catalog, screening, lang))
    routines = record.get("routines", [])
    lines.append(Line(Kind.HEADING, f"Routines ({len(routines)})"))
    if not routines:
        lines.append(Line(Kind.TEXT, "None saved."))
    for routine in routines:
        lines.append(Line(Kind.SUBHEADING, str(routine.get("name", ""))))
        lines.append(Line(Kind.TEXT, _steps(routine, catalog, lang)))
    sessions = record.get("sessions", [])
    lines.append(Line(Kind.HEADING, f"Sessions ({len(sessions)})"))
    if not sessions:
        lines.append(Line(Kind.TEXT, "None held."))
    for session in sessions:
        routine = session.get("routine", {})
        lines.append(Line(Kind.SUBHEADING, f"{session.get('held_on', '')}: {routine.get('name', '')}"))
        lines.append(Line(Kind.TEXT, _steps(routine, catalog, lang)))
        done = session.get("steps_done", [])
        if done:
            lines.append(Line(Kind.TEXT, "Steps done: " + ", ".join(str(n) for n in done)))
        lines.append(Line(Kind.TEXT, "Screening that day:"))
        lines.extend(_answers(session.get("answers", []), catalog, screening, lang))
        note = str(session.get("note", "")).strip()
        lines.append(Line(Kind.TEXT, f"Note: {note}" if note else "No note."))
    return lines


def _answers(answers: Sequence[Mapping[str, Any]], catalog: Catalog, screening: Screening, lang: str) -> list[Line]:
    if not answers:
        return [Line(Kind.TEXT, "Nothing ticked.")]
    known = {item.id: item for item in screening.items}
    found = []
    for answer in answers:
        item_id = str(answer.get("item", ""))
        item = known.get(item_id)
        text = item.question.get(lang) if item is not None else item_id
        extra = [str(answer["date"])] if answer.get("date") else []
        extra.extend(_zone_name(catalog, zone, lang) for zone in answer.get("zones", []))
        found.append(Line(Kind.TEXT, f"• {text}" + (f" ({', '.join(extra)})" if extra else "")))
    return found


def _steps(routine: Mapping[str, Any], catalog: Catalog, lang: str) -> str:
    steps = routine.get("steps", [])
    names = [f"{n}. {_zone_name(catalog, str(step.get('zone', '')), lang)}" for n, step in enumerate(steps, start=1)]
    return "; ".join(names) or "No steps."


def _zone_name(catalog: Catalog, zone: str, lang: str) -> str:
    info = catalog.zones.get(zone)
    return info.name.get(lang) if info is not None else zone

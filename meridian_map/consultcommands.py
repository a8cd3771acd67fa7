"""`meridian-map routine`: a concern's routine, screened for one client, as text or JSON.

Loaded only when the command runs; it needs no Qt and no database.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from typing import Any

from .core.catalog import Catalog
from .core.load import load_screening
from .core.screeningmodel import EffectKind, Screening, ScreeningError
from .core.session.routine import RoutineError, Sides, for_concerns, routine_catalog
from .core.session.screening import ScreenedRoutine, parse_answer, screen
from .core.text.wording import span

SIDES_WORDS = {
    Sides.BOTH: "both sides alike",
    Sides.RIGHT: "client's right side only",
    Sides.LEFT: "client's left side only",
}


class RoutineRequestError(ValueError):
    """A request the command cannot honour (an unknown concern, item or language); exit code 2."""


def routine_output(args: argparse.Namespace, catalog: Catalog) -> str:
    """The routine as the options ask, as text or JSON; ContentError for a broken checklist."""
    if args.lang not in catalog.content.languages:
        raise RoutineRequestError(
            f"unknown language {args.lang!r}; the content has {', '.join(catalog.content.languages)}"
        )
    screening = load_screening(catalog, args.assets)
    today = args.today or dt.date.today()
    try:
        school = (args.school or "").strip().lower().replace("-", "_")
        routine = for_concerns(catalog, [c for c in args.concern.split(",") if c.strip()], school=school)
        specs = [spec for group in args.screen for spec in group.split(",") if spec.strip()]
        answers = [parse_answer(spec, screening) for spec in specs]
        screened = screen(routine, answers, today, screening, catalog)
    except (RoutineError, ScreeningError) as error:
        raise RoutineRequestError(str(error)) from None
    document = routine_document(catalog, screening, screened, args.lang)
    if args.format == "json":
        return json.dumps(document, ensure_ascii=False, indent=1) + "\n"
    return routine_text(document)


def routine_document(catalog: Catalog, screening: Screening, screened: ScreenedRoutine, lang: str) -> dict[str, Any]:
    """Everything the routine says today, as plain data: what the JSON prints and the text is written from."""
    routine = screened.routine
    catalog = routine_catalog(catalog, routine)

    def pressure_name(pressure_id: str) -> str:
        return catalog.pressures[pressure_id].name.get(lang)

    steps = []
    for step in screened.steps:
        zone = catalog.zones[step.zone]
        steps.append(
            {
                "number": step.number,
                "zone": step.zone,
                "name": zone.name.get(lang),
                "sides": step.sides.value,
                "sides_text": SIDES_WORDS[step.sides],
                "lines": list(step.lines),
                "line_count": len(zone.stroke_lines),
                "direction": zone.direction.get(lang),
                "pressure": step.pressure,
                "pressure_name": pressure_name(step.pressure),
                "pressure_level": catalog.pressures[step.pressure].level,
                "planned_pressure": step.planned_pressure,
                "planned_pressure_name": pressure_name(step.planned_pressure),
                "capped_by": list(step.capped_by),
                "strokes_per_line": step.strokes,
                "hold_seconds": None if step.hold_seconds is None else list(step.hold_seconds),
                "holds_dropped_by": list(step.holds_dropped_by),
                "cautions": zone.cautions.get(lang),
                "why": None if step.variant is None else step.variant.why.get(lang),
                "sources": [] if step.variant is None else list(step.variant.sources),
            }
        )
    school = catalog.schools.get(catalog.current_school)
    return {
        "routine": routine.name,
        "concerns": list(routine.concerns),
        "date": screened.today.isoformat(),
        "lang": lang,
        "screened": [
            {"item": a.item, "question": screening.item(a.item).question.get(lang)}
            | ({"date": a.date.isoformat()} if a.date else {})
            | ({"zones": list(a.zones)} if a.zones else {})
            for a in screened.answers
        ],
        "postponed": screened.postponed,
        "postponed_because": [{"item": n.item, "reason": n.text.get(lang)} for n in screened.postponements],
        "steps": steps,
        "left_out": [
            {
                "zone": out.zone,
                "name": catalog.zones[out.zone].name.get(lang),
                "items": list(out.items),
                "reasons": [reason.get(lang) for reason in out.reasons],
                "until": None if out.until is None else out.until.isoformat(),
            }
            for out in screened.left_out
        ],
        "notices": [{"item": n.item, "kind": n.kind.value, "text": n.text.get(lang)} for n in screened.notices],
        "concern_cautions": [
            catalog.concerns[c].caution.get(lang) for c in routine.concerns if catalog.concerns[c].caution.values
        ],
        "disclaimer": catalog.content.disclaimer.short.get(lang),
        "school": catalog.current_school,
        "school_name": None if school is None else school.name.get(lang),
    }


def routine_text(doc: dict[str, Any]) -> str:
    lines = [f"Routine: {doc['routine']} ({doc['date']})"]
    if doc["screened"]:
        answered = []
        for answer in doc["screened"]:
            extra = [answer.get("date", ""), "+".join(answer.get("zones", []))]
            detail = ", ".join(part for part in extra if part)
            answered.append(answer["item"] + (f" ({detail})" if detail else ""))
        lines.append(f"Screened: {'; '.join(answered)}")
    if doc["school_name"]:
        lines.append(f"Strokes: {doc['school_name']} ({doc['school']})")
    if doc["postponed"]:
        lines.append("")
        lines.append("SESSION POSTPONED:")
        lines.extend(f"  - {p['reason']} ({p['item']})" for p in doc["postponed_because"])
    for step in doc["steps"]:
        lines.append("")
        shown = [n + 1 for n in step["lines"]]
        which = "all lines" if len(shown) == step["line_count"] else "lines " + ", ".join(map(str, shown))
        lines.append(f"{step['number']:>2}. {step['name']}: {step['sides_text']}, {which} of {step['line_count']}")
        lines.append(f"    Direction: {step['direction']}")
        if step["why"]:
            lines.append(f"    Why: {step['why']}")
        pressure = f"    Pressure: {step['pressure_name']}"
        if step["capped_by"]:
            pressure += f" (capped from {step['planned_pressure_name']} by {', '.join(step['capped_by'])})"
        lines.append(pressure)
        count = f"    Strokes: {step['strokes_per_line']} per line"
        if step["hold_seconds"]:
            count += f"; hold {span(*step['hold_seconds'])} s at the points"
        elif step["holds_dropped_by"]:
            count += f"; no point holds ({', '.join(step['holds_dropped_by'])})"
        lines.append(count)
        lines.append(f"    Caution: {step['cautions']}")
    if doc["left_out"]:
        lines.append("")
        lines.append("Left out today, and why:")
        for out in doc["left_out"]:
            until = f" (may be worked from {out['until']})" if out["until"] else ""
            lines.append(f"  - {out['name']}: {'; '.join(out['reasons'])}{until}")
    if doc["notices"] or doc["concern_cautions"]:
        lines.append("")
        lines.append("Cautions:")
        for notice in doc["notices"]:
            mark = "WARNING: " if notice["kind"] == EffectKind.WARNING.value else ""
            lines.append(f"  - {mark}{notice['text']}")
        lines.extend(f"  - {text}" for text in doc["concern_cautions"])
    lines.append("")
    lines.append(doc["disclaimer"])
    return "\n".join(lines) + "\n"

"""A screened routine's take-home sheet: the steps worked today, and what was left out and why.

The sheet a client leaves with must agree with what was done: capped
pressures print as capped, and every zone the screening left out is listed
with its reasons (and, for a wait, the day it may be worked again) under
"left out today, and why", among the cautions, which are never shortened.
The screening's own cautions and warnings print there too.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from ..catalog import Catalog
from ..output.sheet import Numbered, SheetError, TakeHomeSheet, take_home_sheet
from ..screeningmodel import EffectKind
from .routine import Routine
from .screening import ScreenedRoutine


def worked_routine(screened: ScreenedRoutine) -> Routine:
    """The routine as it is worked today: the kept steps, a capped one at the pressure it was capped to."""
    planned = screened.routine
    steps = tuple(
        replace(planned.step(step.zone), pressure=step.pressure if step.capped_by else planned.step(step.zone).pressure)
        for step in screened.steps
    )
    return replace(planned, steps=steps)


def screened_sheet(
    catalog: Catalog,
    screened: ScreenedRoutine,
    lang: str = "en",
    note: str = "",
    today: dt.date | None = None,
    client: str = "",
) -> TakeHomeSheet:
    """The take-home sheet for today's session; SheetError for a postponed one, which has no steps to take home."""
    if screened.postponed:
        reasons = "; ".join(n.text.get(lang) for n in screened.postponements)
        raise SheetError(f"the session is postponed ({reasons}): there is no routine to take home today")
    sheet = take_home_sheet(catalog, worked_routine(screened), lang, note, today or screened.today)
    labels = sheet.labels
    extra: list[Numbered] = []
    if screened.left_out:
        parts = []
        for out in screened.left_out:
            why = labels["reason_sep"].join(reason.get(lang) for reason in out.reasons)
            if out.until is not None:
                why += labels["reason_sep"] + labels["left_out_until"].format(date=out.until.isoformat())
            parts.append(labels["left_out_zone"].format(zone=catalog.zones[out.zone].name.get(lang), why=why))
        extra.append(Numbered(0, labels["left_out_title"], labels["zone_sep"].join(parts), "the zones left out today"))
    for notice in screened.notices:
        if notice.kind in (EffectKind.CAUTION, EffectKind.WARNING):
            extra.append(Numbered(0, "", notice.text.get(lang), f"screening item {notice.item}"))
    subtitle = sheet.subtitle
    if client.strip():
        subtitle = "\n".join(part for part in (labels["for_client"].format(name=client.strip()), subtitle) if part)
    return replace(sheet, subtitle=subtitle, cautions=(*extra, *sheet.cautions))

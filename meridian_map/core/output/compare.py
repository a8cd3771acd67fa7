"""The "ways to stroke" sheet as data: one zone as every technique school works it, on one page.

Built here, painted by gui/schools/sheet.py, so the words a client reads
(all of them content or sheet labels, in the sheet's language) are checked
without Qt. The zone's cautions and the disclaimer are printed in full:
comparing directions never drops safety text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..catalog import Catalog
from ..text.schools import zone_views
from ..text.wording import span
from .labels import COMPARE_LABELS as LABELS
from .sheet import SheetError, printed_disclaimer, printed_on


@dataclass(frozen=True)
class Column:
    school: str
    name: str
    direction: str
    why: str
    pressure: str
    strokes: str
    not_covered: str  # where the school's works do not describe this zone's stroke; "" when they do
    cites: tuple[str, ...]  # short names of the works the variant cites


@dataclass(frozen=True)
class ComparisonSheet:
    lang: str
    zone: str
    title: str
    subtitle: str
    date: str
    columns: tuple[Column, ...]
    cautions: str
    sources: tuple[str, ...]  # "short: full citation" of every work cited on the page
    disclaimer: str
    labels: dict[str, str]


def comparison_sheet(catalog: Catalog, zone: str, lang: str = "en", today: dt.date | None = None) -> ComparisonSheet:
    """Every school's way with `zone`, side by side; SheetError for an unknown zone or language."""
    zone = zone.strip().lower().replace("-", "_")
    if zone not in catalog.zones:
        raise SheetError(f"unknown zone {zone!r}; the zones are {', '.join(catalog.zones)}")
    if lang not in LABELS or lang not in catalog.content.languages:
        raise SheetError(
            f"no {lang!r} sheet; choose one of {', '.join(sorted(set(LABELS) & set(catalog.content.languages)))}"
        )
    if not catalog.schools:
        raise SheetError("the content declares no technique schools")
    labels = LABELS[lang]
    views = zone_views(catalog, zone)
    columns = tuple(
        Column(
            school=v.school.id,
            name=v.school.name.get(lang),
            direction=v.direction.get(lang),
            why=v.variant.why.get(lang),
            pressure=catalog.pressures[v.zone.pressure].name.get(lang),
            strokes=span(*v.zone.strokes),
            not_covered=v.variant.gap.get(lang) if v.variant.gap.values else "",
            cites=tuple(r.short for r in v.references),
        )
        for v in views
    )
    cited = {r.id: r for v in views for r in v.references}
    info = catalog.zones[zone]
    return ComparisonSheet(
        lang=lang,
        zone=zone,
        title=labels["title"].format(count=len(columns), zone=info.name.get(lang)),
        subtitle=labels["subtitle"],
        date=labels["date"].format(date=printed_on(today)),
        columns=columns,
        cautions=info.cautions.get(lang),
        sources=tuple(f"{r.short}: {r.citation}" for r in cited.values()),
        disclaimer=printed_disclaimer(catalog, lang),
        labels=dict(labels),
    )

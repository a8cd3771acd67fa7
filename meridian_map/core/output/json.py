"""The catalog as one JSON document: a public, stable interface.

Other tools (slides, web pages, checks of the drawing) read this, so its
shape is documented in the README and changes only by adding keys.
"""

from __future__ import annotations

from typing import Any

from ..catalog import Catalog
from ..model import Vec

FORMAT_VERSION = 1


def _xy(p: Vec) -> list[float]:
    return [round(p[0], 3), round(p[1], 3)]


def catalog_document(catalog: Catalog, lang: str = "en") -> dict[str, Any]:
    box = catalog.face.view_box
    schooled = {school: catalog.with_school(school) for school in catalog.schools}
    zones = []
    for area in catalog.areas.values():
        info = catalog.zones[area.zone]
        variants = {}
        for school, other in schooled.items():
            variant = catalog.variant(area.zone, school)
            zone = other.zones[area.zone]
            variants[school] = {
                "order": zone.order,
                "lines": [[_xy(p) for p in line] for line in other.areas[area.key].strokes],
                "direction": zone.direction.get(lang),
                "why": variant.why.get(lang),
                "pressure": zone.pressure,
                "count": list(zone.strokes),
                "angle": zone.angle,
                "follows": list(variant.follows),
                "sources": list(variant.sources),
                "not_covered": variant.gap.get(lang) if variant.gap.values else None,
            }
        zones.append(
            {
                "id": info.id,
                "side": str(area.side),
                "name": info.name.get(lang),
                "order": info.order,
                "polygon": [_xy(p) for p in area.outline],
                "stroke": {
                    "path": [_xy(p) for p in area.strokes[0]],
                    "lines": [[_xy(p) for p in line] for line in area.strokes],
                    "pressure": info.pressure,
                    "count": list(info.strokes),
                    "angle": info.angle,
                },
                "points": [p.code for p in catalog.points_in_zone(info.id)],
                "concerns": list(info.concerns),
                "cautions": info.cautions.get(lang),
                "variants": variants,
            }
        )
    return {
        "format": FORMAT_VERSION,
        "frame": {
            "units": "svg user units",
            "x": box.x,
            "y": box.y,
            "width": box.width,
            "height": box.height,
            "y_down": True,
        },
        "landmarks": {name: _xy(p) for name, p in sorted(catalog.face.landmarks.items())},
        "points": [
            {
                "code": p.code,
                "pinyin": p.info.pinyin,
                "hanzi": p.info.hanzi,
                "english": p.info.english,
                "channel": p.info.channel,
                "side": None if p.side is None else str(p.side),
                "x": round(p.pos[0], 3),
                "y": round(p.pos[1], 3),
                "zone": p.info.zone,
            }
            for p in catalog.points
        ],
        "zones": zones,
        "channels": [
            {
                "code": line.channel,
                "name": catalog.channels[line.channel].name.get(lang),
                "yang_ming": catalog.channels[line.channel].yang_ming,
                "side": None if line.side is None else str(line.side),
                "course": [stop.key for stop in line.stops],
                "internal": list(line.internal),
            }
            for code in catalog.channels
            for line in catalog.channel_lines(code)
        ],
        "concerns": [{"id": c.id, "name": c.name.get(lang), "zones": list(c.zones)} for c in catalog.concerns.values()],
        "default_school": catalog.default_school,
        "schools": [
            {
                "id": s.id,
                "name": s.name.get(lang),
                "description": s.description.get(lang),
                "sequence": s.sequence.get(lang),
                "sources": list(s.sources),
                "default": s.id == catalog.default_school,
            }
            for s in catalog.schools.values()
        ],
        "references": [
            {"id": r.id, "short": r.short, "citation": r.citation, "supports": r.supports.get(lang)}
            for r in catalog.content.references
        ],
    }

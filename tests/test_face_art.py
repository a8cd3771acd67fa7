"""The face drawing: generated from its script, proportioned, and never hiding the zones."""

from __future__ import annotations

import importlib.util
import math
import sys
from pathlib import Path
from types import ModuleType

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QPainterPath

from meridian_map.core.catalog import Catalog
from meridian_map.core.model import ArtPath, Vec
from meridian_map.gui.painting import as_drawn, path_from_commands, polygon_path
from meridian_map.gui.theme import Theme

ROOT = Path(__file__).resolve().parent.parent


def _draw_face() -> ModuleType:
    spec = importlib.util.spec_from_file_location("draw_face", ROOT / "tools" / "draw_face.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def _path(item: ArtPath) -> QPainterPath:
    return path_from_commands(item.commands)


def _translucent(colour: str | None) -> bool:
    drawn = as_drawn(colour)
    return drawn is not None and drawn.alpha() < 255


def test_a_translucent_drawing_colour_keeps_its_colour_and_alpha() -> None:
    """svgelements writes #RRGGBBAA; read as Qt's #AARRGGBB a soft tone turns solid."""
    drawn = as_drawn("#10203033")
    assert drawn is not None
    assert (drawn.red(), drawn.green(), drawn.blue(), drawn.alpha()) == (0x10, 0x20, 0x30, 0x33)
    dark = Theme.dark_theme().art_colour("#10203033")
    assert dark is not None and dark.alpha() == 0x33
    assert dark.lightness() > QColor("#102030").lightness()


def test_the_shipped_face_is_what_the_script_draws() -> None:
    """Hand edits to assets/face.svg would be lost the next time the script runs."""
    shipped = (ROOT / "assets" / "face.svg").read_text(encoding="utf-8")
    assert _draw_face().document() == shipped


def test_the_face_stays_a_modest_file() -> None:
    assert (ROOT / "assets" / "face.svg").stat().st_size < 300_000


def test_fills_over_the_zones_are_translucent(catalog: Catalog) -> None:
    """Zone tints are painted under the line art: an opaque fill over skin would hide them."""
    zones = [polygon_path(ring) for ring in catalog.face.outlines.values()]
    opaque_over_skin = []
    for item in catalog.face.art:
        if item.fill is None or _translucent(item.fill):
            continue
        centre = _path(item).boundingRect().center()
        if any(zone.contains(centre) for zone in zones):
            opaque_over_skin.append(item)
    assert not opaque_over_skin, [(i.fill, i.commands[0].args) for i in opaque_over_skin]


def _inside(catalog: Catalog, point: Vec) -> list[ArtPath]:
    x, y = point
    return [item for item in catalog.face.art if item.fill is not None and _path(item).contains(QPointF(x, y))]


def test_the_lips_have_a_tone(catalog: Catalog) -> None:
    marks = catalog.face.landmarks
    stomion = marks["stomion"]
    for dy in (-2.0, 2.0):  # upper and lower lip
        fills = [QColor(as_drawn(i.fill)) for i in _inside(catalog, (stomion[0], stomion[1] + dy))]
        assert fills, f"no tone on the lip {dy:+} units from the stomion"
        assert all(c.saturation() > 40 for c in fills), [c.name() for c in fills]


def test_the_brows_are_drawn_as_hairs(catalog: Catalog) -> None:
    """Short strokes along the growth, not one grey shape."""
    marks = catalog.face.landmarks
    medial, lateral = marks["brow_medial_l"], marks["brow_lateral_l"]
    hairs = [
        item
        for item in catalog.face.art
        if item.fill is None
        and medial[0] - 1 <= (box := _path(item).boundingRect()).left()
        and box.right() <= lateral[0] + 3
        and abs(box.center().y() - (medial[1] + lateral[1]) / 2) < 6
        and math.hypot(box.width(), box.height()) < 8
    ]
    assert len(hairs) >= 60


def test_the_neck_is_not_drawn_too_long(catalog: Catalog) -> None:
    """Chin to sternal notch in face heights (hairline to chin): about half on an adult."""
    marks = catalog.face.landmarks
    face_height = marks["chin"][1] - marks["hairline_mid"][1]
    assert (marks["suprasternal"][1] - marks["chin"][1]) / face_height <= 0.56

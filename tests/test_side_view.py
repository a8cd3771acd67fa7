"""The side (lateral) view: generated from its script, its zones shared with the front, and WHO's ear-area relations.

Positions are read back from the loaded side view and put into the side
frame through the drawing's own landmarks (u behind the tragus, v down from
the hairline, both in face heights), so the checks hold for the drawing as
shipped, not for the numbers typed into the content.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from meridian_map.core.catalog import Catalog
from meridian_map.core.load import load_side_view
from meridian_map.core.model import Vec
from meridian_map.core.problems import ContentError
from meridian_map.core.sideview import SideView

ROOT = Path(__file__).resolve().parent.parent
SIDE_ZONES = {"front_of_ear", "temple", "jawline", "neck_side"}
EAR_POINTS = {"ST7", "GB2", "GB3", "TE17", "TE21", "TE22", "SI17", "SI19", "GB12", "EX-HN6"}


def _draw_side() -> ModuleType:
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        spec = importlib.util.spec_from_file_location("draw_side", ROOT / "tools" / "draw_side.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(ROOT / "tools"))


@pytest.fixture(scope="module")
def side(catalog: Catalog) -> SideView:
    return load_side_view(catalog)


class Where:
    """Side-frame positions of points (by code) and landmarks (with @)."""

    def __init__(self, side: SideView) -> None:
        self.side = side

    def __getitem__(self, name: str) -> Vec:
        if name.startswith("@"):
            return self.side.norm(self.side.face.landmarks[name[1:]])
        point = self.side.point(f"{name}.L")
        assert point is not None, name
        return self.side.norm(point.pos)

    def u(self, name: str) -> float:
        return self[name][0]

    def v(self, name: str) -> float:
        return self[name][1]


@pytest.fixture(scope="module")
def at(side: SideView) -> Where:
    return Where(side)


def test_the_shipped_side_view_is_what_the_script_draws() -> None:
    shipped = (ROOT / "assets" / "face_side.svg").read_text(encoding="utf-8")
    assert _draw_side().document() == shipped


def test_the_side_zones_are_the_front_zones_of_the_side_shown(catalog: Catalog, side: SideView) -> None:
    """Same keys as the front view's `_l` areas, so a selection is one selection in both views."""
    assert {a.zone for a in side.areas.values()} == SIDE_ZONES
    assert set(side.areas) <= set(catalog.areas)


def test_every_side_view_point_and_the_ear_points_are_placed(catalog: Catalog, side: SideView) -> None:
    placed = {p.code for p in side.points}
    assert placed >= EAR_POINTS
    assert {p.code for p in catalog.content.points if p.view == "side"} <= placed
    erjian = catalog.point_info("EX-HN6")
    assert erjian.channel == "EX" and "Extra point" in erjian.category.get("en")


def test_the_column_in_front_of_the_ear(at: Where) -> None:
    """TE22 at the ear root, TE21 at the supratragic notch, SI19 at the tragus, GB2 at the intertragic notch."""
    column = ["TE22", "TE21", "SI19", "GB2"]
    assert [at.v(c) for c in column] == sorted(at.v(c) for c in column)
    assert len({at.v(c) for c in column}) == 4
    assert max(at.u(c) for c in column) - min(at.u(c) for c in column) <= 0.03
    assert all(at.u(c) < at.u("@ear_front") for c in column)
    assert abs(at.v("SI19") - at.v("@tragus")) <= 0.02
    assert abs(at.v("TE21") - at.v("@supratragic_notch")) <= 0.02
    assert abs(at.v("GB2") - at.v("@intertragic_notch")) <= 0.02
    assert at.u("TE22") < at.u("@helix_root") and abs(at.v("TE22") - at.v("@helix_root")) <= 0.03


def test_gb3_above_st7_in_the_notch_below_the_arch(at: Where) -> None:
    assert abs(at.u("GB3") - at.u("ST7")) <= 0.03 and at.v("GB3") < at.v("ST7")
    assert at.u("GB3") < at.u("@ear_front") and at.u("ST7") < at.u("@ear_front")
    assert at.v("GB3") < at.v("@zygomatic_arch") < at.v("ST7") < at.v("@mandibular_notch")
    assert at.u("ST7") < at.u("@condyle")
    assert abs(at.u("ST7") - at.u("@zygomatic_arch")) <= 0.03


def test_the_points_behind_and_below_the_ear(at: Where) -> None:
    assert at.u("TE17") > at.u("@earlobe_bottom") and abs(at.v("TE17") - at.v("@earlobe_bottom")) <= 0.03
    assert at.u("@mandible_angle") < at.u("TE17") < at.u("@mastoid")
    assert at.u("@mandible_angle") < at.u("SI17") < at.u("@scm_front")
    assert at.v("SI17") > at.v("@mandible_angle") - 0.03
    assert at.u("GB12") > at.u("@mastoid") and at.v("GB12") > at.v("@mastoid")


def test_the_ear_apex_and_the_temple_points(at: Where) -> None:
    apex = at["@ear_apex"]
    assert abs(at.u("EX-HN6") - apex[0]) <= 0.01 and abs(at.v("EX-HN6") - apex[1]) <= 0.01
    assert abs(at.u("TE20") - apex[0]) <= 0.02 and at.v("TE20") < apex[1]
    assert abs(at.v("GB7") - apex[1]) <= 0.03 and at.v("GB6") < at.v("GB7") < at.v("TE22")
    assert at.u("GB6") < at.u("GB7") < at.u("@helix_root")


def test_the_side_and_front_views_agree_on_heights(catalog: Catalog, at: Where) -> None:
    """An independent check: each side point's height is its front-view height (the frames share v)."""
    for code in EAR_POINTS - {"TE17", "GB12", "EX-HN6"}:
        front = catalog.point_info(code).at[1]
        assert abs(at.v(code) - front) <= 0.025, code


def test_a_side_point_outside_its_zone_is_reported_with_its_line(catalog: Catalog) -> None:
    moved = tuple(
        dataclasses.replace(p, side_at=(-0.45, 0.1)) if p.code == "ST7" else p for p in catalog.content.points
    )
    broken = dataclasses.replace(catalog, content=dataclasses.replace(catalog.content, points=moved))
    with pytest.raises(ContentError) as error:
        load_side_view(broken)
    message = str(error.value)
    assert "points.toml" in message and "point[ST7.L].side_at" in message and "front_of_ear" in message

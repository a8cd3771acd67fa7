"""Every point's record is what a student checks against a textbook: the standard's wording, its measurements."""

from __future__ import annotations

import re
from typing import Any

import pytest

from meridian_map.core.catalog import Catalog
from meridian_map.core.model import Side
from meridian_map.core.output.json import catalog_document

MEASURED = re.compile(r"\b\d+(?:\.\d+)? B-cun\b")
NO_MEASURE = "No B-cun measurement: "
MORE_POINTS = (
    "BL4",
    "BL5",
    "GV22",
    "EX-HN2",
    "GB4",
    "GB5",
    "GB6",
    "GB7",
    "TE20",
    "SI16",
    "ST11",
    "ST12",
    "GB12",
    "EX-HN6",
)


def test_the_more_points_are_drawn_on_the_front_view(catalog: Catalog) -> None:
    codes = {p.code for p in catalog.points}
    assert set(MORE_POINTS) <= codes
    assert len(catalog.content.points) == 58


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_point_has_b_cun_measurements_or_says_why_not(catalog: Catalog, lang: str) -> None:
    missing = []
    for info in catalog.content.points:
        cun = info.cun.get(lang) if lang in info.cun.languages else ""
        if lang == "en":
            ok = bool(MEASURED.search(cun)) or (cun.startswith(NO_MEASURE) and len(cun) > len(NO_MEASURE) + 20)
        else:
            ok = bool(re.search(r"\d+(?:\.\d+)?寸", cun)) or (cun.startswith("无骨度分寸：") and len(cun) > 12)
        if not ok:
            missing.append(info.code)
    assert missing == []


def test_a_point_measured_in_b_cun_draws_its_measurement(catalog: Catalog) -> None:
    """What the record says in B-cun, the "how it is found" overlay shows as a measured line."""
    for info in catalog.content.points:
        if MEASURED.search(info.cun.get("en")) and not info.cun.get("en").startswith(NO_MEASURE):
            assert any(step.cun for step in info.guide), info.code


def test_every_point_has_the_standards_wording_in_both_languages(catalog: Catalog) -> None:
    for info in catalog.content.points:
        assert info.who.languages == {"en", "zh"}, info.code
        assert info.who.get("en") != info.location.get("en"), info.code  # a second wording, not a copy
        assert info.guide, info.code


def test_every_guide_mark_is_on_the_drawing(catalog: Catalog) -> None:
    codes = {p.code for p in catalog.content.points}
    for info in catalog.content.points:
        for step in info.guide:
            for end in filter(None, (step.start, step.end)):
                code = end.removesuffix("@mid")
                assert code in codes or catalog.face.landmark(end, Side.R) is not None, (info.code, end)


def test_meeting_points_name_their_channels(catalog: Catalog) -> None:
    for info in catalog.content.points:
        assert info.channel not in info.meets
        if info.meets:
            assert info.category.get("en").startswith("Meeting point"), info.code
    assert catalog.point_info("GV26").meets == ("LI", "ST")
    assert "Renzhong" in catalog.point_info("GV26").other_names
    assert "GV29" in catalog.point_info("EX-HN3").other_names


@pytest.fixture(scope="module")
def document(catalog: Catalog) -> dict[str, Any]:
    return catalog_document(catalog)


def test_the_export_carries_the_full_point_records(catalog: Catalog, document: dict[str, Any]) -> None:
    point = next(p for p in document["points"] if p["code"] == "GV24")
    assert point["location"] == catalog.point_info("GV24").location.get()
    assert "0.5 B-cun" in point["who_location"]
    assert "0.5 B-cun" in point["cun"]
    assert point["meets"] == ["BL", "ST"]
    assert point["category"].startswith("Meeting point")
    assert point["cautions"]
    assert ["hairline_mid", "GV24", "0.5"] in point["how_found"]
    for key in ("code", "pinyin", "hanzi", "english", "channel", "side", "x", "y", "zone"):  # none renamed
        assert key in point
    outside = next(p for p in document["points"] if p["code"] == "GV22")
    assert outside["zone"] is None


def test_the_export_carries_zone_directions(catalog: Catalog, document: dict[str, Any]) -> None:
    zone = next(z for z in document["zones"] if z["id"] == "cheek")
    assert zone["direction"] == catalog.zones["cheek"].direction.get()
    assert zone["cautions"]


def test_the_export_in_chinese_has_chinese_records(catalog: Catalog) -> None:
    point = next(p for p in catalog_document(catalog, "zh")["points"] if p["code"] == "ST8")
    assert "4.5寸" in point["who_location"]

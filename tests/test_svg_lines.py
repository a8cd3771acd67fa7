"""Problems in the face drawing name the line of the element they concern."""

from __future__ import annotations

from pathlib import Path

import pytest

from meridian_map.core.load import load_catalog
from meridian_map.core.load.svgsafety import check_svg_bytes
from meridian_map.core.problems import ContentError, Problems

SVG = b"""<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">
  <g id="art">
    <path d="M 0 0 L 10 10"/>
    <path d="M 0 0 L 1e999 10"/>
    <circle cx="5" cy="5" r="oops"/>
  </g>
  <use href="#nowhere"/>
</svg>
"""


def test_a_bad_value_is_reported_on_its_element_line() -> None:
    problems = Problems()
    assert check_svg_bytes(SVG, "face.svg", problems) is None
    by_line = {p.line: str(p) for p in problems}
    assert set(by_line) == {5, 6, 8}, [str(p) for p in problems]
    assert by_line[5].startswith("face.svg:5: <path>: malformed path data")
    assert by_line[6].startswith("face.svg:6: <circle>: r:")
    assert by_line[8].startswith("face.svg:8: <use>: <use> points at a missing id")


def test_a_broken_zone_outline_names_its_line(assets_copy: Path) -> None:
    """Found after parsing (by shape), yet located by its id."""
    face = assets_copy / "face.svg"
    lines = face.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, text in enumerate(lines, start=1) if 'id="cheek_l"' in text)
    lines[number - 1] = lines[number - 1].replace('Z"/>', 'Z M 150 150 L 151 150 L 151 151 Z"/>')
    face.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        load_catalog(assets=assets_copy)
    [problem] = [p for p in raised.value.problems if p.field == "#cheek_l"]
    assert problem.line == number
    assert "one closed outline" in problem.message

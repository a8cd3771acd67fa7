"""Every WHO placement relation holds on the exported positions.

The checks live in data/relations.txt as plain expressions so that the list
reads like the reference it transcribes; this module is their interpreter.
Positions come from the public JSON export, converted to the normalised face
frame through the drawing's own landmarks.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from typing import Any

import pytest

from meridian_map.core.catalog import Catalog
from meridian_map.core.output.json import catalog_document

from .conftest import DATA

LANDMARKS = {
    "@trichion": "hairline_mid", "@hairline_corner": "hairline_corner_l", "@glabella": "glabella",
    "@brow_medial": "brow_medial_l", "@brow_mid": "brow_mid_l", "@brow_lateral": "brow_lateral_l",
    "@nasion": "nasion", "@inner_canthus": "inner_canthus_l", "@pupil": "pupil_l",
    "@outer_canthus": "outer_canthus_l", "@orbitale": "infraorbital_margin_l", "@zygion": "zygion_l",
    "@tragus": "tragus_l", "@earlobe_bottom": "earlobe_bottom_l", "@ala_lateral": "ala_l",
    "@ala_base": "ala_base_l", "@pronasale": "nose_tip", "@subnasale": "subnasale",
    "@labrale_superius": "labrale_superius", "@stomion": "stomion", "@cheilion": "mouth_corner_l",
    "@mentolabial": "mentolabial_sulcus", "@gonion": "mandible_angle_l", "@menton": "chin",
    "@hyoid": "hyoid", "@thyroid_top": "thyroid_top", "@cricoid": "cricoid", "@suprasternal": "suprasternal",
}  # fmt: skip

CALL = re.compile(r"^(\w+)\((.*)\)(?:\s+in\s+\[([-\d.]+),\s*([-\d.]+)\]|\s*([<>])\s*([-\d.]+))?$")


class Positions:
    """Normalised positions of points (x >= 0 copy) and landmarks."""

    def __init__(self, document: dict[str, Any]) -> None:
        marks = {k: tuple(v) for k, v in document["landmarks"].items()}
        top, chin, zygion = marks["hairline_mid"], marks["chin"], marks["zygion_l"]
        self.cx, self.top = top[0], top[1]
        self.half, self.height = zygion[0] - top[0], chin[1] - top[1]
        self.marks = marks
        self.points = {p["code"]: p for p in document["points"] if p["side"] in ("L", None)}
        self.side_view = [code for code, p in self.points.items() if p["view"] == "side"]

    def norm(self, p: tuple[float, float]) -> tuple[float, float]:
        """Rounded to 1e-4 so that exported rounding cannot flip an exact bound."""
        return (round((p[0] - self.cx) / self.half, 4), round((p[1] - self.top) / self.height, 4))

    def __getitem__(self, name: str) -> tuple[float, float]:
        if name.startswith("@"):
            return self.norm(self.marks[LANDMARKS[name]])
        point = self.points[name]
        return self.norm((point["x"], point["y"]))


def _names(text: str) -> tuple[list[str], float | None]:
    names, _, tol = text.partition(";")
    return [n.strip() for n in names.split(",") if n.strip()], float(tol) if tol.strip() else None


def evaluate(expression: str, pos: Positions, document: dict[str, Any]) -> str | None:
    """None when the check holds, else a message with the numbers."""
    match = CALL.match(expression)
    assert match, f"cannot parse {expression!r}"
    func, args, lo, hi, op, bound = match.groups()
    if func == "highest":
        top, _, others = args.partition(";")
        rivals = [n.strip() for n in others.split(",")]
        above = all(pos[top.strip()][1] < pos[n][1] for n in rivals)
        return None if above else f"{top} is not above all of {rivals}"
    names, tol = _names(args)
    x: Callable[[str], float] = lambda n: pos[n][0]  # noqa: E731
    y: Callable[[str], float] = lambda n: pos[n][1]  # noqa: E731
    if func in ("dx", "dy", "x", "y"):
        axis = x if func in ("dx", "x") else y
        value = axis(names[0]) - axis(names[1]) if func in ("dx", "dy") else axis(names[0])
        ok = (
            float(lo) <= value <= float(hi)
            if lo is not None
            else (value < float(bound) if op == "<" else value > float(bound))
        )
        return None if ok else f"value {value:.3f}"
    values: dict[str, Callable[[], bool]] = {
        "midline": lambda: all(abs(x(n)) <= 0.01 for n in names),
        "same_x": lambda: max(map(x, names)) - min(map(x, names)) <= (tol or 0.04),
        "same_y": lambda: max(map(y, names)) - min(map(y, names)) <= (tol or 0.03),
        "above": lambda: y(names[0]) < y(names[1]),
        "lateral": lambda: x(names[0]) > x(names[1]),
        "order_y": lambda: all(y(a) < y(b) for a, b in itertools.pairwise(names)),
        "order_x": lambda: all(x(a) < x(b) for a, b in itertools.pairwise(names)),
        "between_y": lambda: y(names[1]) < y(names[0]) < y(names[2]),
        "bilateral_x_at_least": lambda: all(
            x(p["code"]) >= float(names[0]) for p in document["points"] if p["side"] == "L"
        ),
        "side_view_x_at_least": lambda: all(x(c) >= float(names[0]) for c in pos.side_view),
        "front_view_x_at_most": lambda: all(
            x(c) <= float(names[0]) for c in pos.points if c not in pos.side_view and c not in BELOW_THE_NECK
        ),
        "li_crosses_at_philtrum": lambda: _li_crosses(document),
    }
    assert func in values, f"unknown check {func}"
    if values[func]():
        return None
    shown = {n: tuple(round(v, 3) for v in pos[n]) for n in names if n in pos.points or n.startswith("@")}
    return f"positions {shown}"


BELOW_THE_NECK = ("ST12",)  # above the collarbone, 4 B-cun from the midline: wider than the face


def _li_crosses(document: dict[str, Any]) -> bool:
    """Each LI line passes GV26 and ends at LI20 on the other side."""
    lines = [c for c in document["channels"] if c["code"] == "LI"]
    if len(lines) != 2:
        return False
    for line in lines:
        course, side = line["course"], line["side"]
        other = "L" if side == "R" else "R"
        if "GV26" not in course or course[-1] != f"LI20.{other}" or course[0] != f"LI17.{side}":
            return False
    stomach = [c for c in document["channels"] if c["code"] == "ST" and c["course"][0].startswith("LI20")]
    return all(c["course"][0] == f"LI20.{c['side']}" for c in stomach) and len(stomach) == 2


RELATIONS = [
    line.split(" ", 1)
    for line in (DATA / "relations.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]


@pytest.fixture(scope="module")
def document(catalog: Catalog) -> dict[str, Any]:
    return catalog_document(catalog)


@pytest.mark.parametrize(("number", "expression"), RELATIONS, ids=[f"{n}:{e[:40]}" for n, e in RELATIONS])
def test_relation_holds(number: str, expression: str, document: dict[str, Any]) -> None:
    failure = evaluate(expression, Positions(document), document)
    assert failure is None, f"relation {number}: {expression}: {failure}"


def test_every_relation_of_the_reference_is_transcribed() -> None:
    """1-38 from relations.md, 39-46 for the points of points-more.md."""
    assert {int(n) for n, _ in RELATIONS} == set(range(1, 47))


def test_the_side_view_points_are_the_reference_ones_and_the_temple_and_ear_points(document: dict[str, Any]) -> None:
    views = Positions(document).side_view
    assert sorted(views) == sorted(
        ("ST7", "GB2", "GB3", "TE17", "TE21", "TE22", "SI17", "SI19", "GB6", "GB7", "TE20", "GB12", "EX-HN6")
    )


def test_a_misplaced_point_is_caught(document: dict[str, Any]) -> None:
    """The interpreter itself must be able to fail."""
    moved = {**document, "points": [dict(p) for p in document["points"]]}
    for point in moved["points"]:
        if point["code"] == "ST2":
            point["y"] -= 40
    assert evaluate("order_y(@pupil, ST1, @orbitale, ST2, ST3)", Positions(moved), moved) is not None

"""Routines: built from concerns, merged, ordered, edited, overridden, and read back from plain data."""

from __future__ import annotations

import json

import pytest

from meridian_map.core.catalog import Catalog
from meridian_map.core.output.sheet import concern_routine, take_home_sheet
from meridian_map.core.session.routine import Routine, RoutineError, Sides, Step, for_concerns, from_dict


def test_a_concerns_default_routine_is_its_take_home_sheet(catalog: Catalog) -> None:
    for concern in catalog.concerns:
        routine = for_concerns(catalog, [concern])
        sheet = take_home_sheet(catalog, concern_routine(catalog, concern))
        in_order = tuple(sorted(catalog.concerns[concern].zones, key=lambda zone: catalog.zones[zone].order))
        assert routine.zones == in_order == tuple(step.zone for step in sheet.steps), concern
        assert routine.concerns == (concern,)
        assert all(step == Step(step.zone) for step in routine.steps)


def test_concerns_merge_without_duplicates_in_the_working_order(catalog: Catalog) -> None:
    routine = for_concerns(catalog, ["dark-circles", "acne", "dark_circles"])
    expected = {*catalog.concerns["dark_circles"].zones, *catalog.concerns["acne"].zones}
    assert sorted(routine.zones) == sorted(expected) and len(routine.zones) == len(expected)
    orders = [catalog.zones[zone].order for zone in routine.zones]
    assert orders == sorted(orders)
    assert routine.zones[0] == min(expected, key=lambda zone: catalog.zones[zone].order)
    assert routine.concerns == ("dark_circles", "acne")
    names = (catalog.concerns["dark_circles"].name.get(), catalog.concerns["acne"].name.get())
    assert routine.name == " + ".join(names)[:80]


def test_unknown_or_missing_concerns_are_refused_with_a_hint(catalog: Catalog) -> None:
    with pytest.raises(RoutineError, match="did you mean acne"):
        for_concerns(catalog, ["acnee"])
    with pytest.raises(RoutineError, match="at least one concern"):
        for_concerns(catalog, [])


def test_reorder_drop_and_add_zones(catalog: Catalog) -> None:
    routine = for_concerns(catalog, ["dark_circles"])
    first = routine.zones
    moved = routine.moved(first[-1], 0)
    assert moved.zones == (first[-1], *first[:-1])
    assert routine.zones == first  # frozen: the original is untouched
    assert routine.moved(first[0], 99).zones == (*first[1:], first[0])
    dropped = routine.without("temple")
    assert "temple" not in dropped.zones and len(dropped.zones) == len(first) - 1
    # Added back, it goes where the working order puts it, unless a place is given.
    assert dropped.with_zone(catalog, "temple").zones == first
    assert dropped.with_zone(catalog, "neck_front", at=0).zones[0] == "neck_front"
    with pytest.raises(RoutineError, match="already in the routine"):
        routine.with_zone(catalog, "temple")
    with pytest.raises(RoutineError, match="unknown zone 'elbow'"):
        routine.with_zone(catalog, "elbow")
    with pytest.raises(RoutineError, match="no step for zone 'chin'"):
        routine.without("chin")


def test_per_step_overrides_are_checked_and_can_be_reset(catalog: Catalog) -> None:
    routine = for_concerns(catalog, ["acne"])
    changed = routine.overridden(catalog, "cheek", pressure="feather", strokes=4, lines=[0], sides=Sides.LEFT)
    assert changed.step("cheek") == Step("cheek", "feather", 4, (0,), Sides.LEFT)
    assert changed.step("chin") == Step("chin")
    again = changed.overridden(catalog, "cheek", strokes=6)
    assert again.step("cheek") == Step("cheek", "feather", 6, (0,), Sides.LEFT)
    assert again.reset("cheek").step("cheek") == Step("cheek")
    lines = len(catalog.zones["cheek"].stroke_lines)
    for kwargs, message in (
        ({"pressure": "hard"}, "unknown pressure 'hard'"),
        ({"strokes": 0}, "not between 1 and 50"),
        ({"lines": [lines]}, f"has lines 0 to {lines - 1}, not {lines}"),
        ({"lines": []}, "keep at least one line"),
        ({"lines": [0, 0]}, "a line comes twice"),
    ):
        with pytest.raises(RoutineError, match=message):
            routine.overridden(catalog, "cheek", **kwargs)  # type: ignore[arg-type]


def test_a_routine_round_trips_through_json(catalog: Catalog) -> None:
    routine = (
        for_concerns(catalog, ["acne", "wrinkles"])
        .renamed("Ms K, autumn")
        .moved("chin", 0)
        .overridden(catalog, "cheek", pressure="feather", lines=[1], sides=Sides.RIGHT)
    )
    data = json.loads(json.dumps(routine.to_dict()))
    assert from_dict(data, catalog) == routine
    assert data["steps"][0] == {"zone": "chin"}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(steps=[]), "steps: expected a non-empty list"),
        (lambda d: d["steps"].append({"zone": "chin"}), r"steps\[\d+\].zone: 'chin' comes twice"),
        (lambda d: d["steps"][1].update(pressure="hard"), r"steps\[1\].pressure: unknown pressure 'hard'"),
        (lambda d: d["steps"][0].update(strokes=True), r"steps\[0\].strokes: expected a whole number"),
        (lambda d: d["steps"][0].update(lines="all"), r"steps\[0\].lines: expected a list"),
        (lambda d: d["steps"][0].update(sides="up"), r"steps\[0\].sides: expected one of both, R, L"),
        (lambda d: d["steps"][0].update(zone="elbow"), r"steps\[0\].zone: unknown zone 'elbow'"),
        (lambda d: d["steps"][0].update(colour="red"), r"steps\[0\]: unknown field 'colour'"),
        (lambda d: d.update(name=""), "name: must not be empty"),
        (lambda d: d.update(name="a\u202egnp.exe"), "name: contains a text direction override"),
        (lambda d: d.update(name="😀"), "name: cannot print U\\+1F600"),
        (lambda d: d.update(format=2), "format: 2 is not a routine format"),
        (lambda d: d.update(concerns=["elbows"]), "concerns: expected a list of concern ids"),
        (lambda d: d.update(extra=1), "routine: unknown field 'extra'"),
    ],
)
def test_bad_routine_data_names_the_field(catalog: Catalog, change: object, message: str) -> None:
    data = for_concerns(catalog, ["acne"]).to_dict()
    change(data)  # type: ignore[operator]
    with pytest.raises(RoutineError, match=message):
        from_dict(data, catalog)


def test_routine_data_that_is_not_an_object_is_refused(catalog: Catalog) -> None:
    for data in (None, [], "routine", 3):
        with pytest.raises(RoutineError, match="routine: expected an object"):
            from_dict(data, catalog)
    assert isinstance(from_dict(for_concerns(catalog, ["acne"]).to_dict(), catalog), Routine)

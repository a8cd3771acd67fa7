"""The screening checklist as content, and every effect its answers have on a routine."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from meridian_map.core.catalog import Catalog
from meridian_map.core.load import load_catalog, load_screening
from meridian_map.core.problems import ContentError
from meridian_map.core.screeningmodel import Answer, EffectKind, Screening, ScreeningError, answer_from_dict
from meridian_map.core.session.routine import Routine, Step, for_concerns
from meridian_map.core.session.screening import parse_answer, screen

TODAY = dt.date(2026, 12, 1)
ISSUE_ITEMS = (
    "pregnancy", "blood-thinners", "recent-injectables", "recent-procedure", "active-breakout", "rosacea-flare",
    "broken-skin", "thyroid-or-neck-lump", "skin-fragility", "fever",
)  # fmt: skip


@pytest.fixture(scope="module")
def screening(catalog: Catalog) -> Screening:
    return load_screening(catalog)


@pytest.fixture
def everything(catalog: Catalog) -> Routine:
    """Every zone once, each at the content's pressure."""
    return Routine("All", tuple(Step(z) for z in catalog.zones))


def screened(catalog: Catalog, screening: Screening, routine: Routine, *specs: str, today: dt.date = TODAY):  # type: ignore[no-untyped-def]
    return screen(routine, [parse_answer(s, screening) for s in specs], today, screening, catalog)


def test_the_checklist_has_the_issue_items_in_both_languages_with_sources(screening: Screening) -> None:
    ids = [item.id for item in screening.items]
    assert set(ISSUE_ITEMS) <= set(ids) and len(ids) == len(set(ids))
    for item in screening.items:
        assert item.question.languages == {"en", "zh"} and item.reason.languages == {"en", "zh"}
        assert len(item.source) > 40 and item.effects
        for effect in item.effects:
            if effect.kind in (EffectKind.CAUTION, EffectKind.WARNING):
                assert effect.text.languages == {"en", "zh"}


def test_nothing_answered_changes_nothing(catalog: Catalog, screening: Screening, everything: Routine) -> None:
    result = screened(catalog, screening, everything)
    assert [s.zone for s in result.steps] == list(everything.zones)
    assert all(s.pressure == catalog.zones[s.zone].pressure and not s.capped_by for s in result.steps)
    assert not result.left_out and not result.postponed and not result.notices


def test_pregnancy_caps_at_light_drops_point_holds_and_cautions(
    catalog: Catalog, screening: Screening, everything: Routine
) -> None:
    result = screened(catalog, screening, everything, "pregnancy")
    levels = {s.zone: catalog.pressures[s.pressure].level for s in result.steps}
    assert max(levels.values()) == 2 and not result.left_out and not result.postponed
    medium = [z.id for z in catalog.zones.values() if z.pressure == "medium"]
    for step in result.steps:
        assert step.hold_seconds is None
        assert step.capped_by == (("pregnancy",) if step.zone in medium else ())
        assert step.holds_dropped_by == (("pregnancy",) if catalog.zones[step.zone].hold_seconds else ())
    (notice,) = result.notices
    assert notice.kind is EffectKind.CAUTION and "midwife" in notice.text.get()


def test_blood_thinners_cap_every_zone_at_feather_and_warn_of_bruising(
    catalog: Catalog, screening: Screening, everything: Routine
) -> None:
    result = screened(catalog, screening, everything, "blood-thinners")
    assert {s.pressure for s in result.steps} == {"feather"}
    capped = {s.zone for s in result.steps if s.capped_by == ("blood-thinners",)}
    assert capped == {z.id for z in catalog.zones.values() if z.pressure != "feather"} and capped
    (notice,) = result.notices
    assert notice.kind is EffectKind.WARNING and "Bruises" in notice.text.get()
    assert all(s.hold_seconds == catalog.zones[s.zone].hold_seconds for s in result.steps)


def test_recent_injectables_leave_the_treated_zones_out_until_the_wait_is_over(
    catalog: Catalog, screening: Screening, everything: Routine
) -> None:
    spec = "recent-injectables:2026-11-20:forehead+brow"
    result = screened(catalog, screening, everything, spec)
    assert [(o.zone, o.items, o.until) for o in result.left_out] == [
        ("forehead", ("recent-injectables",), dt.date(2026, 12, 4)),
        ("brow", ("recent-injectables",), dt.date(2026, 12, 4)),
    ]
    assert "filler" in result.left_out[0].reasons[0].get() and "填充" in result.left_out[0].reasons[0].get("zh")
    assert [s.zone for s in result.steps][:2] == ["under_eye", "temple"]
    assert [s.number for s in result.steps] == list(range(1, len(result.steps) + 1))
    assert result.notices[0].kind is EffectKind.CAUTION
    assert not screened(catalog, screening, everything, spec, today=dt.date(2026, 12, 4)).left_out
    assert len(screened(catalog, screening, everything, spec, today=dt.date(2026, 12, 3)).left_out) == 2


@pytest.mark.parametrize("item", ["recent-procedure", "fever"])
def test_a_recent_procedure_or_a_fever_postpones_the_session(
    catalog: Catalog, screening: Screening, everything: Routine, item: str
) -> None:
    result = screened(catalog, screening, everything, item)
    assert result.postponed and not result.steps
    (postponement,) = result.postponements
    assert postponement.item == item and postponement.text == screening.item(item).reason
    assert [o.zone for o in result.left_out] == list(everything.zones)
    assert all(o.reasons == (postponement.text,) for o in result.left_out)


def test_an_active_breakout_leaves_the_marked_zones_out_and_feathers_the_rest(
    catalog: Catalog, screening: Screening, everything: Routine
) -> None:
    result = screened(catalog, screening, everything, "active-breakout:chin+forehead")
    assert [o.zone for o in result.left_out] == ["forehead", "chin"]
    assert all(o.until is None for o in result.left_out)
    assert {s.pressure for s in result.steps} == {"feather"}
    assert "chin" not in [s.zone for s in result.steps]


def test_a_rosacea_flare_leaves_cheeks_nose_sides_and_chin_out_and_feathers_the_rest(
    catalog: Catalog, screening: Screening, everything: Routine
) -> None:
    result = screened(catalog, screening, everything, "rosacea-flare")
    assert {o.zone for o in result.left_out} == {"cheek", "nose_sides", "chin"}
    assert {s.pressure for s in result.steps} == {"feather"}
    assert next(s for s in result.steps if s.zone == "forehead").capped_by == ("rosacea-flare",)


def test_broken_skin_leaves_only_the_marked_zones_out(
    catalog: Catalog, screening: Screening, everything: Routine
) -> None:
    result = screened(catalog, screening, everything, "broken-skin:upper_lip")
    assert [(o.zone, o.items) for o in result.left_out] == [("upper_lip", ("broken-skin",))]
    assert all(s.pressure == catalog.zones[s.zone].pressure for s in result.steps)
    assert "disinfect" in result.notices[0].text.get()


def test_a_thyroid_or_neck_lump_leaves_the_front_of_the_neck_out(
    catalog: Catalog, screening: Screening, everything: Routine
) -> None:
    result = screened(catalog, screening, everything, "thyroid-or-neck-lump")
    assert [o.zone for o in result.left_out] == ["neck_front"]
    assert "neck_side" in [s.zone for s in result.steps]
    assert "doctor" in result.notices[0].text.get()


def test_fragile_skin_takes_feather_pressure_only(catalog: Catalog, screening: Screening, everything: Routine) -> None:
    result = screened(catalog, screening, everything, "skin-fragility")
    assert {s.pressure for s in result.steps} == {"feather"} and not result.left_out


def test_effects_combine_and_a_routine_override_is_capped_too(catalog: Catalog, screening: Screening) -> None:
    routine = for_concerns(catalog, ["blemishes"]).overridden(catalog, "forehead", pressure="medium")
    result = screened(catalog, screening, routine, "pregnancy", "blood-thinners", "broken-skin:chin", "rosacea-flare")
    forehead = next(s for s in result.steps if s.zone == "forehead")
    assert forehead.planned_pressure == "medium" and forehead.pressure == "feather"
    assert forehead.capped_by == ("pregnancy", "blood-thinners", "rosacea-flare")
    chin = next(o for o in result.left_out if o.zone == "chin")
    assert chin.items == ("broken-skin", "rosacea-flare") and len(chin.reasons) == 2
    # Zones not in the routine are not reported as left out.
    assert {o.zone for o in result.left_out} <= set(routine.zones)


@pytest.mark.parametrize(
    ("specs", "message"),
    [
        (["recent-injectables:forehead"], "needs the date"),
        (["recent-injectables:2026-11-20"], "mark at least one zone"),
        (["recent-injectables:2026-12-24:chin"], "is after today"),
        (["active-breakout"], "mark at least one zone"),
        (["broken-skin:elbow"], "unknown zone 'elbow'"),
        (["fever:chin"], "takes no zones"),
        (["fever:2026-11-01"], "takes no date"),
        (["fever", "fever"], "answered twice"),
    ],
)
def test_answers_missing_what_their_item_asks_are_refused(
    catalog: Catalog, screening: Screening, everything: Routine, specs: list[str], message: str
) -> None:
    with pytest.raises(ScreeningError, match=message):
        screened(catalog, screening, everything, *specs)


def test_an_unknown_item_is_refused_with_a_hint(screening: Screening) -> None:
    with pytest.raises(ScreeningError, match="did you mean 'pregnancy'"):
        parse_answer("pregnant", screening)
    assert parse_answer("blood_thinners", screening) == Answer("blood-thinners")
    with pytest.raises(ScreeningError, match="is not a date"):
        parse_answer("recent-injectables:2026-02-30:chin", screening)


def test_answers_round_trip_and_stored_junk_is_refused() -> None:
    answer = Answer("recent-injectables", dt.date(2026, 11, 20), ("forehead",))
    assert answer_from_dict(answer.to_dict()) == answer
    for junk in ({"item": 3}, {"item": "fever", "date": "soon"}, {"item": "fever", "zones": "chin"}, [], None):
        with pytest.raises(ScreeningError):
            answer_from_dict(junk)


NEW_ITEM = """
[[item]]
id = "eczema-flare"
question = { en = "Has an eczema flare (mark the zones)", zh = "湿疹发作（请标出区域）" }
reason = { en = "eczema flare", zh = "湿疹发作" }
asks = ["zones"]
source = "Safety notes: a flare of eczema or dermatitis reacts to friction and oil."

[[item.effect]]
kind = "leave_out"
marked = true
"""


def test_a_new_item_with_existing_effect_kinds_needs_only_the_file(
    catalog: Catalog, assets_copy: Path, everything: Routine
) -> None:
    file = assets_copy / "content" / "screening.toml"
    file.write_text(file.read_text(encoding="utf-8") + NEW_ITEM, encoding="utf-8")
    screening = load_screening(catalog, assets_copy)
    result = screened(catalog, screening, everything, "eczema-flare:temple")
    assert [(o.zone, o.items) for o in result.left_out] == [("temple", ("eczema-flare",))]


BROKEN = """
[[item]]
id = "fever"
question = { en = "Fever" }
reason = { en = "fever", zh = "发热" }
source = "x"

[[item.effect]]
kind = "postpone"

[[item]]
id = "bad-effects"
question = { en = "Q", zh = "问" }
reason = { en = "r", zh = "理" }
source = "x"
colour = "red"

[[item.effect]]
kind = "cap_pressure"
pressure = "hard"

[[item.effect]]
kind = "leave_out"
marked = true

[[item.effect]]
kind = "explode"

[[item]]
id = "no-effects"
question = { en = "Q", zh = "问" }
reason = { en = "r", zh = "理" }
source = "x"
"""


def test_a_broken_checklist_reports_every_problem_with_file_line_and_field(catalog: Catalog, assets_copy: Path) -> None:
    (assets_copy / "content" / "screening.toml").write_text(BROKEN, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_screening(catalog, assets_copy)
    found = {(p.line, p.field) for p in caught.value.problems}
    messages = "\n".join(str(p) for p in caught.value.problems)
    assert (4, "item[fever].question") in found and "missing translation: zh" in messages
    assert (16, "item[bad-effects].colour") in found
    assert (20, "item[bad-effects].effect[1].pressure") in found and "unknown pressure 'hard'" in messages
    assert (24, "item[bad-effects].effect[2].marked") in found and "must ask for zones" in messages
    assert (27, "item[bad-effects].effect[3].kind") in found
    assert (29, "item[no-effects].effect") in found
    assert all(p.file == "content/screening.toml" for p in caught.value.problems)


def test_the_checklist_is_not_read_as_catalog_content(catalog: Catalog, assets_copy: Path) -> None:
    (assets_copy / "content" / "screening.toml").write_text(BROKEN, encoding="utf-8")
    assert load_catalog(assets=assets_copy).zones.keys() == catalog.zones.keys()


def test_a_routine_that_does_not_fit_the_content_is_refused(catalog: Catalog, screening: Screening) -> None:
    for step in (Step("elbow"), Step("chin", pressure="hard")):
        with pytest.raises(ScreeningError, match="does not fit the content"):
            screen(Routine("Old", (step,)), [], TODAY, screening, catalog)

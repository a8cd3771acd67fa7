"""Zone looks are a pure function of the state: every look is checked here without Qt."""

from __future__ import annotations

import subprocess
import sys

import pytest

from meridian_map.gui.map.looks import Look, LookFacts, base_look, zone_look


def test_nothing_chosen_is_normal() -> None:
    assert zone_look("cheek_l", "cheek", False, LookFacts()) is Look.NORMAL


def test_the_selected_side_and_its_mirror() -> None:
    facts = LookFacts(selected="cheek_l", mirror="cheek_r")
    assert base_look("cheek_l", "cheek", facts) is Look.SELECTED
    assert base_look("cheek_r", "cheek", facts) is Look.MIRROR
    assert base_look("chin_l", "chin", facts) is Look.NORMAL


def test_a_concern_lights_its_zones_and_dims_the_rest() -> None:
    facts = LookFacts(concern_zones=frozenset({"cheek"}))
    assert base_look("cheek_l", "cheek", facts) is Look.MATCH
    assert base_look("chin_l", "chin", facts) is Look.DIMMED


def test_a_concern_wins_over_yang_ming_focus() -> None:
    facts = LookFacts(concern_zones=frozenset({"chin"}), focus=True, focus_zones=frozenset({"cheek"}))
    assert base_look("chin_l", "chin", facts) is Look.MATCH
    assert base_look("cheek_l", "cheek", facts) is Look.DIMMED


def test_yang_ming_focus_dims_zones_without_its_points() -> None:
    facts = LookFacts(focus=True, focus_zones=frozenset({"cheek"}))
    assert base_look("cheek_l", "cheek", facts) is Look.NORMAL
    assert base_look("chin_l", "chin", facts) is Look.DIMMED


def test_screened_out_zones_show_so_even_for_the_concern() -> None:
    facts = LookFacts(concern_zones=frozenset({"cheek"}), excluded=frozenset({"cheek"}))
    assert base_look("cheek_l", "cheek", facts) is Look.SCREENED_OUT


def test_selection_wins_over_everything() -> None:
    facts = LookFacts(
        selected="cheek_l", excluded=frozenset({"cheek"}), answer="cheek_l", step="cheek_l", concern_zones=frozenset()
    )
    assert base_look("cheek_l", "cheek", facts) is Look.SELECTED


def test_quiz_answer_and_current_step() -> None:
    facts = LookFacts(answer="chin_l", step="cheek_r")
    assert base_look("chin_l", "chin", facts) is Look.QUIZ_ANSWER
    assert base_look("cheek_r", "cheek", facts) is Look.CURRENT_STEP


@pytest.mark.parametrize(
    ("facts", "hovered"),
    [
        (LookFacts(), Look.HOVERED),
        (LookFacts(concern_zones=frozenset()), Look.HOVERED),  # dimmed zones light up under the pointer
        (LookFacts(selected="cheek_l"), Look.SELECTED),
        (LookFacts(selected="cheek_r", mirror="cheek_l"), Look.MIRROR),
        (LookFacts(answer="cheek_l"), Look.QUIZ_ANSWER),
        (LookFacts(step="cheek_l"), Look.CURRENT_STEP),
    ],
)
def test_hover_leaves_the_standing_out_looks_alone(facts: LookFacts, hovered: Look) -> None:
    assert zone_look("cheek_l", "cheek", True, facts) is hovered


def test_looks_import_no_qt() -> None:
    code = "import sys, meridian_map.gui.map.looks\nprint(any(m.startswith('PySide6') for m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"

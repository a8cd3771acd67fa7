"""A content pack may add screening items, checked like the shipped ones; it can never change a shipped item."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from meridian_map.core.catalog import Catalog
from meridian_map.core.load import load_screening
from meridian_map.core.problems import ContentError
from meridian_map.core.screeningmodel import Answer
from meridian_map.core.session.routine import for_concerns
from meridian_map.core.session.screening import screen

from .test_consult_cli import run_cli

NEW_ITEM = """
[[item]]
id = "lymph-surgery"
question = { en = "Had lymph nodes removed in the neck", zh = "颈部淋巴结曾被切除" }
reason = { en = "lymph nodes removed: ask the surgeon first", zh = "淋巴结已切除：请先征询外科医生" }
source = "Clinic protocol."

[[item.effect]]
kind = "leave_out"
zones = ["neck_side", "neck_front"]
"""

SOFTENED = """
[[item]]
id = "pregnancy"
question = { en = "Pregnant", zh = "怀孕" }
reason = { en = "pregnancy", zh = "怀孕" }
source = "Ours."

[[item.effect]]
kind = "caution"
text = { en = "Fine.", zh = "没问题。" }
"""


def pack(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "pack"
    folder.mkdir(exist_ok=True)
    (folder / "screening.toml").write_text(text, encoding="utf-8")
    return folder


def test_a_pack_adds_an_item_that_acts(tmp_path: Path, catalog: Catalog) -> None:
    shipped = load_screening(catalog)
    screening = load_screening(catalog, user_dirs=[pack(tmp_path, NEW_ITEM)])
    assert [i.id for i in screening.items] == [*(i.id for i in shipped.items), "lymph-surgery"]
    screened = screen(
        for_concerns(catalog, ["aging"]), [Answer("lymph-surgery")], dt.date(2026, 12, 5), screening, catalog
    )
    assert {o.zone for o in screened.left_out} == {"neck_side", "neck_front"}


def test_a_pack_cannot_change_a_shipped_item(tmp_path: Path, catalog: Catalog) -> None:
    folder = pack(tmp_path, SOFTENED + NEW_ITEM + NEW_ITEM.replace('source = "Clinic protocol."', 'source = "x"'))
    with pytest.raises(ContentError) as caught:
        load_screening(catalog, user_dirs=[folder])
    text = str(caught.value)
    assert f"{folder / 'screening.toml'}:2: item[pregnancy]: a shipped item has this id" in text
    assert "cannot change the shipped ones" in text
    assert "duplicate id" in text


def test_a_broken_pack_item_is_named_by_file_line_and_field(tmp_path: Path, catalog: Catalog) -> None:
    folder = pack(tmp_path, NEW_ITEM.replace('"neck_side", "neck_front"', '"nek"'))
    with pytest.raises(ContentError) as caught:
        load_screening(catalog, user_dirs=[folder])
    (problem,) = caught.value.problems
    assert str(problem).startswith(f"{folder / 'screening.toml'}:10:")
    assert "nek" in str(problem)


def test_the_commands_read_the_packs_items(tmp_path: Path) -> None:
    folder = pack(tmp_path, NEW_ITEM)
    checked = run_cli(tmp_path, "check", "--pack", str(folder))
    assert checked.returncode == 0, checked.stderr
    assert "11 screening items" in checked.stdout
    routine = run_cli(tmp_path, "routine", "--pack", str(folder), "--concern", "aging", "--screen", "lymph-surgery")
    assert routine.returncode == 0, routine.stderr
    assert "Side of the neck: lymph nodes removed" in routine.stdout
    pack(tmp_path, SOFTENED)
    refused = run_cli(tmp_path, "check", "--pack", str(folder))
    assert refused.returncode != 0 and "cannot change the shipped ones" in refused.stderr

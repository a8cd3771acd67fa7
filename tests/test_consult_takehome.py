"""A screened routine's take-home sheet, the record summary, and `sheet --routine NAME`.

The sheet for a screened routine prints what was worked, at the pressure it
was worked at, and lists what was left out today and why (read back from
the PDF with pdftotext, in English and Chinese).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
from pathlib import Path

import pytest

from meridian_map.core.catalog import Catalog
from meridian_map.core.load import load_screening
from meridian_map.core.output.sheet import SheetError
from meridian_map.core.screeningmodel import Answer, Screening
from meridian_map.core.session.record import Kind, record_lines
from meridian_map.core.session.routine import for_concerns
from meridian_map.core.session.screening import screen
from meridian_map.core.session.sheet import screened_sheet, worked_routine
from meridian_map.core.store.clients import open_client_store
from meridian_map.gui.sheets.render import ensure_application, render_pdf

from .test_consult_cli import run_cli

TODAY = dt.date(2026, 12, 5)


@pytest.fixture(scope="module")
def screening(catalog: Catalog) -> Screening:
    return load_screening(catalog)


def pdf_text(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "sheet.pdf"
    path.write_bytes(data)
    text = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s+", " ", text)


def test_the_worked_routine_keeps_overrides_and_takes_the_capped_pressure(
    catalog: Catalog, screening: Screening
) -> None:
    routine = for_concerns(catalog, ["acne"]).overridden(catalog, "chin", strokes=4, pressure="medium")
    screened = screen(routine, [Answer("pregnancy")], TODAY, screening, catalog)
    worked = worked_routine(screened)
    assert worked.step("chin").pressure == "light" and worked.step("chin").strokes == 4
    assert worked.step("nose_sides").pressure is None, "a step no item capped stays as the content says"
    unscreened = worked_routine(screen(routine, [], TODAY, screening, catalog))
    assert unscreened == routine


def test_the_sheet_lists_what_was_left_out_and_why_with_the_screening_cautions(
    catalog: Catalog, screening: Screening, tmp_path: Path
) -> None:
    ensure_application()
    routine = for_concerns(catalog, ["acne", "uneven_tone"])
    answers = [Answer("rosacea-flare"), Answer("recent-injectables", dt.date(2026, 12, 1), ("forehead",))]
    screened = screen(routine, answers, TODAY, screening, catalog)
    sheet = screened_sheet(catalog, screened, "en", "Drink water.", client="Ms K")
    assert [step.zone for step in sheet.steps] == ["jawline"]
    assert sheet.subtitle.startswith("For Ms K")
    data, report = render_pdf(catalog, sheet)
    assert not report.overflow
    text = pdf_text(data, tmp_path)
    assert "Left out today, and why:" in text
    for name in ("Forehead (injected recently", "may be worked again from 2026-12-15", "Cheek (rosacea", "Chin"):
        assert name in text, name
    assert "For Ms K" in text and "Drink water." in text
    assert "The treating clinician's advice comes first." in text, "the item's caution prints too"
    assert "Printed 2026-12-05" in text

    zh = screened_sheet(catalog, screened, "zh", client="K 女士")
    data, _ = render_pdf(catalog, zh)
    text = pdf_text(data, tmp_path)
    assert "今天略过的部位及原因" in text and "为 K 女士 准备" in text
    assert "2026-12-15 起可以再做" in text


def test_an_unscreened_routine_has_no_left_out_section(catalog: Catalog, screening: Screening) -> None:
    sheet = screened_sheet(catalog, screen(for_concerns(catalog, ["acne"]), [], TODAY, screening, catalog))
    assert all(item.title != "Left out today, and why" for item in sheet.cautions)
    assert sheet.subtitle == catalog.concerns["acne"].description.get("en")


def test_a_postponed_session_has_no_take_home_sheet(catalog: Catalog, screening: Screening) -> None:
    screened = screen(for_concerns(catalog, ["acne"]), [Answer("fever")], TODAY, screening, catalog)
    with pytest.raises(SheetError, match="postponed"):
        screened_sheet(catalog, screened)


def test_the_record_summary_holds_everything_exported(catalog: Catalog, screening: Screening, tmp_path: Path) -> None:
    with open_client_store(tmp_path / "c.sqlite3").store as store:
        client = store.add_client("王芳", TODAY)
        routine = for_concerns(catalog, ["acne"], "Spots")
        store.save_routine(client.id, routine)
        answers = [Answer("active-breakout", zones=("chin",))]
        store.save_answers(client.id, TODAY, answers)
        session = store.start_session(client.id, TODAY, routine, answers)
        store.save_note(session, "Calm skin.")
        record = store.export_client(client.id)
    lines = record_lines(json.loads(json.dumps(record)), catalog, screening)
    text = "\n".join(line.text for line in lines)
    assert lines[0] == (Kind.TITLE, "Client record: 王芳")
    for expected in (
        "Screening answers (1)",
        "Routines (1)",
        "Sessions (1)",
        "Note: Calm skin.",
        "(Chin)",
        "4. Jawline",
    ):
        assert expected in text, expected


def save_routines(home: Path, catalog: Catalog) -> None:
    path = home / "data" / "meridian-map" / "clients.sqlite3"
    path.parent.mkdir(parents=True)
    with open_client_store(path).store as store:
        first, second = store.add_client("Ms K", TODAY), store.add_client("Mr J", TODAY)
        store.save_routine(first.id, for_concerns(catalog, ["acne"], "Autumn"))
        store.save_routine(second.id, for_concerns(catalog, ["acne"], "Autumn"))
        store.save_routine(None, for_concerns(catalog, ["dark_circles"], "Eyes"))


def test_sheet_routine_prints_a_saved_routine_or_says_what_is_wrong(tmp_path: Path, catalog: Catalog) -> None:
    none_yet = run_cli(tmp_path, "sheet", "--routine", "Eyes")
    assert none_yet.returncode == 2 and "no routines are saved yet" in none_yet.stderr
    save_routines(tmp_path, catalog)
    unknown = run_cli(tmp_path, "sheet", "--routine", "Spring")
    assert unknown.returncode == 2
    assert "no saved routine called 'Spring'" in unknown.stderr and "template: Eyes" in unknown.stderr
    ambiguous = run_cli(tmp_path, "sheet", "--routine", "autumn")
    assert ambiguous.returncode == 2 and "2 saved routines" in ambiguous.stderr and "--client" in ambiguous.stderr
    target = tmp_path / "k.pdf"
    chosen = run_cli(tmp_path, "sheet", "--routine", "Autumn", "--client", "ms k", "-o", str(target), "--lang", "zh")
    assert chosen.returncode == 0, chosen.stderr
    text = pdf_text(target.read_bytes(), tmp_path)
    assert "为 Ms K 准备" in text and "痤疮" in text
    template = run_cli(tmp_path, "sheet", "--routine", "Eyes", "-o", str(target))
    assert template.returncode == 0, template.stderr
    assert "Gua sha at home: dark circles" in pdf_text(target.read_bytes(), tmp_path)
    both = run_cli(tmp_path, "sheet", "--routine", "Eyes", "--concern", "acne")
    assert both.returncode == 2 and "give one of them" in both.stderr

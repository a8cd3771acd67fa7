"""Sheets that run on: safety text is never shortened, long notes continue on further pages.

Every check reads the PDF as a reader would, through poppler: the text of
each page (whitespace folded, as line breaks fall anywhere), and the boxes of
its words, where text printed over text shows as two boxes on one spot.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from meridian_map.core.catalog import Catalog
from meridian_map.core.load import load_catalog
from meridian_map.core.output.sheet import (
    LABELS,
    MAX_PAGES,
    MIN_BODY_PT,
    CheatSheet,
    Paper,
    Sheet,
    TakeHomeSheet,
    build_sheet,
)
from meridian_map.gui.exportmenu import Exporter

from .pdftext import flat, poppler

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from meridian_map.gui.mainwindow import MainWindow

TODAY = dt.date(2025, 11, 25)
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')


def pages_of(pdf: Path) -> list[str]:
    """The text of each page, read in one pass: poppler ends every page with a form feed."""
    return poppler("pdftotext", "-raw", str(pdf), "-").split("\f")[:-1]


def overprinted(pdf: Path) -> list[tuple[str, str]]:
    """Pairs of words whose boxes lie mostly on top of each other, page by page.

    Lines set at the sheet's line spacing overlap their neighbours' boxes by
    about a fifth of a line; text printed over text overlaps by far more.
    """
    clashes = []
    for page in poppler("pdftotext", "-bbox", str(pdf), "-").split("<page ")[1:]:
        boxes = sorted(
            ((float(a), float(b), float(c), float(d), w) for a, b, c, d, w in WORD.findall(page)),
            key=lambda box: box[1],
        )
        for i, (x0, y0, x1, y1, word) in enumerate(boxes):
            for u0, v0, u1, v1, other in boxes[i + 1 :]:
                if v0 >= y1:
                    break
                across = min(x1, u1) - max(x0, u0)
                down = min(y1, v1) - max(y0, v0)
                if across > 1.0 and down > 0.5 * min(y1 - y0, v1 - v0):
                    clashes.append((word, other))
    return clashes


def render(catalog: Catalog, sheet: Sheet, paper: Paper, target: Path) -> tuple[list[str], int]:
    from meridian_map.gui.sheets.render import render_pdf

    data, report = render_pdf(catalog, sheet, paper)
    assert report.fits and not report.overflow, report
    assert report.smallest_pt >= MIN_BODY_PT, report
    target.write_bytes(data)
    pages = pages_of(target)
    assert len(pages) == report.pages
    return pages, report.pages


def assert_safety_text_whole(sheet: Sheet, pages: list[str]) -> None:
    """Each caution whole on one page, the disclaimer whole at the foot of every page."""
    for number, page in enumerate(pages, start=1):
        assert flat(sheet.disclaimer) in flat(page), f"page {number} lacks the disclaimer"
    everything = flat("".join(pages))
    for item in sheet.cautions:
        assert any(flat(item.text) in flat(page) for page in pages), item.text
        for sentence in re.split(r"(?<=[.。!?！？])\s*", item.text):
            assert flat(sentence) in everything, sentence


@pytest.mark.parametrize("paper", list(Paper))
@pytest.mark.parametrize("lang", list(LABELS))
def test_every_sheet_prints_every_caution_and_the_disclaimer_whole(
    app: QGuiApplication, catalog: Catalog, tmp_path: Path, lang: str, paper: Paper
) -> None:
    """Skin aging used to lose 'Avoid this area with thyroid nodules or goitre.' and two other sentences.

    Every sheet carries a short note, as most do, and fits its paper at readable sizes (`render` checks).
    """
    for concern in [None, *catalog.concerns]:
        sheet = build_sheet(catalog, concern, lang, "Use the small stone. " * 4, TODAY)
        pages, _ = render(catalog, sheet, paper, tmp_path / f"{concern or 'cheat'}.pdf")
        assert_safety_text_whole(sheet, pages)
        assert not overprinted(tmp_path / f"{concern or 'cheat'}.pdf"), concern


def test_the_aging_sheet_keeps_the_sentences_it_used_to_drop(
    app: QGuiApplication, catalog: Catalog, tmp_path: Path
) -> None:
    sheet = build_sheet(catalog, "aging", "en", today=TODAY)
    text = flat("".join(render(catalog, sheet, Paper.A4, tmp_path / "aging.pdf")[0]))
    for sentence in (
        "Avoid this area with thyroid nodules or goitre.",
        "ST2 sits over a nerve opening",
        catalog.zones["forehead"].cautions.get("en").split(". ", 1)[1],
    ):
        assert flat(sentence) in text, sentence


def long_note(lang: str, words: int) -> tuple[str, list[str]]:
    """A note of about `words` words, and the markers that must come out once each, in order.

    Chinese notes use only hanzi the sheets already print, so they test the
    layout and not the font; a marker '(n)' never hides inside another.
    """
    if lang == "en":
        vocabulary = re.findall(r"\w+", "gently stroke outward along the jaw, then rest with light pressure a while")
        parts = [f"(m{i})" if i % 10 == 0 else vocabulary[i % len(vocabulary)] for i in range(words)]
        markers = [f"(m{i})" for i in range(0, words, 10)]
        return " ".join(parts), markers
    pieces = [p for p in re.split(r"[，。；]", LABELS["zh"]["before_text"] + LABELS["zh"]["often_text"]) if p]
    chunks, markers, size = [], [], 0
    while size < 2 * words:  # a Chinese word is about two hanzi
        marker = f"（{len(markers)}）"
        chunk = f"{marker}{pieces[len(markers) % len(pieces)]}。"
        chunks.append(chunk)
        markers.append(marker)
        size += len(chunk)
    return "".join(chunks), markers


@pytest.mark.parametrize(
    ("lang", "words", "paper"),
    [("en", 500, Paper.A4), ("en", 2000, Paper.LETTER), ("zh", 500, Paper.LETTER), ("zh", 2000, Paper.A4)],
)
def test_a_long_note_runs_on_to_further_pages_whole_and_clean(
    app: QGuiApplication, catalog: Catalog, tmp_path: Path, lang: str, words: int, paper: Paper
) -> None:
    """A note used to run over the disclaimer with lines printed on top of each other."""
    note, markers = long_note(lang, words)
    sheet = build_sheet(catalog, "acne", lang, note, TODAY)
    target = tmp_path / f"note-{lang}-{words}.pdf"
    pages, count = render(catalog, sheet, paper, target)
    assert expected_pages(lang, words) <= count <= MAX_PAGES
    assert_safety_text_whole(sheet, pages)
    assert not overprinted(target)
    continued = flat(LABELS[lang]["continued"].format(title=sheet.title))
    for number, page in enumerate(pages[1:], start=2):
        assert flat(page).startswith(continued), f"page {number} has no continuation heading"
        assert flat(LABELS[lang]["page_of"].format(page=number, pages=count)) in flat(page)
    for number, page in enumerate(pages[:-1], start=1):
        assert flat(LABELS[lang]["continues"].format(page=number + 1)) in flat(page)
    everything = flat("".join(pages))
    assert [everything.count(marker) for marker in markers] == [1] * len(markers)
    at = [everything.index(marker) for marker in markers]
    assert at == sorted(at), "the note's text comes out of order"
    title = flat(LABELS[lang]["note_title"])
    pieces = []
    for number, page in enumerate(map(flat, pages), start=1):
        start = page.rindex(title) + len(title)
        start += len(flat(LABELS[lang]["continued"].format(title=""))) if number > 1 else 0
        end = page.index(
            flat(LABELS[lang]["continues"].format(page=number + 1)) if number < count else flat(sheet.disclaimer)
        )
        pieces.append(page[start:end])
    assert "".join(pieces) == flat(note), "the note must come out whole, page after page"


def expected_pages(lang: str, words: int) -> int:
    """Pages at the least: 500 Chinese words (about 1,000 hanzi) still fit beside the rest of the sheet."""
    return 1 if (lang, words) == ("zh", 500) else 2


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "meridian_map", *args], capture_output=True, text=True, timeout=120, cwd=cwd
    )


def test_the_sheet_command_says_how_many_pages_a_long_note_took(tmp_path: Path) -> None:
    note = " ".join(["Work the jawline slowly and lightly, three evenings a week."] * 70)  # ~4,000 characters
    result = run_cli("sheet", "--concern", "acne", "--note", note, "-o", "acne.pdf", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "2 pages" in result.stdout
    assert "pack" not in result.stderr
    assert len(pages_of(tmp_path / "acne.pdf")) == 2


def test_a_note_too_long_for_any_sheet_is_refused_by_name(tmp_path: Path) -> None:
    note = "Work the jawline slowly and lightly. " * 1200
    result = run_cli("sheet", "--concern", "acne", "--note", note, "-o", "acne.pdf", cwd=tmp_path)
    assert result.returncode == 1
    assert "the practitioner's note" in result.stderr and f"more than {MAX_PAGES} pages" in result.stderr
    assert "pack" not in result.stderr
    assert not (tmp_path / "acne.pdf").exists()


def test_the_window_note_field_says_how_much_room_is_left(qtbot: QtBot, window: MainWindow) -> None:
    """The note typed in the window goes on the printed sheet; its field says how much more fits."""
    sidebar = window.sidebar
    assert not sidebar.note_edit.isVisibleTo(window)
    window.map_state.set_concern("dark_circles")
    assert sidebar.note_edit.isVisibleTo(window)
    qtbot.waitUntil(lambda: "characters fit on the first page" in sidebar.note_room.text())

    def room() -> int:
        return int(re.sub(r"\D", "", sidebar.note_room.text()))

    empty = room()
    assert empty > 200
    sidebar.note_edit.setPlainText("Twice a week, in the evening. " * 10)
    qtbot.waitUntil(lambda: "characters fit" in sidebar.note_room.text() and room() < empty - 200)
    exporter = window.findChild(Exporter)
    assert exporter is not None
    assert exporter.current_sheet().note == sidebar.note_edit.toPlainText().strip()
    sidebar.note_edit.setPlainText("Twice a week, in the evening. " * 140)  # about 4,200 characters
    qtbot.waitUntil(lambda: sidebar.note_room.text() == "The sheet continues on page 2")
    sidebar.note_edit.setPlainText("Twice a week, in the evening. " * 1500)
    qtbot.waitUntil(lambda: sidebar.note_room.text().startswith("Too long to print: the practitioner's note"))


def test_a_caution_taller_than_a_page_is_named_not_cut(app: QGuiApplication, tmp_path: Path) -> None:
    """A pack's caution that fills more than a page cannot be shortened: the sheet names it by file and line."""
    from meridian_map.gui.sheets.render import render_pdf

    long = "Keep the pressure light near the forehead corners and stop at any pain. " * 120
    pack = tmp_path / "long-caution.toml"
    caution = f'cautions = {{ en = "{long}", zh = "额头两角轻压，疼痛即停。" }}'
    pack.write_text(f'# a clinic note\n\n[[zone]]\nid = "forehead"\n{caution}\n', encoding="utf-8")
    catalog = load_catalog(user_dirs=[tmp_path])
    sheet = build_sheet(catalog, "oily_skin", "en", today=TODAY)
    assert isinstance(sheet, TakeHomeSheet) and any(item.text == long.strip() for item in sheet.cautions)
    _, report = render_pdf(catalog, sheet, Paper.A4)
    assert not report.fits
    assert report.overflow == [f"{tmp_path.name}/{pack.name}:5: zone[forehead].cautions: longer than a whole page"]


def test_a_shipped_caution_is_named_by_its_own_file_and_line(catalog: Catalog) -> None:
    sheet = build_sheet(catalog, "oily_skin", "en", today=TODAY)
    assert isinstance(sheet, TakeHomeSheet)
    forehead = next(item for item in sheet.cautions if item.number == 1)
    where, field = forehead.field.rsplit(": ", 1)
    file, line = where.rsplit(":", 1)
    assert field == "zone[forehead].cautions" and file.endswith("zones.toml")
    assert Path(file).read_text(encoding="utf-8").splitlines()[int(line) - 1].startswith("cautions")


def test_printing_from_the_window_runs_on_to_a_second_page(window: MainWindow, tmp_path: Path) -> None:
    """Print and Print Preview draw through the printer, which must get the second page too."""
    from PySide6.QtPrintSupport import QPrinter

    window.map_state.set_concern("acne")
    window.sidebar.note_edit.setPlainText("Twice a week, in the evening. " * 140)
    exporter = window.findChild(Exporter)
    assert exporter is not None
    printer = exporter.new_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    exporter.paint_on(printer)
    pages = pages_of(tmp_path / "printed.pdf")
    assert len(pages) == 2
    sheet = exporter.current_sheet()
    assert_safety_text_whole(sheet, pages)
    assert not overprinted(tmp_path / "printed.pdf")


def test_a_cheat_sheet_too_full_for_its_page_is_named(app: QGuiApplication, catalog: Catalog) -> None:
    """The cheat sheet is one page by design; a pack that overfills it is told so instead of a footer overprinted."""
    from meridian_map.gui.sheets.render import render_pdf

    sheet = build_sheet(catalog, None, "en", today=TODAY)
    assert isinstance(sheet, CheatSheet)
    _, report = render_pdf(catalog, dataclasses.replace(sheet, rows=sheet.rows * 3), Paper.A4)
    assert not report.fits
    assert report.overflow == ["the zone table with the key and cautions, on one page"]


def test_the_note_room_is_measured_off_the_ui_thread_and_only_the_latest_is_shown(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A slow measurement of an older note never overwrites the answer for a newer one."""
    from PySide6.QtCore import QThread

    from meridian_map.gui.panels import noteroom

    threads: list[QThread] = []
    measure = noteroom._Measure.run

    def recording(self: noteroom._Measure) -> None:
        threads.append(QThread.currentThread())
        measure(self)

    sidebar = window.sidebar
    window.map_state.set_concern("acne")
    qtbot.waitUntil(lambda: "characters fit" in sidebar.note_room.text())
    monkeypatch.setattr(noteroom._Measure, "run", recording)
    window.map_state.set_note("Twice a week. " * 2000)  # runs on past the last page
    sidebar.update_note_room()
    window.map_state.set_note("Twice a week.")
    sidebar.update_note_room()
    qtbot.waitUntil(lambda: "characters fit" in sidebar.note_room.text())
    assert sidebar.room is not None
    sidebar.room.wait()
    QApplication.processEvents()
    assert "characters fit" in sidebar.note_room.text()  # the long note's answer, if it came, was dropped
    main_thread = QApplication.instance().thread()
    assert threads and all(thread is not main_thread for thread in threads)


def test_closing_the_window_while_measuring_waits_for_it(catalog: Catalog, qtbot: QtBot) -> None:
    from meridian_map.gui.mainwindow import MainWindow

    window = MainWindow(catalog)
    qtbot.addWidget(window)
    window.map_state.set_concern("acne")
    window.map_state.set_note("Twice a week. " * 2000)
    window.sidebar.update_note_room()
    window.close()
    assert window.sidebar.room is not None
    assert window.sidebar.room._pool.activeThreadCount() == 0

"""Printed sheets: wording and layout rules, then real PDFs checked with poppler.

The PDFs are inspected the way a reader meets them: one page of the right
size, every zone name and the disclaimer findable as text, fonts embedded so
hanzi and tone marks print anywhere, and a page that renders to an image.
"""

from __future__ import annotations

import datetime as dt
import gc
import itertools
import math
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from fontTools.ttLib import TTFont
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainterPath, QPdfWriter, QPen

from meridian_map.core.catalog import Catalog
from meridian_map.core.output.sheet import (
    HATCHES,
    LABELS,
    MIN_BODY_PT,
    PALETTE_SLOTS,
    Hatch,
    Paper,
    SheetError,
    build_sheet,
    cheat_sheet,
    concern_routine,
    default_filename,
    find_concern,
    first_fit,
    first_sentence,
    main_clause,
    printed_on,
    sheet_characters,
    spread,
    take_home_sheet,
)
from meridian_map.core.session.routine import Step as RoutineStep

if TYPE_CHECKING:
    from meridian_map.core.output.sheet import Sheet
    from meridian_map.gui.sheets.canvas import Canvas, Report

REPO = Path(__file__).resolve().parents[1]
FONTS = REPO / "assets" / "fonts"
TODAY = dt.date(2025, 11, 25)
PAGE_SIZES = {Paper.A4: (595, 842), Paper.LETTER: (612, 792)}


def poppler(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True, timeout=60).stdout


def run_cli(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "meridian_map", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
        env=env,
    )


def words(text: str) -> str:
    """Text with line breaks and runs of spaces folded, as a reader sees it."""
    return re.sub(r"\s+", " ", text).strip()


def no_spaces(text: str) -> str:
    return re.sub(r"\s+", "", text)


# wording and rules (no Qt) ---------------------------------------------------------


def test_first_sentence_and_main_clause_shorten_without_losing_the_instruction() -> None:
    text = "Stroke up to the hairline, then out to the temple (some go down). Finish at the ear."
    assert first_sentence(text) == "Stroke up to the hairline, then out to the temple (some go down)."
    assert main_clause(text) == "Stroke up to the hairline."
    colon = "The lines end here: hold gently at Taiyang, then sweep downward before the ear."
    assert main_clause(colon) == "The lines end here: hold gently at Taiyang."
    assert first_sentence("从眉上方向上刮至发际。最后横刮。") == "从眉上方向上刮至发际。"


def test_spread_keeps_labels_apart_in_order_and_inside_the_range() -> None:
    placed = spread([10.0, 11.0, 12.0, 50.0, 98.0, 99.0], 8.0, 0.0, 100.0)
    assert placed == sorted(placed)
    assert all(b - a >= 8.0 - 1e-9 for a, b in itertools.pairwise(placed))
    assert placed[0] >= 0.0 and placed[-1] <= 100.0
    assert placed[3] == 50.0, "a label with room stays at its target"
    assert spread([], 8.0, 0.0, 1.0) == []


def test_first_fit_prefers_the_first_candidate_that_fits() -> None:
    assert first_fit([12, 10, 9], lambda size: size <= 10) == (10, True)
    assert first_fit([12, 11], lambda size: size <= 10) == (11, False)


def test_concerns_are_found_by_hyphen_underscore_or_name(catalog: Catalog) -> None:
    assert find_concern(catalog, "dark-circles").id == "dark_circles"
    assert find_concern(catalog, "Dark_Circles").id == "dark_circles"
    assert find_concern(catalog, "dark circles").id == "dark_circles"
    assert find_concern(catalog, "黑眼圈").id == "dark_circles"
    with pytest.raises(SheetError, match="did you mean dark_circles"):
        find_concern(catalog, "dark-circle")
    with pytest.raises(SheetError, match="choose one of aging"):
        find_concern(catalog, "xyz")


def test_the_printed_date_is_the_given_day_or_today() -> None:
    assert printed_on(TODAY) == "2025-11-25"
    before = dt.date.today().isoformat()
    printed = printed_on(None)
    assert printed in {before, dt.date.today().isoformat()}, "either side of midnight"


def test_default_file_names() -> None:
    assert default_filename(None, "en") == "meridian-map-cheatsheet.pdf"
    assert default_filename("dark_circles", "en") == "meridian-map-dark_circles.pdf"
    assert default_filename("dark_circles", "zh") == "meridian-map-dark_circles-zh.pdf"


def test_cheat_sheet_numbers_every_zone_in_working_order(catalog: Catalog) -> None:
    sheet = cheat_sheet(catalog, "en", TODAY)
    ordered = sorted(catalog.zones.values(), key=lambda z: z.order)
    assert [row.zone for row in sheet.rows] == [z.id for z in ordered]
    assert [row.number for row in sheet.rows] == list(range(1, len(ordered) + 1))
    assert [mark.number for mark in sheet.marks] == [row.number for row in sheet.rows]
    assert len({mark.hatch for mark in sheet.marks}) == len(sheet.marks), "each zone its own hatch"
    assert sheet.disclaimer == catalog.content.disclaimer.short.get("en")
    assert "2025-11-25" in sheet.date
    under_eye = next(row for row in sheet.rows if row.zone == "under_eye")
    assert "ST1 Chéngqì 承泣" in under_eye.points
    assert under_eye.concerns[-1].startswith("Dark circles"), "the most telling concern comes first when cut"
    for row in sheet.rows:
        assert all(len(longer) >= len(shorter) for longer, shorter in itertools.pairwise(row.directions))


def test_touching_zones_get_different_tints(catalog: Catalog) -> None:
    from meridian_map.gui.theme import ZONE_TINTS

    assert len(ZONE_TINTS) == PALETTE_SLOTS, "the core spreads zones over as many tints as the drawing has"
    sheet = cheat_sheet(catalog, "en", TODAY)
    palette = {mark.zone: mark.palette for mark in sheet.marks}
    index = catalog.index
    for i, first in enumerate(index.keys):
        for j in range(i + 1, len(index.keys)):
            a, b = catalog.areas[first].zone, catalog.areas[index.keys[j]].zone
            if a != b and index.polygons[i].distance(index.polygons[j]) < 1.0:
                assert palette[a] != palette[b], (a, b)


def test_take_home_sheet_follows_the_concern(catalog: Catalog) -> None:
    sheet = take_home_sheet(catalog, concern_routine(catalog, "dark-circles"), "en", "  Twice a week.  ", TODAY)
    concern = catalog.concerns["dark_circles"]
    assert sheet.title == "Gua sha at home: dark circles"
    assert [step.zone for step in sheet.steps] == sorted(concern.zones, key=lambda z: catalog.zones[z].order)
    assert [step.number for step in sheet.steps] == [1, 2, 3]
    assert sheet.cautions[0].text == concern.caution.get("en")
    assert {c.title for c in sheet.cautions if c.number} == {step.name for step in sheet.steps}
    assert "Stop at pain" in sheet.cautions[-1].text
    assert sheet.note == "Twice a week."
    assert "not a tested prescription" in sheet.often_honest


def test_a_concerns_default_routine_is_its_zones_in_the_working_order(catalog: Catalog) -> None:
    """What the take-home sheet is built from: each zone of the concern once, forehead to neck."""
    for concern in catalog.concerns.values():
        routine = concern_routine(catalog, concern.id)
        assert routine.concerns == (concern.id,)
        assert list(routine.zones) == sorted(concern.zones, key=lambda z: catalog.zones[z].order)
        assert all(step == RoutineStep(step.zone) for step in routine.steps), "nothing differs from the content"
    with pytest.raises(SheetError, match="unknown concern"):
        concern_routine(catalog, "freckles")


def test_the_take_home_sheet_follows_its_routine(catalog: Catalog) -> None:
    """Order, numbering and a step's own pressure and strokes come from the routine, the rest from the content."""
    routine = concern_routine(catalog, "dark-circles")  # brow, under_eye, temple
    changed = routine.moved("temple", 0).overridden(catalog, "brow", pressure="light", strokes=4)
    sheet = take_home_sheet(catalog, changed, "en", "", TODAY)
    assert [step.zone for step in sheet.steps] == ["temple", "brow", "under_eye"]
    assert [step.number for step in sheet.steps] == [1, 2, 3]
    assert [mark.zone for mark in sheet.marks] == ["temple", "brow", "under_eye"]
    brow = sheet.steps[1]
    assert (brow.pressure_level, brow.pressure) == (2, "Light pressure")
    assert brow.strokes.startswith("4 strokes per line")
    untouched = sheet.steps[2]
    assert untouched.pressure == "Feather pressure"
    assert untouched.strokes.startswith("3–5 strokes per line")
    assert {c.number: c.title for c in sheet.cautions if c.number} == {s.number: s.name for s in sheet.steps}


def test_a_routine_of_two_concerns_prints_both_and_their_cautions(catalog: Catalog) -> None:
    from meridian_map.core.session.routine import for_concerns

    routine = for_concerns(catalog, ["dark_circles", "acne"])
    for lang in LABELS:
        sheet = take_home_sheet(catalog, routine, lang, "", TODAY)
        concerns = [catalog.concerns["dark_circles"], catalog.concerns["acne"]]
        assert [c.text for c in sheet.cautions if not c.number][:2] == [c.caution.get(lang) for c in concerns]
        assert sheet.subtitle.split("\n") == [c.description.get(lang) for c in concerns]
        assert [step.zone for step in sheet.steps] == list(routine.zones)
    title = take_home_sheet(catalog, routine, "en").title
    names = [catalog.concerns[c].name.get("en") for c in ("dark_circles", "acne")]
    assert title.startswith("Gua sha at home: dark circles + ") and title.lower().endswith(names[1].lower())


def test_a_routine_the_sheet_cannot_show_as_chosen_is_refused(catalog: Catalog) -> None:
    """The face draws every stroke line on both sides; a client must not be shown more than was chosen."""
    from meridian_map.core.session.routine import Sides

    routine = concern_routine(catalog, "aging")
    first, second = routine.zones[:2]
    with pytest.raises(SheetError, match=f"step '{first}'"):
        take_home_sheet(catalog, routine.overridden(catalog, first, lines=[0]))
    with pytest.raises(SheetError, match=f"step '{second}'"):
        take_home_sheet(catalog, routine.overridden(catalog, second, sides=Sides.LEFT))


def test_sheet_labels_exist_in_every_language_and_language_is_checked(catalog: Catalog) -> None:
    keys = set(LABELS["en"])
    assert all(set(labels) == keys for labels in LABELS.values())
    with pytest.raises(SheetError, match="unknown language 'fr'"):
        build_sheet(catalog, None, "fr")


@pytest.fixture(scope="module")
def font_characters() -> dict[str, set[int]]:
    return {face: set(TTFont(FONTS / f"NotoSansCJKsc-{face}-subset.otf").getBestCmap()) for face in ("Regular", "Bold")}


def test_the_bundled_fonts_cover_every_character_a_sheet_prints(
    catalog: Catalog, font_characters: dict[str, set[int]]
) -> None:
    """The fonts are subsets: a label using a hanzi outside them would print as a box on a bare machine."""
    printed: set[str] = set()
    for lang in LABELS:
        for concern in [None, *catalog.concerns]:
            printed |= sheet_characters(build_sheet(catalog, concern, lang, "备注 note", TODAY))
    for face, covered in font_characters.items():
        missing = sorted(ch for ch in printed if ord(ch) not in covered and ch != "\u00a0")
        assert missing == [], f"{face} lacks {''.join(missing)}"


# PDFs --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pdf_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("sheets")


SHEETS = [
    (None, "en", Paper.A4),
    (None, "en", Paper.LETTER),
    (None, "zh", Paper.A4),
    ("dark_circles", "en", Paper.A4),
    ("aging", "en", Paper.LETTER),
    ("acne", "zh", Paper.LETTER),
    ("eye_bags", "zh", Paper.A4),
]


@pytest.mark.parametrize(("concern", "lang", "paper"), SHEETS)
def test_sheet_pdf_is_readable(
    app: QGuiApplication, catalog: Catalog, pdf_dir: Path, concern: str | None, lang: str, paper: Paper
) -> None:
    from meridian_map.gui.sheets.render import render_pdf

    sheet = build_sheet(catalog, concern, lang, today=TODAY)
    data, layout = render_pdf(catalog, sheet, paper)
    assert layout.fits and layout.smallest_pt >= MIN_BODY_PT
    target = pdf_dir / f"{concern or 'cheat'}-{lang}-{paper}.pdf"
    target.write_bytes(data)

    info = poppler("pdfinfo", str(target))
    assert re.search(rf"^Pages:\s+{layout.pages}$", info, re.M)
    width, height = PAGE_SIZES[paper]
    assert re.search(rf"^Page size:\s+{width}(\.\d+)? x {height}(\.\d+)? pts", info, re.M), info

    text = poppler("pdftotext", "-raw", str(target), "-")
    shown = {mark.zone for mark in sheet.marks}
    zones = [zone for zone in catalog.zones.values() if zone.id in shown]
    assert len(zones) == (len(catalog.zones) if concern is None else len(catalog.concerns[concern].zones))
    if lang == "zh":
        flat = no_spaces(text)
        assert all(no_spaces(z.name.get(lang)) in flat for z in zones)
        assert no_spaces(sheet.disclaimer) in flat
    else:
        flat = words(text)
        assert all(z.name.get(lang) in flat for z in zones), flat
        assert words(sheet.disclaimer) in flat

    fonts = poppler("pdffonts", str(target)).splitlines()[2:]
    assert fonts, "text must come with its fonts"
    assert all(line.split()[-5] == "yes" for line in fonts), fonts  # the "emb" column
    assert all("NotoSansCJK" in line for line in fonts), fonts

    stem = pdf_dir / target.stem
    poppler("pdftoppm", "-r", "40", "-png", "-singlefile", str(target), str(stem))
    poppler("pdftoppm", "-r", "40", "-gray", "-singlefile", str(target), f"{stem}-gray")
    from PySide6.QtGui import QImage

    image = QImage(f"{stem}.png")
    assert abs(image.width() / image.height() - width / height) < 0.01
    grey = QImage(f"{stem}-gray.pgm")
    assert not grey.isNull() and grey.width() == image.width()


def test_hanzi_and_tone_marks_come_out_as_text(app: QGuiApplication, catalog: Catalog, pdf_dir: Path) -> None:
    from meridian_map.gui.sheets.render import render_pdf

    for lang, expected in (("en", ["Chéngqì", "承泣", "Sìbái"]), ("zh", ["承泣", "额头", "仅供学习"])):
        target = pdf_dir / f"glyphs-{lang}.pdf"
        target.write_bytes(render_pdf(catalog, build_sheet(catalog, None, lang, today=TODAY))[0])
        text = no_spaces(poppler("pdftotext", "-raw", str(target), "-"))
        for word in expected:
            assert word in text, word


# fitting and drawing, measured directly ------------------------------------------------


@contextmanager
def measuring(catalog: Catalog) -> Iterator[Canvas]:
    """A canvas on a PDF in memory, as `render_pdf` lays out text, for layouts to measure with."""
    from meridian_map.gui.sheets.canvas import Canvas
    from meridian_map.gui.sheets.render import PDF_RESOLUTION, painting

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_RESOLUTION)
    with painting(writer) as painter:
        yield Canvas(painter, writer, writer.logicalDpiX() / 72.0, catalog)


def test_the_shared_document_lays_text_out_exactly_as_a_new_one(app: QGuiApplication, catalog: Catalog) -> None:
    """Text boxes measure in one reused document; any difference from a fresh one would misplace text."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextCursor, QTextDocument

    from meridian_map.gui.sheets.canvas import Run

    sheet = cheat_sheet(catalog, "zh", TODAY)
    texts = [d for row in sheet.rows for d in (*row.directions, *row.concerns, row.name, row.points)]
    cases = [
        ([Run(text, bold=i % 3 == 0), Run(" " + texts[-i - 1])], size, width, align, indent)
        for i, text in enumerate(texts)
        for size, width, align, indent in [
            (9.5, 120.0 + i, Qt.AlignmentFlag.AlignLeft, 0.0),
            (7.5, 60.0, Qt.AlignmentFlag.AlignHCenter, 12.0),
        ]
    ]
    with measuring(catalog) as canvas:

        def fresh(paragraph: list[Run], size: float, width: float, align: Qt.AlignmentFlag, indent: float) -> tuple:
            doc = QTextDocument()
            doc.setDocumentMargin(0)
            doc.setDefaultFont(canvas.font(size))
            doc.setTextWidth(width * canvas.scale)
            doc.documentLayout().setPaintDevice(canvas.device)
            cursor = QTextCursor(doc)
            cursor.setBlockFormat(canvas.block_format(align, indent))
            for run in paragraph:
                cursor.insertText(run.text, canvas.char_format(run.bold, run.colour))
            return measures(doc)

        def measures(doc: QTextDocument) -> tuple:
            layout = doc.firstBlock().layout()
            lines = [(layout.lineAt(i).y(), layout.lineAt(i).textLength()) for i in range(layout.lineCount())]
            return doc.size().height(), doc.idealWidth(), lines

        assert len(cases) > 100
        for case in cases:
            assert measures(canvas.typeset(*case)) == fresh(*case), case


@pytest.mark.parametrize("lang", list(LABELS))
def test_measuring_part_of_the_table_decides_like_measuring_all_of_it(
    app: QGuiApplication, catalog: Catalog, lang: str
) -> None:
    """Fitting stops measuring once the table is surely too tall; it must never stop on a table that fits."""
    from meridian_map.gui.sheets.cheat import CheatLayout, Wording

    sheet = cheat_sheet(catalog, lang, TODAY)
    width = PAGE_SIZES[Paper.A4][0] - 2 * 30.0
    with measuring(catalog) as canvas:
        layout = CheatLayout(canvas, sheet)
        for size, direction, concerns in itertools.product((9.5, 9.0), range(2), range(6)):
            variant = Wording(direction, concerns)
            # Asked in this order, each answer comes mostly from cells measured for an earlier one.
            height = layout.table_height(width, size, variant)
            for limit in (height / 3, height - 1.0, height, height + 1.0):
                expected = height > limit
                assert layout.table_exceeds(width, size, variant, limit) is expected, (size, variant, limit)


@pytest.mark.parametrize(("concern", "lang"), [("dark_circles", "en"), ("aging", "en"), ("acne", "zh")])
def test_the_take_home_arrangement_is_the_best_of_all_of_them(
    app: QGuiApplication, catalog: Catalog, concern: str, lang: str
) -> None:
    """The search measures only until a face size fits; the pick must be the one measuring everything gives."""
    from meridian_map.gui.sheets.takehome import HomeChoice, TakeHomeLayout

    sheet = take_home_sheet(catalog, concern_routine(catalog, concern), lang, "Use the small stone.", TODAY)
    width = PAGE_SIZES[Paper.A4][0] - 2 * 30.0
    choices = [HomeChoice(10.0, 0, True, 1), HomeChoice(9.0, 2, False, 2)]
    with measuring(catalog) as canvas:
        layout = TakeHomeLayout(canvas, sheet)
        for choice in choices:
            every = layout.arrangements(width, choice)
            rooms = sorted({a.total for a in every})
            for room, smallest in itertools.product([rooms[0] - 1.0, *rooms], (width * 0.3, 0.0)):
                fitting = [a for a in every if a.total <= room and a.face_w >= smallest]
                best = max(fitting, key=lambda a: (not a.note_under_face, a.face_w, -a.total), default=None)
                assert layout.best_arrangement(width, room, choice, smallest) == best, (choice, room, smallest)


Segment = tuple[float, float, float, float]


def every_hatch_segment(bounds: QRectF, hatch: Hatch, unit: float) -> list[Segment]:
    """Every line, dash or dot of a hatch over its whole reach, each drawn on its own as the sheets once did."""
    from meridian_map.gui.sheets.hatching import DASH_GAP_PT, DASH_PT, DOT_LENGTH_PT, HATCH_SPACING_PT

    spacing = HATCH_SPACING_PT / unit
    segments: list[Segment] = []
    if hatch.dots:
        dot = DOT_LENGTH_PT / unit
        row, y = 0, bounds.top()
        while y <= bounds.bottom() + spacing:
            x = bounds.left() + (spacing / 2 if row % 2 else 0.0)
            while x <= bounds.right() + spacing:
                segments.append((x, y, x + dot, y))
                x += spacing
            y += spacing * 0.87
            row += 1
        return segments
    centre = bounds.center()
    reach = math.hypot(bounds.width(), bounds.height()) / 2 + spacing
    dash, gap = (DASH_PT / unit, DASH_GAP_PT / unit) if hatch.dashed else (2 * reach, 0.0)
    for turn in (hatch.angle, hatch.angle + 90) if hatch.cross else (hatch.angle,):
        ux, uy = math.cos(math.radians(turn)), -math.sin(math.radians(turn))
        nx, ny = -uy, ux
        step = spacing * (1.4 if hatch.cross else 1.0)
        offset = -reach
        while offset <= reach:
            cx, cy = centre.x() + nx * offset, centre.y() + ny * offset
            along = -reach + (dash / 2 if hatch.dashed and round(offset / step) % 2 else 0.0)
            while along < reach:
                end = min(along + dash, reach)
                segments.append((cx + ux * along, cy + uy * along, cx + ux * end, cy + uy * end))
                along = end + gap
            offset += step
    return segments


def clipped(segment: Segment, rect: QRectF) -> Segment | None:
    """The part of a segment inside a rectangle (Liang–Barsky), if any."""
    x1, y1, x2, y2 = segment
    dx, dy = x2 - x1, y2 - y1
    start, end = 0.0, 1.0
    for p, q in ((-dx, x1 - rect.left()), (dx, rect.right() - x1), (-dy, y1 - rect.top()), (dy, rect.bottom() - y1)):
        if p == 0:
            if q < 0:
                return None
        elif p < 0:
            start = max(start, q / p)
        else:
            end = min(end, q / p)
    return (x1 + start * dx, y1 + start * dy, x1 + end * dx, y1 + end * dy) if start <= end else None


def marks_drawn(path: QPainterPath, pen: QPen) -> list[Segment]:
    """The dashes (or whole lines) a pen draws along a path of separate lines, as a PDF viewer does.

    A PDF starts the dash pattern afresh at each line; Qt counts dashes in pen widths.
    """
    pattern = [part * pen.widthF() for part in pen.dashPattern()] if pen.style() == Qt.PenStyle.CustomDashLine else []
    marks: list[Segment] = []
    for i in range(0, path.elementCount(), 2):
        start, end = path.elementAt(i), path.elementAt(i + 1)
        length = math.hypot(end.x - start.x, end.y - start.y)
        ux, uy = (end.x - start.x) / length, (end.y - start.y) / length
        dash, period = (pattern[0], pattern[0] + pattern[1]) if pattern else (length, 2 * length)
        along = 0.0
        while along < length:
            stop = min(along + dash, length)
            marks.append((start.x + ux * along, start.y + uy * along, start.x + ux * stop, start.y + uy * stop))
            along += period
    return marks


def test_hatches_draw_what_shows_where_it_was_and_leave_out_what_cannot_show() -> None:
    """Lines run only across a zone's bounds, and their dashes and dots fall where drawing each on its own put them."""
    from meridian_map.gui.sheets.hatching import HATCH_SPACING_PT, hatch_path, hatch_pen

    def visible(segments: list[Segment], rect: QRectF) -> list[Segment]:
        # Pieces that only touch the edge are left out: rounding decides whether they exist.
        inside = [c for c in (clipped(s, rect) for s in segments) if c and math.dist(c[:2], c[2:]) > 1e-6]
        return sorted(tuple(round(v, 6) for v in c) for c in inside)  # type: ignore[misc]

    shortened = 0
    for hatch, unit, bounds in itertools.product(
        [*HATCHES, *(h.mirrored() for h in HATCHES)],
        (1.0, 2.5),
        (QRectF(10, 20, 40, 90), QRectF(-5, 0, 120, 12), QRectF(0, 0, 8, 8)),
    ):
        path = hatch_path(bounds, hatch, unit)
        drawn = marks_drawn(path, hatch_pen(QColor("#56B4E9"), hatch, unit))
        every = every_hatch_segment(bounds, hatch, unit)
        # Half a spacing is wider than any hatch pen, so nothing left out can reach into the bounds.
        margin = HATCH_SPACING_PT / unit / 2
        seen = bounds.adjusted(-margin, -margin, margin, margin)
        assert visible(drawn, seen) == visible(every, seen), (hatch, unit, bounds)
        assert path.elementCount() // 2 <= len(every)
        shortened += sum(math.dist(s[:2], s[2:]) for s in every) > sum(math.dist(s[:2], s[2:]) for s in drawn) + 1e-6
    assert shortened, "what cannot show is left out of the PDF"


def test_printed_outlines_keep_to_the_drawn_ones_closer_than_a_printer_dot(
    app: QGuiApplication, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sheets draw simplified outlines; the simplification must stay invisible on every sheet."""
    from shapely.geometry import Polygon

    from meridian_map.core.load.build import PRINT_TOLERANCE
    from meridian_map.core.output.chart import build_chart
    from meridian_map.gui.sheets import face, render

    assert catalog.print_outlines.keys() == catalog.areas.keys()
    drawn = sum(len(area.outline) for area in catalog.areas.values())
    printed = sum(len(ring) for ring in catalog.print_outlines.values())
    assert printed < drawn / 3, (printed, drawn)
    for key, area in catalog.areas.items():
        stray = Polygon(area.outline).hausdorff_distance(Polygon(catalog.print_outlines[key]))
        assert stray <= PRINT_TOLERANCE + 1e-9, key

    simplified: list[float] = []  # pt per face unit wherever a simplified outline was drawn
    full: list[float] = []
    outline = face.FaceDrawing.outline

    def recording(drawing: face.FaceDrawing, key: str, unit: float) -> tuple[tuple[float, float], ...]:
        ring = outline(drawing, key, unit)
        (simplified if ring is catalog.print_outlines[key] else full).append(unit)
        return ring

    monkeypatch.setattr(face.FaceDrawing, "outline", recording)
    for concern in [None, *catalog.concerns]:
        for paper in Paper:
            render.render_pdf(catalog, build_sheet(catalog, concern, "en", "", TODAY), paper)
    for layout in ("chart", "points"):
        for paper in (Paper.A4, Paper.TABLOID):
            render.render_pdf(catalog, build_chart(catalog, layout, "en", today=TODAY), paper)
    # A 600 dpi printer's dot is 0.12 pt.
    assert simplified and PRINT_TOLERANCE * max(simplified) < 0.1, max(simplified)
    assert full and min(full) * PRINT_TOLERANCE >= 0.1  # the wall charts draw the outlines as drawn


# the command ------------------------------------------------------------------------


def headless_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}


def test_cli_writes_the_cheat_sheet_with_no_display(tmp_path: Path) -> None:
    result = run_cli("sheet", cwd=tmp_path, env=headless_env())
    assert result.returncode == 0, result.stderr
    target = tmp_path / "meridian-map-cheatsheet.pdf"
    assert target.is_file()
    assert re.search(r"Page size:\s+595(\.\d+)? x 842(\.\d+)? pts \(A4\)", poppler("pdfinfo", str(target)))


def test_the_sheet_command_loads_none_of_the_window(tmp_path: Path) -> None:
    """The window's modules and Qt Widgets cost a headless sheet some 30 ms and give it nothing."""
    code = (
        "import sys\n"
        "from meridian_map.cli import main\n"
        f"assert main(['sheet', '-o', {str(tmp_path / 'sheet.pdf')!r}]) == 0\n"
        "print(*(m for m in sys.modules if m.startswith(('meridian_map.gui', 'PySide6'))), file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=headless_env(), check=True
    )
    loaded = set(result.stderr.split())
    assert "meridian_map.gui.sheets.render" in loaded
    assert not loaded & {"meridian_map.gui.app", "meridian_map.gui.mainwindow", "PySide6.QtWidgets"}, loaded


@pytest.mark.parametrize("enabled", [True, False])
def test_the_sheet_command_pauses_the_garbage_collector_and_restores_it(
    app: QGuiApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, enabled: bool
) -> None:
    """Off while the sheet is made (it would only walk objects that live to the end), then as the caller had it."""
    from meridian_map.cli import main
    from meridian_map.gui.sheets import render

    collecting: list[bool] = []
    original = render.render_pdf

    def watched(catalog: Catalog, sheet: Sheet, paper: Paper = Paper.A4, photo: None = None) -> tuple[bytes, Report]:
        collecting.append(gc.isenabled())
        return original(catalog, sheet, paper, photo)

    monkeypatch.setattr(render, "render_pdf", watched)
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        assert main(["sheet", "-o", str(tmp_path / "sheet.pdf")]) == 0
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
    assert collecting == [False]


def test_cli_writes_a_take_home_sheet_with_the_note(tmp_path: Path) -> None:
    note = "Start with the brow only; skip the left eye until it heals."
    result = run_cli(
        "sheet", "--concern", "dark-circles", "--paper", "letter", "--note", note, "-o", "home.pdf", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    info = poppler("pdfinfo", str(tmp_path / "home.pdf"))
    assert re.search(r"Page size:\s+612 x 792 pts", info)
    text = words(poppler("pdftotext", "-raw", str(tmp_path / "home.pdf"), "-"))
    assert note in text
    assert "Gua sha at home: dark circles" in text


def test_cli_default_name_for_a_concern_in_chinese(tmp_path: Path) -> None:
    result = run_cli("sheet", "--concern", "eye_bags", "--lang", "zh", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    text = no_spaces(poppler("pdftotext", "-raw", str(tmp_path / "meridian-map-eye_bags-zh.pdf"), "-"))
    assert "在家刮痧" in text and "眼下" in text
    # 力 and ⼒ (a Kangxi radical) share a glyph; with the fonts registered from their
    # files rather than their bytes, Qt maps it back to the radical, and a copied or
    # searched 力度 no longer matches.
    radicals = sorted(ch for ch in set(text) if 0x2E80 <= ord(ch) <= 0x2FDF)
    assert radicals == [], radicals


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--concern", "dark-circle"], 2, "unknown concern 'dark-circle'; did you mean dark_circles"),
        (["--concern", "nonsense"], 2, "unknown concern 'nonsense'; choose one of"),
        (["--lang", "fr"], 2, "unknown language 'fr'"),
        (["-o", "/nonexistent/folder/sheet.pdf"], 1, "/nonexistent/folder/sheet.pdf: cannot write"),
        (["-o", "."], 1, ".: cannot write"),
        (["--note", "hello"], 2, "--note goes on a take-home sheet"),
    ],
)
def test_cli_errors_are_one_clear_line(tmp_path: Path, args: list[str], code: int, message: str) -> None:
    result = run_cli("sheet", *args, cwd=tmp_path)
    assert result.returncode == code
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], result.stderr
    assert not list(tmp_path.glob("*.pdf"))


@pytest.mark.skipif(sys.platform != "linux", reason="hides the system fonts through fontconfig")
def test_a_machine_without_any_cjk_font_still_prints_hanzi(tmp_path: Path) -> None:
    """With fontconfig shown no fonts at all, only the bundled subset can supply the glyphs."""
    config = tmp_path / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?><fontconfig><cachedir>' + str(tmp_path / "cache") + "</cachedir></fontconfig>",
        encoding="utf-8",
    )
    result = run_cli(
        "sheet", "--lang", "zh", "-o", "zh.pdf", cwd=tmp_path, env={**os.environ, "FONTCONFIG_FILE": str(config)}
    )
    assert result.returncode == 0, result.stderr
    fonts = poppler("pdffonts", str(tmp_path / "zh.pdf"))
    assert "NotoSansCJKsc-Regular" in fonts and "NotoSansCJKsc-Bold" in fonts
    text = no_spaces(poppler("pdftotext", "-raw", str(tmp_path / "zh.pdf"), "-"))
    assert "承泣" in text and "额头" in text and "Chéngqì" in text

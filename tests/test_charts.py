"""Wall charts: a big face with every zone on both sides, and every point labelled, on four paper sizes.

Read as a reader would, through poppler: every zone's caution in full,
every point's code beside the face and its names on the next page; and
looked at: the grayscale chart has no colour left in it.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QApplication

from meridian_map.core.catalog import Catalog
from meridian_map.core.output.chart import build_chart, point_chart, zone_chart
from meridian_map.core.output.sheet import MAX_PAGES, Paper, SheetError
from meridian_map.gui.sheets.canvas import Report

from .pdftext import flat, poppler

PAGE_HEIGHTS_PT = {Paper.A4: 842, Paper.LETTER: 792, Paper.A3: 1191, Paper.TABLOID: 1224}


def render(catalog: Catalog, layout: str, paper: Paper, lang: str, grayscale: bool, path: Path) -> Report:
    from meridian_map.gui.sheets.render import render_pdf

    data, report = render_pdf(catalog, build_chart(catalog, layout, lang, grayscale), paper)
    path.write_bytes(data)
    return report


@pytest.mark.parametrize("paper", list(Paper))
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_zone_chart_gives_half_the_page_to_the_face_and_keeps_every_caution(
    app: QGuiApplication, catalog: Catalog, tmp_path: Path, paper: Paper, lang: str
) -> None:
    pdf = tmp_path / "chart.pdf"
    report = render(catalog, "chart", paper, lang, False, pdf)
    assert report.fits and not report.overflow
    assert 1 <= report.pages <= MAX_PAGES
    assert report.face_height_pt >= PAGE_HEIGHTS_PT[paper] / 2
    info = poppler("pdfinfo", str(pdf))
    assert f"Pages:           {report.pages}" in info
    text = flat(poppler("pdftotext", "-raw", str(pdf), "-"))
    for zone in catalog.zones.values():
        assert flat(zone.name.get(lang)) in text
        assert flat(zone.cautions.get(lang)) in text, zone.id  # never shortened
        assert flat(zone.direction.get(lang)) in text, zone.id


@pytest.mark.parametrize("paper", list(Paper))
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_point_chart_labels_every_point_without_overlaps(
    app: QGuiApplication, catalog: Catalog, tmp_path: Path, paper: Paper, lang: str
) -> None:
    pdf = tmp_path / "points.pdf"
    report = render(catalog, "points", paper, lang, False, pdf)
    assert report.fits and not report.overflow  # labels that overlap are reported as not fitting
    assert report.pages == 2
    assert report.face_height_pt >= PAGE_HEIGHTS_PT[paper] / 2
    chart, names = (poppler("pdftotext", "-raw", "-f", str(n), "-l", str(n), str(pdf), "-") for n in (1, 2))
    codes = {placed.code for placed in catalog.points}
    assert codes <= set(re.findall(r"[A-Z]{2}\d+|EX-HN\d+", chart))
    for code in codes:
        info = catalog.point_info(code)
        assert flat(info.hanzi) in flat(names)
        if lang == "en":
            assert flat(info.english) in flat(names)


def test_each_point_is_labelled_once_and_the_columns_balance(catalog: Catalog) -> None:
    chart = point_chart(catalog)
    codes = [label.code for label in chart.points]
    assert sorted(codes) == sorted({p.code for p in catalog.points})
    left = sum(label.left for label in chart.points)
    assert abs(2 * left - len(codes)) <= 1
    for label in chart.points:  # a bilateral point is labelled on the copy on its label's side
        placed = catalog.point_info(label.code)
        if placed.bilateral:
            assert (label.at[0] < catalog.frame.center_x) == label.left
    assert [code for code, _ in chart.channels][:2] == ["ST", "LI"]


def test_the_grayscale_chart_has_no_colour(app: QGuiApplication, catalog: Catalog, tmp_path: Path) -> None:
    pdf = tmp_path / "grey.pdf"
    render(catalog, "chart", Paper.A4, "en", True, pdf)
    poppler("pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "grey"))
    image = QImage(str(next(tmp_path.glob("grey*.png"))))
    assert not image.isNull()
    chroma = max(
        max(c.red(), c.green(), c.blue()) - min(c.red(), c.green(), c.blue())
        for c in (image.pixelColor(x, y) for x in range(0, image.width(), 2) for y in range(0, image.height(), 2))
    )
    assert chroma <= 6
    colour = tmp_path / "colour.pdf"
    render(catalog, "chart", Paper.A4, "en", False, colour)
    assert colour.read_bytes() != pdf.read_bytes()


def test_the_grayscale_side_view_has_no_colour(app: QGuiApplication, catalog: Catalog, tmp_path: Path) -> None:
    """Page 2 of the point chart opens with the side view, its lips and tints turned grey too."""
    pdf = tmp_path / "grey.pdf"
    render(catalog, "points", Paper.A4, "en", True, pdf)
    poppler("pdftoppm", "-png", "-r", "40", "-f", "2", "-l", "2", str(pdf), str(tmp_path / "side"))
    image = QImage(str(next(tmp_path.glob("side*.png"))))
    assert not image.isNull()
    top = image.copy(0, 0, image.width(), image.height() // 2)  # the side view, above the names
    chroma = max(
        max(c.red(), c.green(), c.blue()) - min(c.red(), c.green(), c.blue())
        for c in (top.pixelColor(x, y) for x in range(0, top.width(), 2) for y in range(0, top.height(), 2))
    )
    assert chroma <= 6
    assert "Sideview" in flat(poppler("pdftotext", "-f", "2", "-l", "2", str(pdf), "-"))


def test_the_grayscale_channels_differ_by_line_style(app: QGuiApplication, catalog: Catalog) -> None:
    from PySide6.QtGui import QPainter, QPdfWriter

    from meridian_map.gui.sheets.canvas import Canvas
    from meridian_map.gui.sheets.face import FaceDrawing

    writer = QPdfWriter(str(Path(QApplication.applicationDirPath()) / "unused.pdf"))
    painter = QPainter()
    canvas = Canvas(painter, writer, 1.0, catalog)
    grey = FaceDrawing(canvas, (), channels=True, grayscale=True)
    stomach, large_intestine = grey.channel_pen("ST", 1.0), grey.channel_pen("LI", 1.0)
    assert stomach.color() == large_intestine.color()
    assert stomach.dashPattern() != large_intestine.dashPattern()
    assert stomach.dashPattern() and large_intestine.dashPattern()


def test_charts_refuse_an_unknown_layout_or_language(catalog: Catalog) -> None:
    with pytest.raises(SheetError, match="unknown layout"):
        build_chart(catalog, "poster")
    with pytest.raises(SheetError, match="unknown language"):
        zone_chart(catalog, "fr")


def run_sheet(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "meridian_map", "sheet", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
    )


def test_the_sheet_command_prints_charts_on_wall_paper(tmp_path: Path) -> None:
    done = run_sheet("--layout", "points", "--paper", "tabloid", "--grayscale", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    pdf = tmp_path / "meridian-map-points-grayscale.pdf"
    assert "792 x 1224 pts" in poppler("pdfinfo", str(pdf))
    done = run_sheet("--layout", "chart", "--paper", "a3", "-o", "wall.pdf", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "(A3)" in poppler("pdfinfo", str(tmp_path / "wall.pdf"))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--layout", "chart", "--concern", "acne"), "leave out --concern"),
        (("--grayscale",), "--layout chart or --layout points"),
    ],
)
def test_the_sheet_command_refuses_chart_options_that_do_not_go_together(
    tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    done = run_sheet(*args, cwd=tmp_path)
    assert done.returncode == 2
    assert message in done.stderr
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_cheat_sheet_that_cuts_a_list_says_where_the_rest_is(
    app: QGuiApplication, catalog: Catalog, tmp_path: Path, lang: str
) -> None:
    """No silent "+N more": where a concern list is cut short, the key points to the zone chart."""
    from meridian_map.core.output.labels import LABELS
    from meridian_map.core.output.sheet import build_sheet
    from meridian_map.gui.sheets.render import render_pdf

    note = flat(LABELS[lang]["key_more"])
    seen = []
    for paper in (Paper.A4, Paper.A3):
        data, report = render_pdf(catalog, build_sheet(catalog, None, lang), paper)
        pdf = tmp_path / f"{paper}.pdf"
        pdf.write_bytes(data)
        text = flat(poppler("pdftotext", "-raw", str(pdf), "-"))
        shortened = any(flat(LABELS[lang]["more"].format(count=n, total=n)) in text for n in range(1, 12))
        assert report.fits
        assert (note in text) == shortened, paper
        seen.append(shortened)
    assert seen == [True, False]  # A4 cuts lists short; A3 has room for every name

"""Ordinary Chinese prints: every level-1 GB2312 hanzi and a practitioner's note, with the bundled fonts alone."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPdfWriter

from meridian_map.core.catalog import Catalog
from meridian_map.core.printable import GB2312_LEVEL_1, gb2312

from .conftest import REPO

FONTS = REPO / "assets" / "fonts"
NOTE_ZH = "每周两次，晚上洁面后进行。先涂一滴油。"


def poppler(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True, timeout=60).stdout


def no_spaces(text: str) -> str:
    return re.sub(r"\s+", "", text)


def embedded_fonts(pdf: Path) -> list[tuple[str, str]]:
    """(name, embedded) for each font pdffonts lists."""
    return [(line.split()[0], line.split()[-5]) for line in poppler("pdffonts", str(pdf)).splitlines()[2:]]


def hanzi_pdf(catalog: Catalog, text: str, bold: bool) -> bytes:
    """`text` drawn by the sheets' own text boxes (same fonts, same unshaped layout) on one A4 page."""
    from meridian_map.gui.sheets.canvas import Canvas, plain
    from meridian_map.gui.sheets.render import PDF_RESOLUTION, painting

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_RESOLUTION)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(), QPageLayout.Unit.Point
        )
    )
    with painting(writer) as painter:
        scale = writer.logicalDpiX() / 72.0
        painter.scale(scale, scale)
        canvas = Canvas(painter, writer, scale, catalog)
        box = canvas.text(plain(text, bold), 6.0, 540.0)
        assert box.height < 800.0
        box.draw(28.0, 20.0)
    buffer.close()
    return bytes(data.data())


@pytest.mark.parametrize("weight", ["Regular", "Bold"])
def test_every_level_1_hanzi_prints(app: QGuiApplication, catalog: Catalog, tmp_path: Path, weight: str) -> None:
    """All 3,755 come back from the PDF's text, drawn by the bundled font alone, embedded as a subset."""
    hanzi = gb2312(GB2312_LEVEL_1)
    pdf = tmp_path / f"{weight}.pdf"
    pdf.write_bytes(hanzi_pdf(catalog, hanzi, weight == "Bold"))
    assert no_spaces(poppler("pdftotext", "-raw", str(pdf), "-")) == hanzi
    assert embedded_fonts(pdf) == [(f"NotoSansCJKsc-{weight}", "yes")]
    # Embedded whole, the font alone would be larger than the page.
    assert pdf.stat().st_size < (FONTS / f"NotoSansCJKsc-{weight}-subset.otf").stat().st_size


@pytest.mark.skipif(sys.platform != "linux", reason="hides the system fonts through fontconfig")
def test_an_everyday_note_in_chinese_prints_without_boxes(tmp_path: Path) -> None:
    """晚 进 涂 滴 were missing from the bundled fonts; with no system font to fall back on they printed as boxes."""
    config = tmp_path / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?><fontconfig><cachedir>' + str(tmp_path / "cache") + "</cachedir></fontconfig>",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "meridian_map", "sheet", "--lang", "zh", "--concern", "acne", "--note", NOTE_ZH],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        env={**os.environ, "FONTCONFIG_FILE": str(config), "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    pdf = tmp_path / "meridian-map-acne-zh.pdf"
    assert NOTE_ZH in no_spaces(poppler("pdftotext", "-raw", str(pdf), "-"))
    assert sorted(embedded_fonts(pdf)) == [("NotoSansCJKsc-Bold", "yes"), ("NotoSansCJKsc-Regular", "yes")]
    assert pdf.stat().st_size < 256 * 1024


@pytest.mark.skipif(sys.platform != "linux", reason="hides the system fonts through fontconfig")
def test_polish_czech_and_vietnamese_names_print_from_the_bundled_latin_fallback(tmp_path: Path) -> None:
    """Ł, ř, ễ and ị are not in the CJK subset: they come from the bundled DejaVu Sans, not from the machine."""
    names = "Łucja Dvořák, Nguyễn Thị Ánh"
    config = tmp_path / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?><fontconfig><cachedir>' + str(tmp_path / "cache") + "</cachedir></fontconfig>",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "meridian_map", "sheet", "--concern", "acne", "--note", names, "-o", "names.pdf"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        env={**os.environ, "FONTCONFIG_FILE": str(config), "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    pdf = tmp_path / "names.pdf"
    assert names in poppler("pdftotext", "-raw", str(pdf), "-")
    fonts = dict(embedded_fonts(pdf))
    assert fonts.get("DejaVuSans") == "yes" and fonts.get("NotoSansCJKsc-Regular") == "yes"

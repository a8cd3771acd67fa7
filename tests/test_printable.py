"""What a sheet can print is decided before printing: the coverage table, notes and pack text."""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from meridian_map.core.load import load_catalog
from meridian_map.core.printable import (
    COVERAGE_FILE,
    GB2312_LEVEL_1,
    GB2312_LEVEL_2,
    GB2312_SYMBOLS,
    PLAIN,
    can_print,
    format_coverage,
    gb2312,
    parse_coverage,
    printing_problem,
)
from meridian_map.core.problems import ContentError

from .conftest import REPO

FONTS = REPO / "assets" / "fonts"
NOTE_ZH = "每周两次，晚上洁面后进行。先涂一滴油。"
EMOJI, RARE_HANZI, EXT_B = "\U0001f600", "\u3400", "\U00020000"  # 😀, 㐀 (Extension A), 𠀀 (Extension B)


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "meridian_map", *args], capture_output=True, text=True, timeout=120, cwd=cwd
    )


def test_the_coverage_table_is_what_both_weights_of_some_bundled_font_draw() -> None:
    """Per font both weights, so a bold word never falls back; across the fonts the union, as the sheets use them."""

    def both(name: str) -> set[int]:
        regular, bold = (set(TTFont(FONTS / name.format(face=face)).getBestCmap()) for face in ("Regular", "Bold"))
        return regular & bold

    drawn = both("NotoSansCJKsc-{face}-subset.otf") | both("DejaVuSans-{face}-latin.ttf")
    table = {
        c
        for first, last in parse_coverage((REPO / "assets" / COVERAGE_FILE).read_text())
        for c in range(first, last + 1)
    }
    assert table == drawn
    assert format_coverage(table) == format_coverage(drawn)


def test_the_latin_fallback_ships_with_its_licence() -> None:
    licence = (FONTS / "DejaVu-LICENSE.txt").read_text(encoding="utf-8")
    assert "Bitstream Vera" in licence and "DejaVu changes are in public domain" in licence


def test_polish_czech_turkish_and_vietnamese_names_print() -> None:
    """Latin Extended-A and -B, Vietnamese and combining marks: the CJK font lacks 98 letters of Extended-A alone."""
    assert printing_problem("Łucja Dvořák, Nguyễn Thị Ánh; Şükrü Işık, Ğ ı ř č ł ș ț ơ ư ǅ e\u0301") is None
    latin = [chr(c) for block in ((0x100, 0x180), (0x180, 0x250), (0x1EA0, 0x1EFA)) for c in range(*block)]
    assert [c for c in latin if unicodedata.category(c) != "Cn" and not can_print(c)] == []


def test_gb2312_comes_from_the_codec_with_its_known_counts() -> None:
    assert (len(gb2312(GB2312_LEVEL_1)), len(gb2312(GB2312_LEVEL_2))) == (3755, 3008)
    assert gb2312(GB2312_LEVEL_1)[:3] == "啊阿埃" and gb2312(GB2312_LEVEL_2).endswith("齄")
    assert "，" in gb2312(GB2312_SYMBOLS) and "ǚ" in gb2312(GB2312_SYMBOLS)


def test_all_of_gb2312_and_latin_1_print() -> None:
    wanted = gb2312(GB2312_SYMBOLS) + gb2312(GB2312_LEVEL_1) + gb2312(GB2312_LEVEL_2)
    wanted += "".join(chr(c) for c in range(0x20, 0x7F)) + "".join(chr(c) for c in range(0xA1, 0x100))
    assert [c for c in wanted if not can_print(c)] == []
    assert all(can_print(c) for c in PLAIN)
    assert printing_problem(NOTE_ZH) is None
    assert printing_problem("Zoë Müller, José: twice a week.\nRinse after.\tǎ ǖ") is None


@pytest.mark.parametrize(
    ("text", "named"),
    [
        (f"smile {EMOJI}", f"cannot print U+1F600 {EMOJI}"),
        (f"{RARE_HANZI}{EXT_B} and {RARE_HANZI}", f"cannot print U+3400 {RARE_HANZI}, U+20000 {EXT_B} (no"),
        ("zero\u200bwidth", "cannot print U+200B (ZERO WIDTH SPACE)"),
        ("bell\x07", "cannot print U+0007 (unnamed)"),
        (
            "open gnp\u202e.exe",
            "text direction override, which can make text read backwards: U+202E (RIGHT-TO-LEFT OVERRIDE)",
        ),
        ("\u2066isolate\u2069", "U+2066 (LEFT-TO-RIGHT ISOLATE), U+2069 (POP DIRECTIONAL ISOLATE)"),
    ],
)
def test_unprintable_characters_are_named(text: str, named: str) -> None:
    problem = printing_problem(text)
    assert problem is not None and named in problem


def test_a_page_of_emoji_is_summarised() -> None:
    problem = printing_problem("".join(chr(0x1F600 + i) for i in range(40)) * 1000)
    assert problem is not None and problem.endswith("and 32 more (no bundled font has them)")
    assert len(problem) < 200


@pytest.mark.parametrize(
    ("note", "named"),
    [
        (f"Twice a week {EMOJI}", f"note: cannot print U+1F600 {EMOJI}"),
        (f"每周两次{RARE_HANZI}", f"note: cannot print U+3400 {RARE_HANZI}"),
        ("see gnp\u202e.exe", "note: contains a text direction override"),
    ],
)
def test_the_sheet_command_refuses_a_note_it_cannot_print(tmp_path: Path, note: str, named: str) -> None:
    result = run_cli("sheet", "--concern", "acne", "--note", note, "-o", "home.pdf", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [result.stderr.strip()] and named in result.stderr, result.stderr
    assert not (tmp_path / "home.pdf").exists()


@pytest.mark.parametrize(
    ("value", "named"),
    [
        (f'{{ en = "Go gently {EMOJI}", zh = "轻柔" }}', f"en: cannot print U+1F600 {EMOJI}"),
        (f'{{ en = "Go gently", zh = "轻柔{RARE_HANZI}" }}', f"zh: cannot print U+3400 {RARE_HANZI}"),
        ('{ en = "Go gently \\u202e", zh = "轻柔" }', "en: contains a text direction override"),
    ],
)
def test_pack_text_that_cannot_print_is_an_error_at_its_line(tmp_path: Path, value: str, named: str) -> None:
    (tmp_path / "mine.toml").write_text(f'[[zone]]\nid = "cheek"\n\ncautions = {value}\n', encoding="utf-8")
    with pytest.raises(ContentError) as error:
        load_catalog(user_dirs=[tmp_path])
    problems = [str(p) for p in error.value.problems]
    assert any("mine.toml:4: zone[cheek].cautions: " in p and named in p for p in problems), problems

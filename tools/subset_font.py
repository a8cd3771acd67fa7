"""Subset Noto Sans CJK SC to GB2312, Latin and the characters the content uses, and DejaVu Sans to Latin.

A bare Debian machine has no font with hanzi, so hanzi would print as boxes;
the full CJK font is ~16 MB per weight. GB2312 (all 6,763 hanzi, its
punctuation, pinyin, Greek and Cyrillic) covers ordinary Simplified Chinese
text such as a practitioner's note, and Latin-1 and Latin Extended-A cover
client names in most European languages. The CJK font lacks part of
Latin Extended-A (ł, č, ř, ş, ı …), so a small DejaVu Sans subset backs it
for Latin Extended-A and -B, Vietnamese and combining marks; sheets draw
with the CJK font first and DejaVu Sans second. The table of what the
sheets can draw (`assets/fonts/coverage.txt`: per font, what both of its
weights cover, then the union of the fonts) is written beside them: notes
and pack text are checked against it before anything is printed. Re-run
after changing the content: `python tools/subset_font.py` (needs Debian's
fonts-noto-cjk and fonts-dejavu-core; a font whose source is missing keeps
its bundled subset, which still counts for the table).
"""

from __future__ import annotations

import string
import tomllib
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

from meridian_map.core.printable import (
    COVERAGE_FILE,
    GB2312_LEVEL_1,
    GB2312_LEVEL_2,
    GB2312_SYMBOLS,
    format_coverage,
    gb2312,
)

REPO = Path(__file__).resolve().parents[1]
SOURCES = {
    "Regular": Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    "Bold": Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"),
}
SIMPLIFIED_CHINESE_INDEX = 2  # JP, KR, SC, TC, HK in the collection
FALLBACK_SOURCES = {
    "Regular": Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    "Bold": Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
}
FALLBACK_LICENCE = Path("/usr/share/doc/fonts-dejavu-core/copyright")
# Latin-1 Supplement, Latin Extended-A and -B, combining marks, Latin Extended Additional (Vietnamese).
FALLBACK_RANGES = (range(0xA0, 0x100), range(0x100, 0x250), range(0x300, 0x370), range(0x1E00, 0x1F00))
TARGET = REPO / "assets" / "fonts"
# Latin-1 and Latin Extended-A, pinyin tone marks and typographic signs the interface and sheets use.
BASE = (
    string.printable
    + "".join(chr(c) for c in range(0xA0, 0x180))
    + "ǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜḿ"
    + "·–—‘’“”…•°±×→←↑↓↗↘⚠✓①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬"
    + "，。、：；！？（）【】《》「」“”—…·０１２３４５６７８９"
)


def content_text() -> str:
    """Every string in the shipped content, so no used glyph is left out."""
    chunks: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            chunks.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for file in sorted((REPO / "assets" / "content").glob("*.toml")):
        walk(tomllib.loads(file.read_text(encoding="utf-8")))
    return "".join(chunks)


def cjk_subsets(characters: str) -> list[Path]:
    """The two Noto Sans CJK SC subsets, rebuilt when the source fonts are installed."""
    outs = [TARGET / f"NotoSansCJKsc-{weight}-subset.otf" for weight in SOURCES]
    for source, out in zip(SOURCES.values(), outs, strict=True):
        if not source.is_file():
            print(f"{source} not installed: keeping {out.relative_to(REPO)}")
            continue
        font = TTCollection(source).fonts[SIMPLIFIED_CHINESE_INDEX]
        options = subset.Options()
        options.name_IDs = ["*"]
        options.name_languages = ["*"]
        # Sheets draw unshaped text, so only the features the window's Latin and pinyin
        # use are kept: the others pull in ~5,000 vertical, traditional and Japanese
        # alternates and double the file. Hints are dropped too (~15 %): sheets are
        # printed, and the screen renders hanzi legibly without them.
        options.layout_features = ["kern", "ccmp", "mark", "mkmk"]
        options.hinting = False
        options.notdef_outline = True
        subsetter = subset.Subsetter(options)
        subsetter.populate(text=characters)
        subsetter.subset(font)
        font.save(out)
    return outs


def fallback_subsets() -> list[Path]:
    """The two DejaVu Sans subsets for the Latin the CJK font lacks, with the licence beside them."""
    outs = [TARGET / f"DejaVuSans-{weight}-latin.ttf" for weight in FALLBACK_SOURCES]
    for source, out in zip(FALLBACK_SOURCES.values(), outs, strict=True):
        if not source.is_file():
            print(f"{source} not installed: keeping {out.relative_to(REPO)}")
            continue
        options = subset.Options()
        options.name_IDs = ["*"]
        options.name_languages = ["*"]
        options.layout_features = ["kern", "ccmp", "mark", "mkmk"]
        options.hinting = False
        options.notdef_outline = True
        font = TTFont(source)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=[c for block in FALLBACK_RANGES for c in block])
        subsetter.subset(font)
        font.save(out)
    if FALLBACK_LICENCE.is_file():
        (TARGET / "DejaVu-LICENSE.txt").write_text(FALLBACK_LICENCE.read_text(encoding="utf-8"), encoding="utf-8")
    return outs


def main() -> None:
    wanted = BASE + gb2312(GB2312_SYMBOLS) + gb2312(GB2312_LEVEL_1) + gb2312(GB2312_LEVEL_2) + content_text()
    characters = sorted(set(wanted) - set("\n\r\t\x0b\x0c"))
    TARGET.mkdir(parents=True, exist_ok=True)
    drawn: set[int] = set()
    for weights in (cjk_subsets("".join(characters)), fallback_subsets()):
        covered = [set(TTFont(out).getBestCmap()) for out in weights]
        for out, cmap in zip(weights, covered, strict=True):
            print(f"{out.relative_to(REPO)}: {len(cmap):,} characters, {out.stat().st_size:,} bytes")
        drawn |= set.intersection(*covered)  # a bold word must not fall back to another font
    lacking = "".join(sorted(set(characters) - set(map(chr, drawn))))
    table = TARGET / Path(COVERAGE_FILE).name
    table.write_text(
        "# Code points the sheets draw: per bundled font, what both its weights cover; then the union of the fonts.\n"
        "# Written by tools/subset_font.py, checked by the tests.\n" + format_coverage(drawn),
        encoding="utf-8",
    )
    print(f"{table.relative_to(REPO)}: {len(drawn):,} code points; not in the fonts: {len(lacking)} ({lacking})")


if __name__ == "__main__":
    main()

"""Subset Noto Sans CJK SC to GB2312, Latin and the characters the content uses.

A bare Debian machine has no font with hanzi, so hanzi would print as boxes;
the full CJK font is ~16 MB per weight. GB2312 (all 6,763 hanzi, its
punctuation, pinyin, Greek and Cyrillic) covers ordinary Simplified Chinese
text such as a practitioner's note, and Latin-1 and Latin Extended-A cover
client names in most European languages. The table of what both weights
then cover (`assets/fonts/coverage.txt`) is written beside them: notes and
pack text are checked against it before anything is printed. Re-run after
changing the content: `python tools/subset_font.py` (needs Debian's
fonts-noto-cjk).
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


def main() -> None:
    wanted = BASE + gb2312(GB2312_SYMBOLS) + gb2312(GB2312_LEVEL_1) + gb2312(GB2312_LEVEL_2) + content_text()
    characters = sorted(set(wanted) - set("\n\r\t\x0b\x0c"))
    TARGET.mkdir(parents=True, exist_ok=True)
    covered: list[set[int]] = []
    for weight, source in SOURCES.items():
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
        subsetter.populate(text="".join(characters))
        subsetter.subset(font)
        out = TARGET / f"NotoSansCJKsc-{weight}-subset.otf"
        font.save(out)
        covered.append(set(TTFont(out).getBestCmap()))
        print(f"{out.relative_to(REPO)}: {len(covered[-1]):,} characters, {out.stat().st_size:,} bytes")
    both = set.intersection(*covered)
    lacking = "".join(sorted(set(characters) - set(map(chr, both))))
    table = TARGET / Path(COVERAGE_FILE).name
    table.write_text(
        "# Code points both bundled weights draw; written by tools/subset_font.py, checked by the tests.\n"
        + format_coverage(both),
        encoding="utf-8",
    )
    print(f"{table.relative_to(REPO)}: {len(both):,} code points; not in the font: {len(lacking)} ({lacking})")


if __name__ == "__main__":
    main()

"""Subset Noto Sans CJK SC to the characters Meridian Map's content uses.

A bare Debian machine has no font with hanzi, so hanzi would print as boxes;
the full CJK font is ~16 MB per weight, while the characters the content
actually uses fit in well under a megabyte. Re-run after changing the
content: `python tools/subset_font.py` (needs Debian's fonts-noto-cjk).
"""

from __future__ import annotations

import string
import tomllib
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

REPO = Path(__file__).resolve().parents[1]
SOURCES = {
    "Regular": Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    "Bold": Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"),
}
SIMPLIFIED_CHINESE_INDEX = 2  # JP, KR, SC, TC, HK in the collection
TARGET = REPO / "assets" / "fonts"
# Letters, pinyin tone marks and typographic signs the interface and sheets use.
BASE = (
    string.printable
    + "ÀÁÈÉÌÍÒÓÙÚÜàáèéìíòóùúüāēěīōūǎǐǒǔǖǘǚǜńňḿĀĒĚĪŌŪǍǏǑǓǕǗǙǛ"
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
    characters = sorted(set(BASE + content_text()) - set("\n\r\t\x0b\x0c"))
    TARGET.mkdir(parents=True, exist_ok=True)
    for weight, source in SOURCES.items():
        font = TTCollection(source).fonts[SIMPLIFIED_CHINESE_INDEX]
        options = subset.Options()
        options.name_IDs = ["*"]
        options.name_languages = ["*"]
        options.layout_features = ["*"]
        options.notdef_outline = True
        subsetter = subset.Subsetter(options)
        subsetter.populate(text="".join(characters))
        subsetter.subset(font)
        out = TARGET / f"NotoSansCJKsc-{weight}-subset.otf"
        font.save(out)
        print(f"{out.relative_to(REPO)}: {len(characters)} characters, {out.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()

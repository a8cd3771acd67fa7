"""The bundled fonts, registered once per process for the window and the sheets alike.

Kept apart from the window's modules so a headless `meridian-map sheet` does
not import every widget just to register two fonts.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QFontDatabase

from ..core.assets import shipped_assets

FONT_DIR = "fonts"  # in the shipped assets
FONT_FAMILY = "Noto Sans CJK SC"


@cache
def bundled_fonts() -> tuple[str, ...]:
    """Register the bundled fonts so hanzi and tone marks never show as boxes.

    From the files' bytes, not their paths: registered from a path, Qt maps
    hanzi that share a glyph with a Kangxi radical (力 and ⼒, 人 and ⼈) to
    the radical in a PDF's text, so copying or searching 力度 fails. The
    copy costs about 3 MB and 3 ms: the fonts cover all of GB2312, and a PDF
    embeds only the glyphs it uses.
    """
    folder = shipped_assets().joinpath(FONT_DIR)
    if not folder.is_dir():
        return ()
    families: list[str] = []
    for file in sorted(folder.iterdir(), key=lambda f: f.name):
        if file.name.endswith((".otf", ".ttf")):
            font_id = QFontDatabase.addApplicationFontFromData(file.read_bytes())
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return tuple(families)

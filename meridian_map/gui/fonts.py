"""The bundled fonts, registered once per process for the window and the sheets alike.

Kept apart from the window's modules so a headless `meridian-map sheet` does
not import every widget just to register two fonts.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QFontDatabase, QFontInfo, QGuiApplication

from ..core.assets import shipped_assets

FONT_DIR = "fonts"  # in the shipped assets
FONT_FAMILY = "Noto Sans CJK SC"
FALLBACK_FAMILY = "DejaVu Sans"  # the bundled Latin subset: ł, ř, ş, ı, Vietnamese, which the CJK subset lacks
SHEET_FAMILIES = [FONT_FAMILY, FALLBACK_FAMILY]


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


def fall_back_to_bundled_fonts(app: QGuiApplication) -> None:
    """Let every widget draw hanzi and extended Latin with the bundled fonts when the system has none.

    The system's UI family stays first, so Latin text looks as it always
    did; only characters it lacks come from the bundled fonts, instead of
    boxes on a machine without a CJK font.
    """
    families = bundled_fonts()
    font = app.font()
    # The family the system font resolves to, not its alias ("Sans Serif"): an alias
    # followed by more families would match the first of those, changing Latin text.
    used = QFontInfo(font).family()
    fallbacks = [family for family in SHEET_FAMILIES if family in families and family != used]
    if fallbacks:
        font.setFamilies([used, *fallbacks])
        app.setFont(font)

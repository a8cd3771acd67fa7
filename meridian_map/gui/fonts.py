"""The bundled fonts, registered once per process for the window and the sheets alike.

Kept apart from the window's modules so a headless `meridian-map sheet` does
not import every widget just to register two fonts.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QFile, QIODevice
from PySide6.QtGui import QFontDatabase, QFontInfo, QGuiApplication

from ..core.assets import shipped_assets

FONT_DIR = "fonts"  # in the shipped assets
FONT_FAMILY = "Noto Sans CJK SC"
FALLBACK_FAMILY = "DejaVu Sans"  # the bundled Latin subset: ł, ř, ş, ı, Vietnamese, which the CJK subset lacks
SHEET_FAMILIES = [FONT_FAMILY, FALLBACK_FAMILY]


# CJK radicals to unified ideographs, compatibility ideographs, full-width forms: what the CJK fonts draw.
CJK_RANGES = (("\u2e80", "\u9fff"), ("\uf900", "\ufaff"), ("\uff00", "\uffef"))
_BOLD = re.compile(r"<(b|strong|th|h[1-6])\b[^>]*>(.*?)</\1\s*>", re.DOTALL | re.IGNORECASE)
BOLD_HANZI_FILE = "NotoSansCJKsc-Bold-subset.otf"  # 1.6 MB: the window's first screen rarely draws it


@cache
def _register(name: str) -> tuple[str, ...]:
    """Register one bundled font file (once per process); its families, none if it is not there.

    From the file's bytes, not its path: registered from a path, Qt maps
    hanzi that share a glyph with a Kangxi radical (力 and ⼒, 人 and ⼈) to
    the radical in a PDF's text, so copying or searching 力度 fails. The
    bytes are read by Qt, not into Python first: a second copy of a CJK font
    would add 1.6 MB to the peak memory for nothing.
    """
    file = shipped_assets().joinpath(FONT_DIR, name)
    if not file.is_file():
        return ()
    if isinstance(file, Path):
        reader = QFile(str(file))
        data = reader.readAll() if reader.open(QIODevice.OpenModeFlag.ReadOnly) else QByteArray()
    else:
        data = QByteArray(file.read_bytes())
    return tuple(QFontDatabase.applicationFontFamilies(QFontDatabase.addApplicationFontFromData(data)))


@cache
def _font_files() -> tuple[str, ...]:
    folder = shipped_assets().joinpath(FONT_DIR)
    if not folder.is_dir():
        return ()
    return tuple(sorted(f.name for f in folder.iterdir() if f.name.endswith((".otf", ".ttf"))))


def bundled_fonts() -> tuple[str, ...]:
    """Register every bundled font, as the sheets need them, so hanzi and tone marks never show as boxes.

    The fonts cover all of GB2312; a PDF embeds only the glyphs it uses.
    """
    return tuple(dict.fromkeys(family for name in _font_files() for family in _register(name)))


def window_fonts() -> tuple[str, ...]:
    """The bundled fonts but the bold hanzi: what the window's first screen draws, in its usual case."""
    return tuple(
        dict.fromkeys(family for name in _font_files() if name != BOLD_HANZI_FILE for family in _register(name))
    )


def sets_bold_hanzi(html: str) -> bool:
    """Whether rich text sets any hanzi in bold (a heading, a bold word, a table header): it needs the bold font."""
    return any(has_hanzi(found.group(2)) for found in _BOLD.finditer(html))


def has_hanzi(text: str) -> bool:
    """Any CJK character in `text`; a loop, as a regular expression of these ranges takes 2 ms to compile."""
    return any(low <= char <= high for char in text for low, high in CJK_RANGES)


def register_bold_hanzi() -> None:
    """The bold CJK font, for headings and bold words in hanzi; without it Qt draws them in the regular weight."""
    _register(BOLD_HANZI_FILE)


def fall_back_to_bundled_fonts(app: QGuiApplication) -> None:
    """Let every widget draw hanzi and extended Latin with the bundled fonts when the system has none.

    The system's UI family stays first, so Latin text looks as it always
    did; only characters it lacks come from the bundled fonts, instead of
    boxes on a machine without a CJK font.
    """
    families = window_fonts()
    font = app.font()
    # The family the system font resolves to, not its alias ("Sans Serif"): an alias
    # followed by more families would match the first of those, changing Latin text.
    used = QFontInfo(font).family()
    fallbacks = [family for family in SHEET_FAMILIES if family in families and family != used]
    if fallbacks:
        font.setFamilies([used, *fallbacks])
        app.setFont(font)

"""Generate the application icon: an SVG and its PNG renderings in the hicolor layout.

The icon is a face outline on a warm tile with the two channels the map puts
first: Stomach (solid vermilion) running down both cheeks from below the eyes
and Large Intestine (blue, dashed on the map, solid here so it survives 16 px)
round the upper lip. It is drawn from numbers so that it can be changed in one place and is
byte-for-byte the same on every run:

    .venv/bin/python tools/draw_icon.py

The PNGs are rendered by Qt's own SVG renderer, the one a desktop without a
scalable icon theme would otherwise not use, so what is installed is exactly
what was looked at. Every file goes under assets/icons/hicolor, which the
wheel and the bundle carry and `meridian-map install-desktop` copies.
"""

from __future__ import annotations

import sys
from pathlib import Path

ICON_NAME = "org.meridianmap.MeridianMap"  # meridian_map.core.appid.APP_ID
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ROOT = Path(__file__).resolve().parents[1]
HICOLOR = ROOT / "assets" / "icons" / "hicolor"

STOMACH = "#D55E00"
LARGE_INTESTINE = "#0072B2"
INK = "#2B2B2B"
TILE = "#FBF4E8"
TILE_EDGE = "#E6D5BC"


def icon_svg() -> str:
    """The icon on a 256-unit square; strokes are thick enough to read at 16 px."""
    # Face: an egg, wider at the cheekbones than at the chin.
    face = "M128 28 C188 28 214 78 212 126 C210 180 176 230 128 232 C80 230 46 180 44 126 C42 78 68 28 128 28 Z"
    # Closed, relaxed eyes: the face of someone being treated.
    eyes = "M82 106 Q98 118 114 106 M142 106 Q158 118 174 106"
    # Stomach channel on both sides: straight down from below the pupil, then out along the jaw.
    stomach = "M98 128 L98 164 Q98 190 78 200 M158 128 L158 164 Q158 190 178 200"
    # Large Intestine: round the upper lip from one nose wing to the other.
    large_intestine = "M108 158 Q128 176 148 158"
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">',
        "  <title>Meridian Map</title>",
        f'  <rect x="8" y="8" width="240" height="240" rx="52" fill="{TILE}" stroke="{TILE_EDGE}" stroke-width="4"/>',
        f'  <path d="{face}" fill="#FFFFFF" stroke="{INK}" stroke-width="12" stroke-linejoin="round"/>',
        f'  <path d="{eyes}" fill="none" stroke="{INK}" stroke-width="8" stroke-linecap="round"/>',
        f'  <path d="{stomach}" fill="none" stroke="{STOMACH}" stroke-width="13" stroke-linecap="round"/>',
        f'  <path d="{large_intestine}" fill="none" stroke="{LARGE_INTESTINE}" stroke-width="13"'
        ' stroke-linecap="round"/>',
        f'  <circle cx="98" cy="136" r="11" fill="{STOMACH}" stroke="#FFFFFF" stroke-width="4"/>',
        f'  <circle cx="158" cy="136" r="11" fill="{STOMACH}" stroke="#FFFFFF" stroke-width="4"/>',
        "</svg>",
    ]
    return "\n".join(parts) + "\n"


def write_icons() -> list[Path]:
    """Write the SVG, then render each PNG size from it with QSvgRenderer."""
    from PySide6.QtCore import QByteArray, QRectF, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    from meridian_map.gui.headless import offscreen_without_display

    offscreen_without_display()
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    svg = icon_svg()
    scalable = HICOLOR / "scalable" / "apps" / f"{ICON_NAME}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    scalable.write_text(svg, encoding="utf-8")
    written = [scalable]
    renderer = QSvgRenderer(QByteArray(svg.encode()))
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        target = HICOLOR / f"{size}x{size}" / "apps" / f"{ICON_NAME}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(target), "PNG"):
            raise OSError(f"{target}: cannot write")
        written.append(target)
    return written


if __name__ == "__main__":
    for path in write_icons():
        print(path.relative_to(ROOT))

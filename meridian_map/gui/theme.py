"""Colours and line styles, in one place so screen and print agree.

The palette is Okabe–Ito (safe for the common colour-vision deficiencies),
and channels always differ by line style as well as colour, so a grey-scale
print or a colour-blind viewer can still tell Stomach from Large Intestine.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from .painting import drawing_colour

STOMACH = "#D55E00"  # vermilion, solid
LARGE_INTESTINE = "#0072B2"  # blue, long dash
OTHER_CHANNEL = "#7a7a7a"  # grey, dotted, thinner
ZONE_TINTS = ("#56B4E9", "#009E73", "#E69F00", "#CC79A7", "#F0E442", "#0072B2")
CAUTION = "#9a3412"


@dataclass(frozen=True)
class ChannelStyle:
    """How a channel is drawn: told apart by dash pattern as well as colour, for colour-blind eyes and grey print."""

    colour: str
    pen_style: Qt.PenStyle
    width: float  # face units
    dashes: tuple[float, ...] = ()


CHANNEL_STYLES = {
    "ST": ChannelStyle(STOMACH, Qt.PenStyle.SolidLine, 1.1),
    "LI": ChannelStyle(LARGE_INTESTINE, Qt.PenStyle.CustomDashLine, 1.1, (6.0, 2.5)),
}
OTHER_STYLE = ChannelStyle(OTHER_CHANNEL, Qt.PenStyle.CustomDashLine, 0.6, (1.0, 2.0))


def channel_style(code: str) -> ChannelStyle:
    return CHANNEL_STYLES.get(code, OTHER_STYLE)


@dataclass(frozen=True)
class Theme:
    """What changes between light and dark mode."""

    dark: bool
    background: QColor
    ink: QColor  # the line art
    soft_ink: QColor
    halo: QColor
    outline: QColor  # selection outline

    @classmethod
    def current(cls) -> Theme:
        palette = QGuiApplication.palette()
        window = palette.color(QPalette.ColorRole.Window)
        return cls.dark_theme() if window.lightness() < 110 else cls.light_theme()

    @classmethod
    def light_theme(cls) -> Theme:
        return cls(False, QColor("#fbfaf6"), QColor("#1f1f1f"), QColor("#6b6b6b"), QColor("#ffffff"), QColor("#1b1b1b"))

    @classmethod
    def dark_theme(cls) -> Theme:
        return cls(True, QColor("#1c1d1f"), QColor("#e6e6e6"), QColor("#a0a0a0"), QColor("#1c1d1f"), QColor("#f5f5f5"))

    def art_colour(self, colour: str | None) -> QColor | None:
        """The drawing's own colours, inverted to light-on-dark in dark mode."""
        if colour is None:
            return None
        qcolour = drawing_colour(colour)
        if self.dark:
            qcolour = QColor.fromHsl(
                max(qcolour.hslHue(), 0), qcolour.hslSaturation(), 255 - qcolour.lightness(), qcolour.alpha()
            )
        return qcolour


# Study. Mastery from unseen to mastered on viridis steps, which darken steadily (read by lightness in grey
# and by every common colour vision), always drawn with the level's number as well.
MASTERY_SCALE = ("#e8e8e8", "#fde725", "#5ec962", "#21918c", "#3b528b")
MASTERY_INK = ("#3a3a3a", "#1f1f1f", "#1f1f1f", "#ffffff", "#ffffff")
QUIZ_TARGET = "#009E73"  # bluish green: where the point is
QUIZ_MISS = "#D55E00"  # vermilion, dashed: the click and the line to the point

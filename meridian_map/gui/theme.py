"""Colours and line styles, in one place: every colour the window paints comes from a theme record here.

Three records, light, dark and high contrast, each holding the map's
colours, one colour per channel, the panel's and the widgets' colours. The
tests measure them (tests/test_themes.py): text at least 4.5:1 against what
it sits on (7:1 in high contrast), lines and point markers at least 3:1
(4.5:1), and every pair of channel colours told apart under simulated
protanopia, deuteranopia and tritanopia. Channels also differ by dash
pattern and width alone, so a grey-scale print or a colour-blind viewer can
still tell Stomach from Large Intestine. Sheets keep their own paper
palette: `channel_style` is the light record's, which prints black-and-white
safe.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from .painting import drawing_colour

STOMACH = "#D55E00"  # vermilion, solid
LARGE_INTESTINE = "#0072B2"  # blue, long dash
ZONE_TINTS = ("#56B4E9", "#009E73", "#E69F00", "#CC79A7", "#F0E442", "#0072B2")
CAUTION = "#9a3412"


class ThemeChoice(StrEnum):
    """What View → Theme offers; SYSTEM follows the desktop's colour scheme as it changes."""

    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"
    HIGH_CONTRAST = "high-contrast"


@dataclass(frozen=True)
class ChannelStyle:
    """How a channel is drawn: told apart by dash pattern as well as colour, for colour-blind eyes and grey print."""

    colour: str
    pen_style: Qt.PenStyle
    width: float  # face units
    dashes: tuple[float, ...] = ()


# Width (face units) and dash pattern (in widths; empty for solid) of each
# channel: each its own, so no two channels look alike without colour.
LINE_STYLES: dict[str, tuple[float, tuple[float, ...]]] = {
    "ST": (1.1, ()),
    "LI": (1.1, (6.0, 2.5)),
    "GV": (0.8, (1.0, 2.0)),
    "CV": (0.8, (3.0, 2.0)),
    "BL": (0.7, (5.0, 1.5, 1.0, 1.5)),
    "GB": (0.7, (7.0, 1.5, 1.0, 1.5, 1.0, 1.5)),
    "TE": (0.6, (2.0, 1.0)),
    "SI": (0.6, (9.0, 3.0)),
}
OTHER_LINE: tuple[float, tuple[float, ...]] = (0.6, (1.0, 3.0))  # a channel a content pack adds


@dataclass(frozen=True)
class WidgetColours:
    """The application palette: sidebar, menus, status bar, dialogs."""

    window: str
    window_text: str
    base: str
    alternate_base: str
    text: str
    button: str
    button_text: str
    highlight: str
    highlighted_text: str
    link: str
    placeholder: str
    tooltip_base: str
    tooltip_text: str
    frame: str  # Mid, Dark and Shadow: lines around controls
    disabled_text: str


@dataclass(frozen=True)
class PanelColours:
    """The zone and point panel's HTML; its background is the widgets' base."""

    text: str
    sub: str
    heading: str
    link: str
    caution_background: str
    caution_text: str
    caution_border: str
    edited: str


@dataclass(frozen=True)
class Theme:
    """One look of the window. Map colours are QColors, ready to paint; the rest are "#rrggbb" strings."""

    name: str
    dark: bool
    background: QColor  # the map
    ink: QColor  # lines drawn over the map: strokes, labels
    soft_ink: QColor
    halo: QColor  # around point markers and under labels
    outline: QColor  # selection outline
    focus: QColor  # the keyboard focus ring on the map
    zone_edge: QColor
    point: QColor  # a point of no channel the map knows
    channels: Mapping[str, str]
    other_channel: str
    zone_tints: tuple[str, ...]
    tint_edges: tuple[str, ...]  # a highlighted zone's edge, per tint
    widgets: WidgetColours
    panel: PanelColours
    text_contrast: float = 4.5  # what the tests hold this theme to
    line_contrast: float = 3.0
    label_halo_alpha: float = field(default=0.8)
    outlined_controls: bool = False  # draw fields' and check boxes' edges: styles draw them too faint on black

    def style_sheet(self) -> str:
        """Edges for the controls where the style's own would vanish, in the theme's frame colour; else nothing."""
        if not self.outlined_controls:
            return ""
        w = self.widgets
        return (
            f"QLineEdit, QComboBox, QListWidget, QPlainTextEdit, QTextBrowser {{ border: 1px solid {w.frame}; }}"
            f"QCheckBox::indicator {{ border: 1px solid {w.frame}; background: {w.base}; }}"
            f"QCheckBox::indicator:checked {{ background: {w.highlight}; }}"
            f"QCheckBox:focus, QComboBox:focus, QLineEdit:focus, QListWidget:focus, QPlainTextEdit:focus,"
            f" QTextBrowser:focus {{ border: 2px solid {w.highlight}; }}"
        )

    @classmethod
    def current(cls) -> Theme:
        """The record whose palette the application has now; for a palette of no record, light or dark by its look.

        Views made after the window (a page, a dialog) take the theme in force from here.
        """
        window = QGuiApplication.palette().color(QPalette.ColorRole.Window)
        for theme in THEMES.values():
            if QColor(theme.widgets.window) == window:
                return theme
        return cls.dark_theme() if window.lightness() < 110 else cls.light_theme()

    @classmethod
    def light_theme(cls) -> Theme:
        return LIGHT

    @classmethod
    def dark_theme(cls) -> Theme:
        return DARK

    def channel_style(self, code: str) -> ChannelStyle:
        width, dashes = LINE_STYLES.get(code, OTHER_LINE)
        pen_style = Qt.PenStyle.CustomDashLine if dashes else Qt.PenStyle.SolidLine
        return ChannelStyle(self.channels.get(code, self.other_channel), pen_style, width, dashes)

    def tint_edge(self, tint: str) -> QColor:
        """The edge of a hovered or matching zone, a shade of its tint that stands out from the background."""
        for index, known in enumerate(self.zone_tints):
            if known.lower() == tint.lower():
                return QColor(self.tint_edges[index])
        return QColor(self.outline)

    def art_colour(self, colour: str | None) -> QColor | None:
        """The drawing's own colours, inverted to light-on-dark in the dark themes."""
        if colour is None:
            return None
        qcolour = drawing_colour(colour)
        if self.dark:
            qcolour = QColor.fromHsl(
                max(qcolour.hslHue(), 0), qcolour.hslSaturation(), 255 - qcolour.lightness(), qcolour.alpha()
            )
        return qcolour

    def palette(self) -> QPalette:
        """The application palette for this theme, for every widget that is not the map or the panel."""
        w = self.widgets
        palette = QPalette()
        roles = {
            QPalette.ColorRole.Window: w.window,
            QPalette.ColorRole.WindowText: w.window_text,
            QPalette.ColorRole.Base: w.base,
            QPalette.ColorRole.AlternateBase: w.alternate_base,
            QPalette.ColorRole.Text: w.text,
            QPalette.ColorRole.Button: w.button,
            QPalette.ColorRole.ButtonText: w.button_text,
            QPalette.ColorRole.BrightText: w.highlighted_text,
            QPalette.ColorRole.Highlight: w.highlight,
            QPalette.ColorRole.HighlightedText: w.highlighted_text,
            QPalette.ColorRole.Link: w.link,
            QPalette.ColorRole.LinkVisited: w.link,
            QPalette.ColorRole.PlaceholderText: w.placeholder,
            QPalette.ColorRole.ToolTipBase: w.tooltip_base,
            QPalette.ColorRole.ToolTipText: w.tooltip_text,
            QPalette.ColorRole.Light: w.button,
            QPalette.ColorRole.Midlight: w.button,
            QPalette.ColorRole.Mid: w.frame,
            QPalette.ColorRole.Dark: w.frame,
            QPalette.ColorRole.Shadow: w.frame,
        }
        for role, colour in roles.items():
            palette.setColor(role, QColor(colour))
        for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
            palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(w.disabled_text))
        return palette


LIGHT = Theme(
    name=ThemeChoice.LIGHT,
    dark=False,
    background=QColor("#fbfaf6"),
    ink=QColor("#1f1f1f"),
    soft_ink=QColor("#6b6b6b"),
    halo=QColor("#ffffff"),
    outline=QColor("#1b1b1b"),
    focus=QColor("#0b5cad"),
    zone_edge=QColor("#7a7a7a"),
    point=QColor("#3a3a3a"),
    channels={
        "ST": "#d55e00",
        "LI": "#0072b2",
        "GV": "#663300",
        "CV": "#0000aa",
        "BL": "#330044",
        "GB": "#005566",
        "TE": "#995544",
        "SI": "#554444",
    },
    other_channel="#5a5a5a",
    zone_tints=ZONE_TINTS,
    tint_edges=("#367192", "#006348", "#906300", "#804c68", "#7d7620", "#00476f"),
    widgets=WidgetColours(
        window="#f3f2ee",
        window_text="#1f1f1f",
        base="#ffffff",
        alternate_base="#f5f5f2",
        text="#1f1f1f",
        button="#e9e8e4",
        button_text="#1f1f1f",
        highlight="#0b5cad",
        highlighted_text="#ffffff",
        link="#0b5cad",
        placeholder="#646464",
        tooltip_base="#fffbe6",
        tooltip_text="#1f1f1f",
        frame="#8a8a8a",
        disabled_text="#8a8a8a",
    ),
    panel=PanelColours(
        text="#1f1f1f",
        sub="#5c5c5c",
        heading="#4a4a4a",
        link="#0b5cad",
        caution_background="#fff4e5",
        caution_text="#3b2a16",
        caution_border="#c2410c",
        edited="#7a4f00",
    ),
)

DARK = Theme(
    name=ThemeChoice.DARK,
    dark=True,
    background=QColor("#1c1d1f"),
    ink=QColor("#e6e6e6"),
    soft_ink=QColor("#a0a0a0"),
    halo=QColor("#1c1d1f"),
    outline=QColor("#f5f5f5"),
    focus=QColor("#ffd24d"),
    zone_edge=QColor("#85878b"),
    point=QColor("#bdbdbd"),
    channels={
        "ST": "#ff8a3d",
        "LI": "#56b4e9",
        "GV": "#bbffaa",
        "CV": "#668866",
        "BL": "#8866ff",
        "GB": "#997799",
        "TE": "#ffee00",
        "SI": "#ccaa88",
    },
    other_channel="#9a9a9a",
    zone_tints=ZONE_TINTS,
    tint_edges=("#91cef1", "#59c0a4", "#efc159", "#dea8c6", "#f5ed84", "#59a3cd"),
    widgets=WidgetColours(
        window="#232427",
        window_text="#e6e6e6",
        base="#1a1b1d",
        alternate_base="#232427",
        text="#e6e6e6",
        button="#2e3034",
        button_text="#e6e6e6",
        highlight="#2a6cb0",
        highlighted_text="#ffffff",
        link="#7cb8f2",
        placeholder="#a0a0a0",
        tooltip_base="#2e3034",
        tooltip_text="#e6e6e6",
        frame="#5a5d63",
        disabled_text="#6f7278",
    ),
    panel=PanelColours(
        text="#e6e6e6",
        sub="#a8a8a8",
        heading="#c8c8c8",
        link="#7cb8f2",
        caution_background="#33261a",
        caution_text="#f5d9b8",
        caution_border="#e07b39",
        edited="#e0b050",
    ),
)

HIGH_CONTRAST = Theme(
    name=ThemeChoice.HIGH_CONTRAST,
    dark=True,
    background=QColor("#000000"),
    ink=QColor("#ffffff"),
    soft_ink=QColor("#c8c8c8"),
    halo=QColor("#000000"),
    outline=QColor("#ffffff"),
    focus=QColor("#ffff00"),
    zone_edge=QColor("#a8a8a8"),
    point=QColor("#ffffff"),
    channels={
        "ST": "#ff9933",
        "LI": "#66ccff",
        "GV": "#888888",
        "CV": "#6677ff",
        "BL": "#ccbbaa",
        "GB": "#ccffaa",
        "TE": "#998855",
        "SI": "#99aabb",
    },
    other_channel="#b0b0b0",
    zone_tints=ZONE_TINTS,
    tint_edges=("#a2d6f3", "#73cab2", "#f1ca73", "#e3b5cf", "#f7f097", "#73b1d5"),
    widgets=WidgetColours(
        window="#000000",
        window_text="#ffffff",
        base="#000000",
        alternate_base="#101010",
        text="#ffffff",
        button="#000000",
        button_text="#ffffff",
        highlight="#ffff00",
        highlighted_text="#000000",
        link="#80d4ff",
        placeholder="#d0d0d0",
        tooltip_base="#000000",
        tooltip_text="#ffffff",
        frame="#ffffff",
        disabled_text="#9a9a9a",
    ),
    panel=PanelColours(
        text="#ffffff",
        sub="#e0e0e0",
        heading="#ffffff",
        link="#80d4ff",
        caution_background="#000000",
        caution_text="#ffff00",
        caution_border="#ffff00",
        edited="#ffcc66",
    ),
    text_contrast=7.0,
    line_contrast=4.5,
    label_halo_alpha=1.0,
    outlined_controls=True,
)

THEMES: dict[str, Theme] = {theme.name: theme for theme in (LIGHT, DARK, HIGH_CONTRAST)}


def resolve_theme(choice: str, scheme: Qt.ColorScheme, platform_dark: bool = False) -> Theme:
    """The record for a choice; SYSTEM takes the desktop's scheme, or its palette where it tells no scheme."""
    if choice in THEMES:
        return THEMES[choice]
    if scheme == Qt.ColorScheme.Dark or (scheme == Qt.ColorScheme.Unknown and platform_dark):
        return DARK
    return LIGHT


def channel_style(code: str) -> ChannelStyle:
    """The paper palette's style for a channel: what the sheets print."""
    return LIGHT.channel_style(code)

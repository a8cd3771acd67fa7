"""The theme records, measured: contrast, colour-vision distinguishability, line styles; and switching at run time."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from meridian_map.cli import THEME_CHOICES
from meridian_map.core.catalog import Catalog
from meridian_map.gui.mainwindow import MainWindow
from meridian_map.gui.map.items import TINT_ALPHA
from meridian_map.gui.map.looks import Layer, Look
from meridian_map.gui.theme import (
    DARK,
    HIGH_CONTRAST,
    LIGHT,
    LINE_STYLES,
    THEMES,
    Theme,
    ThemeChoice,
    channel_style,
    resolve_theme,
)

from .colourscience import VISIONS, blend, ciede2000, contrast, simulate

ALL = list(THEMES.values())
# Channel colours must differ by this much (CIEDE2000) for every eye; 2.3 is a just-noticeable difference,
# and lines this far apart are told apart at a glance, before their dash patterns are read.
MIN_CHANNEL_DE = 10.0


def hexes(theme: Theme) -> dict[str, str]:
    return {name: getattr(theme, name).name() for name in ("background", "ink", "halo", "outline", "focus")}


def backgrounds(theme: Theme) -> Iterator[tuple[str, str]]:
    """What lines and markers are drawn over: the map, and each zone tint as a zone normally shows it."""
    background = theme.background.name()
    yield "background", background
    for tint in theme.zone_tints:
        yield f"tint {tint}", blend(tint, TINT_ALPHA[Look.NORMAL], background)


@pytest.fixture(autouse=True)
def light_again(light_theme_after: None) -> None:
    """Every test here may change the theme."""


@pytest.mark.parametrize("theme", ALL, ids=lambda t: t.name)
def test_text_reads_against_what_it_sits_on(theme: Theme) -> None:
    w, p = theme.widgets, theme.panel
    pairs = {
        "window text": (w.window_text, w.window),
        "text": (w.text, w.base),
        "text on alternate rows": (w.text, w.alternate_base),
        "button text": (w.button_text, w.button),
        "selected text": (w.highlighted_text, w.highlight),
        "link": (w.link, w.base),
        "placeholder": (w.placeholder, w.base),
        "tooltip": (w.tooltip_text, w.tooltip_base),
        "panel text": (p.text, w.base),
        "panel sub-line": (p.sub, w.base),
        "panel heading": (p.heading, w.base),
        "panel link": (p.link, w.base),
        "panel edit mark": (p.edited, w.base),
        "caution": (p.caution_text, p.caution_background),
        "map label": (theme.ink.name(), blend(theme.halo.name(), theme.label_halo_alpha, theme.background.name())),
    }
    low = {name: round(contrast(*pair), 2) for name, pair in pairs.items() if contrast(*pair) < theme.text_contrast}
    assert not low, f"{theme.name}: text below {theme.text_contrast}:1: {low}"


@pytest.mark.parametrize("theme", ALL, ids=lambda t: t.name)
def test_lines_and_markers_stand_out_from_the_map(theme: Theme, catalog: Catalog) -> None:
    lines = {f"channel {code}": theme.channel_style(code).colour for code in catalog.channels}
    lines |= {
        "point of no channel": theme.point.name(),
        "line art and strokes": theme.ink.name(),
        "selection outline": theme.outline.name(),
        "focus ring": theme.focus.name(),
        "zone edge": theme.zone_edge.name(),
        "screened-out edge": theme.soft_ink.name(),
    }
    lines |= {f"edge of tint {tint}": edge for tint, edge in zip(theme.zone_tints, theme.tint_edges, strict=True)}
    if theme.outlined_controls:
        w = theme.widgets
        lines |= {"control edge on window": w.frame, "checked box on window": w.highlight}
        assert contrast(w.frame, w.base) >= theme.line_contrast
    low = {
        f"{name} on {where}": round(contrast(colour, under), 2)
        for name, colour in lines.items()
        for where, under in backgrounds(theme)
        if contrast(colour, under) < theme.line_contrast
    }
    assert not low, f"{theme.name}: lines below {theme.line_contrast}:1: {low}"


@pytest.mark.parametrize("theme", ALL, ids=lambda t: t.name)
def test_every_pair_of_channels_differs_for_every_eye(theme: Theme, catalog: Catalog) -> None:
    """Machado et al. (2009) protanopia, deuteranopia and tritanopia at severity 1.0, and normal vision.

    The line art's ink is in the comparison too: a channel must not pass for the drawing.
    """
    colours = {code: theme.channel_style(code).colour for code in catalog.channels} | {"ink": theme.ink.name()}
    worst = min(
        (ciede2000(simulate(a, vision), simulate(b, vision)), vision, one, two)
        for (one, a), (two, b) in combinations(colours.items(), 2)
        for vision in VISIONS
    )
    assert worst[0] >= MIN_CHANNEL_DE, f"{theme.name}: {worst[2]} and {worst[3]} under {worst[1]}: ΔE00 {worst[0]:.1f}"


def test_stomach_and_large_intestine_are_far_apart_for_every_eye() -> None:
    for theme in ALL:
        for vision in VISIONS:
            st = simulate(theme.channel_style("ST").colour, vision)
            li = simulate(theme.channel_style("LI").colour, vision)
            assert ciede2000(st, li) >= 25, (theme.name, vision)


def test_every_channel_drawn_has_its_own_line_style_and_colour(catalog: Catalog) -> None:
    styles = [LINE_STYLES.get(code) for code in catalog.channels]
    assert None not in styles, "a shipped channel would be drawn in the fallback style"
    assert len(set(styles)) == len(styles), "two channels look alike without colour"
    for theme in ALL:
        assert set(catalog.channels) <= set(theme.channels), theme.name


def test_sheets_keep_the_paper_palette() -> None:
    assert channel_style("ST").colour == "#d55e00" == LIGHT.channels["ST"]
    assert channel_style("LI").dashes == (6.0, 2.5)


def test_the_cautions_box_is_dark_in_the_dark_themes() -> None:
    """It used to stay bright cream in dark mode."""
    for theme in (DARK, HIGH_CONTRAST):
        assert QColor(theme.panel.caution_background).lightness() < 80
        assert QColor(theme.panel.caution_background).lightness() < QColor(theme.widgets.base).lightness() + 40


def test_the_choices_are_the_same_everywhere() -> None:
    assert tuple(ThemeChoice) == THEME_CHOICES
    assert set(THEMES) == set(ThemeChoice) - {ThemeChoice.SYSTEM}


def test_system_follows_the_scheme_and_falls_back_to_the_palette() -> None:
    assert resolve_theme("system", Qt.ColorScheme.Dark) is DARK
    assert resolve_theme("system", Qt.ColorScheme.Light, platform_dark=True) is LIGHT
    assert resolve_theme("system", Qt.ColorScheme.Unknown, platform_dark=True) is DARK
    assert resolve_theme("system", Qt.ColorScheme.Unknown) is LIGHT
    assert resolve_theme("high-contrast", Qt.ColorScheme.Light) is HIGH_CONTRAST


# switching in the window ------------------------------------------------------------


def map_pixel(window: MainWindow) -> QColor:
    """The map's background in a corner of the view, past any zone."""
    return window.view.viewport().grab().toImage().pixelColor(3, 3)


def test_the_theme_menu_switches_everything_without_a_restart(qtbot: QtBot, window: MainWindow) -> None:
    window.select("cheek_l")
    assert map_pixel(window) == LIGHT.background
    with qtbot.waitSignal(window.appearance.changed):
        window.named_actions["theme_dark"].trigger()
    assert window.map_state.theme == "dark"
    assert window.named_actions["theme_dark"].isChecked()
    assert not window.named_actions["theme_light"].isChecked()
    assert map_pixel(window) == DARK.background
    assert QApplication.palette().color(QPalette.ColorRole.Window) == QColor(DARK.widgets.window)
    assert window.sidebar.palette().color(QPalette.ColorRole.Base) == QColor(DARK.widgets.base)
    html = window.panel.toHtml().lower()
    assert DARK.panel.caution_background in html and LIGHT.panel.caution_background not in html
    st2 = window.scene.point_items["ST2.L"]
    assert st2.brush().color() == QColor(DARK.channels["ST"])
    other = next(item for item in window.scene.point_items.values() if item.point.info.channel == "GB")
    assert other.brush().color() == QColor(DARK.channels["GB"])
    assert window.scene.zone_items["forehead_l"].brush().color().lightness() < 80
    window.named_actions["theme_high_contrast"].trigger()
    assert map_pixel(window) == HIGH_CONTRAST.background
    assert Theme.current() is HIGH_CONTRAST, "views made later take the theme in force"
    assert "QCheckBox::indicator" in QApplication.instance().styleSheet(), "high contrast outlines the controls"
    window.named_actions["theme_light"].trigger()
    assert map_pixel(window) == LIGHT.background
    assert QApplication.instance().styleSheet() == ""
    assert window.sidebar.palette().color(QPalette.ColorRole.Base) == QColor(LIGHT.widgets.base)
    assert window.scene.zone_items["forehead_l"].brush().color().lightness() > 200


def test_the_theme_is_remembered(window: MainWindow, catalog: Catalog, qtbot: QtBot) -> None:
    window.named_actions["theme_high_contrast"].trigger()
    saved = window.state()
    assert saved["theme"] == "high-contrast"
    again = MainWindow(catalog)
    qtbot.addWidget(again)
    again.restore(saved)
    assert again.appearance.theme is HIGH_CONTRAST
    assert again.scene.theme is HIGH_CONTRAST
    assert again.named_actions["theme_high_contrast"].isChecked()


def test_a_stale_theme_setting_is_skipped(window: MainWindow) -> None:
    window.restore({"theme": "purple"})
    assert window.map_state.theme == "system"
    window.restore({"theme": ["dark"]})
    assert window.map_state.theme == "system"


def test_system_follows_the_desktop_scheme_live(qtbot: QtBot, window: MainWindow) -> None:
    hints = QGuiApplication.styleHints()
    assert window.map_state.theme == "system"
    with qtbot.waitSignal(window.appearance.changed):
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert window.scene.theme is DARK and map_pixel(window) == DARK.background
    with qtbot.waitSignal(window.appearance.changed):
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert window.scene.theme is LIGHT
    window.named_actions["theme_high_contrast"].trigger()
    with qtbot.assertNotEmitted(window.appearance.changed):
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert window.scene.theme is HIGH_CONTRAST, "a chosen theme is kept whatever the desktop does"


def test_labels_repaint_in_the_new_theme(window: MainWindow) -> None:
    window.map_state.set_layer(Layer.LABELS, True)
    label = next(iter(window.scene.label_items.values()))
    assert label.brush().color() == LIGHT.ink
    window.map_state.set_theme("dark")
    assert label.brush().color() == DARK.ink
    assert label.halo.rgb() == DARK.halo.rgb()


def test_the_map_legend_and_the_explorer_badges_follow_the_theme(window: MainWindow) -> None:
    """The strip under the map is the map's: its background, and each sample the line as this theme draws it."""
    legend = window.legend
    window.map_state.select_channel("ST")
    for choice, theme in (("light", LIGHT), ("dark", DARK), ("high-contrast", HIGH_CONTRAST)):
        window.map_state.set_theme(choice)
        image = legend.grab().toImage()
        assert image.pixelColor(image.width() - 8, image.height() // 2).name() == theme.background.name()
        for code in ("ST", "LI"):
            row = legend.rows[code]
            swatch = {
                image.pixelColor(x, row.geometry().center().y()).name()
                for x in range(row.x(), row.x() + row.iconSize().width() + 8)
            }
            assert theme.channels[code] in swatch, f"{theme.name}: the {code} sample"
        assert window.scene.course is not None
        assert {item.brush().color().name() for item in window.scene.course.items} == {theme.channels["ST"]}
        assert all(marker.brush().color() == theme.soft_ink for marker in window.scene.side_markers)

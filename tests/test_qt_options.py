"""Qt's own options reach QApplication; --theme picks the screenshot's theme."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from meridian_map.cli import main
from meridian_map.gui.theme import DARK, HIGH_CONTRAST, LIGHT
from meridian_map.qtoptions import qt_option, split_qt_options

REPO = Path(__file__).resolve().parents[1]
SIZE = (1280, 800)


def test_qt_options_are_set_apart_from_ours() -> None:
    split = split_qt_options(["-style", "Fusion", "--screenshot", "x.png", "-reverse", "-platform=offscreen"])
    assert split.qt == ["-style", "Fusion", "-reverse", "-platform=offscreen"]
    assert split.ours == ["--screenshot", "x.png"]
    assert qt_option(split.qt, "-platform") == "offscreen"
    assert qt_option(split.qt, "-style") == "Fusion"


def test_after_a_double_dash_everything_is_ours() -> None:
    split = split_qt_options(["--select", "cheek", "--", "-reverse"])
    assert split.qt == [] and split.ours == ["--select", "cheek", "--", "-reverse"]


def test_a_qt_option_without_its_value_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--screenshot", "x.png", "-style"])
    assert exit_info.value.code == 2
    assert "-style needs a value" in capsys.readouterr().err


def test_qt_options_with_a_command_are_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["-reverse", "check"])
    assert exit_info.value.code == 2
    assert "are for the window, not for check" in capsys.readouterr().err


def test_an_unknown_single_dash_option_is_still_ours_to_refuse(tmp_path: Path) -> None:
    """A mistyped Qt option is not passed on silently: our parser refuses the line, and nothing is written."""
    with pytest.raises(SystemExit) as exit_info:
        main(["-styel", "Fusion", "--screenshot", str(tmp_path / "x.png")])
    assert exit_info.value.code == 2
    assert not (tmp_path / "x.png").exists()


def screenshot(tmp_path: Path, name: str, *args: str) -> QImage:
    target = tmp_path / f"{name}.png"
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    result = subprocess.run(
        [sys.executable, "-m", "meridian_map", *args, "--size", "x".join(map(str, SIZE)), "--screenshot", str(target)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(target))
    assert not image.isNull()
    return image


def test_style_and_reverse_reach_qt(tmp_path: Path) -> None:
    """-platform offscreen is taken too: there is no display in this environment."""
    fusion = screenshot(tmp_path, "fusion", "-platform", "offscreen", "-style", "Fusion")
    windows = screenshot(tmp_path, "windows", "-platform", "offscreen", "-style", "Windows")
    assert fusion != windows, "another style draws the controls differently"
    reverse = screenshot(tmp_path, "reverse", "-platform", "offscreen", "-style", "Fusion", "-reverse")
    # Left to right the sidebar is on the left and the details panel on the right; -reverse swaps them.
    y = SIZE[1] // 2
    left, right = 40, SIZE[0] - 40
    panel = QColor(LIGHT.widgets.base)
    assert fusion.pixelColor(right, y) == panel and fusion.pixelColor(left, y) != panel
    assert reverse.pixelColor(left, y) == panel and reverse.pixelColor(right, y) != panel


@pytest.mark.parametrize("theme", [LIGHT, DARK, HIGH_CONTRAST], ids=lambda t: t.name)
def test_screenshot_in_each_theme(tmp_path: Path, theme: object) -> None:
    from meridian_map.gui.theme import Theme

    assert isinstance(theme, Theme)
    image = screenshot(tmp_path, theme.name, "--theme", theme.name)
    beside = image.pixelColor(360, SIZE[1] // 2)  # the map's background beside the face, above the legend strip
    assert beside == theme.background
    assert image.pixelColor(5, SIZE[1] // 2) == QColor(theme.widgets.window)

"""Screens besides the map: built on first entry, entered and left as the state's mode changes."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from meridian_map.core.catalog import Catalog
from meridian_map.gui import pages
from meridian_map.gui.actions import ActionSpec
from meridian_map.gui.mainwindow import MainWindow
from meridian_map.gui.state import EXPLORE

CALLS: list[str] = []


class FakePage(QLabel):
    def __init__(self, window: MainWindow) -> None:
        super().__init__("a test page")
        self.window_ = window
        CALLS.append("built")

    def enter(self) -> None:
        CALLS.append("enter")

    def leave(self) -> None:
        CALLS.append("leave")

    def fit(self) -> None:
        CALLS.append("fit")


@pytest.fixture
def with_fake_page(monkeypatch: pytest.MonkeyPatch) -> None:
    from meridian_map.gui import actions

    CALLS.clear()
    monkeypatch.setitem(pages.PAGES, "fake", f"{__name__}:FakePage")
    view_title, view_entries = actions.MENUS[1]
    spec = ActionSpec("mode_fake", "Fake", "Ctrl+9", checkable=True, group="mode")
    menus = (actions.MENUS[0], (view_title, (*view_entries, spec)), *actions.MENUS[2:])
    monkeypatch.setattr(actions, "MENUS", menus)


def test_the_window_opens_on_the_map_with_its_entry_checked(window: MainWindow) -> None:
    assert window.pages.currentWidget() is window.splitter
    assert window.named_actions["mode_explore"].isChecked()
    assert pages.modes()[0] == EXPLORE


def test_a_page_is_built_once_and_entered_and_left(with_fake_page: None, qtbot: QtBot, catalog: Catalog) -> None:
    window = MainWindow(catalog)
    qtbot.addWidget(window)
    window.resize(800, 600)
    assert CALLS == []  # nothing built before it is asked for
    window.named_actions["mode_fake"].trigger()
    page = window.pages.currentWidget()
    assert isinstance(page, FakePage)
    assert window.map_state.mode == "fake"
    assert CALLS == ["built", "enter"]
    assert not window.named_actions["mode_explore"].isChecked()
    window.fit_current()
    window.map_state.set_mode(EXPLORE)
    assert window.pages.currentWidget() is window.splitter
    assert window.named_actions["mode_explore"].isChecked()
    window.map_state.set_mode("fake")
    assert window.pages.currentWidget() is page
    assert CALLS == ["built", "enter", "fit", "leave", "enter"]


def test_mode_names_a_screen_or_is_refused() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "meridian_map", "--mode", "nowhere", "--screenshot", "-"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "no screen called 'nowhere'" in done.stderr
    assert "explore" in done.stderr

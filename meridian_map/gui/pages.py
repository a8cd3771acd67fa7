"""The window's screens besides the map explorer, each built the first time it is entered.

A page is a widget with `enter()`, `leave()` and `fit()`; the main window
switches to it when `MapState.mode` names it (Anki's `moveToState`). The
table names modules as text, so study and consult code is imported on first
use and start-up does not pay for screens a person may never open.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Protocol

from .state import EXPLORE

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from .mainwindow import MainWindow

# mode → "module:Class" (relative to this package); the class takes the main window. Each mode's
# View menu entry is the action "mode_<mode>" in actions.MENUS.
PAGES: dict[str, str] = {
    "study": ".study.page:StudyPage",
    "clients": ".consult.workspace:WorkspacePage",
    "consult": ".consult.player:PlayerPage",
}


class Page(Protocol):
    def enter(self) -> None:
        """Called each time the page becomes the one shown."""

    def leave(self) -> None:
        """Called when another page is about to be shown."""

    def fit(self) -> None:
        """Fit what the page draws to its size (a screenshot's or a resized window's)."""


def modes() -> list[str]:
    return [EXPLORE, *PAGES]


def build_page(mode: str, window: MainWindow) -> QWidget:
    """The page for `mode`, imported now; a KeyError for a mode no page is registered for."""
    module_name, _, class_name = PAGES[mode].partition(":")
    page_class = getattr(import_module(module_name, __package__), class_name)
    page: QWidget = page_class(window)
    return page

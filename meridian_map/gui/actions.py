"""Every menu entry and shortcut, in one table: what a command is called, where it sits, and its keys.

The window maps each name to what it does (`build_menus`), so a command's
title, shortcut and place are changed here and nowhere else, and the table
can be listed, checked for clashing keys, or translated as a whole.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

SEPARATOR = "-"


@dataclass(frozen=True)
class ActionSpec:
    name: str
    title: str
    keys: QKeySequence.StandardKey | str = ""
    checkable: bool = False
    group: str = ""  # actions sharing a group are exclusive: checking one unchecks the others
    also: tuple[str, ...] = ()  # further shortcuts, e.g. Ctrl+= where Ctrl++ needs Shift

    def shortcuts(self) -> list[QKeySequence]:
        return [self.shortcut(), *(QKeySequence(keys) for keys in self.also)]

    def shortcut(self) -> QKeySequence:
        return QKeySequence(self.keys)


MENUS: tuple[tuple[str, tuple[ActionSpec | str, ...]], ...] = (
    (
        "&File",
        (
            ActionSpec("print", "&Print…", QKeySequence.StandardKey.Print),
            ActionSpec("preview", "Print Pre&view…"),
            ActionSpec("export_pdf", "&Export PDF…"),
            ActionSpec("export_image", "Export &Image…"),
            SEPARATOR,
            ActionSpec("quit", "&Quit", QKeySequence.StandardKey.Quit),
        ),
    ),
    (
        "&View",
        (
            ActionSpec("mode_explore", "&Explore the map", "Ctrl+1", checkable=True, group="mode"),
            ActionSpec("mode_consult", "&Present routine", "F5", checkable=True, group="mode"),
            SEPARATOR,
            ActionSpec("full_screen", "&Full screen", "F11", checkable=True),
            SEPARATOR,
            ActionSpec("zoom_in", "Zoom &in", QKeySequence.StandardKey.ZoomIn, also=("Ctrl+=",)),
            ActionSpec("zoom_out", "Zoom &out", QKeySequence.StandardKey.ZoomOut),
            ActionSpec("fit", "&Fit to window", "Ctrl+0"),
            SEPARATOR,
            ActionSpec("find", "&Find…", QKeySequence.StandardKey.Find),
            ActionSpec("clear_selection", "&Clear selection"),
            SEPARATOR,
            ActionSpec("compare_schools", "Compare technique &schools…"),
        ),
    ),
    (
        "&Help",
        (
            ActionSpec("content_folder", "Open &content folder"),
            ActionSpec("sources", "Technique schools and &sources…"),
            ActionSpec("about", "&About Meridian Map"),
        ),
    ),
)


def build_menus(window: QMainWindow, slots: Mapping[str, Callable[[], object]]) -> dict[str, QAction]:
    """The menu bar from the table; each action is also added to the window, which owns it."""
    actions: dict[str, QAction] = {}
    groups: dict[str, QActionGroup] = {}
    bar = window.menuBar()
    for title, entries in MENUS:
        menu: QMenu = bar.addMenu(title)
        for entry in entries:
            if isinstance(entry, str):
                menu.addSeparator()
                continue
            action = QAction(entry.title, window)
            shortcuts = [keys for keys in entry.shortcuts() if not keys.isEmpty()]
            if shortcuts:
                action.setShortcuts(shortcuts)
            action.setCheckable(entry.checkable)
            if entry.group:
                if entry.group not in groups:
                    groups[entry.group] = QActionGroup(window)
                action.setActionGroup(groups[entry.group])
            action.triggered.connect(slots[entry.name])
            menu.addAction(action)
            window.addAction(action)
            actions[entry.name] = action
    return actions

"""Every menu entry and shortcut, in one table: what a command is called, where it sits, and its keys.

The window maps each name to what it does (`Menus`), so a command's
title, shortcut and place are changed here and nowhere else, and the table
can be listed, checked for clashing keys, or translated as a whole.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from .language import QT_TRANSLATE_NOOP

SEPARATOR = "-"
CONTEXT = "Menus"  # the translation context of every title in the table


def translated(title: str) -> str:
    """A title of the table in the current language (the table holds the English, which is the key)."""
    return QCoreApplication.translate(CONTEXT, title)


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


@dataclass(frozen=True)
class SubmenuSpec:
    """A submenu the window fills itself (its entries depend on the window, e.g. the languages)."""

    name: str
    title: str


@dataclass(frozen=True)
class Submenu:
    """A menu within a menu, with its entries in the table."""

    title: str
    entries: tuple[ActionSpec | str, ...]


Entry = ActionSpec | Submenu | SubmenuSpec | str

MENUS: tuple[tuple[str, tuple[Entry, ...]], ...] = (
    (
        QT_TRANSLATE_NOOP("Menus", "&File"),
        (
            ActionSpec("print", QT_TRANSLATE_NOOP("Menus", "&Print…"), QKeySequence.StandardKey.Print),
            ActionSpec("preview", QT_TRANSLATE_NOOP("Menus", "Print Pre&view…")),
            ActionSpec("export_pdf", QT_TRANSLATE_NOOP("Menus", "&Export PDF…")),
            ActionSpec("export_image", QT_TRANSLATE_NOOP("Menus", "Export &Image…")),
            SEPARATOR,
            ActionSpec("wall_chart", QT_TRANSLATE_NOOP("Menus", "&Wall Chart…")),
            SEPARATOR,
            ActionSpec("open_photo", QT_TRANSLATE_NOOP("Menus", "Open P&hoto…"), "Ctrl+Shift+O"),
            SEPARATOR,
            ActionSpec("quit", QT_TRANSLATE_NOOP("Menus", "&Quit"), QKeySequence.StandardKey.Quit),
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Menus", "&View"),
        (
            ActionSpec(
                "mode_explore", QT_TRANSLATE_NOOP("Menus", "&Explore the map"), "Ctrl+1", checkable=True, group="mode"
            ),
            ActionSpec("mode_study", QT_TRANSLATE_NOOP("Menus", "&Study"), "Ctrl+2", checkable=True, group="mode"),
            ActionSpec(
                "mode_clients",
                QT_TRANSLATE_NOOP("Menus", "&Clients and routines"),
                "Ctrl+3",
                checkable=True,
                group="mode",
            ),
            ActionSpec(
                "mode_consult", QT_TRANSLATE_NOOP("Menus", "&Present routine"), "F5", checkable=True, group="mode"
            ),
            SEPARATOR,
            ActionSpec("full_screen", QT_TRANSLATE_NOOP("Menus", "&Full screen"), "F11", checkable=True),
            SEPARATOR,
            ActionSpec(
                "zoom_in", QT_TRANSLATE_NOOP("Menus", "Zoom &in"), QKeySequence.StandardKey.ZoomIn, also=("Ctrl+=",)
            ),
            ActionSpec("zoom_out", QT_TRANSLATE_NOOP("Menus", "Zoom &out"), QKeySequence.StandardKey.ZoomOut),
            ActionSpec("fit", QT_TRANSLATE_NOOP("Menus", "&Fit to window"), "Ctrl+0"),
            ActionSpec("side_view", QT_TRANSLATE_NOOP("Menus", "Side vie&w"), "Ctrl+Shift+V", checkable=True),
            SEPARATOR,
            Submenu(
                QT_TRANSLATE_NOOP("Menus", "&Theme"),
                (
                    ActionSpec("theme_system", QT_TRANSLATE_NOOP("Menus", "&System"), checkable=True, group="theme"),
                    ActionSpec("theme_light", QT_TRANSLATE_NOOP("Menus", "&Light"), checkable=True, group="theme"),
                    ActionSpec("theme_dark", QT_TRANSLATE_NOOP("Menus", "&Dark"), checkable=True, group="theme"),
                    ActionSpec(
                        "theme_high_contrast",
                        QT_TRANSLATE_NOOP("Menus", "&High contrast"),
                        checkable=True,
                        group="theme",
                    ),
                ),
            ),
            SEPARATOR,
            ActionSpec("find", QT_TRANSLATE_NOOP("Menus", "&Find…"), QKeySequence.StandardKey.Find),
            ActionSpec("clear_selection", QT_TRANSLATE_NOOP("Menus", "&Clear selection")),
            SEPARATOR,
            ActionSpec("compare_schools", QT_TRANSLATE_NOOP("Menus", "Compare technique &schools…")),
            SubmenuSpec("language", QT_TRANSLATE_NOOP("Menus", "&Language")),
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Menus", "&Help"),
        (
            ActionSpec("content_folder", QT_TRANSLATE_NOOP("Menus", "Open &content folder")),
            ActionSpec("sources", QT_TRANSLATE_NOOP("Menus", "Technique schools and &sources…")),
            ActionSpec("about", QT_TRANSLATE_NOOP("Menus", "&About Meridian Map")),
        ),
    ),
)


def all_specs(entries: tuple[Entry, ...] | None = None) -> Iterator[ActionSpec]:
    """Every action in the table, submenus' included."""
    for entry in entries if entries is not None else tuple(e for _title, menu in MENUS for e in menu):
        if isinstance(entry, Submenu):
            yield from all_specs(entry.entries)
        elif isinstance(entry, ActionSpec):
            yield entry


class Menus:
    """The menu bar built from the table: its actions and submenus by name, retitled when the language changes."""

    def __init__(self, window: QMainWindow, slots: Mapping[str, Callable[[], object]]) -> None:
        self.actions: dict[str, QAction] = {}
        self.submenus: dict[str, QMenu] = {}
        self._groups: dict[str, QActionGroup] = {}
        self._titled: list[tuple[QMenu | QAction, str]] = []
        bar = window.menuBar()
        for title, entries in MENUS:
            menu: QMenu = bar.addMenu(translated(title))
            self._titled.append((menu, title))
            self._fill(window, menu, entries, slots)

    def _fill(
        self, window: QMainWindow, menu: QMenu, entries: tuple[Entry, ...], slots: Mapping[str, Callable[[], object]]
    ) -> None:
        for entry in entries:
            if isinstance(entry, str):
                menu.addSeparator()
            elif isinstance(entry, SubmenuSpec):
                submenu = menu.addMenu(translated(entry.title))
                self.submenus[entry.name] = submenu
                self._titled.append((submenu, entry.title))
            elif isinstance(entry, Submenu):
                submenu = menu.addMenu(translated(entry.title))
                self._titled.append((submenu, entry.title))
                self._fill(window, submenu, entry.entries, slots)
            else:
                menu.addAction(self._action(window, entry, slots[entry.name]))

    def _action(self, window: QMainWindow, entry: ActionSpec, slot: Callable[[], object]) -> QAction:
        """An action owned by the window and added to it, so its shortcut works with the menu bar hidden."""
        action = QAction(translated(entry.title), window)
        shortcuts = [keys for keys in entry.shortcuts() if not keys.isEmpty()]
        if shortcuts:
            action.setShortcuts(shortcuts)
        action.setCheckable(entry.checkable)
        if entry.group:
            if entry.group not in self._groups:
                self._groups[entry.group] = QActionGroup(window)
            action.setActionGroup(self._groups[entry.group])
        action.triggered.connect(slot)
        window.addAction(action)
        self.actions[entry.name] = action
        self._titled.append((action, entry.title))
        return action

    def retranslate(self) -> None:
        for item, title in self._titled:
            if isinstance(item, QMenu):
                item.setTitle(translated(title))
            else:
                item.setText(translated(title))

"""Menus and shortcuts come from one table."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu

from meridian_map.gui.actions import MENUS, Entry, Submenu, all_specs
from meridian_map.gui.mainwindow import MainWindow

SPECS = list(all_specs())


def test_names_and_shortcuts_are_unique(qapp: QApplication) -> None:
    """Standard keys are looked up in the platform theme, which needs the application."""
    names = [spec.name for spec in SPECS]
    keys = [keys.toString() for spec in SPECS for keys in spec.shortcuts() if not keys.isEmpty()]
    assert len(set(names)) == len(names)
    assert len(set(keys)) == len(keys)


def test_the_window_menus_are_the_table(window: MainWindow) -> None:
    menus = [action.menu() for action in window.menuBar().actions()]
    assert [menu.title() for menu in menus] == [title for title, _entries in MENUS]
    for menu, (_title, entries) in zip(menus, MENUS, strict=True):
        _check_menu(menu, entries)
    for spec in SPECS:
        action = window.named_actions[spec.name]
        assert action in window.actions()
        assert action.shortcuts() == [keys for keys in spec.shortcuts() if not keys.isEmpty()]
        assert action.isCheckable() == spec.checkable
        group = action.actionGroup()
        assert (group is not None and group.isExclusive()) == bool(spec.group)
    assert window.named_actions["find"].shortcut() == QKeySequence(QKeySequence.StandardKey.Find)


def _check_menu(menu: QMenu, entries: tuple[Entry, ...]) -> None:
    texts = ["-" if action.isSeparator() else action.text() for action in menu.actions()]
    assert texts == [entry if isinstance(entry, str) else entry.title for entry in entries]
    for action, entry in zip(menu.actions(), entries, strict=True):
        if isinstance(entry, Submenu):
            submenu = action.menu()
            assert isinstance(submenu, QMenu)
            _check_menu(submenu, entry.entries)


def test_zoom_in_also_answers_ctrl_equals(window: MainWindow) -> None:
    """Ctrl++ needs Shift on a US keyboard; Ctrl+= is the same key without it."""
    shortcuts = window.named_actions["zoom_in"].shortcuts()
    assert QKeySequence("Ctrl+=") in shortcuts
    assert shortcuts[0] == QKeySequence(QKeySequence.StandardKey.ZoomIn)
    before = window.view.transform().m11()
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.view.transform().m11() > before

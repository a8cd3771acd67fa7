"""A window on the clients page, over a client file of the test's own."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from meridian_map.core.catalog import Catalog
from meridian_map.gui.consult.workspace import WorkspacePage
from meridian_map.gui.mainwindow import MainWindow


@pytest.fixture
def clients_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "clients.sqlite3"
    monkeypatch.setattr(WorkspacePage, "store_path", path)
    return path


@pytest.fixture
def page(qtbot: QtBot, catalog: Catalog, clients_file: Path) -> WorkspacePage:
    window = MainWindow(catalog)
    qtbot.addWidget(window)
    window.resize(1400, 860)
    window.show()
    qtbot.waitExposed(window)
    window.named_actions["mode_clients"].trigger()
    shown = window.pages.currentWidget()
    assert isinstance(shown, WorkspacePage)
    return shown

"""A window on the clients page, over a client file of the test's own."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from meridian_map.core.catalog import Catalog
from meridian_map.gui.consult.workspace import WorkspacePage

from ...windowdriver import shown_window, switch_to


@pytest.fixture
def clients_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "clients.sqlite3"
    monkeypatch.setattr(WorkspacePage, "store_path", path)
    return path


@pytest.fixture
def page(qtbot: QtBot, catalog: Catalog, clients_file: Path) -> WorkspacePage:
    shown = switch_to(shown_window(qtbot, catalog, 1400, 860), "clients")
    assert isinstance(shown, WorkspacePage)
    return shown

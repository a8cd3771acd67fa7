"""Opening the study page on a database of the test's own, with a clock the test moves."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF
from pytestqt.qtbot import QtBot

from meridian_map.core.catalog import Catalog
from meridian_map.gui.mainwindow import MainWindow
from meridian_map.gui.study.page import StudyPage

from .windowdriver import shown_window, switch_to


@dataclass
class FakeClock:
    now: datetime

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def open_study(
    qtbot: QtBot, catalog: Catalog, data_home: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> tuple[MainWindow, StudyPage]:
    """The window switched to the study mode (as Ctrl+2 does), its database under `data_home`."""
    monkeypatch.setenv("XDG_DATA_HOME", str(data_home))
    window = shown_window(qtbot, catalog, 1600, 1000)
    page = switch_to(window, "study")
    assert isinstance(page, StudyPage)
    page.session.clock = clock
    page.rng = random.Random(7)
    page.fit()
    page.refresh()
    return window, page


def spot(page: StudyPage, face: tuple[float, float]) -> QPoint:
    """The viewport pixel of a place on the face."""
    return page.view.mapFromScene(QPointF(*face))

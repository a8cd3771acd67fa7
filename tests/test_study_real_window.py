"""A locate quiz on a real window (Xvfb): real clicks on the spot and off it, the feedback, the due dates."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from meridian_map.core.catalog import Catalog
from meridian_map.core.store.db import open_study_db
from meridian_map.core.study.quiz import Grade, b_cun
from meridian_map.core.study.schedule import Schedule
from meridian_map.gui.study.locate import LocateActivity

from .studydriver import FakeClock, open_study, spot

pytestmark = pytest.mark.xvfb

NOW = datetime(2026, 3, 2, 18, 0, tzinfo=UTC)


def test_a_locate_quiz_clicked_right_and_wrong(
    qtbot: QtBot, catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert QGuiApplication.platformName() == "xcb"
    clock = FakeClock(NOW)
    window, page = open_study(qtbot, catalog, tmp_path, monkeypatch, clock)
    page.session.save_deck("two points", ["locate:ST2", "locate:LI20"])
    page.refresh()
    page.select_deck("custom:two-points")
    page.deck_list.setFocus()
    QTest.keyClick(page.deck_list, Qt.Key.Key_Return)
    viewport = page.view.viewport()
    qtbot.waitUntil(lambda: viewport.isVisible())

    first = page.activity
    assert isinstance(first, LocateActivity) and first.card.id == "locate:ST2"
    QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=spot(page, catalog.point("ST2.R").pos))
    assert first.result is not None
    assert first.verdict.text() == "Right on the point"
    assert "graded Easy" in first.detail.text()
    assert first.location.text() == catalog.point_info("ST2").location.get()

    clock.advance(seconds=20)
    QTest.keyClick(first.next, Qt.Key.Key_Space)
    second = page.activity
    assert isinstance(second, LocateActivity) and second.card.id == "locate:LI20"
    cun = b_cun(catalog)
    target = catalog.point("LI20.L").pos
    wrong = (target[0], target[1] - 2 * cun)  # two cun too high: Again
    QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=spot(page, wrong))
    assert second.result is not None
    assert second.verdict.text().startswith("2.0 cun too high")
    assert "graded Again" in second.detail.text()

    # the schedule is FSRS's for these answers at these moments
    expected = Schedule()
    easy = expected.answer(None, "locate:ST2", Grade.EASY, NOW)
    again = expected.answer(None, "locate:LI20", Grade.AGAIN, NOW + timedelta(seconds=20))
    with open_study_db(page.session.db.path).db as db:
        states = db.states()
        assert [(r.card_id, r.grade, r.at) for r in db.log()] == [
            ("locate:ST2", Grade.EASY, NOW),
            ("locate:LI20", Grade.AGAIN, NOW + timedelta(seconds=20)),
        ]
    assert states["locate:ST2"].due == easy.due and easy.due - NOW >= timedelta(days=1)
    assert states["locate:LI20"].due == again.due and again.due - clock.now == timedelta(minutes=1)

    # nothing is due until the missed card comes back a minute later
    QTest.keyClick(second.next, Qt.Key.Key_Space)
    assert page.activity is None
    assert "1 come back within the hour" in page.progress.note.text()
    clock.advance(minutes=1)
    page.start_cards(practice=False)
    again_card = page.activity
    assert isinstance(again_card, LocateActivity) and again_card.card.id == "locate:LI20"
    assert window.isVisible()

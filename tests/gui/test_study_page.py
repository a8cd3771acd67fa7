"""The study page offscreen: decks, every card kind and every drill, by mouse and by keyboard."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from meridian_map.core.catalog import Catalog
from meridian_map.core.model import Side
from meridian_map.core.store.db import open_study_db
from meridian_map.core.study.drill import courses, next_points, stroke_angle
from meridian_map.core.study.quiz import Grade, b_cun
from meridian_map.gui.map.looks import Layer
from meridian_map.gui.study.deckdialog import DeckDialog
from meridian_map.gui.study.drill import (
    ConcernZonesDrill,
    MembershipDrill,
    NextPointDrill,
    OrderDrill,
    StrokeDrill,
)
from meridian_map.gui.study.flashcards import FlashcardActivity
from meridian_map.gui.study.locate import LocateActivity
from meridian_map.gui.study.page import StudyPage

from ..dialogdriver import drive
from ..studydriver import FakeClock, open_study, spot

NOW = datetime(2026, 3, 2, 18, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)


@pytest.fixture
def page(
    qtbot: QtBot, catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> StudyPage:
    return open_study(qtbot, catalog, tmp_path, monkeypatch, clock)[1]


def deck_of(page: StudyPage, name: str, items: list[str]) -> None:
    deck = page.session.save_deck(name, items)
    page.refresh()
    page.select_deck(deck.id)


def key(widget: QWidget, which: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(widget, which, modifier)


def focused() -> QWidget:
    from PySide6.QtWidgets import QApplication

    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


# start-up and the mode ------------------------------------------------------------------


def test_starting_the_window_imports_no_study_code() -> None:
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from meridian_map.core.load import load_catalog\n"
        "from meridian_map.gui.mainwindow import MainWindow\n"
        "window = MainWindow(load_catalog()); window.show(); app.processEvents()\n"
        "print(*sorted(m for m in sys.modules if m.startswith(('meridian_map.gui.study', 'meridian_map.core.study',"
        " 'fsrs'))))\n"
        "window.map_state.set_mode('study')\n"
        "print('after:', 'meridian_map.gui.study.page' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=_offscreen_env()
    )
    lines = done.stdout.splitlines()
    assert done.returncode == 0, done.stderr
    assert lines[0] == "", f"imported at start-up: {lines[0]}"
    assert lines[1] == "after: True"


def _offscreen_env() -> dict[str, str]:
    import os

    return {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def test_ctrl_2_opens_the_study_page_with_labels_and_points_hidden(page: StudyPage) -> None:
    window = page.window_
    assert window.named_actions["mode_study"].isChecked()
    assert window.named_actions["mode_study"].shortcut().toString() == "Ctrl+2"
    page.start_cards(practice=False)
    assert isinstance(page.activity, LocateActivity)
    assert not page.study_state.layers[Layer.LABELS]
    assert not page.study_state.layers[Layer.POINTS]
    assert not page.study_state.layers[Layer.CHANNELS]
    # the explorer's own map keeps its layers
    assert window.map_state.layers[Layer.POINTS]


def test_the_deck_list_shows_due_and_new_counts(page: StudyPage, catalog: Catalog) -> None:
    first = page.deck_list.topLevelItem(0)
    assert first.text(0) == "All face points"
    assert (first.text(1), first.text(2)) == ("0", "20")
    ids = [
        page.deck_list.topLevelItem(n).data(0, Qt.ItemDataRole.UserRole)
        for n in range(page.deck_list.topLevelItemCount())
    ]
    assert "yang-ming" in ids and "channel:ST" in ids and "concern:dark_circles" in ids and "misses" in ids


# the locate quiz --------------------------------------------------------------------------


def test_a_locate_card_answered_by_mouse_says_the_miss_in_cun_and_schedules(
    page: StudyPage, catalog: Catalog, qtbot: QtBot, clock: FakeClock
) -> None:
    page.select_deck("channel:ST")
    key(page.deck_list, Qt.Key.Key_Return)  # Enter on a deck starts its due cards
    activity = page.activity
    assert isinstance(activity, LocateActivity) and activity.card.id == "locate:ST1"
    cun = b_cun(catalog)
    target = catalog.point("ST1.L").pos
    low = (target[0], target[1] + 0.6 * cun)  # 0.6 cun below the left ST1: Hard
    QTest.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=spot(page, low))
    assert activity.result is not None
    assert activity.result.target.key == "ST1.L"
    assert activity.verdict.text().startswith("0.6 cun too low")
    assert "graded Hard" in activity.detail.text()
    assert activity.location.text() == catalog.point_info("ST1").location.get()
    assert page.study_state.layers[Layer.POINTS] is False  # the answer is drawn by the tool, not by showing all
    with open_study_db(page.session.db.path).db as db:
        log = db.log()
        assert [(r.card_id, r.grade, r.practice) for r in log] == [("locate:ST1", Grade.HARD, False)]
        assert log[0].distance_cun == pytest.approx(0.6, abs=0.05)
        assert db.states()["locate:ST1"].due > NOW
    # a second click changes nothing; Space goes on to the next card
    QTest.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=spot(page, target))
    assert len(page.session.db.log()) == 1
    key(focused(), Qt.Key.Key_Space)
    following = page.activity  # new cards come one of each point in turn: the next point's locate card
    assert isinstance(following, LocateActivity) and following.card.id == "locate:ST2"


def test_the_mirror_side_counts(page: StudyPage, catalog: Catalog) -> None:
    page.select_deck("channel:ST")
    page.start_cards(practice=False)
    activity = page.activity
    assert isinstance(activity, LocateActivity)
    right = catalog.point("ST1.R").pos
    QTest.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=spot(page, right))
    assert activity.result is not None and activity.result.target.key == "ST1.R"
    assert activity.verdict.text() == "Right on the point"
    assert activity.result.grade is Grade.EASY


def test_a_locate_card_answered_by_keyboard(page: StudyPage, catalog: Catalog) -> None:
    page.select_deck("channel:ST")
    page.start_cards(practice=False)
    activity = page.activity
    assert isinstance(activity, LocateActivity)
    assert focused() is page.view
    key(page.view, Qt.Key.Key_Return)  # nothing placed yet: Enter does not answer
    assert activity.result is None
    for _ in range(3):
        key(page.view, Qt.Key.Key_Down)
    key(page.view, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert activity.tool is not None and activity.tool.cursor is not None
    key(page.view, Qt.Key.Key_Return)
    assert activity.result is not None
    centre = page.scene.face_rect.center()
    cun = b_cun(catalog)
    assert activity.result.click == pytest.approx((centre.x() - cun, centre.y() + 0.75 * cun))
    assert page.session.db.review_count() == 1
    key(page.view, Qt.Key.Key_Return)  # now Enter goes on
    assert page.activity is not activity


# flashcards ------------------------------------------------------------------------------


def test_a_flashcard_by_keyboard(page: StudyPage, catalog: Catalog) -> None:
    deck_of(page, "pinyin", ["flash:code>pinyin:ST2", "flash:pinyin>hanzi:ST3"])
    key(page.deck_list, Qt.Key.Key_Return)
    card = page.activity
    assert isinstance(card, FlashcardActivity)
    assert card.front.text() == "ST2" and card.back.text() == catalog.point_info("ST2").pinyin
    assert not card.back.isVisibleTo(page)
    key(focused(), Qt.Key.Key_Space)
    assert card.back.isVisibleTo(page)
    assert page.study_state.selection.point in ("ST2.L", "ST2.R")  # revealed: the point is marked on the face
    key(focused(), Qt.Key.Key_1)
    assert page.session.states["flash:code>pinyin:ST2"].due < NOW.replace(hour=19)  # Again: back in minutes
    second = page.activity
    assert isinstance(second, FlashcardActivity) and second.card.id == "flash:pinyin>hanzi:ST3"
    key(focused(), Qt.Key.Key_4)  # grades need the answer shown first
    assert page.session.db.review_count() == 1
    key(focused(), Qt.Key.Key_Space)
    key(focused(), Qt.Key.Key_4)
    assert page.session.states["flash:pinyin>hanzi:ST3"].due.date() > NOW.date()
    assert page.activity is None  # nothing else due: back to the decks
    assert page.side.currentIndex() == 0
    assert page.progress.note.text() == "No more cards due now. 1 come back within the hour."


def test_a_flashcard_by_mouse(page: StudyPage, qtbot: QtBot) -> None:
    deck_of(page, "hanzi", ["flash:hanzi>english:ST2"])
    QTest.mouseClick(page.study_button, Qt.MouseButton.LeftButton)
    card = page.activity
    assert isinstance(card, FlashcardActivity)
    assert not card.grade_buttons[Grade.GOOD].isEnabled()
    QTest.mouseClick(card.reveal_button, Qt.MouseButton.LeftButton)
    QTest.mouseClick(card.grade_buttons[Grade.HARD], Qt.MouseButton.LeftButton)
    assert [r.grade for r in page.session.db.log()] == [Grade.HARD]


def test_practice_leaves_the_schedule_alone(page: StudyPage) -> None:
    deck_of(page, "two", ["flash:code>pinyin:ST2", "flash:code>pinyin:ST3"])
    QTest.mouseClick(page.practice_button, Qt.MouseButton.LeftButton)
    for _ in range(2):
        key(focused(), Qt.Key.Key_Space)
        key(focused(), Qt.Key.Key_3)
    assert page.session.states == {}
    assert [r.practice for r in page.session.db.log()] == [True, True]
    assert page.activity is None


def test_an_unwritable_answer_is_said_not_lost_silently(page: StudyPage, monkeypatch: pytest.MonkeyPatch) -> None:
    deck_of(page, "one", ["flash:code>pinyin:ST2"])
    page.start_cards(practice=False)

    def refuse(*_args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(page.session.db, "record", refuse)
    key(focused(), Qt.Key.Key_Space)
    key(focused(), Qt.Key.Key_3)
    assert page.banner.isVisibleTo(page) and "not saved: disk full" in page.banner.text()


# decks ------------------------------------------------------------------------------------


def test_a_custom_deck_is_made_renamed_and_deleted_through_its_dialogs(page: StudyPage, qtbot: QtBot) -> None:
    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, DeckDialog)
        dialog.name.setText("Eye points")
        dialog.set_chosen({"ST1", "BL1"})
        key(dialog.name, Qt.Key.Key_Return)

    driver = drive((DeckDialog, fill))
    QTest.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    driver.check()
    deck = page.current_deck()
    assert deck is not None and deck.id == "custom:eye-points"
    assert {card.code for card in deck.cards} == {"ST1", "BL1"}

    def rename(dialog: QWidget) -> None:
        assert isinstance(dialog, DeckDialog)
        assert dialog.name.text() == "Eye points" and set(dialog.chosen()) == {"ST1", "BL1"}
        dialog.name.setText("Around the eyes")
        key(dialog.name, Qt.Key.Key_Return)

    driver = drive((DeckDialog, rename))
    page.edit_button.setFocus()
    key(page.edit_button, Qt.Key.Key_Space)
    driver.check()
    deck = page.current_deck()
    assert deck is not None and deck.name.get() == "Around the eyes" and deck.id == "custom:eye-points"

    def confirm(box: QWidget) -> None:
        assert isinstance(box, QMessageBox) and "Around the eyes" in box.text()
        key(box, Qt.Key.Key_Y)

    driver = drive((QMessageBox, confirm))
    QTest.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    driver.check()
    assert all(not d.id.startswith("custom:") for d in page.decks)


def test_a_deck_without_points_is_refused_and_the_dialog_stays(page: StudyPage) -> None:
    def empty(dialog: QWidget) -> None:
        assert isinstance(dialog, DeckDialog)
        dialog.name.setText("Nothing")
        key(dialog.name, Qt.Key.Key_Return)

    def told(box: QWidget) -> None:
        assert isinstance(box, QMessageBox) and "has no cards" in box.text()
        key(box, Qt.Key.Key_Return)

    def cancel(dialog: QWidget) -> None:
        assert isinstance(dialog, DeckDialog) and dialog.name.text() == "Nothing"
        key(dialog, Qt.Key.Key_Escape)

    driver = drive((DeckDialog, empty), (QMessageBox, told), (DeckDialog, cancel))
    page.new_deck()
    driver.check()
    assert page.session.db.decks() == []


# the damaged database -------------------------------------------------------------------------


def test_a_damaged_database_is_set_aside_and_said_on_the_page(
    qtbot: QtBot, catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    folder = tmp_path / "meridian-map"
    folder.mkdir()
    (folder / "study.sqlite3").write_bytes(b"this is not a database at all" * 100)
    _window, page = open_study(qtbot, catalog, tmp_path, monkeypatch, clock)
    assert page.banner.isVisibleTo(page)
    assert "was unusable" in page.banner.text() and "corrupt-" in page.banner.text()
    assert list(folder.glob("study.sqlite3.corrupt-*"))


# drills -------------------------------------------------------------------------------------


def test_next_point_drill_by_mouse_and_by_keyboard(page: StudyPage, catalog: Catalog) -> None:
    QTest.mouseClick(page.drill_buttons["next"], Qt.MouseButton.LeftButton)
    drill = page.activity
    assert isinstance(drill, NextPointDrill)
    assert page.study_state.layers[Layer.POINTS] and not page.study_state.layers[Layer.LABELS]
    right = sorted(next_points(catalog, drill.channel, drill.after))[0]
    point = next(p for p in catalog.points if p.code == right)
    QTest.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=spot(page, point.pos))
    assert drill.checked and drill.verdict.text().startswith("✓")
    key(focused(), Qt.Key.Key_Space)
    drill = page.activity
    assert isinstance(drill, NextPointDrill)
    wrong = next(n for n, code in enumerate(drill.options, 1) if code not in drill.right)
    key(focused(), getattr(Qt.Key, f"Key_{wrong}"))
    assert drill.verdict.text().startswith("✗")
    assert page.drill_tally == [1, 2]


def test_order_drill_by_keyboard(page: StudyPage, catalog: Catalog) -> None:
    page.start_drill("order")
    drill = page.activity
    assert isinstance(drill, OrderDrill)
    assert focused() is drill.list
    # sort the list into flow order with Alt+Up only, as a student might
    expected = list(drill.expected)
    for target, code in enumerate(expected):
        row = (
            drill.answer_codes().index(code, target) if expected.count(code) == 1 else drill.answer_codes().index(code)
        )
        drill.list.setCurrentRow(row)
        for _ in range(row - target):
            key(drill.list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert drill.answer_codes() == tuple(expected)
    key(drill.list, Qt.Key.Key_Return)
    assert drill.checked and "Easy" in drill.verdict.text()
    assert drill.expected == courses(catalog, drill.channel)[drill.course]


def test_order_drill_checked_as_shuffled_by_mouse(page: StudyPage) -> None:
    page.start_drill("order")
    drill = page.activity
    assert isinstance(drill, OrderDrill)
    QTest.mouseClick(drill.check, Qt.MouseButton.LeftButton)
    assert drill.checked and "The flow:" in drill.detail.text()


def test_zones_drill_by_mouse_on_the_face_and_by_keyboard_in_the_list(page: StudyPage, catalog: Catalog) -> None:
    from ..mapdriver import clickable_spot

    page.start_drill("zones")
    drill = page.activity
    assert isinstance(drill, ConcernZonesDrill)
    wanted = set(catalog.concerns[drill.concern].zones)
    first = sorted(wanted)[0]
    pixel = clickable_spot(_as_window(page), f"{first}_l")
    QTest.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=pixel)
    assert drill.picked() == {first}
    assert drill.overlays  # the picked zone is hatched on the face
    drill.list.setFocus()
    for row in range(drill.list.count()):
        zone = drill.list.item(row).data(Qt.ItemDataRole.UserRole)
        drill.list.setCurrentRow(row)
        if zone in wanted and zone != first:
            key(drill.list, Qt.Key.Key_Space)
    assert drill.picked() == wanted
    QTest.mouseClick(drill.check, Qt.MouseButton.LeftButton)
    assert drill.checked and "100 % right" in drill.verdict.text() and "Easy" in drill.verdict.text()


def _as_window(page: StudyPage) -> object:
    """clickable_spot reads `view` and `catalog`: the page's map stands in for the window's."""

    class Shim:
        view = page.view
        catalog = page.catalog

    return Shim()


def test_stroke_drill_by_drag_and_by_keyboard(page: StudyPage, catalog: Catalog) -> None:
    page.start_drill("stroke")
    drill = page.activity
    assert isinstance(drill, StrokeDrill)
    assert not page.study_state.layers[Layer.STROKES]
    stroke = drill.area.strokes[0]
    start, end = spot(page, stroke[0]), spot(page, stroke[-1])
    viewport = page.view.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    for n in range(1, 6):
        QTest.mouseMove(viewport, start + (end - start) * (n / 5))
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)
    assert drill.checked and "Easy" in drill.verdict.text(), drill.verdict.text()
    assert page.study_state.layers[Layer.STROKES]  # the true stroke is shown after
    key(focused(), Qt.Key.Key_Space)
    drill = page.activity
    assert isinstance(drill, StrokeDrill)
    expected = stroke_angle(catalog, drill.area.zone, drill.area.side)
    opposite_turns = round(((expected + 180) % 360) / 15)
    key(page.view, Qt.Key.Key_Right)  # the arrow starts pointing right (0°)
    for _ in range(opposite_turns):
        key(page.view, Qt.Key.Key_Right)
    key(page.view, Qt.Key.Key_Return)
    assert drill.checked and "Again" in drill.verdict.text()
    assert drill.area.side in (Side.L, Side.R)


def test_membership_drill_by_keyboard_and_mouse(page: StudyPage) -> None:
    page.start_drill("member")
    drill = page.activity
    assert isinstance(drill, MembershipDrill)
    right = drill.options.index(drill.right) + 1
    key(focused(), getattr(Qt.Key, f"Key_{right}"))
    assert drill.verdict.text().startswith("✓")
    key(focused(), Qt.Key.Key_Return)
    drill = page.activity
    assert isinstance(drill, MembershipDrill)
    wrong = next(n for n, option in enumerate(drill.options) if option != drill.right)
    QTest.mouseClick(drill.buttons[wrong], Qt.MouseButton.LeftButton)
    assert drill.verdict.text().startswith("✗")
    key(focused(), Qt.Key.Key_Escape)
    assert page.activity is None and page.side.currentIndex() == 0


# progress -----------------------------------------------------------------------------------


def test_progress_is_drawn_on_the_face_with_numbers(page: StudyPage, catalog: Catalog, clock: FakeClock) -> None:
    deck_of(page, "st2", ["ST2"])
    page.start_cards(practice=False)
    activity = page.activity
    assert isinstance(activity, LocateActivity)
    QTest.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=spot(page, catalog.point("ST2.L").pos))
    page.end()
    marks = page.mastery_layer.marks
    assert set(marks) >= {"ST2.L", "ST2.R", "ST1.L"}
    assert marks["ST2.L"].level > 0 and marks["ST1.L"].level == 0
    assert (
        "Due today: 0 (0 now)" in page.progress.summary.text()
        and "answers in 30 days: 1" in page.progress.summary.text()
    )
    assert page.progress.chart.days[-1][1] == 1
    assert page.progress.accuracy.text().startswith("ST ")
    assert "1 weak" in page.progress.legend.text()


def test_the_study_screenshot_is_the_deck_overview(tmp_path: Path) -> None:
    shots = []
    for n in range(2):
        target = tmp_path / f"study{n}.png"
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "meridian_map",
                "--screenshot",
                str(target),
                "--mode",
                "study",
                "--size",
                "1280x800",
            ],
            capture_output=True,
            text=True,
            timeout=120,
            env={**_offscreen_env(), "XDG_DATA_HOME": str(tmp_path / "data")},
        )
        assert done.returncode == 0, done.stderr
        shots.append(target.read_bytes())
    from PySide6.QtGui import QImage

    image = QImage.fromData(shots[0])
    assert (image.width(), image.height()) == (1280, 800)
    assert shots[0] == shots[1]


def test_leaving_the_page_mid_card_answers_nothing(page: StudyPage) -> None:
    page.start_cards(practice=False)
    page.window_.map_state.set_mode("explore")
    assert page.activity is None and page.session.db.review_count() == 0


def test_new_cards_come_one_of_each_point_in_turn(page: StudyPage) -> None:
    page.select_deck("yang-ming")
    page.start_cards(practice=False)
    asked = []
    for _ in range(3):
        activity = page.activity
        assert isinstance(activity, LocateActivity)
        asked.append(activity.card.code)
        QTest.mouseClick(
            page.view.viewport(),
            Qt.MouseButton.LeftButton,
            pos=spot(
                page, page.catalog.point(next(p.key for p in page.catalog.points if p.code == activity.card.code)).pos
            ),
        )
        key(focused(), Qt.Key.Key_Space)
    assert len(set(asked)) == 3


def test_the_page_names_every_drill_there_is(page: StudyPage) -> None:
    from meridian_map.gui.study.drill import DRILLS
    from meridian_map.gui.study.page import DRILL_KINDS

    assert tuple(DRILLS) == DRILL_KINDS == tuple(page.drill_buttons)


def test_tab_goes_from_the_decks_through_the_buttons_to_the_face_and_on(page: StudyPage) -> None:
    page.deck_list.setFocus()
    key(page.deck_list, Qt.Key.Key_Tab)
    assert focused() is page.study_button
    last_drill = list(page.drill_buttons.values())[-1]
    last_drill.setFocus()
    key(last_drill, Qt.Key.Key_Tab)
    assert focused() is page.view
    key(page.view, Qt.Key.Key_Tab)  # one Tab leaves the face, rather than walking its zones
    assert focused() is not page.view


def test_content_is_shown_in_the_state_language(page: StudyPage, catalog: Catalog) -> None:
    page.window_.map_state.set_language("zh")
    first = page.deck_list.topLevelItem(0)
    assert first is not None and first.text(0) == "面部全部穴位"
    page.select_deck("channel:ST")
    page.start_cards(practice=False)
    activity = page.activity
    assert isinstance(activity, LocateActivity)
    target = catalog.point("ST1.L").pos
    low = (target[0], target[1] + 0.6 * b_cun(catalog))
    QTest.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=spot(page, low))
    assert activity.verdict.text() == "偏低0.6寸"
    assert activity.location.text() == catalog.point_info("ST1").location.get("zh")

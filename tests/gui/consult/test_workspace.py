"""The clients page: clients, screening that acts on the map, the routine builder, saved routines, Present."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QInputDialog, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from meridian_map.core.catalog import Catalog
from meridian_map.core.screeningmodel import Answer
from meridian_map.core.session.routine import Sides
from meridian_map.gui import pages
from meridian_map.gui.consult.workspace import WorkspacePage
from meridian_map.gui.mainwindow import MainWindow
from meridian_map.gui.map.looks import Look
from meridian_map.gui.state import Hover

from ...dialogdriver import drive
from .helpers import build, step_names, tick, with_client


def answer_text(text: str) -> object:
    def step(dialog: QWidget) -> None:
        assert isinstance(dialog, QInputDialog)
        dialog.setTextValue(text)
        dialog.accept()

    return step


def message_says(*words: str, button: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok) -> object:
    def step(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox)
        assert dialog.textFormat() == Qt.TextFormat.PlainText
        for word in words:
            assert word in dialog.text(), dialog.text()
        dialog.done(int(button))

    return step


def test_the_clients_page_is_ctrl_3_in_the_view_menu(page: WorkspacePage) -> None:
    action = page.window_.named_actions["mode_clients"]
    assert action.shortcut().toString() == "Ctrl+3"
    assert action.isChecked() and page.state.mode == "clients"
    assert "clients" in pages.PAGES
    assert page.last_screened.text() == "No client chosen: the screening is not recorded."
    with_client(page)
    assert page.last_screened.text() == "Not screened before."


def test_a_client_is_added_renamed_and_deleted_with_a_confirmation_that_says_it_is_gone(
    page: WorkspacePage, clients_file: Path
) -> None:
    driver = drive((QInputDialog, answer_text("Ms K")))  # type: ignore[arg-type]
    page.add_button.click()
    driver.check()
    assert [page.clients.item(i).text() for i in range(page.clients.count())] == ["Ms K"]  # type: ignore[union-attr]
    assert page.client_id and page.rename_button.isEnabled()

    driver = drive((QInputDialog, answer_text("Katarzyna K")))  # type: ignore[arg-type]
    page.rename_button.click()
    driver.check()
    assert page.clients.currentItem().text() == "Katarzyna K"  # type: ignore[union-attr]

    build(page, "acne")
    page.save_for_client()
    page.start_session()
    driver = drive(
        (QMessageBox, message_says("Katarzyna K", "cannot be undone", button=QMessageBox.StandardButton.Cancel)),  # type: ignore[arg-type]
    )
    page.delete_button.click()
    driver.check()
    assert page.clients.count() == 1, "cancelled: the client stays"

    driver = drive(
        (QMessageBox, message_says("Katarzyna K", button=QMessageBox.StandardButton.Yes)),  # type: ignore[arg-type]
        (QMessageBox, message_says("Katarzyna K is deleted", "1 routine(s), 1 session(s)", "Nothing of it is left")),  # type: ignore[arg-type]
    )
    page.delete_button.click()
    driver.check()
    assert page.clients.count() == 0 and page.client_id == 0
    assert b"Katarzyna" not in clients_file.read_bytes()


def test_a_client_name_that_cannot_print_is_refused_with_the_reason(page: WorkspacePage) -> None:
    driver = drive(
        (QInputDialog, answer_text("x" * 81)),  # type: ignore[arg-type]
        (QMessageBox, message_says("at most 80")),  # type: ignore[arg-type]
    )
    page.add_button.click()
    driver.check()
    assert page.clients.count() == 0


def test_screening_leaves_zones_out_on_both_maps_hatched_with_their_reason(page: WorkspacePage, qtbot: QtBot) -> None:
    with_client(page)
    build(page, "acne")
    tick_item = page.form.rows["rosacea-flare"].box
    tick_item.setChecked(True)
    screened = page.state.routine
    assert screened is not None and page.screened is screened
    assert {out.zone for out in screened.left_out} == {"cheek", "nose_sides", "chin"}
    assert page.state.excluded == frozenset({"cheek", "nose_sides", "chin"})
    scene = page.window_.scene
    cheek, jaw = scene.zone_items["cheek_r"], scene.zone_items["jawline_r"]
    assert cheek.base is Look.SCREENED_OUT and cheek.hatch is not None
    assert jaw.base is not Look.SCREENED_OUT and jaw.hatch is None
    assert page.map_view.scene() is scene is page.window_.view.scene(), "the explore map shows the same"
    summary = page.result.toPlainText()
    assert "Left out today, and why" in summary and "Cheek: rosacea" in summary
    assert "capped from Light by rosacea-flare" in summary  # jawline: light planned, feather elsewhere

    page.state.set_hover(Hover(area="cheek_r"))
    assert "left out today: rosacea" in page.window_.hover_label.text()
    page.state.select_area("cheek_l")
    assert "Left out today" in page.window_.panel.toPlainText()
    tick_item.setChecked(False)
    assert page.state.excluded == frozenset() and cheek.hatch is None


def test_an_item_that_asks_for_a_date_and_zones_waits_for_them(page: WorkspacePage) -> None:
    build(page, "aging")
    row = page.form.rows["recent-injectables"]
    row.box.setChecked(True)
    assert row.details.isVisible()
    assert page.screened is None and "mark at least one zone" in page.result.toPlainText()
    assert row.zones is not None and row.date is not None
    tick(row.zones, "forehead")
    assert page.screened is not None
    (out,) = [o for o in page.screened.left_out if o.zone == "forehead"]
    assert out.until == dt.date.today() + dt.timedelta(days=14)
    assert "may be worked again from" in page.result.toPlainText()


def test_a_question_is_ticked_by_clicking_its_words(page: WorkspacePage, qtbot: QtBot) -> None:
    page.tabs.setCurrentIndex(0)
    row = page.form.rows["fever"]
    qtbot.waitUntil(row.question.isVisible)
    QTest.mouseClick(row.question, Qt.MouseButton.LeftButton)
    assert row.box.isChecked()
    assert row.question.textFormat() == Qt.TextFormat.PlainText


def test_fever_postpones_the_session_and_present_says_why(page: WorkspacePage) -> None:
    build(page, "acne")
    page.form.set_answers([Answer("fever")])
    assert page.screened is not None and page.screened.postponed
    assert not page.present_button.isEnabled() and not page.print_button.isEnabled()
    assert "Session postponed" in page.result.toPlainText()
    driver = drive((QMessageBox, message_says("postponed")))  # type: ignore[arg-type]
    page.present()
    driver.check()
    assert page.state.mode == "clients"


def test_concerns_merge_into_one_routine_in_working_order(page: WorkspacePage) -> None:
    build(page, "dark_circles", "acne", "eye_bags")
    assert step_names(page) == [
        "brow", "under_eye", "temple", "nose_sides", "cheek", "chin", "jawline", "front_of_ear", "neck_side",
    ]  # fmt: skip
    assert page.builder.routine is not None and set(page.builder.routine.concerns) == {
        "dark_circles",
        "acne",
        "eye_bags",
    }


def test_steps_move_with_ctrl_up_and_down_and_drop_with_delete(page: WorkspacePage) -> None:
    build(page, "acne")
    steps = page.builder.steps
    steps.setFocus()
    steps.setCurrentRow(0)
    QTest.keyClick(steps, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert step_names(page) == ["cheek", "nose_sides", "chin", "jawline"]
    assert steps.currentRow() == 1, "the moved step stays chosen, so it can be moved on"
    QTest.keyClick(steps, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(steps, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(steps, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(steps, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)  # already first: stays
    assert step_names(page) == ["nose_sides", "cheek", "chin", "jawline"]
    steps.setCurrentRow(2)
    QTest.keyClick(steps, Qt.Key.Key_Delete)
    assert step_names(page) == ["nose_sides", "cheek", "jawline"]
    assert page.builder.routine is not None and page.builder.routine.zones == ("nose_sides", "cheek", "jawline")


def test_a_drag_and_drop_reorders_the_routine(page: WorkspacePage) -> None:
    build(page, "acne")
    page.builder.steps.setCurrentRow(3)
    moved = page.builder.steps.model().moveRow(QModelIndex(), 3, QModelIndex(), 0)  # what a drop does to the list
    assert moved
    assert page.builder.routine is not None and page.builder.routine.zones == ("jawline", "nose_sides", "cheek", "chin")
    assert step_names(page)[0] == "jawline"


def test_zones_are_added_in_working_order_and_the_last_step_is_kept(page: WorkspacePage) -> None:
    build(page, "acne")
    choice = page.builder.zone_choice
    choice.setCurrentIndex(choice.findData("forehead"))
    page.builder.add_button.click()
    assert step_names(page)[0] == "forehead"
    assert choice.findData("forehead") == -1, "a zone in the routine is not offered again"
    for _ in range(4):
        page.builder.remove_button.click()
    assert len(step_names(page)) == 1
    page.builder.remove_button.click()
    assert len(step_names(page)) == 1
    assert "at least one step" in page.window_.statusBar().currentMessage()


def test_a_step_is_overridden_and_reset(page: WorkspacePage) -> None:
    build(page, "acne")
    builder = page.builder
    builder.steps.setCurrentRow(1)  # cheek: light, 2 lines
    editor = builder.editor
    editor.pressure.setCurrentIndex(editor.pressure.findData("medium"))
    editor.strokes.setValue(7)
    editor.sides.setCurrentIndex(editor.sides.findData("R"))
    editor.line_boxes[0].setChecked(False)
    routine = builder.routine
    assert routine is not None
    step = routine.step("cheek")
    assert (step.pressure, step.strokes, step.lines, step.sides) == ("medium", 7, (1,), Sides.RIGHT)
    assert builder.steps.item(1).text().endswith("✎")  # type: ignore[union-attr]
    editor.line_boxes[1].setChecked(False)  # no line left: refused
    assert builder.routine is not None and builder.routine.step("cheek").lines == (1,)
    assert "keep at least one line" in page.window_.statusBar().currentMessage()
    assert [box.isChecked() for box in editor.line_boxes] == [False, True]
    editor.reset.click()
    assert builder.routine.step("cheek") == type(step)("cheek")


def test_routines_are_saved_per_client_and_as_templates_duplicated_renamed_and_deleted(page: WorkspacePage) -> None:
    with_client(page)
    build(page, "acne")
    page.builder.name.setText("Autumn")
    page.builder.name.editingFinished.emit()
    page.save_button.click()
    page.template_button.click()
    texts = [page.saved.item(i).text() for i in range(page.saved.count())]  # type: ignore[union-attr]
    assert texts == ["Autumn", "Autumn (template)"]

    page.saved.setCurrentRow(0)
    driver = drive((QInputDialog, answer_text("Winter")))  # type: ignore[arg-type]
    page.duplicate_button.click()
    driver.check()
    page.saved.setCurrentRow(1)  # Winter
    driver = drive((QInputDialog, answer_text("Spring")))  # type: ignore[arg-type]
    page.rename_routine_button.click()
    driver.check()
    texts = [page.saved.item(i).text() for i in range(page.saved.count())]  # type: ignore[union-attr]
    assert texts == ["Autumn", "Spring", "Autumn (template)"]

    page.saved.setCurrentRow(0)
    driver = drive((QInputDialog, answer_text("Spring")), (QMessageBox, message_says("already a routine")))  # type: ignore[arg-type]
    page.rename_routine_button.click()
    driver.check()

    page.saved.setCurrentRow(2)
    page.delete_routine_button.click()
    assert [page.saved.item(i).text() for i in range(page.saved.count())] == ["Autumn", "Spring"]  # type: ignore[union-attr]

    page.builder.set_routine(None)
    page.saved.setCurrentRow(1)
    page.open_button.click()
    assert page.builder.routine is not None and page.builder.routine.name == "Spring"
    assert step_names(page) == ["nose_sides", "cheek", "chin", "jawline"]


class FakePlayer(QLabel):
    """Stands for the player page (built elsewhere): records what it was handed."""

    def __init__(self, window: object) -> None:
        super().__init__("player")

    def enter(self) -> None:
        pass

    def leave(self) -> None:
        pass

    def fit(self) -> None:
        pass


@pytest.fixture
def fake_player(monkeypatch: pytest.MonkeyPatch) -> None:
    """The player's page and menu entry, for a window built after this."""
    from meridian_map.gui import actions

    monkeypatch.setitem(pages.PAGES, "consult", f"{__name__}:FakePlayer")
    view_title, view_entries = actions.MENUS[1]
    if not any(isinstance(e, actions.ActionSpec) and e.name == "mode_consult" for e in view_entries):
        spec = actions.ActionSpec("mode_consult", "Present", "F5", checkable=True, group="mode")
        menus = (actions.MENUS[0], (view_title, (*view_entries, spec)), *actions.MENUS[2:])
        monkeypatch.setattr(actions, "MENUS", menus)


@pytest.mark.usefixtures("fake_player")
def test_present_records_the_session_and_hands_the_screened_routine_to_the_player(page: WorkspacePage) -> None:
    client = with_client(page)
    build(page, "acne")
    page.form.set_answers([Answer("pregnancy"), Answer("active-breakout", zones=("chin",))])
    screened = page.screened
    page.present_button.click()
    assert page.state.mode == "consult"
    assert page.state.routine is screened
    assert page.store is not None
    (session,) = page.store.sessions(client)
    assert session.held_on == dt.date.today()
    assert [a.item for a in session.answers] == ["pregnancy", "active-breakout"]
    assert session.answers[1].zones == ("chin",)
    (record,) = page.store.screenings(client)
    assert record.answered_on == dt.date.today()
    page.state.set_mode("clients")
    assert page.sessions.count() == 1 and page.session_id == session.id
    assert "Last screened on" in page.last_screened.text()


def test_the_note_saves_as_it_is_typed(page: WorkspacePage, qtbot: QtBot) -> None:
    client = with_client(page)
    build(page, "acne")
    session = page.start_session()
    assert session and not page.note.isReadOnly()
    page.tabs.setCurrentIndex(2)
    page.note.setFocus()
    QTest.keyClicks(page.note, "Skin calm; ")
    page.note.insertPlainText("轻")  # typed through an input method: QTest types ASCII only
    QTest.keyClicks(page.note, " pressure")
    assert page.store is not None
    qtbot.waitUntil(lambda: page.store.note(session) == "Skin calm; 轻 pressure", timeout=3000)  # type: ignore[union-attr]
    page.sessions.clearSelection()
    page.refresh_sessions()
    assert page.note.isReadOnly(), "no session chosen: nothing to write into"
    page.sessions.setCurrentRow(0)
    assert page.note.toPlainText() == "Skin calm; 轻 pressure"
    assert client


def test_the_checklist_has_the_packs_items_and_a_bad_pack_is_reported(
    qtbot: QtBot, catalog: Catalog, clients_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from meridian_map.gui.consult import workspace

    from ...test_consult_pack_screening import NEW_ITEM, SOFTENED, pack

    folder = pack(tmp_path, NEW_ITEM)
    monkeypatch.setattr(workspace, "content_dir", lambda: folder)
    screening, problem = workspace.checklist(catalog)
    assert screening.items[-1].id == "lymph-surgery" and problem == ""
    pack(tmp_path, SOFTENED)
    screening, problem = workspace.checklist(catalog)
    assert "pregnancy" in [i.id for i in screening.items] and "lymph-surgery" not in [i.id for i in screening.items]

    window = MainWindow(catalog)
    qtbot.addWidget(window)
    driver = drive((QMessageBox, message_says("left out", "screening.toml:2: item[pregnancy]")))  # type: ignore[arg-type]
    window.map_state.set_mode("clients")
    driver.check()
    shown = window.pages.currentWidget()
    assert isinstance(shown, WorkspacePage) and "lymph-surgery" not in shown.form.rows


def test_closing_the_window_saves_the_note_at_once(page: WorkspacePage) -> None:
    with_client(page)
    build(page, "acne")
    session = page.start_session()
    page.tabs.setCurrentIndex(2)
    page.note.setFocus()
    QTest.keyClicks(page.note, "Last words")
    assert page.store is not None
    page.window_.close()
    assert page.store.note(session) == "Last words"


def test_the_hidden_explore_map_redraws_only_when_shown_and_then_shows_the_screening(
    page: WorkspacePage, qtbot: QtBot
) -> None:
    window = page.window_
    window.map_state.set_mode("explore")
    qtbot.waitExposed(window.view)
    before = window.view.viewport().grab().toImage()
    window.map_state.set_mode("clients")
    build(page, "acne")
    page.form.rows["rosacea-flare"].box.setChecked(True)
    assert window.view._background is None, "a hidden view drops its cache rather than redraw it"
    window.map_state.set_mode("explore")
    qtbot.waitExposed(window.view)
    after = window.view.viewport().grab().toImage()
    assert window.view._background is not None
    assert after != before, "the screened-out zones show, hatched, on the explorer's map"


def test_a_routine_is_built_the_way_of_the_school_chosen_in_the_window(page: WorkspacePage) -> None:
    page.state.set_school("drainage")
    build(page, "aging")
    assert page.builder.routine is not None and page.builder.routine.school == "drainage"
    page.state.set_school("lift")
    build(page, "aging")
    assert page.builder.routine.school == "lift"

"""The presentation player page, offscreen: keys, what each step shows, blank, mirror, screened-out zones, sizes."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys

import pytest
from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QColor, QFontInfo, QPaintEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from meridian_map.core.catalog import Catalog
from meridian_map.core.load import load_screening
from meridian_map.core.session.routine import Sides, for_concerns
from meridian_map.core.session.screening import ScreenedRoutine, parse_answer, screen
from meridian_map.gui.consult.face import rects_of
from meridian_map.gui.consult.player import PlayerPage
from meridian_map.gui.mainwindow import MainWindow
from meridian_map.gui.state import EXPLORE

TODAY = dt.date(2026, 12, 5)
CODE = re.compile(r"\b(?:[A-Z]{2,3}\d{1,2}|EX-HN\d+)\b")


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def screened(catalog: Catalog, concerns: list[str], *answers: str) -> ScreenedRoutine:
    checklist = load_screening(catalog)
    routine = for_concerns(catalog, concerns)
    return screen(routine, [parse_answer(a, checklist) for a in answers], TODAY, checklist, catalog)


def open_player(window: MainWindow, routine: ScreenedRoutine | None, clock: FakeClock) -> PlayerPage:
    window.map_state.set_routine(routine)
    window.map_state.set_mode("consult")
    page = window.pages.currentWidget()
    assert isinstance(page, PlayerPage)
    page.clock = clock
    page.present(page.state.routine or page.default_routine())
    page.show_frame()
    return page


def press(page: PlayerPage, *keys: Qt.Key) -> None:
    for key in keys:
        QTest.keyClick(page, key)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def dark_circles(catalog: Catalog) -> ScreenedRoutine:
    return screened(catalog, ["dark_circles"])


def test_entering_goes_full_screen_without_menus_and_esc_goes_back(window: MainWindow, clock: FakeClock) -> None:
    page = open_player(window, None, clock)
    assert window.isFullScreen()
    assert window.menuBar().isHidden() and window.statusBar().isHidden()
    assert window.named_actions["mode_consult"].isChecked()
    assert window.named_actions["mode_consult"].shortcut().toString() == "F5"
    assert window.state()["window"]["full_screen"] is False  # the player's full screen is not saved as F11's
    press(page, Qt.Key.Key_Escape)
    assert window.map_state.mode == EXPLORE
    assert not window.isFullScreen()
    assert not window.menuBar().isHidden() and not window.statusBar().isHidden()
    assert window.state()["window"]["full_screen"] is False


def test_with_no_routine_the_state_concern_is_presented_unscreened(
    window: MainWindow, catalog: Catalog, clock: FakeClock
) -> None:
    window.map_state.set_concern("dark_circles")
    page = open_player(window, None, clock)
    assert page.screened is not None
    assert page.screened.routine.zones == for_concerns(catalog, ["dark_circles"]).zones
    assert page.screened.answers == () and page.screened.left_out == ()
    assert page.words.name.text() == catalog.zones[page.screened.routine.zones[0]].name.get()
    assert page.words.step.text() == f"Step 1 of {len(page.screened.steps)}"


def test_with_no_concern_the_first_concern_is_presented(window: MainWindow, catalog: Catalog, clock: FakeClock) -> None:
    page = open_player(window, None, clock)
    assert page.screened is not None
    assert page.screened.routine.concerns == (next(iter(catalog.concerns)),)


def test_arrows_and_page_keys_move_between_steps_and_show_each(
    window: MainWindow, catalog: Catalog, dark_circles: ScreenedRoutine, clock: FakeClock
) -> None:
    page = open_player(window, dark_circles, clock)
    zones = [step.zone for step in dark_circles.steps]
    assert len(zones) == 3

    def shown() -> tuple[str, str, str | None]:
        current = page.face.current
        return page.words.step.text(), page.words.name.text(), current.zone if current else None

    names = [catalog.zones[zone].name.get() for zone in zones]
    assert shown() == ("Step 1 of 3", names[0], zones[0])
    for key, index in (
        (Qt.Key.Key_Right, 1), (Qt.Key.Key_PageDown, 2), (Qt.Key.Key_PageUp, 1), (Qt.Key.Key_Left, 0),
        (Qt.Key.Key_Down, 1), (Qt.Key.Key_Up, 0),
    ):  # fmt: skip
        press(page, key)
        assert shown() == (f"Step {index + 1} of 3", names[index], zones[index])
    press(page, Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_Right)
    assert page.words.name.text() == "Routine complete"
    assert page.face.current is None
    press(page, Qt.Key.Key_Left)
    assert shown() == ("Step 3 of 3", names[2], zones[2])


def test_each_step_shows_its_pressure_count_and_directions_in_plain_words(
    window: MainWindow, catalog: Catalog, clock: FakeClock
) -> None:
    routine = screened(catalog, ["acne"])
    page = open_player(window, routine, clock)
    for number, step in enumerate(routine.steps, start=1):
        zone = catalog.zones[step.zone]
        pressure = catalog.pressures[step.pressure]
        assert page.words.name.text() == zone.name.get()
        assert page.words.pressure.text() == pressure.name.get()
        assert page.words.feel.text() == pressure.feel.get()
        assert page.words.gauge.level == pressure.level
        assert page.words.count.text() == f"0/{step.strokes}"
        assert f"Line 1 of {len(step.lines)}" in page.words.line.text()
        assert page.words.sides.text() == "Both sides, the same way"
        assert not CODE.search(page.words.direction.text()), (number, page.words.direction.text())
        assert page.words.codes.isHidden()
        press(page, Qt.Key.Key_Right)


def test_codes_show_only_when_toggled(window: MainWindow, catalog: Catalog, clock: FakeClock) -> None:
    page = open_player(window, screened(catalog, ["acne"]), clock)
    while page.face.current is not None and page.face.current.zone != "nose_sides":
        press(page, Qt.Key.Key_Right)
    assert "LI20" not in page.words.direction.text() and page.words.codes.isHidden()
    press(page, Qt.Key.Key_C)
    assert "LI20" in page.words.direction.text()
    assert not page.words.codes.isHidden()
    assert page.words.codes.text() == catalog.zones["nose_sides"].area.get()
    press(page, Qt.Key.Key_C)
    assert "LI20" not in page.words.direction.text() and page.words.codes.isHidden()


def test_space_counts_strokes_line_by_line(window: MainWindow, dark_circles: ScreenedRoutine, clock: FakeClock) -> None:
    page = open_player(window, dark_circles, clock)
    step = dark_circles.steps[0]
    assert len(step.lines) == 2
    press(page, *[Qt.Key.Key_Space] * 3)
    assert page.words.count.text() == f"3/{step.strokes}"
    press(page, *[Qt.Key.Key_Space] * step.strokes)
    assert page.words.count.text() == f"3/{step.strokes}"
    assert "Line 2 of 2" in page.words.line.text()
    assert page.face.line == 2
    press(page, *[Qt.Key.Key_Space] * step.strokes)
    assert page.words.count.text() == "✓"


def test_auto_count_runs_at_the_tempo_on_the_injected_clock(
    window: MainWindow, dark_circles: ScreenedRoutine, clock: FakeClock
) -> None:
    page = open_player(window, dark_circles, clock)
    press(page, Qt.Key.Key_A)
    assert page.tempo == 30
    clock.now += 6.0  # three strokes at 30 a minute
    page.show_frame()
    assert page.words.count.text() == f"3/{dark_circles.steps[0].strokes}"
    assert "counting by itself, 30 a minute" in page.words.line.text()
    press(page, Qt.Key.Key_Plus, Qt.Key.Key_Plus)
    assert page.tempo == 40
    clock.now += 3.0  # two more at 40 a minute
    page.show_frame()
    assert page.words.count.text() == f"5/{dark_circles.steps[0].strokes}"
    press(page, Qt.Key.Key_A)
    clock.now += 30.0
    page.show_frame()
    assert page.words.count.text() == f"5/{dark_circles.steps[0].strokes}"


def test_the_step_timer_runs_on_the_clock_and_restarts_on_each_step(
    window: MainWindow, dark_circles: ScreenedRoutine, clock: FakeClock
) -> None:
    page = open_player(window, dark_circles, clock)
    assert page.words.timer.text() == "0:00"
    clock.now += 75.4
    page.show_frame()
    assert page.words.timer.text() == "1:15"
    press(page, Qt.Key.Key_Right)
    assert page.words.timer.text() == "0:00"


def test_b_blanks_the_screen_and_the_step_carries_on_underneath(
    window: MainWindow, dark_circles: ScreenedRoutine, clock: FakeClock
) -> None:
    page = open_player(window, dark_circles, clock)
    press(page, Qt.Key.Key_B)
    assert page.stack.currentWidget() is page.blank_cover
    image = page.grab().toImage()
    assert {
        image.pixelColor(x, y).name() for x in range(0, image.width(), 40) for y in range(0, image.height(), 40)
    } == {"#000000"}
    clock.now += 10
    press(page, Qt.Key.Key_Period)
    assert page.stack.currentWidget() is page.content
    assert page.words.timer.text() == "0:10"
    assert page.words.name.text() == page.catalog.zones[dark_circles.steps[0].zone].name.get()


def test_mirror_puts_the_clients_right_on_the_viewers_right(
    window: MainWindow, dark_circles: ScreenedRoutine, clock: FakeClock
) -> None:
    page = open_player(window, dark_circles, clock)
    face = page.face
    right_cheek = page.catalog.areas["cheek_r"].outline[0]
    middle = face.width() / 2

    def right_cheek_x() -> float:
        return face.transform.map(QPointF(*right_cheek)).x()

    assert right_cheek_x() < middle  # a front view: the client's right is on the viewer's left
    press(page, Qt.Key.Key_M)
    assert face.mirror and right_cheek_x() > middle
    press(page, Qt.Key.Key_M)
    assert not face.mirror and right_cheek_x() < middle


def test_screened_out_zones_are_drawn_hatched_and_grey_listed_with_reasons_and_skipped(
    window: MainWindow, catalog: Catalog, clock: FakeClock
) -> None:
    routine = screened(catalog, ["acne"], "rosacea-flare")
    out = {left.zone for left in routine.left_out}
    assert "cheek" in out
    page = open_player(window, routine, clock)
    checklist = load_screening(catalog)
    reason = checklist.item("rosacea-flare").reason.get()
    assert page.words.left_out.text().startswith("Left out today")
    assert reason in page.words.left_out.text()
    assert catalog.zones["cheek"].name.get() in page.words.left_out.text()
    seen = []
    while page.face.current is not None:
        seen.append(page.face.current.zone)
        press(page, Qt.Key.Key_Right)
    assert seen == [step.zone for step in routine.steps] and not set(seen) & out

    image = page.face.grab().toImage()
    (spot, _room), *_ = catalog.label_spots["cheek"]
    centre = page.face.transform.map(QPointF(catalog.areas["cheek_r"].outline[0][0] + 8, spot[1]))
    box = [
        QColor(image.pixelColor(round(centre.x()) + dx, round(centre.y()) + dy))
        for dx in range(-10, 11, 2)
        for dy in range(-10, 11, 2)
    ]
    assert all(colour.hslSaturation() < 40 for colour in box), "left-out zones are greyed"
    assert max(c.lightness() for c in box) - min(c.lightness() for c in box) > 40, "and hatched"


def test_a_postponed_session_shows_the_reason_instead_of_steps(
    window: MainWindow, catalog: Catalog, clock: FakeClock
) -> None:
    page = open_player(window, screened(catalog, ["acne"], "fever"), clock)
    reason = load_screening(catalog).item("fever").reason.get()
    assert page.words.name.text() == "Session postponed"
    assert page.words.direction.text().lower() == reason.lower()
    assert page.player is None and page.face.current is None
    press(page, Qt.Key.Key_Right, Qt.Key.Key_Space)
    assert page.words.name.text() == "Session postponed"
    assert page.words.count.isHidden() and page.words.gauge.isHidden()


def test_a_capped_pressure_says_it_was_lowered_and_why(window: MainWindow, catalog: Catalog, clock: FakeClock) -> None:
    routine = screened(catalog, ["acne"], "blood-thinners")
    page = open_player(window, routine, clock)
    capped = next(i for i, step in enumerate(routine.steps) if step.capped_by)
    press(page, *[Qt.Key.Key_Right] * capped)
    step = routine.steps[capped]
    assert page.words.pressure.text() == catalog.pressures["feather"].name.get()
    planned = catalog.pressures[step.planned_pressure].name.get()
    assert f"({planned})" in page.words.lowered.text()
    assert load_screening(catalog).item("blood-thinners").reason.get() in page.words.lowered.text()
    assert "Warning:" in page.words.notices.text()


def test_a_one_sided_step_says_so_and_lights_only_that_side(
    window: MainWindow, catalog: Catalog, clock: FakeClock
) -> None:
    checklist = load_screening(catalog)
    routine = for_concerns(catalog, ["dark_circles"]).overridden(catalog, "brow", sides=Sides.RIGHT)
    page = open_player(window, screen(routine, (), TODAY, checklist, catalog), clock)
    assert page.words.sides.text() == "Client's right side only"
    image = page.face.grab().toImage()
    lit = []
    for key in ("brow_r", "brow_l"):
        outline = catalog.areas[key].outline
        x = sum(p[0] for p in outline) / len(outline)
        y = sum(p[1] for p in outline) / len(outline)
        at = page.face.transform.map(QPointF(x, y))
        lit.append(image.pixelColor(round(at.x()), round(at.y())).hslSaturation())
    assert lit[0] > lit[1] + 40


def test_steps_done_are_recorded_for_the_session(
    window: MainWindow, dark_circles: ScreenedRoutine, clock: FakeClock, qtbot: QtBot
) -> None:
    page = open_player(window, dark_circles, clock)
    assert page.steps_done() == ()
    with qtbot.waitSignal(page.steps_done_changed) as emitted:
        press(page, Qt.Key.Key_Right)
    assert emitted.args == [(1,)]
    press(page, Qt.Key.Key_Right, Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Right)
    assert page.steps_done() == (1, 2, 3)


def test_readable_from_two_metres_at_1920_by_1080(window: MainWindow, catalog: Catalog, clock: FakeClock) -> None:
    routine = screened(catalog, ["aging"], "rosacea-flare", "pregnancy", "blood-thinners")
    page = open_player(window, routine, clock)
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(1920, 1080)
    assert (page.width(), page.height()) == (1920, 1080)
    page.fit()
    press(page, Qt.Key.Key_C)
    sizes = page.words.font_pixel_sizes()
    assert {"name", "direction", "pressure", "feel", "count", "line", "notices", "left_out", "codes"} <= set(sizes)
    for name, label in ((n, getattr(page.words, n)) for n in sizes):
        assert QFontInfo(label.font()).pixelSize() >= 28, name
    assert page.face.cue_px >= 28
    assert page.face.number_px >= 48
    assert len(page.face.badges) == len(routine.steps)


def test_numbers_are_on_the_face_for_every_step(
    window: MainWindow, dark_circles: ScreenedRoutine, clock: FakeClock
) -> None:
    page = open_player(window, dark_circles, clock)
    assert sorted(badge.number for badge in page.face.badges) == [1, 2, 3]
    for badge in page.face.badges:
        assert page.face.rect().contains(badge.centre.toPoint())


def test_the_face_is_cropped_without_a_neck_zone(window: MainWindow, catalog: Catalog, clock: FakeClock) -> None:
    page = open_player(window, screened(catalog, ["dark_circles"]), clock)
    cropped = page.face.face_rect
    page.present(screened(catalog, ["aging"]))
    assert "neck_side" in page.face.zones()
    whole = page.face.face_rect
    assert cropped.width() / cropped.height() > whole.width() / whole.height() * 1.2


def test_starting_the_window_does_not_import_the_player() -> None:
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from meridian_map.core.load import load_catalog\n"
        "from meridian_map.gui.mainwindow import MainWindow\n"
        "window = MainWindow(load_catalog())\n"
        "window.show()\n"
        "app.processEvents()\n"
        "print(sorted(m for m in sys.modules if m.startswith('meridian_map.gui.consult')))\n"
        "window.map_state.set_mode('consult')\n"
        "print('meridian_map.gui.consult.player' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[:2] == ["[]", "True"]


def test_the_player_screenshot_is_deterministic() -> None:
    shots = []
    for _ in range(2):
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "meridian_map",
                "--screenshot",
                "-",
                "--mode",
                "consult",
                "--select",
                "dark_circles",
            ],
            capture_output=True,
            timeout=60,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout.startswith(b"\x89PNG")
        shots.append(done.stdout)
    assert shots[0] == shots[1]


def test_the_player_follows_the_routines_technique_school(
    window: MainWindow, catalog: Catalog, clock: FakeClock
) -> None:
    checklist = load_screening(catalog)
    routine = for_concerns(catalog, ["dark_circles"]).with_school(catalog, "channel")
    page = open_player(window, screen(routine, (), TODAY, checklist, catalog), clock)
    channel = catalog.with_school("channel")
    assert page.words.name.text() == channel.zones["brow"].name.get()
    assert page.words.direction.text().startswith("Short upward strokes")
    assert page.face.catalog.areas["brow_r"].strokes == channel.areas["brow_r"].strokes
    assert page.face.catalog.areas["brow_r"].strokes != catalog.with_school("lift").areas["brow_r"].strokes


class PaintedArea(QObject):
    """Adds up the pixels each paint of a widget was asked for."""

    def __init__(self) -> None:
        super().__init__()
        self.pixels = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QPaintEvent):
            self.pixels += sum(rect.width() * rect.height() for rect in rects_of(event.region()))
        return False


def test_a_step_repaints_only_the_steps_it_leaves_and_shows_and_looks_as_drawn_afresh(
    window: MainWindow, catalog: Catalog, clock: FakeClock, qtbot: QtBot
) -> None:
    page = open_player(window, screened(catalog, ["aging"], "rosacea-flare", "pregnancy"), clock)
    face = page.face
    face.set_animate(False)
    window.setWindowState(Qt.WindowState.WindowNoState)  # a size of its own, not full screen's, which comes late
    window.resize(1280, 720)
    QApplication.processEvents()
    face.repaint()
    painted = PaintedArea()
    face.installEventFilter(painted)
    whole = face.width() * face.height()
    for key in [Qt.Key.Key_Right] * (len(face.steps) - 1) + [Qt.Key.Key_Left] * 2:
        painted.pixels = 0
        press(page, key)
        qtbot.waitUntil(lambda: painted.pixels > 0)
        assert painted.pixels < whole / 2
        shown = face.grab().toImage()
        face._layer = None  # the step drawn over a fresh copy of the still face
        assert face.grab().toImage() == shown

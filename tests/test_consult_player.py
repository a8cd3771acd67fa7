"""The player's state machine and the note's save timing, driven by a fake clock."""

from __future__ import annotations

import datetime as dt

import pytest

from meridian_map.core.catalog import Catalog
from meridian_map.core.load import load_screening
from meridian_map.core.session.notes import MAX_UNSAVED_SECONDS, QUIET_SECONDS, NoteDraft
from meridian_map.core.session.player import Player, PlayerError
from meridian_map.core.session.routine import Routine, Step
from meridian_map.core.session.screening import ScreenedRoutine, parse_answer, screen

TODAY = dt.date(2026, 12, 1)


def screened(catalog: Catalog, routine: Routine, *specs: str) -> ScreenedRoutine:
    screening = load_screening(catalog)
    return screen(routine, [parse_answer(s, screening) for s in specs], TODAY, screening, catalog)


@pytest.fixture
def three(catalog: Catalog) -> ScreenedRoutine:
    """Forehead (its 3 lines, 4 strokes each), brow (one line, 2 strokes), chin (as the content says)."""
    routine = Routine("Three", (Step("forehead", strokes=4), Step("brow", strokes=2, lines=(0,)), Step("chin")))
    return screened(catalog, routine)


def test_steps_go_forward_and_back_and_finish(three: ScreenedRoutine) -> None:
    player = Player.start(three, now=100.0)
    assert player.frame(100.0).number == 1 and player.frame(100.0).total == 3
    player = player.next(110.0)
    frame = player.frame(112.5)
    assert frame.number == 2 and frame.step is not None and frame.step.zone == "brow" and frame.elapsed == 2.5
    player = player.previous(120.0).previous(121.0)  # no step before the first
    assert player.frame(121.0).number == 1 and player.frame(126.0).elapsed == 6.0
    player = player.next(130.0).next(131.0).next(132.0)
    frame = player.frame(140.0)
    assert frame.finished and frame.step is None and player.done == {1, 2, 3}
    assert player.next(141.0) == player  # nothing after the end
    back = player.previous(150.0)
    assert back.frame(150.0).number == 3 and not back.frame(150.0).finished


def test_screened_out_zones_are_not_steps(catalog: Catalog) -> None:
    routine = Routine("R", (Step("forehead"), Step("cheek"), Step("chin")))
    player = Player.start(screened(catalog, routine, "rosacea-flare"), now=0.0)
    assert [s.zone for s in player.steps] == ["forehead"]
    assert player.next(1.0).frame(1.0).finished


def test_a_postponed_session_does_not_start_and_an_empty_one_is_finished(catalog: Catalog) -> None:
    routine = Routine("R", (Step("forehead"), Step("cheek")))
    with pytest.raises(PlayerError, match="postponed: fever or acute illness"):
        Player.start(screened(catalog, routine, "fever"), now=0.0)
    empty = Player.start(screened(catalog, Routine("R", (Step("cheek"),)), "rosacea-flare"), now=0.0)
    assert empty.frame(0.0).finished and empty.frame(0.0).total == 0


def test_taps_count_strokes_line_by_line(three: ScreenedRoutine) -> None:
    player = Player.start(three, now=0.0)
    frame = player.frame(0.0)
    assert (frame.line, frame.lines, frame.stroke, frame.strokes) == (1, 3, 0, 4)
    for _ in range(5):
        player = player.tap(1.0)
    frame = player.frame(1.0)
    assert (frame.line, frame.stroke, frame.step_done) == (2, 1, False)
    for _ in range(20):  # more taps than strokes stop at the last one
        player = player.tap(2.0)
    frame = player.frame(2.0)
    assert (frame.line, frame.stroke, frame.step_done) == (3, 4, True)
    nxt = player.next(3.0).frame(3.0)
    assert (nxt.number, nxt.line, nxt.lines, nxt.stroke, nxt.strokes) == (2, 1, 1, 0, 2)


def test_auto_pacing_counts_at_the_tempo_and_taps_add_to_it(three: ScreenedRoutine) -> None:
    player = Player.start(three, now=0.0).paced(30.0, now=10.0)  # one stroke every 2 s
    assert player.frame(11.9).stroke == 0 and player.frame(12.0).stroke == 1
    assert player.frame(17.9).stroke == 3 and (player.frame(18.0).line, player.frame(18.0).stroke) == (2, 0)
    player = player.tap(13.0)  # 1 counted by the tempo, 1 tapped
    assert player.frame(13.0).stroke == 2 and player.frame(15.0).stroke == 3
    assert player.frame(1000.0).step_done and player.frame(1000.0).paced
    stopped = player.paced(None, now=15.0)
    assert stopped.frame(100.0).stroke == 3 and not stopped.frame(100.0).paced
    nxt = player.next(20.0)
    assert nxt.frame(20.0).stroke == 0 and nxt.frame(24.0).stroke == 2  # the tempo carries on to the next step
    with pytest.raises(PlayerError, match="outside 10 to 120"):
        player.paced(500.0, now=0.0)


def test_the_screen_blanks_and_comes_back_where_it_was(three: ScreenedRoutine) -> None:
    player = Player.start(three, now=0.0).tap(0.5)
    blank = player.toggle_blank()
    assert blank.frame(1.0).blank and blank.frame(1.0).stroke == 1 and blank.frame(1.0).number == 1
    assert not blank.toggle_blank().frame(1.0).blank


def test_a_note_saves_after_a_pause_and_at_least_every_second_while_typing() -> None:
    draft = NoteDraft().edited("H", now=0.0)
    assert draft.due_at() == QUIET_SECONDS and not draft.due(0.39) and draft.due(0.4)
    for tick in range(1, 10):  # a key every 0.2 s: never a pause long enough
        draft = draft.edited("H" + "i" * tick, now=tick * 0.2)
    assert draft.due_at() == MAX_UNSAVED_SECONDS and draft.due(1.0)
    saving = draft.text
    draft = draft.edited(saving + "!", now=1.9).saved_as(saving, now=2.0)
    assert draft.dirty and draft.due_at() == pytest.approx(1.9 + QUIET_SECONDS)
    draft = draft.saved_as(draft.text, now=2.3)
    assert not draft.dirty and draft.due_at() is None and not draft.due(99.0)
    assert NoteDraft("same", "same").edited("same", 5.0).due_at() is None

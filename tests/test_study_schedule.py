"""Scheduling with FSRS on a fake clock: 60 days checked against `fsrs` itself, limits, practice, progress."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta, timezone

import pytest
from fsrs import Card as FsrsCard
from fsrs import Rating, Scheduler

from meridian_map.core.catalog import Catalog
from meridian_map.core.study.cards import all_cards
from meridian_map.core.study.progress import (
    Level,
    accuracy_by_channel,
    due_today,
    mastery,
    reviews_per_day,
    streak,
)
from meridian_map.core.study.quiz import Grade
from meridian_map.core.study.schedule import CardState, Review, Schedule, build_queue, due_cards, new_today

START = datetime(2026, 3, 2, 19, 0, tzinfo=timezone(timedelta(hours=8)))  # an evening in Beijing


def test_sixty_days_of_study_follow_fsrs_exactly(catalog: Catalog) -> None:
    """A student studies every evening (skipping some days) for 60 days, answering with a fixed random pattern.

    Each card's state is checked after every answer against a plain
    `fsrs.Scheduler` fed the same answers at the same moments.
    """
    rng = random.Random(14)
    schedule = Schedule(new_per_day=10)
    reference = Scheduler(enable_fuzzing=False)
    deck = [card.id for card in all_cards(catalog)][:120]
    states: dict[str, CardState] = {}
    theirs: dict[str, FsrsCard] = {}
    log: list[Review] = []
    for day in range(60):
        if day % 9 == 4:
            continue  # a day off
        now = START + timedelta(days=day, minutes=rng.randint(0, 90))
        for round_ in range(3):  # learning steps bring cards back within the session
            queue = build_queue(deck, states, now, schedule.new_per_day)
            if round_ == 0:
                assert len(queue.new) == min(10, sum(1 for c in deck if c not in states))
            for card_id in queue.cards:
                grade = Grade(rng.choices([1, 2, 3, 4], weights=[15, 15, 55, 15])[0])
                states[card_id] = schedule.answer(states.get(card_id), card_id, grade, now)
                log.append(Review(card_id, now, grade))
                mine = theirs.get(card_id) or FsrsCard(card_id=1, due=now.astimezone(UTC))
                theirs[card_id], _ = reference.review_card(mine, Rating(int(grade)), now.astimezone(UTC))
                expected = theirs[card_id]
                got = states[card_id]
                assert (got.state, got.step, got.due, got.last_review) == (
                    int(expected.state), expected.step, expected.due, expected.last_review
                )  # fmt: skip
                assert got.stability == pytest.approx(expected.stability)
                assert got.difficulty == pytest.approx(expected.difficulty)
                now += timedelta(seconds=20)
            now += timedelta(minutes=11)
    assert len(states) == min(len(deck), 10 * 54)
    assert all(s.reps >= 1 for s in states.values()) and any(s.lapses for s in states.values())
    assert max(s.due for s in states.values()) > START + timedelta(days=70)  # some intervals grew past the run
    assert schedule.replay(log) == states  # the log alone rebuilds every state (how CSV import works)
    end = START + timedelta(days=60)
    times = [review.at for review in log]
    assert streak(times, end) >= 1 and sum(n for _, n in reviews_per_day(times, end)) > 0


def test_new_cards_per_day_and_the_study_day_starting_at_four(catalog: Catalog) -> None:
    schedule = Schedule(new_per_day=3)
    deck = [card.id for card in all_cards(catalog)][:10]
    night = datetime(2026, 3, 2, 23, 30, tzinfo=UTC)
    states: dict[str, CardState] = {}
    for card_id in build_queue(deck, states, night, 3).new:
        states[card_id] = schedule.answer(None, card_id, Grade.GOOD, night)
    assert len(states) == 3 and build_queue(deck, states, night, 3).new == ()
    assert build_queue(deck, states, night + timedelta(hours=4), 3).new == ()  # 03:30: still the same study day
    next_day = night + timedelta(hours=5)  # 04:30
    assert new_today(states.values(), next_day) == 0
    assert build_queue(deck, states, next_day, 3).new == tuple(deck[3:6])
    with pytest.raises(ValueError):
        Schedule(new_per_day=-1)
    with pytest.raises(ValueError, match="timezone"):
        schedule.answer(None, deck[0], Grade.GOOD, datetime(2026, 1, 1))


def test_due_queue_is_most_overdue_first_and_fast_enough_to_be_exact(catalog: Catalog) -> None:
    schedule = Schedule()
    t0 = datetime(2026, 1, 1, tzinfo=UTC)
    a = schedule.answer(None, "locate:ST1", Grade.AGAIN, t0)  # due in a minute
    b = schedule.answer(None, "locate:ST2", Grade.EASY, t0)  # due in days
    c = schedule.answer(None, "locate:ST3", Grade.HARD, t0)
    states = {s.card_id: s for s in (a, b, c)}
    assert due_cards(states, states, t0) == ()
    later = t0 + timedelta(hours=1)
    assert due_cards(states, ["locate:ST1", "locate:ST2", "locate:ST3"], later) == ("locate:ST1", "locate:ST3")
    assert due_cards(states, ["locate:ST2"], t0 + timedelta(days=60)) == ("locate:ST2",)
    assert due_today(states.values(), t0) == 2


def test_practice_mode_leaves_the_schedule_alone() -> None:
    schedule = Schedule()
    t0 = datetime(2026, 1, 1, tzinfo=UTC)
    state = schedule.answer(None, "locate:ST2", Grade.GOOD, t0)
    practice = Review("locate:ST2", t0 + timedelta(minutes=5), Grade.AGAIN, practice=True)
    assert schedule.apply(state, practice) is state
    assert schedule.apply(None, practice) is None
    real = Review("locate:ST2", t0 + timedelta(minutes=5), Grade.AGAIN)
    assert schedule.apply(state, real) != state
    assert schedule.replay([Review("locate:ST2", t0, Grade.GOOD), practice]) == {"locate:ST2": state}


def test_progress_figures(catalog: Catalog) -> None:
    schedule = Schedule()
    now = datetime(2026, 5, 10, 20, 0, tzinfo=UTC)
    log = []
    for days_ago in (0, 1, 2, 4):
        at = now - timedelta(days=days_ago)
        log += [Review("locate:ST2", at, Grade.GOOD), Review("flash:code>pinyin:LI20", at, Grade.AGAIN)]
    states = schedule.replay(log)
    times = [review.at for review in log]
    assert streak(times, now) == 3
    assert streak(times, now + timedelta(days=1)) == 3  # not studied yet today: the streak still stands
    assert streak(times, now + timedelta(days=2)) == 0
    per_day = reviews_per_day(times, now)
    assert len(per_day) == 30 and per_day[-1] == (now.date(), 2) and per_day[-4][1] == 0
    accuracy = accuracy_by_channel(catalog, [*log, Review("locate:XX1", now, Grade.GOOD)])
    assert (accuracy["ST"].right, accuracy["ST"].total) == (4, 4)
    assert (accuracy["LI"].right, accuracy["LI"].fraction) == (0, 0.0)
    levels = mastery(catalog, states, schedule, now)
    assert levels["ST1"].level is Level.UNSEEN and levels["ST1"].value == 0
    st2 = levels["ST2"]
    assert st2.studied == 1 and 0.4 < st2.value < 0.6  # the locate card is half the point; its flashcards unseen
    assert levels["LI20"].level in (Level.WEAK, Level.LEARNING) and levels["LI20"].value < st2.value
    perfect = {c.id: schedule.answer(None, c.id, Grade.EASY, now - timedelta(days=1)) for c in all_cards(catalog)}
    assert mastery(catalog, perfect, schedule, now)["ST2"].level >= Level.GOOD

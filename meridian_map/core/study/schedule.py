"""Spaced repetition with FSRS, the scheduler Anki ships, through the `fsrs` package.

The clock is always an argument (`now`, a timezone-aware datetime), never
read here, so a test can simulate months in a loop. Fuzzing (FSRS's random
spread of intervals) is off by default: a student's schedule is then the
same on every machine and can be checked against `fsrs` itself; with one
student's few hundred cards there is no server load for fuzz to spread.

A study day starts at 4 in the morning local time, as in Anki: a review
after midnight still counts for the evening before, so the daily new-card
limit and the streak follow a student's day, not the calendar.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from fsrs import Card as FsrsCard
from fsrs import Rating, Scheduler, State

from .quiz import Grade

DAY_STARTS_AT = timedelta(hours=4)
NEW_PER_DAY = 20


@dataclass(frozen=True, slots=True)
class CardState:
    """Where one card stands in its schedule (FSRS's memory state plus counts for progress)."""

    card_id: str
    state: int  # fsrs.State: 1 learning, 2 review, 3 relearning
    step: int | None
    stability: float | None
    difficulty: float | None
    due: datetime
    last_review: datetime | None
    first_review: datetime
    reps: int = 0
    lapses: int = 0


@dataclass(frozen=True, slots=True)
class Review:
    """One answer, as the review log keeps it; a practice answer leaves the schedule alone."""

    card_id: str
    at: datetime
    grade: Grade
    practice: bool = False
    distance_cun: float | None = None
    duration_ms: int | None = None


@dataclass(frozen=True, slots=True)
class Queue:
    """What to study now: cards due (earliest first), then new cards within today's limit."""

    due: tuple[str, ...]
    new: tuple[str, ...]

    @property
    def cards(self) -> tuple[str, ...]:
        return self.due + self.new


def utc(moment: datetime) -> datetime:
    """The same moment in UTC, which `fsrs` requires; a naive datetime is a programming error."""
    if moment.tzinfo is None:
        raise ValueError("study times must be timezone-aware")
    return moment.astimezone(UTC)


def study_day(moment: datetime, local: datetime) -> date:
    """The study day of `moment`, in the time zone of `local` (usually now)."""
    return (moment.astimezone(local.tzinfo) - DAY_STARTS_AT).date()


def study_day_start(now: datetime) -> datetime:
    """When today's study day began, in UTC: 4:00 local time today, or yesterday before 4:00."""
    midnight = datetime.combine(study_day(now, now), time(), now.tzinfo)
    return utc(midnight + DAY_STARTS_AT)


class Schedule:
    """FSRS with this app's settings; pure: answers return new states for the caller to store."""

    def __init__(self, new_per_day: int = NEW_PER_DAY, desired_retention: float = 0.9, fuzz: bool = False) -> None:
        if new_per_day < 0:
            raise ValueError("the daily new-card limit cannot be negative")
        self.new_per_day = new_per_day
        self.fsrs = Scheduler(desired_retention=desired_retention, enable_fuzzing=fuzz)

    def answer(self, state: CardState | None, card_id: str, grade: Grade, now: datetime) -> CardState:
        """The card's state after answering `grade` at `now` (a new card when `state` is None)."""
        moment = utc(now)
        before = _to_fsrs(state, moment)
        after, _log = self.fsrs.review_card(before, Rating(int(grade)), review_datetime=moment)
        lapsed = state is not None and state.state == State.Review and grade is Grade.AGAIN
        return CardState(
            card_id=card_id,
            state=int(after.state),
            step=after.step,
            stability=after.stability,
            difficulty=after.difficulty,
            due=after.due,
            last_review=after.last_review,
            first_review=state.first_review if state is not None else moment,
            reps=(state.reps if state is not None else 0) + 1,
            lapses=(state.lapses if state is not None else 0) + lapsed,
        )

    def apply(self, state: CardState | None, review: Review) -> CardState | None:
        """The state after `review`; a practice answer (practice mode) leaves the schedule as it was."""
        if review.practice:
            return state
        return self.answer(state, review.card_id, review.grade, review.at)

    def retrievability(self, state: CardState, now: datetime) -> float:
        """FSRS's probability that the student recalls the card at `now` (0 when never reviewed)."""
        return float(self.fsrs.get_card_retrievability(_to_fsrs(state, utc(now)), utc(now)))

    def replay(self, reviews: Iterable[Review]) -> dict[str, CardState]:
        """The states a review log leads to, practice answers skipped: how an imported log is applied."""
        states: dict[str, CardState] = {}
        for review in sorted(reviews, key=lambda r: r.at):
            state = self.apply(states.get(review.card_id), review)
            if state is not None:
                states[review.card_id] = state
        return states


def due_cards(states: Mapping[str, CardState], card_ids: Iterable[str], now: datetime) -> tuple[str, ...]:
    """Reviewed cards of `card_ids` due at `now`, the most overdue first."""
    moment = utc(now)
    due = [state for card_id in card_ids if (state := states.get(card_id)) is not None and state.due <= moment]
    due.sort(key=lambda s: s.due)
    return tuple(state.card_id for state in due)


def new_today(states: Iterable[CardState], now: datetime) -> int:
    """How many cards were first studied during today's study day."""
    start = study_day_start(now)
    return sum(1 for state in states if state.first_review >= start)


def build_queue(
    card_ids: Sequence[str], states: Mapping[str, CardState], now: datetime, new_per_day: int = NEW_PER_DAY
) -> Queue:
    """Due cards first, then unseen cards in deck order while today's new-card allowance lasts."""
    return assemble_queue(
        card_ids, due_cards(states, states, now), states, new_today(states.values(), now), new_per_day
    )


def assemble_queue(
    card_ids: Sequence[str],
    due_in_order: Sequence[str],
    reviewed: Collection[str],
    new_seen_today: int,
    new_per_day: int = NEW_PER_DAY,
) -> Queue:
    """A deck's queue from what is due overall (most overdue first) and which cards were ever reviewed.

    Apart from `build_queue` so the study database can answer "what is
    due" with an indexed query instead of reading every card's state.
    """
    wanted = set(card_ids)
    allowance = max(0, new_per_day - new_seen_today)
    fresh = [card_id for card_id in card_ids if card_id not in reviewed][:allowance]
    return Queue(tuple(card_id for card_id in due_in_order if card_id in wanted), tuple(fresh))


def _to_fsrs(state: CardState | None, now: datetime) -> FsrsCard:
    """`fsrs`'s card; its id is not ours (ours is a string) and nothing reads it, so it is 0.

    Passing `due` explicitly keeps `fsrs.Card` from reading the clock.
    """
    if state is None:
        return FsrsCard(card_id=0, due=now)
    return FsrsCard(
        card_id=0,
        state=State(state.state),
        step=state.step,
        stability=state.stability,
        difficulty=state.difficulty,
        due=state.due,
        last_review=state.last_review,
    )

"""What a student's history says: mastery per point, due today, daily reviews, accuracy, streak.

Also the review log as CSV, so progress can be moved between machines or
looked at in a spreadsheet. The log is the source of truth: importing
replays it through the scheduler rather than trusting states written in a
file anyone can edit.
"""

from __future__ import annotations

import csv
import io
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import IntEnum

from ..catalog import Catalog
from ..problems import ContentError, Problem
from .cards import CardIdError, Kind, parse_card_id, point_cards, point_infos
from .quiz import Grade
from .schedule import CardState, Review, Schedule, study_day, study_day_start, utc

# Mastery looks a week ahead: a card answered a minute ago is remembered now
# whatever its strength, but only a card FSRS thinks stable is still
# remembered in seven days.
MASTERY_HORIZON = timedelta(days=7)
CSV_COLUMNS = ("card_id", "reviewed_at", "grade", "practice", "distance_cun", "duration_ms")
MAX_CSV_BYTES = 32 * 1024 * 1024


class Level(IntEnum):
    """Mastery in five steps, for a scale read by shade and number (never by hue alone)."""

    UNSEEN = 0
    WEAK = 1
    LEARNING = 2
    GOOD = 3
    MASTERED = 4


@dataclass(frozen=True, slots=True)
class Mastery:
    """How well one point is known: 0–1, its level and how many of its cards were studied."""

    code: str
    value: float
    level: Level
    studied: int
    cards: int


def level_for(value: float, studied: int) -> Level:
    if studied == 0:
        return Level.UNSEEN
    if value >= 0.9:
        return Level.MASTERED
    if value >= 0.7:
        return Level.GOOD
    return Level.LEARNING if value >= 0.4 else Level.WEAK


def mastery(catalog: Catalog, states: Mapping[str, CardState], schedule: Schedule, now: datetime) -> dict[str, Mastery]:
    """Per point: the chance of recalling its cards a week from now, unseen cards counting 0.

    Locating the point on the face is what the map teaches, so the locate
    card weighs as much as all the point's flashcards together.
    """
    ahead = utc(now) + MASTERY_HORIZON
    result = {}
    for info in point_infos(catalog):
        cards = point_cards(catalog, info)
        recall = {c.id: schedule.retrievability(states[c.id], ahead) if c.id in states else 0.0 for c in cards}
        locate = [recall[c.id] for c in cards if c.kind is Kind.LOCATE]
        flash = [recall[c.id] for c in cards if c.kind is Kind.FLASH]
        parts = [sum(group) / len(group) for group in (locate, flash) if group]
        value = sum(parts) / len(parts) if parts else 0.0
        studied = sum(1 for c in cards if c.id in states)
        result[info.code] = Mastery(info.code, value, level_for(value, studied), studied, len(cards))
    return result


def due_today(states: Iterable[CardState], now: datetime) -> int:
    """Cards due before today's study day ends (including those already overdue)."""
    cutoff = study_day_start(now) + timedelta(days=1)
    return sum(1 for state in states if state.due < cutoff)


def reviews_per_day(times: Iterable[datetime], now: datetime, days: int = 30) -> tuple[tuple[date, int], ...]:
    """Answers per study day for the last `days` days, oldest first, today last, empty days as 0.

    `times` are when answers were given (StudyDb.review_times). Practice
    answers count: they are study too, even if they do not move the schedule.
    """
    today = study_day(now, now)
    counts = Counter(study_day(moment, now) for moment in times)
    return tuple((day, counts[day]) for day in (today - timedelta(days=n) for n in range(days - 1, -1, -1)))


@dataclass(frozen=True, slots=True)
class Accuracy:
    right: int
    total: int

    @property
    def fraction(self) -> float:
        return self.right / self.total if self.total else 0.0


def accuracy_by_channel(catalog: Catalog, log: Iterable[Review]) -> dict[str, Accuracy]:
    """Right answers (anything but Again) over all answers, per channel; points no longer in the catalog skipped."""
    channel_of = {info.code: info.channel for info in point_infos(catalog)}
    right: dict[str, int] = defaultdict(int)
    total: dict[str, int] = defaultdict(int)
    for review in log:
        try:
            channel = channel_of.get(parse_card_id(review.card_id).code)
        except CardIdError:
            continue
        if channel is None:
            continue
        total[channel] += 1
        right[channel] += review.grade is not Grade.AGAIN
    return {channel: Accuracy(right[channel], count) for channel, count in total.items()}


def streak(times: Iterable[datetime], now: datetime) -> int:
    """Study days in a row up to today; a streak not yet continued today still counts until the day ends."""
    days = {study_day(moment, now) for moment in times}
    day = study_day(now, now)
    if day not in days:
        day -= timedelta(days=1)
    count = 0
    while day in days:
        count += 1
        day -= timedelta(days=1)
    return count


def unseen_reviews(known: Iterable[Review], incoming: Iterable[Review]) -> list[Review]:
    """The incoming answers not already in `known` (same card at the same moment), each once.

    Importing the same export twice, or an export of this very database, adds nothing.
    """
    seen = {(review.card_id, review.at) for review in known}
    fresh = []
    for review in incoming:
        if (review.card_id, review.at) not in seen:
            seen.add((review.card_id, review.at))
            fresh.append(review)
    return fresh


def log_to_csv(log: Iterable[Review]) -> str:
    """The review log as CSV with a header row; times in UTC, ISO 8601."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for r in log:
        writer.writerow(
            (
                r.card_id,
                utc(r.at).isoformat(),
                int(r.grade),
                int(r.practice),
                "" if r.distance_cun is None else f"{r.distance_cun:.3f}",
                "" if r.duration_ms is None else r.duration_ms,
            )
        )
    return out.getvalue()


def log_from_csv(text: str, file: str) -> list[Review]:
    """Reviews from a CSV written by `log_to_csv` (or edited by hand); raises ContentError with every bad cell.

    Each problem names the file, the line and the column, and nothing is
    imported when any row is wrong, so a file is never half taken in.
    """
    if len(text) > MAX_CSV_BYTES:
        raise ContentError([Problem(file, None, "file", f"is larger than {MAX_CSV_BYTES:,} bytes")])
    rows = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""))
    problems: list[Problem] = []
    header = next(rows, None)
    if header is None or tuple(cell.strip() for cell in header) != CSV_COLUMNS:
        raise ContentError([Problem(file, 1, "header", f"must be {','.join(CSV_COLUMNS)}")])
    reviews = []
    for row in rows:
        line = rows.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(CSV_COLUMNS):
            problems.append(Problem(file, line, "row", f"has {len(row)} columns, expected {len(CSV_COLUMNS)}"))
            continue
        review = _review_from_row(row, file, line, problems)
        if review is not None:
            reviews.append(review)
    if problems:
        raise ContentError(problems)
    return reviews


def _review_from_row(row: Sequence[str], file: str, line: int, problems: list[Problem]) -> Review | None:
    card_id, at_text, grade_text, practice_text, distance_text, duration_text = (cell.strip() for cell in row)
    found = len(problems)

    def bad(column: str, message: str) -> None:
        problems.append(Problem(file, line, column, message))

    try:
        parse_card_id(card_id)
    except CardIdError as exc:
        bad("card_id", str(exc))
    at = None
    try:
        at = utc(datetime.fromisoformat(at_text))
    except ValueError:
        bad("reviewed_at", f"{at_text[:40]!r} is not an ISO 8601 time with a time zone")
    grade = None
    if grade_text in {"1", "2", "3", "4"}:
        grade = Grade(int(grade_text))
    else:
        bad("grade", f"{grade_text[:20]!r} is not 1, 2, 3 or 4 (Again, Hard, Good, Easy)")
    if practice_text not in {"0", "1"}:
        bad("practice", f"{practice_text[:20]!r} is not 0 or 1")
    distance = duration = None
    try:
        distance = _non_negative(distance_text, float)
    except ValueError:
        bad("distance_cun", f"{distance_text[:20]!r} is not a non-negative number")
    try:
        duration = _non_negative(duration_text, int)
    except ValueError:
        bad("duration_ms", f"{duration_text[:20]!r} is not a non-negative whole number")
    if len(problems) > found or at is None or grade is None:
        return None
    return Review(card_id, at, grade, practice_text == "1", distance, None if duration is None else int(duration))


def _non_negative(text: str, kind: type[float] | type[int]) -> float | None:
    """An empty cell is None; anything but a finite number ≥ 0 raises ValueError."""
    if not text:
        return None
    value = kind(text)
    if not math.isfinite(value) or value < 0:
        raise ValueError(text)
    return value

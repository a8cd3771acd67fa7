"""One student's study, as the page drives it: the decks, a queue of cards, and each answer recorded.

No Qt here: the page asks for the next card and hands back answers, and
this keeps the card states in memory so that the next card is chosen
without reading the database again. The clock is an argument, so a test can
run a week of study in a loop.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from ...core.catalog import Catalog
from ...core.store.db import CustomDeckRecord, StudyDb
from ...core.study.cards import Card, parse_card_id
from ...core.study.decks import Deck, DeckError, builtin_decks, custom_deck
from ...core.study.quiz import Grade
from ...core.study.schedule import CardState, Queue, Review, Schedule, build_queue

Clock = Callable[[], datetime]
SOON = timedelta(hours=1)  # a card coming back within this is "later in this session"


def local_now() -> datetime:
    return datetime.now().astimezone()


def interleaved(cards: Sequence[Card]) -> tuple[Card, ...]:
    """One card of each point in turn, in deck order within each turn.

    A deck lists a point's cards together; taken in that order a day's twenty
    new cards would all be about one or two points. Interleaved, the first
    turn is every point's locate card (the skill the map teaches), the next
    every point's first flashcard, and so on.
    """
    seen: dict[str, int] = {}
    ranked: list[tuple[int, int, Card]] = []
    for number, card in enumerate(cards):
        turn = seen.get(card.code, 0)
        seen[card.code] = turn + 1
        ranked.append((turn, number, card))
    return tuple(card for _turn, _number, card in sorted(ranked, key=lambda entry: entry[:2]))


@dataclass
class Round:
    """The cards being studied now: a deck in study order, due or practice, and how many were answered."""

    deck: Deck
    practice: bool
    order: tuple[Card, ...]
    order_ids: tuple[str, ...]
    answered: int = 0


class StudySession:
    """The decks and their queues over one open database."""

    def __init__(self, catalog: Catalog, db: StudyDb, clock: Clock = local_now) -> None:
        self.catalog = catalog
        self.db = db
        self.clock = clock
        self.schedule = Schedule()
        self.states: dict[str, CardState] = db.states()
        self.round: Round | None = None
        self.deck_problems: list[str] = []

    def decks(self) -> list[Deck]:
        """Built-in decks, then the student's own; one that no longer fits the catalog is named in `deck_problems`."""
        decks = list(builtin_decks(self.catalog, self.db.missed_ids()))
        self.deck_problems = []
        for record in self.db.decks():
            try:
                decks.append(custom_deck(self.catalog, record.name, record.items, record.id))
            except DeckError as exc:
                self.deck_problems.append(str(exc))
        return decks

    def queue(self, deck: Deck) -> Queue:
        return build_queue(deck.card_ids, self.states, self.clock())

    def start(self, deck: Deck, practice: bool) -> None:
        """Practice goes once through the whole deck and leaves the schedule alone; new cards come interleaved."""
        order = interleaved(deck.cards)
        self.round = Round(deck, practice, order, order_ids=tuple(card.id for card in order))

    def stop(self) -> None:
        self.round = None

    def next_card(self) -> Card | None:
        """Due cards first (most overdue first), then today's new ones; in practice, the next of the deck."""
        if self.round is None:
            return None
        if self.round.practice:
            order = self.round.order
            return order[self.round.answered] if self.round.answered < len(order) else None
        cards = build_queue(self.round.order_ids, self.states, self.clock()).cards
        return parse_card_id(cards[0]) if cards else None

    def coming_back(self) -> int:
        """Cards of the round's deck due again within the hour (learning steps): worth waiting for."""
        if self.round is None or self.round.practice:
            return 0
        now = self.clock()
        return sum(
            1 for card_id in self.round.deck.card_ids if (s := self.states.get(card_id)) and now < s.due <= now + SOON
        )

    def answer(
        self, card: Card, grade: Grade, distance_cun: float | None = None, duration_ms: int | None = None
    ) -> CardState | None:
        """Record the answer (one transaction) and return the card's new state; raises OSError if not written."""
        practice = self.round.practice if self.round is not None else True
        review = Review(card.id, self.clock(), grade, practice, distance_cun, duration_ms)
        state = self.schedule.apply(self.states.get(card.id), review)
        self.db.record(review, None if practice else state)
        if self.round is not None:
            self.round.answered += 1
        if state is not None and not practice:
            self.states[card.id] = state
        return state

    def save_deck(self, name: str, items: list[str], deck_id: str | None = None) -> Deck:
        """Check a custom deck against the catalog and store it; raises DeckError or OSError."""
        deck = custom_deck(self.catalog, name, items, deck_id)
        self.db.save_deck(CustomDeckRecord(deck.id, deck.name.get(), tuple(items)))
        return deck

    def stored_items(self, deck_id: str) -> tuple[str, ...]:
        for record in self.db.decks():
            if record.id == deck_id:
                return record.items
        return ()

    def delete_deck(self, deck_id: str) -> None:
        self.db.delete_deck(deck_id)

"""`meridian-map study status|export|import` and `meridian-map deck`: study from the command line.

Loaded only when one of them runs. The study commands need no Qt; `deck`
loads Qt only to paint the pictures.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

from .cli import _can_write, _to_file
from .cli import _say as say
from .core.catalog import Catalog
from .core.load import load_with_user_pack
from .core.problems import ContentError
from .core.store.db import CustomDeckRecord, StudyDb, StudyDbError, open_study_db
from .core.store.files import atomic_write_bytes
from .core.store.paths import database_path
from .core.store.reading import read_bounded
from .core.study.decks import Deck, DeckError, builtin_decks, custom_deck, find_deck
from .core.study.progress import MAX_CSV_BYTES, log_from_csv, log_to_csv, streak, unseen_reviews
from .core.study.schedule import NEW_PER_DAY, Schedule, assemble_queue, study_day_start


def _catalog() -> Catalog | None:
    """The catalog the window shows (the user's pack included, so its points are studied too)."""
    try:
        catalog, pack_problems = load_with_user_pack()
    except ContentError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return None
    for text in pack_problems:
        print(f"your content pack is not used: {text}", file=sys.stderr)
    return catalog


def _open_db() -> StudyDb | None:
    """The student's database; a warning (a file set aside, a newer file only read) goes to stderr."""
    path = database_path()
    try:
        opened = open_study_db(path)
    except StudyDbError as exc:
        print(f"{path}: {exc}", file=sys.stderr)
        return None
    if opened.warning:
        print(f"warning: {opened.warning}", file=sys.stderr)
    return opened.db


def _custom_decks(catalog: Catalog, stored: list[CustomDeckRecord]) -> list[Deck]:
    """The student's decks that still fit the catalog; one that no longer does is named on stderr, not dropped."""
    decks = []
    for record in stored:
        try:
            decks.append(custom_deck(catalog, record.name, record.items, record.id))
        except DeckError as exc:
            print(f"warning: {exc}", file=sys.stderr)
    return decks


def cmd_study(args: argparse.Namespace) -> int:
    handlers = {"status": _status, "export": _export_log, "import": _import_log}
    return handlers[args.study_command](args)


def _export_log(args: argparse.Namespace) -> int:
    db = _open_db()
    if db is None:
        return 1
    with db:
        log = db.log()
    if _to_file(args.output, log_to_csv(log).encode("utf-8")):
        return 1
    say(f"{args.output}: {len(log)} answers")
    return 0


def _import_log(args: argparse.Namespace) -> int:
    """Add the file's answers not already known, then replay each touched card's whole history through FSRS."""
    path: Path = args.file
    try:
        raw = read_bounded(path, MAX_CSV_BYTES)
        if len(raw) > MAX_CSV_BYTES:
            print(f"{path}: file: is larger than {MAX_CSV_BYTES:,} bytes", file=sys.stderr)
            return 1
        text = raw.decode("utf-8")
    except OSError as exc:
        print(f"{path}: cannot read: {exc.strerror or exc}", file=sys.stderr)
        return 1
    except UnicodeDecodeError as exc:
        print(f"{path}: file: is not UTF-8 text (byte {exc.start})", file=sys.stderr)
        return 1
    try:
        incoming = log_from_csv(text, str(path))
    except ContentError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return 1
    db = _open_db()
    if db is None:
        return 1
    with db:
        known = db.log()
        fresh = unseen_reviews(known, incoming)
        touched = {review.card_id for review in fresh}
        states = Schedule().replay([r for r in [*known, *fresh] if r.card_id in touched])
        try:
            added = db.import_reviews(fresh, states.values())
        except OSError as exc:
            print(f"{db.path}: {exc}", file=sys.stderr)
            return 1
    say(f"{path}: {added} new answers imported, {len(incoming) - added} already known")
    return 0


def _status(args: argparse.Namespace) -> int:
    """What is due per deck, now."""
    catalog = _catalog()
    if catalog is None:
        return 1
    now = datetime.now().astimezone()
    db = _open_db()
    if db is None:
        return 1
    path = db.path
    with db:
        due = db.due_ids(now)
        reviewed = db.reviewed_ids()
        fresh_today = db.first_reviewed_since(study_day_start(now))
        missed = db.missed_ids()
        times = db.review_times()
        stored = db.decks()
        if db.skipped:
            print(f"warning: {db.path.name}: {db.skipped} unreadable rows were left out", file=sys.stderr)
    decks = [*builtin_decks(catalog, missed), *_custom_decks(catalog, stored)]
    queues = [(deck, assemble_queue(deck.card_ids, due, reviewed, fresh_today)) for deck in decks]
    days = streak(times, now)
    if args.json:
        rows = [
            {"id": deck.id, "name": deck.name.get(args.lang), "cards": len(deck.cards), "due": len(queue.due),
             "new": len(queue.new)}
            for deck, queue in queues
        ]  # fmt: skip
        summary = {
            "database": str(path),
            "now": now.isoformat(timespec="seconds"),
            "reviews": len(times),
            "new_today": fresh_today,
            "new_per_day": NEW_PER_DAY,
            "streak_days": days,
            "decks": rows,
        }
        say(json.dumps(summary, ensure_ascii=False, indent=1))
        return 0
    say(f"{len(times)} reviews so far, streak {days} day(s); new cards today {fresh_today} of {NEW_PER_DAY}")
    width = max(len(deck.id) for deck in decks)
    say(f"{'deck':<{width}}  {'due':>5}  {'new':>5}  {'cards':>5}  name")
    for deck, queue in queues:
        counts = f"{len(queue.due):>5}  {len(queue.new):>5}  {len(deck.cards):>5}"
        say(f"{deck.id:<{width}}  {counts}  {deck.name.get(args.lang)}")
    return 0


def cmd_deck(args: argparse.Namespace) -> int:
    """Write an Anki package of a deck's points, each with a picture the app paints."""
    target: Path = args.output
    if target.suffix.lower() != ".apkg":
        print(f"{target}: an Anki package must end in .apkg", file=sys.stderr)
        return 2
    if not _can_write(target):
        return 1
    catalog = _catalog()
    if catalog is None:
        return 1
    if args.lang not in catalog.content.languages:
        print(
            f"unknown language {args.lang!r}; the content has {', '.join(catalog.content.languages)}", file=sys.stderr
        )
        return 2
    missed: set[str] = set()
    stored: list[CustomDeckRecord] = []
    if database_path().is_file():  # "my misses" and custom decks; a student who never studied has none
        db = _open_db()
        if db is not None:
            with db:
                missed, stored = db.missed_ids(), db.decks()
    decks = [*builtin_decks(catalog, missed), *_custom_decks(catalog, stored)]
    try:
        deck = find_deck(decks, args.deck)
    except DeckError as exc:
        print(f"{exc}; see `meridian-map study status` for the deck ids", file=sys.stderr)
        return 2
    if not deck.cards:
        print(f"deck {deck.id!r} has no cards", file=sys.stderr)
        return 2
    try:
        from .gui.pointpicture import PointPictures, ensure_gui_application
    except ImportError as exc:
        print(f"the pictures need Qt, which is not available: {exc}", file=sys.stderr)
        return 1
    from .core.study.anki import build_package

    ensure_gui_application()
    pictures = PointPictures(catalog)
    try:
        with tempfile.TemporaryDirectory(prefix="meridian-map-deck-") as folder:
            built = Path(folder) / "deck.apkg"
            notes = build_package(catalog, deck, args.lang, pictures.png, built, time.time())
            atomic_write_bytes(target, built.read_bytes())
    except OSError as exc:
        print(f"{target}: cannot write: {exc.strerror or exc}", file=sys.stderr)
        return 1
    say(f"{target}: {notes} notes from deck {deck.id}, {target.stat().st_size // 1024} KB")
    return 0

"""The study database: private, WAL, versioned, append-only; a bad file is set aside and reported; CSV moves."""

from __future__ import annotations

import sqlite3
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from meridian_map.core.problems import ContentError
from meridian_map.core.store import db as db_module
from meridian_map.core.store.db import SCHEMA_VERSION, CustomDeckRecord, StudyDbError, open_study_db
from meridian_map.core.study.progress import log_from_csv, log_to_csv
from meridian_map.core.study.quiz import Grade
from meridian_map.core.study.schedule import Review, Schedule, due_cards

T0 = datetime(2026, 4, 1, 18, 0, tzinfo=UTC)


def test_a_new_database_is_private_wal_and_versioned(tmp_path: Path) -> None:
    path = tmp_path / "data" / "study.sqlite3"
    opened = open_study_db(path)
    assert opened.warning is None
    schedule = Schedule()
    with opened.db as db:
        review = Review("locate:ST2", T0, Grade.GOOD, distance_cun=0.42, duration_ms=3100)
        db.record(review, schedule.apply(None, review))
        assert db.version == SCHEMA_VERSION
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        raw.execute("UPDATE review_log SET grade = 4")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        raw.execute("DELETE FROM review_log")
    raw.close()
    with open_study_db(path).db as db:
        assert db.log() == [review]
        assert db.states() == {"locate:ST2": schedule.apply(None, review)}
        assert db.log(since=T0 + timedelta(seconds=1)) == []


def test_what_is_due_new_and_missed_comes_from_indexed_queries(tmp_path: Path) -> None:
    schedule = Schedule()
    log = [
        Review("locate:ST1", T0, Grade.AGAIN),
        Review("locate:ST2", T0, Grade.EASY),
        Review("locate:ST3", T0 - timedelta(days=2), Grade.AGAIN),
        Review("locate:ST3", T0 + timedelta(minutes=1), Grade.GOOD),  # missed before, right since
    ]
    states = schedule.replay(log)
    with open_study_db(tmp_path / "s.sqlite3").db as db:
        db.import_reviews(reversed(log), states.values())  # written out of time order on purpose
        later = T0 + timedelta(hours=2)
        assert db.due_ids(later) == list(due_cards(states, states, later)) == ["locate:ST1", "locate:ST3"]
        assert db.due_ids(T0 - timedelta(days=9)) == []
        assert db.reviewed_ids() == set(states)
        assert db.first_reviewed_since(T0 - timedelta(hours=1)) == 2
        assert db.missed_ids() == {"locate:ST1"}
        assert sorted(db.review_times()) == sorted(r.at for r in log)


def test_a_state_is_never_stored_without_its_review(tmp_path: Path) -> None:
    with open_study_db(tmp_path / "s.sqlite3").db as db:
        good = Review("locate:ST2", T0, Grade.GOOD)
        state = Schedule().apply(None, good)
        with pytest.raises(sqlite3.IntegrityError):
            db.record(Review("locate:ST2", T0, 7), state)  # type: ignore[arg-type]
        assert db.states() == {} and db.log() == []


@pytest.mark.parametrize("content", [b"not a database at all" * 100, b"SQLite format 3\x00" + b"\xff" * 2000])
def test_an_unreadable_database_is_set_aside_and_reported(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "study.sqlite3"
    path.write_bytes(content)
    opened = open_study_db(path)
    assert opened.set_aside is not None and opened.set_aside.read_bytes() == content
    assert opened.warning is not None and opened.set_aside.name in opened.warning
    assert opened.set_aside.name.startswith("study.sqlite3.corrupt-")
    with opened.db as db:
        assert db.log() == [] and db.version == SCHEMA_VERSION


def test_a_damaged_page_is_found_by_the_check_and_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "study.sqlite3"
    with open_study_db(path).db as db:
        for n in range(400):
            db.record(Review(f"locate:ST{n % 10 + 1}", T0 + timedelta(minutes=n), Grade.GOOD), None)
    sqlite3.connect(path).execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
    data = bytearray(path.read_bytes())
    for page in range(1, len(data) // 4096):
        data[page * 4096 : page * 4096 + 8] = b"\x07" * 8  # scribble over every b-tree page's header
    path.write_bytes(bytes(data))
    opened = open_study_db(path)
    assert opened.set_aside is not None, opened.warning
    opened.db.close()


def test_a_newer_database_is_read_but_never_written(tmp_path: Path) -> None:
    path = tmp_path / "study.sqlite3"
    with open_study_db(path).db as db:
        db.record(Review("locate:ST2", T0, Grade.GOOD), None)
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    raw.close()
    before = path.read_bytes()
    opened = open_study_db(path)
    assert opened.set_aside is None and opened.warning is not None and "newer" in opened.warning
    with opened.db as db:
        assert len(db.log()) == 1
        with pytest.raises(StudyDbError, match="newer"):
            db.record(Review("locate:ST3", T0, Grade.GOOD), None)
    assert path.read_bytes() == before and list(tmp_path.glob("*.corrupt-*")) == []


def test_an_older_database_is_upgraded_in_place_and_a_failed_upgrade_keeps_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "study.sqlite3"
    review = Review("locate:ST2", T0, Grade.GOOD)
    with open_study_db(path).db as db:
        db.record(review, None)

    def add_note_column(connection: sqlite3.Connection) -> None:
        connection.execute("ALTER TABLE review_log ADD COLUMN note TEXT")

    def broken(connection: sqlite3.Connection) -> None:
        connection.execute("ALTER TABLE review_log ADD COLUMN half TEXT")
        raise sqlite3.OperationalError("simulated failure half-way")

    monkeypatch.setattr(db_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    monkeypatch.setattr(db_module, "MIGRATIONS", {**db_module.MIGRATIONS, SCHEMA_VERSION: broken})
    with pytest.raises(StudyDbError, match="left untouched"):
        open_study_db(path)
    assert list(tmp_path.glob("*.corrupt-*")) == []
    raw = sqlite3.connect(path)
    columns = [row[1] for row in raw.execute("PRAGMA table_info(review_log)")]
    assert "half" not in columns and raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    raw.close()

    monkeypatch.setattr(db_module, "MIGRATIONS", {**db_module.MIGRATIONS, SCHEMA_VERSION: add_note_column})
    opened = open_study_db(path)
    assert opened.warning is None
    with opened.db as db:
        assert db.version == SCHEMA_VERSION + 1 and db.log() == [review]


def test_a_foreign_database_is_not_taken_over(tmp_path: Path) -> None:
    path = tmp_path / "study.sqlite3"
    raw = sqlite3.connect(path)
    raw.execute("CREATE TABLE notes (x)")
    raw.commit()
    raw.close()
    opened = open_study_db(path)
    assert opened.set_aside is not None and "no schema version" in (opened.warning or "")
    opened.db.close()


def test_a_file_claiming_our_schema_without_our_tables_is_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "study.sqlite3"
    raw = sqlite3.connect(path)
    raw.execute("CREATE TABLE review_log (x)")
    raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    raw.commit()
    raw.close()
    opened = open_study_db(path)
    assert opened.set_aside is not None and "review_log table" in (opened.warning or "")
    opened.db.close()


def test_rows_edited_into_nonsense_are_left_out_and_counted(tmp_path: Path) -> None:
    path = tmp_path / "study.sqlite3"
    good = Review("locate:ST2", T0, Grade.GOOD)
    with open_study_db(path).db as db:
        db.record(good, Schedule().apply(None, good))
    raw = sqlite3.connect(path)
    raw.execute("DROP TRIGGER review_log_no_update")
    raw.execute("INSERT INTO review_log (card_id, reviewed_at, grade) VALUES ('locate:ST3', 'tuesday', 3)")
    raw.execute("INSERT INTO review_log (card_id, reviewed_at, grade) VALUES ('locate:ST3', '2026-01-01T00:00:00', 3)")
    raw.execute("INSERT INTO review_log (card_id, reviewed_at, grade) VALUES (x'00ff', '2026-01-01T00:00:00+00:00', 3)")
    raw.execute(
        "INSERT INTO card_state (card_id, state, due, first_review) VALUES ('locate:ST4', 'x', 'never', 'never')"
    )
    raw.commit()
    raw.close()
    with open_study_db(path).db as db:
        assert db.log() == [good] and list(db.states()) == ["locate:ST2"]
        assert db.skipped == 4
        assert len(db.review_times()) == 2 and db.skipped == 6  # the two rows without a readable time


def test_a_folder_in_the_way_is_an_error_not_a_loss(tmp_path: Path) -> None:
    path = tmp_path / "study.sqlite3"
    path.mkdir()
    with pytest.raises(StudyDbError):
        open_study_db(path)
    assert path.is_dir()


def test_custom_decks_are_stored_and_bad_rows_skipped(tmp_path: Path) -> None:
    path = tmp_path / "study.sqlite3"
    with open_study_db(path).db as db:
        db.save_deck(CustomDeckRecord("custom:eyes", "Eyes", ("ST1", "locate:BL1")))
        db.save_deck(CustomDeckRecord("custom:gone", "Gone", ("ST2",)))
        db.delete_deck("custom:gone")
    raw = sqlite3.connect(path)
    raw.execute("INSERT INTO deck VALUES ('custom:bad', 'Bad', '{\"not\": \"a list\"}')")
    raw.commit()
    raw.close()
    with open_study_db(path).db as db:
        assert db.decks() == [CustomDeckRecord("custom:eyes", "Eyes", ("ST1", "locate:BL1"))]


def test_progress_goes_out_and_back_in_as_csv(tmp_path: Path) -> None:
    schedule = Schedule()
    log = [
        Review("locate:ST2", T0, Grade.GOOD, distance_cun=0.412, duration_ms=2500),
        Review("flash:code>pinyin:ST2", T0 + timedelta(minutes=1), Grade.AGAIN),
        Review("locate:ST2", T0 + timedelta(days=3), Grade.EASY, practice=True),
    ]
    text = log_to_csv(log)
    assert text.splitlines()[0] == "card_id,reviewed_at,grade,practice,distance_cun,duration_ms"
    back = log_from_csv(text, "progress.csv")
    assert back == log
    target = open_study_db(tmp_path / "other.sqlite3").db
    with target:
        assert target.import_reviews(back, schedule.replay(back).values()) == 3
        assert target.import_reviews(back, schedule.replay(back).values()) == 0  # importing twice adds nothing
        assert target.review_count() == 3 and target.states() == schedule.replay(log)


def test_a_bad_csv_names_file_line_and_column_and_imports_nothing() -> None:
    text = (
        "card_id,reviewed_at,grade,practice,distance_cun,duration_ms\n"
        "locate:ST2,2026-04-01T18:00:00+00:00,3,0,,\n"
        "locate:ST2;rm,2026-04-01T18:00:00+00:00,3,0,,\n"
        "locate:ST2,yesterday,5,2,-1,nan\n"
        "locate:ST2,2026-04-01T18:00:00,3,0,,\n"
        "too,few\n"
    )
    with pytest.raises(ContentError) as error:
        log_from_csv(text, "p.csv")
    found = [str(p) for p in error.value.problems]
    assert found[0].startswith("p.csv:3: card_id:")
    assert {p.split(": ")[1] for p in found if p.startswith("p.csv:4:")} == {
        "reviewed_at", "grade", "practice", "distance_cun", "duration_ms"
    }  # fmt: skip
    assert any(p.startswith("p.csv:5: reviewed_at:") for p in found)  # no time zone
    assert any(p.startswith("p.csv:6: row:") for p in found)
    with pytest.raises(ContentError, match="header"):
        log_from_csv("a,b\n", "p.csv")

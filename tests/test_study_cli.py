"""`meridian-map study status`, `deck` (the Anki package) and `paths`, and what each command imports."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from datetime import UTC, datetime, timedelta
from html import escape
from pathlib import Path

import pytest

from meridian_map.core.catalog import Catalog
from meridian_map.core.store.db import CustomDeckRecord, open_study_db
from meridian_map.core.study.cards import point_infos
from meridian_map.core.study.decks import builtin_decks, find_deck
from meridian_map.core.study.quiz import Grade
from meridian_map.core.study.schedule import Review, Schedule

from .clidriver import modules_after, run_cli

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def database(home: Path) -> Path:
    return home / "data" / "meridian-map" / "study.sqlite3"


def test_paths_shows_the_study_database(tmp_path: Path) -> None:
    result = run_cli(tmp_path, "paths")
    assert result.returncode == 0, result.stderr
    assert f"study database:  {database(tmp_path)}" in result.stdout.splitlines()


def test_study_status_counts_due_and_new_cards_per_deck(tmp_path: Path, catalog: Catalog) -> None:
    now = datetime.now(UTC)
    schedule = Schedule()
    path = database(tmp_path)
    with open_study_db(path).db as db:
        for card_id in ("locate:ST2", "locate:LI20"):
            review = Review(card_id, now - timedelta(days=3), Grade.AGAIN)
            db.record(review, schedule.apply(None, review))  # a failed new card is due again in minutes
    result = run_cli(tmp_path, "study", "status", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    decks = {deck["id"]: deck for deck in report["decks"]}
    assert report["database"] == str(path) and report["reviews"] == 2
    assert decks["all"]["due"] == 2 and decks["all"]["new"] == 20
    assert decks["channel:ST"]["due"] == 1 and decks["channel:GV"]["due"] == 0
    assert decks["misses"]["cards"] == 2 and decks["misses"]["new"] == 0
    assert decks["all"]["cards"] == len(find_deck(builtin_decks(catalog), "all").cards)
    text = run_cli(tmp_path, "study", "status")
    assert text.returncode == 0 and "yang-ming" in text.stdout and "Channel: Stomach" in text.stdout
    chinese = run_cli(tmp_path, "study", "status", "--lang", "zh")
    assert chinese.returncode == 0 and "经络：足阳明胃经" in chinese.stdout


def test_study_status_sets_a_broken_database_aside_and_says_so(tmp_path: Path) -> None:
    path = database(tmp_path)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"garbage" * 500)
    result = run_cli(tmp_path, "study", "status")
    assert result.returncode == 0, result.stderr
    assert "warning: study.sqlite3 was unusable" in result.stderr
    (aside,) = path.parent.glob("study.sqlite3.corrupt-*")
    assert aside.read_bytes() == b"garbage" * 500


def test_commands_without_a_window_load_no_qt_and_the_window_loads_no_study_code(tmp_path: Path) -> None:
    status = modules_after(tmp_path, ["study", "status"])
    assert not {m for m in status if m.startswith(("PySide6", "shiboken6", "meridian_map.gui"))}
    paths = modules_after(tmp_path, ["paths"])
    assert not {m for m in paths if m in ("sqlite3", "fsrs") or "study" in m}
    window = modules_after(tmp_path, ["--screenshot", str(tmp_path / "shot.png")])
    assert not {
        m
        for m in window
        if m.startswith(("fsrs", "genanki", "sqlite3"))
        or any(part in m for part in (".study", ".session", ".store.db", "pointpicture"))
    }
    assert (tmp_path / "shot.png").is_file()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_deck_writes_an_anki_package_with_one_note_and_picture_per_point(
    tmp_path: Path, catalog: Catalog, lang: str
) -> None:
    target = tmp_path / "points.apkg"
    result = run_cli(tmp_path, "deck", "-o", str(target), "--lang", lang)
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(target) as package:
        names = set(package.namelist())
        assert "collection.anki2" in names and "media" in names
        media = json.loads(package.read("media"))
        collection = tmp_path / "collection.anki2"
        collection.write_bytes(package.read("collection.anki2"))
        pictures = {name: package.read(number) for number, name in media.items()}
    infos = {info.code: info for info in point_infos(catalog)}
    db = sqlite3.connect(collection)
    notes = [row[0].split("\x1f") for row in db.execute("SELECT flds FROM notes")]
    cards = db.execute("SELECT count(*) FROM cards").fetchone()[0]
    db.close()
    assert len(notes) == len(infos) == len(pictures) == cards
    assert len({fields[0] for fields in notes}) == len(notes)
    for fields in notes:
        info = infos[fields[0]]
        assert fields[1:4] == [escape(info.pinyin), escape(info.hanzi), escape(info.english)]  # Anki reads HTML
        assert fields[6] == escape(info.location.get(lang))
        assert fields[7]  # the cautions travel with the point
        picture = fields[8].split('"')[1]
        assert pictures[picture].startswith(PNG_SIGNATURE) and len(pictures[picture]) > 5000
    st2 = next(fields for fields in notes if fields[0] == "ST2")
    if lang == "zh":
        assert st2[4] == catalog.channels["ST"].name.get("zh") and "眶下" in st2[6]
    else:
        assert st2[4] == catalog.channels["ST"].name.get("en")
    assert len({bytes(p) for p in pictures.values()}) == len(pictures)  # each marks a different point


def test_deck_refuses_what_it_cannot_write(tmp_path: Path) -> None:
    bad_suffix = run_cli(tmp_path, "deck", "-o", str(tmp_path / "points.zip"))
    assert bad_suffix.returncode == 2 and ".apkg" in bad_suffix.stderr
    no_folder = run_cli(tmp_path, "deck", "-o", str(tmp_path / "missing" / "p.apkg"))
    assert no_folder.returncode == 1 and "no such folder" in no_folder.stderr
    unknown = run_cli(tmp_path, "deck", "-o", str(tmp_path / "p.apkg"), "--deck", "zone:elbow")
    assert unknown.returncode == 2 and "no deck 'zone:elbow'" in unknown.stderr
    language = run_cli(tmp_path, "deck", "-o", str(tmp_path / "p.apkg"), "--lang", "fr")
    assert language.returncode == 2 and "unknown language 'fr'" in language.stderr
    assert not (tmp_path / "p.apkg").exists() and not list(tmp_path.glob(".*.tmp"))


def note_codes(package_file: Path) -> list[str]:
    with zipfile.ZipFile(package_file) as package:
        collection = package_file.with_suffix(".anki2")
        collection.write_bytes(package.read("collection.anki2"))
    db = sqlite3.connect(collection)
    codes = sorted(row[0].split("\x1f")[0] for row in db.execute("SELECT flds FROM notes"))
    db.close()
    return codes


def test_a_deck_of_a_channel_a_custom_deck_or_the_misses_holds_their_points_only(
    tmp_path: Path, catalog: Catalog
) -> None:
    target = tmp_path / "li.apkg"
    result = run_cli(tmp_path, "deck", "-o", str(target), "--deck", "channel:LI")
    assert result.returncode == 0, result.stderr
    assert note_codes(target) == sorted(info.code for info in point_infos(catalog) if info.channel == "LI")
    with open_study_db(database(tmp_path)).db as db:
        db.save_deck(CustomDeckRecord("custom:my-eyes", "Eyes", ("ST1", "locate:BL1")))
        db.record(Review("locate:GB14", datetime.now(UTC), Grade.AGAIN), None)
    custom = run_cli(tmp_path, "deck", "-o", str(target), "--deck", "custom:my-eyes")
    assert custom.returncode == 0, custom.stderr
    assert note_codes(target) == ["BL1", "ST1"]
    misses = run_cli(tmp_path, "deck", "-o", str(target), "--deck", "misses")
    assert misses.returncode == 0, misses.stderr
    assert note_codes(target) == ["GB14"]


def test_study_history_moves_between_machines_as_csv(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    t0 = datetime.now(UTC) - timedelta(days=2)
    schedule = Schedule()
    with open_study_db(database(first)).db as db:
        for minutes, grade in ((0, Grade.GOOD), (1, Grade.AGAIN)):
            review = Review("locate:ST2", t0 + timedelta(minutes=minutes), grade, distance_cun=0.3)
            db.record(review, schedule.apply(db.states().get("locate:ST2"), review))
        expected_state = db.states()
    csv_file = tmp_path / "progress.csv"
    exported = run_cli(first, "study", "export", "-o", str(csv_file))
    assert exported.returncode == 0 and "2 answers" in exported.stdout, exported.stderr
    with open_study_db(database(second)).db as db:  # the other machine has an answer of its own
        db.record(Review("locate:LI20", t0, Grade.EASY), schedule.apply(None, Review("locate:LI20", t0, Grade.EASY)))
    imported = run_cli(second, "study", "import", str(csv_file))
    assert imported.returncode == 0 and "2 new answers" in imported.stdout, imported.stderr
    again = run_cli(second, "study", "import", str(csv_file))
    assert "0 new answers imported, 2 already known" in again.stdout
    with open_study_db(database(second)).db as db:
        assert db.review_count() == 3
        assert db.states()["locate:ST2"] == expected_state["locate:ST2"]
        assert "locate:LI20" in db.states()
    csv_file.write_text("card_id,reviewed_at,grade,practice,distance_cun,duration_ms\nlocate:ST2,soon,3,0,,\n")
    broken = run_cli(second, "study", "import", str(csv_file))
    assert broken.returncode == 1 and f"{csv_file}:2: reviewed_at:" in broken.stderr
    csv_file.write_bytes(b"\xff\xfe garbage")
    assert "not UTF-8" in run_cli(second, "study", "import", str(csv_file)).stderr

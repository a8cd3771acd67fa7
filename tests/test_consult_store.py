"""The client file: clients, screening answers, routines, sessions and notes, export and deletion."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import stat
from pathlib import Path

import pytest

from meridian_map.core.catalog import Catalog
from meridian_map.core.screeningmodel import Answer
from meridian_map.core.session.routine import Routine, for_concerns, from_dict
from meridian_map.core.store.clients import SCHEMA_VERSION, ClientStore, ClientStoreError, open_client_store

DAY = dt.date(2026, 12, 1)


@pytest.fixture
def store(tmp_path: Path) -> ClientStore:
    opened = open_client_store(tmp_path / "clients.sqlite3")
    assert opened.warning is None
    return opened.store


def test_the_file_is_private_and_versioned(tmp_path: Path, store: ClientStore) -> None:
    store.add_client("Ms K", DAY)
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    for companion in tmp_path.glob("clients.sqlite3-*"):
        assert stat.S_IMODE(companion.stat().st_mode) == 0o600, companion.name
    assert store.version == SCHEMA_VERSION
    store.close()


def test_client_names_must_print(store: ClientStore) -> None:
    client = store.add_client("  王女士  ", DAY)
    assert store.client(client.id).name == "王女士"
    for bad, message in (("", "must not be empty"), ("😀 Jo", "cannot print"), ("a\nb", "one line"), ("x" * 81, "81")):
        with pytest.raises(ClientStoreError, match=message):
            store.add_client(bad, DAY)
    store.rename_client(client.id, "Mrs Wang")
    assert [c.name for c in store.clients()] == ["Mrs Wang"]


def test_routines_per_client_and_templates(catalog: Catalog, store: ClientStore) -> None:
    client = store.add_client("Ms K", DAY)
    routine = for_concerns(catalog, ["acne"]).renamed("Acne, gentle")
    mine = store.save_routine(client.id, routine.overridden(catalog, "cheek", pressure="feather"))
    template = store.save_routine(None, routine)
    assert [r.name for r in store.routines(client.id)] == ["Acne, gentle"]
    assert [r.id for r in store.routines(None)] == [template]
    assert from_dict(store.routines(client.id)[0].data, catalog).step("cheek").pressure == "feather"
    # Saving under the same name replaces; duplicate, rename and delete keep names unique per owner.
    assert store.save_routine(client.id, routine) == mine
    assert from_dict(store.routines(client.id)[0].data, catalog) == routine
    copy = store.duplicate_routine(mine, "Acne, spring")
    with pytest.raises(ClientStoreError, match="already a routine called 'Acne, gentle'"):
        store.rename_routine(copy, "Acne, gentle")
    store.rename_routine(copy, "Acne, winter")
    names = {r.name: r for r in store.routines(client.id)}
    assert set(names) == {"Acne, gentle", "Acne, winter"} and names["Acne, winter"].data["name"] == "Acne, winter"
    assert from_dict(names["Acne, winter"].data, catalog).name == "Acne, winter"
    store.delete_routine(mine)
    assert [r.name for r in store.routines(client.id)] == ["Acne, winter"]
    with pytest.raises(ClientStoreError, match="no routine"):
        store.delete_routine(mine)
    with pytest.raises(ClientStoreError, match="routine name: cannot print"):
        store.save_routine(client.id, Routine("😀", routine.steps))


def test_sessions_keep_the_routine_answers_steps_and_note_of_the_day(catalog: Catalog, store: ClientStore) -> None:
    client = store.add_client("Ms K", DAY)
    answers = (Answer("recent-injectables", dt.date(2026, 11, 20), ("forehead",)), Answer("pregnancy"))
    store.save_answers(client.id, DAY, answers)
    routine = for_concerns(catalog, ["acne"])
    session = store.start_session(client.id, DAY, routine, answers)
    store.save_steps_done(session, [3, 1, 2, 2])
    store.save_note(session, "Tender at the jaw; 轻一点.")
    (record,) = store.sessions(client.id)
    assert record.held_on == DAY and from_dict(record.routine, catalog) == routine
    assert record.answers == answers and record.steps_done == (1, 2, 3) and record.note == "Tender at the jaw; 轻一点."
    (screening,) = store.screenings(client.id)
    assert screening.answered_on == DAY and screening.answers == answers
    with pytest.raises(ClientStoreError, match="at most 20,000"):
        store.save_note(session, "x" * 20_001)
    with pytest.raises(ClientStoreError, match="no session"):
        store.save_note(session + 1, "lost")


def test_export_holds_the_whole_record_as_json(catalog: Catalog, store: ClientStore) -> None:
    client = store.add_client("Ms K", DAY)
    store.save_answers(client.id, DAY, [Answer("fever")])
    store.save_routine(client.id, for_concerns(catalog, ["wrinkles"]))
    store.save_note(store.start_session(client.id, DAY, for_concerns(catalog, ["acne"]), []), "first visit")
    document = json.loads(json.dumps(store.export_client(client.id)))
    assert document["client"] == {"name": "Ms K", "created": "2026-12-01"}
    assert document["screenings"] == [{"answered_on": "2026-12-01", "answers": [{"item": "fever"}]}]
    assert [r["name"] for r in document["routines"]] == ["Wrinkles"]
    assert document["sessions"][0]["note"] == "first visit"


def test_deleting_a_client_removes_everything_and_says_what(catalog: Catalog, store: ClientStore) -> None:
    gone, kept = store.add_client("Secret Name", DAY), store.add_client("Other", DAY)
    for client in (gone, kept):
        store.save_answers(client.id, DAY, [Answer("fever")])
        store.save_routine(client.id, for_concerns(catalog, ["acne"]))
        store.save_note(store.start_session(client.id, DAY, for_concerns(catalog, ["acne"]), []), "private words")
    store.start_session(gone.id, DAY, for_concerns(catalog, ["acne"]), [])
    template = store.save_routine(None, for_concerns(catalog, ["wrinkles"]))
    deleted = store.delete_client(gone.id)
    assert (deleted.routines, deleted.sessions, deleted.notes, deleted.screenings) == (1, 2, 1, 1)
    assert str(deleted).startswith("Secret Name is deleted, with 1 routine(s), 2 session(s), 1 note(s)")
    assert [c.name for c in store.clients()] == ["Other"]
    assert len(store.sessions(kept.id)) == 1 and [r.id for r in store.routines(None)] == [template]
    with pytest.raises(ClientStoreError, match="no client"):
        store.client(gone.id)
    store.close()
    # Gone from the bytes too: overwritten in the file, and the write-ahead log emptied.
    data = b"".join(p.read_bytes() for p in store.path.parent.glob("clients.sqlite3*"))
    assert b"Secret Name" not in data and data.count(b"private words") <= 1


def test_an_unusable_file_is_set_aside_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "clients.sqlite3"
    path.write_bytes(b"not a database" * 300)
    opened = open_client_store(path)
    assert opened.warning is not None and "was unusable" in opened.warning and opened.set_aside is not None
    assert opened.set_aside.read_bytes() == b"not a database" * 300
    assert opened.store.clients() == []
    opened.store.close()
    foreign = tmp_path / "foreign.sqlite3"
    db = sqlite3.connect(foreign)
    db.execute("CREATE TABLE client (x)")
    db.commit()
    db.close()
    refused = open_client_store(foreign)
    assert refused.warning is not None and "no schema version" in refused.warning
    refused.store.close()


def test_a_newer_file_is_read_but_never_written(tmp_path: Path) -> None:
    path = tmp_path / "clients.sqlite3"
    with open_client_store(path).store as store:
        store.add_client("Ms K", DAY)
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    opened = open_client_store(path)
    assert opened.warning is not None and "newer version" in opened.warning
    assert [c.name for c in opened.store.clients()] == ["Ms K"]
    with pytest.raises(ClientStoreError, match="never written"):
        opened.store.add_client("Mr L", DAY)
    opened.store.close()


def test_hand_edited_rows_are_left_out_and_counted(tmp_path: Path, catalog: Catalog) -> None:
    path = tmp_path / "clients.sqlite3"
    with open_client_store(path).store as store:
        client = store.add_client("Ms K", DAY)
        store.start_session(client.id, DAY, for_concerns(catalog, ["acne"]), [])
        store.start_session(client.id, DAY, for_concerns(catalog, ["acne"]), [])
        store.save_answers(client.id, DAY, [])
    db = sqlite3.connect(path)
    db.execute('UPDATE session SET answers = \'{"not": "a list"}\' WHERE id = 1')
    db.execute("UPDATE answers SET answered_on = 'yesterday'")
    db.commit()
    db.close()
    with open_client_store(path).store as store:
        assert len(store.sessions(client.id)) == 1 and store.screenings(client.id) == []
        assert store.skipped == 2

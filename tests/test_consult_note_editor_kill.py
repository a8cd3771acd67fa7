"""The note editor killed with SIGKILL while the practitioner types: at most the last second of typing is lost.

A child process runs the real editor (`gui/consult/notes.py`) on a session of
a client file, typing a growing note a key at a time with pauses, and
reports through a pipe each keystroke (the length typed and the editor's
clock reading) and each save (the length the store then holds). The parent
kills it with SIGKILL at a random moment, then checks the file: sound, and
holding exactly the last saved note or the one being written, never a torn
or older one. From the reports, in the editor's own clock, it checks the
debounce: whenever a key was handled, nothing typed a second or more before
was still unsaved. No wall-clock time is asserted.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import select
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from meridian_map.core.session.notes import MAX_UNSAVED_SECONDS
from meridian_map.core.session.routine import Routine, Step
from meridian_map.core.store.clients import open_client_store

KILLS = 8

CHILD = r"""
import os, random, sys, time
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from meridian_map.core.store.clients import open_client_store
from meridian_map.gui.consult.notes import NoteEditor

path, session, seed = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(seed)
app = QApplication([])
store = open_client_store(path).store
readings = [0.0]


def clock():
    readings[0] = time.monotonic()
    return readings[0]


def note(n):
    return "".join("轻abc "[(i * 7) % 5] for i in range(n))


def report(line):
    os.write(1, (line + "\n").encode())


editor = NoteEditor(clock=clock)
editor.saved.connect(lambda text: report(f"S {len(text)}"))
editor.bind(store.note(session), lambda text: store.save_note(session, text))
report(f"R {len(store.note(session))}")


def key():
    length = len(editor.toPlainText()) + 1
    editor.setPlainText(note(length))
    report(f"T {length} {readings[0]!r}")
    QTimer.singleShot(rng.choice([600] + [10] * 120), key)


QTimer.singleShot(0, key)
app.exec()
"""


def note(n: int) -> str:
    return "".join("轻abc "[(i * 7) % 5] for i in range(n))


def run_until_killed(path: Path, session: int, seed: int, rng: random.Random) -> list[str]:
    """Start the typing child, let it type for a random while, SIGKILL it; its reports, in order."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path), str(session), str(seed)], stdout=subprocess.PIPE, env=env
    )
    assert child.stdout is not None
    received = b""
    started = None
    typing_for = rng.uniform(0.2, 2.0)
    while True:
        ready, _, _ = select.select([child.stdout], [], [], 0.05)
        if ready:
            chunk = os.read(child.stdout.fileno(), 65536)
            if not chunk:
                break
            received += chunk
            if started is None and b"T " in received:
                started = time.monotonic()  # the child is up and typing: now the random while counts
        if started is not None and time.monotonic() - started >= typing_for:
            break
        if child.poll() is not None:
            break
    child.send_signal(signal.SIGKILL)
    child.wait()
    received += child.stdout.read()
    child.stdout.close()
    return received.decode().splitlines()


def check_reports(lines: list[str]) -> tuple[int, int, int]:
    """The debounce seen from inside: at every key handled, no typing a second old was unsaved.

    Returns the length the child started from, the last length acknowledged
    as saved and the last length typed.
    """
    assert lines and lines[0].startswith("R "), lines[:3]
    saved = int(lines[0].split()[1])
    typed_at: dict[int, float] = {}
    typed = saved
    for line in lines[1:]:
        kind, *fields = line.split()
        if kind == "S":
            saved = int(fields[0])
        elif kind == "T" and len(fields) == 2:
            typed, now = int(fields[0]), float(fields[1])
            typed_at[typed] = now
            if typed > saved and saved + 1 in typed_at:
                assert now - typed_at[saved + 1] < MAX_UNSAVED_SECONDS, (
                    f"at {typed} characters, typing since {saved + 1} had gone unsaved "
                    f"{now - typed_at[saved + 1]:.3f} s"
                )
    return int(lines[0].split()[1]), saved, typed


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_killed_note_editor_loses_at_most_the_last_second_of_typing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "clients.sqlite3"
    with open_client_store(path).store as store:
        client = store.add_client("Ms K", dt.date(2026, 12, 1))
        session = store.start_session(client.id, dt.date(2026, 12, 1), Routine("R", (Step("chin"),)), [])
    rng = random.Random(20261205)
    lost_chars: list[int] = []
    in_flight = 0
    for kill in range(KILLS):
        lines = run_until_killed(path, session, kill, rng)
        start, acked, typed = check_reports(lines)
        raw = sqlite3.connect(path)
        try:
            assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            (kept,) = raw.execute("SELECT note FROM session WHERE id = ?", (session,)).fetchone()
        finally:
            raw.close()
        assert kept == note(len(kept)), "the note is exactly what was typed, up to some point"
        assert acked <= len(kept) <= typed, f"kill {kill}: kept {len(kept)}, acknowledged {acked}, typed {typed}"
        assert len(kept) >= start
        in_flight += len(kept) > acked
        lost_chars.append(typed - len(kept))
    with capsys.disabled():
        print(
            f"\nnote editor SIGKILL: {KILLS} kills, {in_flight} kept a save not yet acknowledged; "
            f"typing lost per kill: at most {max(lost_chars)} characters, {sum(lost_chars) / KILLS:.1f} on average"
        )
    assert len(note(len(kept))) > KILLS, "the child typed: the test proves something"

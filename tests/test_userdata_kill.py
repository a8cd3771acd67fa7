"""A writer killed with SIGKILL at random points never leaves a torn settings file.

A helper process saves a 160 KB document again and again through JsonStore,
each version filled with its own number so that any mix of two versions is
detectable. It forks a writer, lets it complete a random number of saves
(acknowledged through a pipe), waits a random fraction of a save, kills it
with SIGKILL and reads the file: it must be exactly the last acknowledged
version or the one after it. Forking from a small helper (no Qt, no threads)
keeps each kill to a few milliseconds.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from meridian_map.core.store.jsonstore import JsonStore

from .killloop import assert_never_torn, kill_loop

KILLS = 250

HELPER = r"""
import json, os, random, signal, sys, time
from pathlib import Path
from meridian_map.core.store.jsonstore import JsonStore

path, kills = Path(sys.argv[1]), int(sys.argv[2])
rng = random.Random(20240601)
store = JsonStore(path, version=1)
store.load()


def payload(n):
    return {"n": n, "blob": f"{n:08d}" * 20_000}


def save_times():
    started = time.perf_counter()
    for n in range(5):
        store.save(payload(n))
    return (time.perf_counter() - started) / 5


save_seconds = save_times()
last = 4
report = {"kills": 0, "old": 0, "new": 0, "torn": [], "mid_write": 0, "save_ms": round(save_seconds * 1000, 2)}
for _ in range(kills):
    acks, ack_pipe = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(acks)
        n = last
        while True:
            n += 1
            store.save(payload(n))
            os.write(ack_pipe, b".")
    os.close(ack_pipe)
    acked = 0
    for _ in range(rng.randint(0, 2)):
        acked += len(os.read(acks, 1))
    spin_until = time.perf_counter() + rng.uniform(0, 1.5 * save_seconds)
    while time.perf_counter() < spin_until:
        pass
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    while chunk := os.read(acks, 4096):
        acked += len(chunk)
    os.close(acks)
    report["kills"] += 1
    leftovers = list(path.parent.glob(f".{path.name}.*.tmp"))
    report["mid_write"] += bool(leftovers)
    for leftover in leftovers:
        leftover.unlink()
    try:
        document = json.loads(path.read_bytes())
        n = document["data"]["n"]
        intact = document == {"version": 1, "data": payload(n)}
    except (ValueError, KeyError, TypeError) as exc:
        report["torn"].append(repr(exc)[:200])
        break
    if not intact or n not in (last + acked, last + acked + 1):
        report["torn"].append(f"expected {last + acked} or {last + acked + 1}, found {n} (intact: {intact})")
        break
    report["old" if n == last + acked else "new"] += 1
    last = n
print(json.dumps(report))
"""


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL")
def test_killed_saves_leave_the_old_or_the_new_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "settings.json"
    report = kill_loop(HELPER, path, KILLS, timeout=120)
    with capsys.disabled():
        print(
            f"\nSIGKILL: {report['kills']} kills, {report['old']} left the old version, {report['new']} the new, "
            f"{report['mid_write']} hit a write in progress; a save takes {report['save_ms']} ms"
        )
    assert_never_torn(report, KILLS)
    assert report["mid_write"] > 0, "no kill landed inside a save: the test proves nothing"
    assert JsonStore(path, version=1).load().warning is None

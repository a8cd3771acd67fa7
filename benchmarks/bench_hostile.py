"""Every hostile input, loaded the way the app loads a user pack: time and memory.

Each SVG or TOML input of tests/data/hostile is put alone into a pack folder
(as face.svg or pack.toml) and loaded with load_catalog over the shipped
content, in-process under tracemalloc; each JSON input is loaded by
JsonStore. The slowest inputs are then run once more as
`meridian-map check --pack` in a child process, for wall time and peak RSS
from spawn to exit. Target: every input ends in a clean error in under a
second.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from common import REPO, emit

from meridian_map.core.load import load_catalog
from meridian_map.core.problems import ContentError
from meridian_map.core.store.jsonstore import JsonStore

CORPUS = REPO / "tests" / "data" / "hostile"


def pack_for(name: str, data: bytes, folder: Path) -> Path:
    pack = folder / Path(name).stem
    pack.mkdir()
    (pack / ("face.svg" if name.startswith("svg/") else "pack.toml")).write_bytes(data)
    return pack


def load_once(name: str, data: bytes, folder: Path) -> str:
    """The error the input ends in; anything but a clean error propagates."""
    folder.mkdir()
    if name.startswith("json/"):
        path = folder / f"{Path(name).stem}.json"
        path.write_bytes(data)
        return JsonStore(path, version=1).load().warning or ""
    try:
        load_catalog(user_dirs=[pack_for(name, data, folder)])
    except ContentError as error:
        return str(error)
    return ""


def in_child(name: str, data: bytes, folder: Path) -> tuple[float, int]:
    pack = pack_for(name, data, folder / "child")
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "meridian_map", "check", "--pack", str(pack)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _pid, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - started
    stderr = child.stderr.read().decode(errors="replace") if child.stderr else ""
    if os.waitstatus_to_exitcode(status) != 1 or "Traceback" in stderr:
        raise RuntimeError(f"{name}: check --pack did not end in a clean error:\n{stderr[-2000:]}")
    return elapsed, int(usage.ru_maxrss)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--json", metavar="FILE", help="also write the results here")
    parser.add_argument("--children", type=int, default=5, help="slowest inputs to rerun as a process")
    args = parser.parse_args()
    manifest: dict[str, str] = json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))
    measured: dict[str, tuple[float, int]] = {}
    missed: list[str] = []
    with tempfile.TemporaryDirectory(prefix="meridian-hostile-") as scratch:
        root = Path(scratch)
        (root / "child").mkdir()
        for number, (name, expected) in enumerate(sorted(manifest.items())):
            data = (CORPUS / name).read_bytes()
            started = time.perf_counter()
            message = load_once(name, data, root / f"t{number}")
            seconds = time.perf_counter() - started
            tracemalloc.start()  # a second run: tracing slows allocation-heavy code several times over
            load_once(name, data, root / f"m{number}")
            measured[name] = (seconds, tracemalloc.get_traced_memory()[1])
            tracemalloc.stop()
            if expected not in message:
                missed.append(name)
        slowest = sorted(measured, key=lambda n: measured[n][0], reverse=True)
        children = {
            n: in_child(n, (CORPUS / n).read_bytes(), root)
            for n in [n for n in slowest if not n.startswith("json/")][: args.children]
        }
    hungriest = max(measured, key=lambda n: measured[n][1])
    emit(
        {
            "inputs": len(measured),
            "missed_expectation": missed,
            "total_s": round(sum(t for t, _m in measured.values()), 3),
            "slowest": [{"input": n, "ms": round(measured[n][0] * 1000, 1)} for n in slowest[:10]],
            "most_memory": {"input": hungriest, "traced_mb": round(measured[hungriest][1] / 1e6, 1)},
            "as_process": [
                {"input": n, "ms": round(s * 1000), "max_rss_mb": round(kib / 1024, 1)}
                for n, (s, kib) in children.items()
            ],
        },
        args.json,
    )


if __name__ == "__main__":
    main()

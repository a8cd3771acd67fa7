"""Shared helpers: run a process, time it, and read its peak memory.

Each figure is compared with a bare PySide6 window measured in the same run,
so a slower or faster machine changes both sides and the ratio stays
meaningful.
"""

from __future__ import annotations

import compileall
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

REPO = Path(__file__).resolve().parents[1]
BARE_WINDOW = REPO / "benchmarks" / "bare_window.py"
FLOOR_WINDOW = REPO / "benchmarks" / "floor_window.py"
FLOOR_SHEET = REPO / "benchmarks" / "floor_sheet.py"


def offscreen_env() -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


@dataclass
class ProcessRun:
    seconds: float
    """Spawn to exit."""
    max_rss_kib: int
    image_seconds: float | None = None
    """Spawn to the last byte of the image written, when the run was asked to watch one."""
    cpu_seconds: float = 0.0
    """User and system CPU of the child: steadier than wall time on a loaded machine."""


def compile_package() -> None:
    """Byte-compile the app as an installed copy would be.

    An installed package ships compiled bytecode; a checkout run with
    PYTHONDONTWRITEBYTECODE set would otherwise recompile every module in
    every timed process.
    """
    compileall.compile_dir(REPO / "meridian_map", quiet=1)


STDOUT = Path("-")  # as an image "file": the child writes its PNG to standard output


class ImageWatch:
    """Times the moment a child's image is fully delivered.

    The image comes through a pipe: a named pipe in place of the image file
    for the bare and floor windows, which save into it as into a file, or the
    app's standard output (`--screenshot -`), since the app refuses to write
    into a pipe it was given as a file. The last byte read marks the first
    painted frame as delivered, before the interpreter and Qt tear down,
    which is what "start-up" means to someone waiting for a window.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.finished: float | None = None
        self.data = b""
        self._reader: threading.Thread | None = None
        if path != STDOUT:
            path.unlink(missing_ok=True)
            os.mkfifo(path)
            self._follow(lambda: path.open("rb"))

    def follow(self, stream: IO[bytes]) -> None:
        """Read the image from `stream`, the child's standard output."""
        self._follow(lambda: stream)

    def _follow(self, opener: Callable[[], IO[bytes]]) -> None:
        def read() -> None:
            with opener() as pipe:
                self.data = pipe.read()
            self.finished = time.perf_counter()

        self._reader = threading.Thread(target=read, daemon=True)
        self._reader.start()

    def close(self) -> None:
        """Release the reader if the child never opened the named pipe, then remove it."""
        if self.path != STDOUT and self._reader is not None and self._reader.is_alive() and self.finished is None:
            with self.path.open("wb"):
                pass
        if self._reader is not None:
            self._reader.join()
        if self.path != STDOUT:
            self.path.unlink()


def run_process(args: Sequence[str], image: Path | None = None) -> ProcessRun:
    """Run to completion; wall time from spawn to exit (and to `image` written), and the child's peak RSS."""
    watch = ImageWatch(image) if image is not None else None
    started = time.perf_counter()
    stdout = subprocess.PIPE if image == STDOUT else subprocess.DEVNULL
    child = subprocess.Popen(args, env=offscreen_env(), stdout=stdout, stderr=subprocess.PIPE)
    if watch is not None and child.stdout is not None:
        watch.follow(child.stdout)
    _pid, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - started
    image_seconds = None
    if watch is not None:
        watch.close()
        if watch.finished is None or not watch.data.startswith(b"\x89PNG"):
            raise RuntimeError(f"{' '.join(args)} wrote no PNG to {image}")
        image_seconds = watch.finished - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(args)} failed: {child.stderr.read().decode() if child.stderr else ''}")
    return ProcessRun(elapsed, int(usage.ru_maxrss), image_seconds, usage.ru_utime + usage.ru_stime)


def app_screenshot_args(target: Path, extra: Sequence[str] = ()) -> list[str]:
    return [sys.executable, "-m", "meridian_map", "--screenshot", str(target), "--size", "1280x800", *extra]


def bare_window_args(target: Path) -> list[str]:
    return [sys.executable, str(BARE_WINDOW), str(target)]


def floor_window_args(target: Path) -> list[str]:
    return [sys.executable, str(FLOOR_WINDOW), str(target)]


def floor_sheet_args(target: Path) -> list[str]:
    return [sys.executable, str(FLOOR_SHEET), str(target)]


def alternate(
    runs: int, commands: dict[str, list[str]], images: dict[str, Path] | None = None
) -> dict[str, list[ProcessRun]]:
    """Interleave the commands so drift in machine load hits all of them alike.

    `images` names, per command, the image file whose writing is also timed.
    """
    compile_package()
    images = images or {}
    results: dict[str, list[ProcessRun]] = {name: [] for name in commands}
    for name, args in commands.items():
        run_process(args, images.get(name))  # warm the disk cache once
    for _ in range(runs):
        for name, args in commands.items():
            results[name].append(run_process(args, images.get(name)))
    return results


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def percentile(values: Sequence[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def scratch_png() -> Path:
    return Path(tempfile.mkdtemp(prefix="meridian-bench-")) / "shot.png"


def emit(result: dict[str, object], json_path: str | None) -> None:
    print(json.dumps(result, indent=1))
    if json_path:
        Path(json_path).write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")

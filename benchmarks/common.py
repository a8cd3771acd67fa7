"""Shared helpers: run a process, time it, and read its peak memory.

Each figure is compared with a bare PySide6 window measured in the same run,
so a slower or faster machine changes both sides and the ratio stays
meaningful.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BARE_WINDOW = REPO / "benchmarks" / "bare_window.py"


def offscreen_env() -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


@dataclass
class ProcessRun:
    seconds: float
    max_rss_kib: int


def run_process(args: Sequence[str]) -> ProcessRun:
    """Run to completion; wall time from spawn to exit, and the child's peak RSS."""
    started = time.perf_counter()
    child = subprocess.Popen(args, env=offscreen_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(args)} failed: {child.stderr.read().decode() if child.stderr else ''}")
    return ProcessRun(elapsed, int(usage.ru_maxrss))


def app_screenshot_args(target: Path, extra: Sequence[str] = ()) -> list[str]:
    return [sys.executable, "-m", "meridian_map", "--screenshot", str(target), "--size", "1280x800", *extra]


def bare_window_args(target: Path) -> list[str]:
    return [sys.executable, str(BARE_WINDOW), str(target)]


def alternate(runs: int, commands: dict[str, list[str]]) -> dict[str, list[ProcessRun]]:
    """Interleave the commands so drift in machine load hits all of them alike."""
    results: dict[str, list[ProcessRun]] = {name: [] for name in commands}
    for args in commands.values():
        run_process(args)  # warm the disk cache once
    for _ in range(runs):
        for name, args in commands.items():
            results[name].append(run_process(args))
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

"""Consult core: screening a routine, a player step, a note save, and the `routine` command end to end.

The player's own transitions must be far below a frame (16 ms) so that the
screen's drawing has the whole budget; a note save must stay well under the
editor's one-second debounce.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from common import compile_package, emit, median, percentile, run_process

from meridian_map.core.load import load_catalog, load_screening
from meridian_map.core.session.player import Player
from meridian_map.core.session.routine import Routine, Step
from meridian_map.core.session.screening import parse_answer, screen
from meridian_map.core.store.clients import open_client_store

RUNS = 500
TODAY = dt.date(2026, 12, 1)


def timed_ms(action: Callable[[], object], runs: int) -> list[float]:
    timings = []
    for _ in range(runs):
        started = time.perf_counter_ns()
        action()
        timings.append((time.perf_counter_ns() - started) / 1e6)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--json")
    args = parser.parse_args()
    catalog = load_catalog()
    screening = load_screening(catalog)
    routine = Routine("All", tuple(Step(zone) for zone in catalog.zones))
    specs = ("pregnancy", "blood-thinners", "recent-injectables:2026-11-25:forehead+brow", "rosacea-flare")
    answers = [parse_answer(spec, screening) for spec in specs]
    result: dict[str, object] = {"zones": len(routine.steps), "answers": len(answers)}

    screening_ms = timed_ms(lambda: screen(routine, answers, TODAY, screening, catalog), RUNS)
    result["screen_median_ms"] = round(median(screening_ms), 3)
    result["screen_p99_ms"] = round(percentile(screening_ms, 0.99), 3)
    load_ms = timed_ms(lambda: load_screening(catalog), 50)
    result["load_checklist_median_ms"] = round(median(load_ms), 2)

    player = Player.start(screen(routine, [], TODAY, screening, catalog), 0.0).paced(60.0, 0.0)
    steps = []
    for n in range(RUNS):
        started = time.perf_counter_ns()
        moved = player.next(float(n)) if n % 2 == 0 else player.previous(float(n))
        moved.frame(n + 0.5)
        steps.append((time.perf_counter_ns() - started) / 1e6)
        player = moved
    result["player_step_and_frame_median_ms"] = round(median(steps), 4)
    result["player_step_and_frame_p99_ms"] = round(percentile(steps, 0.99), 4)

    with tempfile.TemporaryDirectory() as folder:
        with open_client_store(Path(folder) / "clients.sqlite3").store as store:
            client = store.add_client("Ms K", TODAY)
            session = store.start_session(client.id, TODAY, routine, answers)
            text = "Tender at the jaw, lighter next time. " * 20
            saves = [0.0] * 100
            for n in range(100):
                started = time.perf_counter_ns()
                store.save_note(session, text[: 200 + n * 5])
                saves[n] = (time.perf_counter_ns() - started) / 1e6
        result["note_save_median_ms"] = round(median(saves), 2)
        result["note_save_p99_ms"] = round(percentile(saves, 0.99), 2)

    command = [sys.executable, "-m", "meridian_map", "routine", "--concern", "acne,dark-circles", "--format", "json"]
    command += ["--screen", "rosacea-flare,recent-injectables:2026-11-25:forehead"]
    compile_package()
    run_process(command)  # the catalog cache warmed, as after the first run
    runs = [run_process(command).seconds for _ in range(7)]
    result["routine_command_median_ms"] = round(median(runs) * 1000)
    emit(result, args.json)


if __name__ == "__main__":
    main()

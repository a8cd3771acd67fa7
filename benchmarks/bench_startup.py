"""Start-up and memory: the app to its first painted map vs a bare Qt window.

Both are whole processes (interpreter start, imports, window, grab, PNG),
alternated, median of N runs. Start-up is timed from spawn to the last byte
of the PNG (written into a pipe the benchmark reads); spawn to exit, which
adds tearing down the interpreter and Qt, is reported beside it. Targets:
time ≤ 1.3×, peak RSS ≤ 1.5×. Each process's CPU time (user and system, spawn to
exit) is reported beside the wall times: on a shared machine it moves far
less than they do.

A third process, floor_window.py, is a window of the same shape with none of
the app's work (menus, splitter, list, text, a graphics view of 150 paths);
its ratio to the bare window is what PySide6 asks of any such window, and the
app's ratio to it is what the app's own work costs.
"""

from __future__ import annotations

import argparse

from common import (
    STDOUT,
    alternate,
    app_screenshot_args,
    bare_window_args,
    emit,
    floor_window_args,
    median,
    scratch_png,
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--json")
    args = parser.parse_args()
    bare_png = scratch_png()
    floor_png = bare_png.with_name("floor.png")
    runs = alternate(
        args.runs,
        {
            "app": app_screenshot_args(STDOUT),
            "bare": bare_window_args(bare_png),
            "floor": floor_window_args(floor_png),
        },
        images={"app": STDOUT, "bare": bare_png, "floor": floor_png},
    )
    app_s = median([r.image_seconds or 0.0 for r in runs["app"]])
    bare_s = median([r.image_seconds or 0.0 for r in runs["bare"]])
    floor_s = median([r.image_seconds or 0.0 for r in runs["floor"]])
    cpu = {name: median([r.cpu_seconds for r in runs[name]]) for name in runs}
    app_exit_s = median([r.seconds for r in runs["app"]])
    bare_exit_s = median([r.seconds for r in runs["bare"]])
    app_rss = median([r.max_rss_kib for r in runs["app"]]) / 1024
    bare_rss = median([r.max_rss_kib for r in runs["bare"]]) / 1024
    emit(
        {
            "startup_app_ms": round(app_s * 1000, 1),
            "startup_bare_ms": round(bare_s * 1000, 1),
            "startup_ratio": round(app_s / bare_s, 3),
            "startup_target": 1.3,
            "startup_floor_ms": round(floor_s * 1000, 1),
            "floor_ratio": round(floor_s / bare_s, 3),
            "app_over_floor": round(app_s / floor_s, 3),
            "cpu_app_ms": round(cpu["app"] * 1000, 1),
            "cpu_floor_ms": round(cpu["floor"] * 1000, 1),
            "cpu_bare_ms": round(cpu["bare"] * 1000, 1),
            "cpu_app_over_floor": round(cpu["app"] / cpu["floor"], 3),
            "to_exit_app_ms": round(app_exit_s * 1000, 1),
            "to_exit_bare_ms": round(bare_exit_s * 1000, 1),
            "to_exit_ratio": round(app_exit_s / bare_exit_s, 3),
            "memory_app_mib": round(app_rss, 1),
            "memory_bare_mib": round(bare_rss, 1),
            "memory_ratio": round(app_rss / bare_rss, 3),
            "memory_target": 1.5,
            "runs": args.runs,
        },
        args.json,
    )


if __name__ == "__main__":
    main()

"""Technique schools: what switching the school costs, in the core and in the window.

The panel builds every school's view of the selected zone on each selection,
and a school change redraws every stroke arrow, so both must stay well under
a frame. Targets: a first `with_school` ≤ 2 ms, a zone's views ≤ 5 ms the first time, a school
change in the window (arrows, panel, sidebar) ≤ 50 ms.
"""

from __future__ import annotations

import argparse
import os
import time
from dataclasses import replace

from common import emit, median

from meridian_map.core.load import load_catalog
from meridian_map.core.text.schools import zone_views

RUNS = 50


def timed_ms(action: object, runs: int = RUNS) -> float:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        action()  # type: ignore[operator]
        timings.append((time.perf_counter() - started) * 1000)
    return median(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--json")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    catalog = load_catalog()
    result: dict[str, object] = {
        "schools": len(catalog.schools),
        "variants": len(catalog.content.variants),
        # A fresh copy each run: a catalog keeps each school's catalog once built.
        "with_school_first_median_ms": round(timed_ms(lambda: replace(catalog).with_school("drainage")), 3),
        "zone_views_first_median_ms": round(timed_ms(lambda: zone_views(replace(catalog), "cheek")), 3),
        "zone_views_again_median_ms": round(timed_ms(lambda: zone_views(catalog, "cheek")), 3),
    }
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from meridian_map.gui.mainwindow import MainWindow

    window = MainWindow(catalog)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    window.map_state.select_area("cheek_l")
    schools = list(catalog.schools)
    turn = iter(range(10**9))

    def switch() -> None:
        window.map_state.set_school(schools[next(turn) % len(schools)])
        app.processEvents()

    result["window_school_change_median_ms"] = round(timed_ms(switch, 30), 2)
    result["targets_ms"] = {"with_school": 2, "zone_views": 5, "window_school_change": 100}
    emit(result, args.json)


if __name__ == "__main__":
    main()

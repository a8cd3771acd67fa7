"""The side view: what its first show costs (the drawing read and checked, the inset built) and a repaint.

It is built on first show only, so start-up does not pay for it; the first
show should stay under a quarter of a second and a repaint under a frame.
Wall and CPU (this thread's) time are both given: on a loaded machine wall
time is inflated, CPU time much less. Targets: first show ≤ 250 ms wall,
repaint ≤ 16 ms.
"""

from __future__ import annotations

import argparse
import os
import time

from common import emit, median

from meridian_map.core.load import load_catalog, load_side_view

RUNS = 20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--json")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    catalog = load_catalog()
    load_side_view(catalog)  # the geometry libraries imported once, as the window has them by then
    walls, cpus = [], []
    for _ in range(RUNS):
        wall, cpu = time.perf_counter(), time.thread_time()
        load_side_view(catalog)
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.thread_time() - cpu) * 1000)
    result: dict[str, object] = {
        "load_median_ms": round(median(walls), 2),
        "load_cpu_median_ms": round(median(cpus), 2),
    }
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from meridian_map.gui.mainwindow import MainWindow

    window = MainWindow(catalog)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    wall, cpu = time.perf_counter(), time.thread_time()
    window.map_state.set_side_view(True)
    inset = window.side_inset
    assert inset is not None
    inset.repaint()
    result["first_show_ms"] = round((time.perf_counter() - wall) * 1000, 2)
    result["first_show_cpu_ms"] = round((time.thread_time() - cpu) * 1000, 2)
    walls, cpus = [], []
    for _ in range(RUNS):
        wall, cpu = time.perf_counter(), time.thread_time()
        inset.repaint()
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.thread_time() - cpu) * 1000)
    result["repaint_median_ms"] = round(median(walls), 2)
    result["repaint_cpu_median_ms"] = round(median(cpus), 2)
    emit(result, args.json)


if __name__ == "__main__":
    main()

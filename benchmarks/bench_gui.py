"""Hover latency and full-window repaint, in one offscreen window.

Hover: a synthetic mouse-move on the map's viewport, delivered synchronously,
until the highlight and status bar are updated. Target p99 ≤ 2 ms.
Repaint: a full synchronous repaint of the map with every layer on, at three
window sizes. Target ≤ 16 ms at 3840×2160. "Warm" reuses the view's cached
line art, as an expose does; "cold" redraws it too, as after a resize or zoom.
Continuous zoom: wheel steps in and then out, each followed by a synchronous
repaint, as a person scrolling the wheel sees them (target p95 ≤ 16 ms at
4K); "settle" is the one sharp redraw once the wheel stops.
"""

from __future__ import annotations

import argparse
import os
import random
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from common import emit, median, percentile
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication

from meridian_map.core.load import load_catalog
from meridian_map.gui.fonts import bundled_fonts
from meridian_map.gui.mainwindow import MainWindow
from meridian_map.gui.map.scene import Layer

SIZES = ((1280, 800), (1920, 1080), (3840, 2160))


def hover_latency(window: MainWindow, moves: int) -> tuple[float, float]:
    viewport = window.view.viewport()
    rng = random.Random(3)
    timings = []
    for _ in range(moves):
        pos = QPointF(rng.uniform(0, viewport.width()), rng.uniform(0, viewport.height()))
        event = QMouseEvent(
            QEvent.Type.MouseMove, pos, viewport.mapToGlobal(pos), Qt.MouseButton.NoButton,
            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
        )  # fmt: skip
        started = time.perf_counter_ns()
        QApplication.sendEvent(viewport, event)
        timings.append((time.perf_counter_ns() - started) / 1e6)
    return median(timings), percentile(timings, 0.99)


def repaint_ms(window: MainWindow, size: tuple[int, int], repeats: int, cold: bool = False) -> float:
    window.resize(*size)
    QApplication.processEvents()
    viewport = window.view.viewport()
    timings = []
    for _ in range(repeats):
        if cold:
            window.view.resetCachedContent()
        started = time.perf_counter_ns()
        viewport.repaint()
        timings.append((time.perf_counter_ns() - started) / 1e6)
    return median(timings)


def wheel_zoom_ms(window: MainWindow, size: tuple[int, int], steps: int) -> tuple[float, float, float]:
    """Median and p95 of a wheel step's repaint, then the settling redraw."""
    window.resize(*size)
    window.view.fit()
    QApplication.processEvents()
    viewport = window.view.viewport()
    viewport.repaint()
    centre = QPointF(viewport.rect().center())
    timings = []
    for step in range(2 * steps):
        delta = 120 if step < steps else -120
        event = QWheelEvent(
            centre, viewport.mapToGlobal(centre), QPoint(), QPoint(0, delta),
            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False,
        )  # fmt: skip
        started = time.perf_counter_ns()
        QApplication.sendEvent(viewport, event)
        viewport.repaint()
        timings.append((time.perf_counter_ns() - started) / 1e6)
    window.view._settle.stop()
    started = time.perf_counter_ns()
    window.view._settled()
    viewport.repaint()
    settle = (time.perf_counter_ns() - started) / 1e6
    return median(timings), percentile(timings, 0.95), settle


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--moves", type=int, default=3000)
    parser.add_argument("--repeats", type=int, default=25)
    parser.add_argument("--json")
    args = parser.parse_args()
    app = QApplication([])
    bundled_fonts()
    window = MainWindow(load_catalog())
    for box in window.sidebar.layer_boxes.values():
        box.setChecked(True)
    window.select("cheek_l")
    window.scene.set_animate(False)
    window.resize(*SIZES[0])
    window.show()
    app.processEvents()
    result: dict[str, object] = {}
    med, p99 = hover_latency(window, args.moves)
    result["hover_median_ms"] = round(med, 3)
    result["hover_p99_ms"] = round(p99, 3)
    result["hover_target_p99_ms"] = 2
    assert all(item.isVisible() for item in window.scene.layers[Layer.LABELS])
    for size in SIZES:
        result[f"repaint_{size[0]}x{size[1]}_ms"] = round(repaint_ms(window, size, args.repeats), 2)
        result[f"repaint_cold_{size[0]}x{size[1]}_ms"] = round(repaint_ms(window, size, args.repeats, cold=True), 2)
    result["repaint_target_4k_ms"] = 16
    for size in SIZES:
        med, p95, settle = wheel_zoom_ms(window, size, 10)
        name = f"{size[0]}x{size[1]}"
        result[f"wheel_zoom_{name}_median_ms"] = round(med, 2)
        result[f"wheel_zoom_{name}_p95_ms"] = round(p95, 2)
        result[f"wheel_zoom_{name}_settle_ms"] = round(settle, 2)
    emit(result, args.json)


if __name__ == "__main__":
    main()

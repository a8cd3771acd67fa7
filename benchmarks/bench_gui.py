"""Hover latency and full-window repaint, in one offscreen window.

Hover: a synthetic mouse-move on the map's viewport, delivered synchronously,
until the highlight and status bar are updated. Target p99 ≤ 2 ms.
Repaint: a full synchronous repaint of the map with every layer on, at three
window sizes. Target ≤ 16 ms at 3840×2160. "Warm" reuses the view's cached
line art, as an expose does; "cold" redraws it too, as after a resize or zoom.
Continuous zoom: wheel steps in and then out, each followed by a synchronous
repaint, as a person scrolling the wheel sees them (target p95 ≤ 16 ms at
4K), wall and CPU time; "settle" is the one sharp redraw once the wheel stops.
"Bare" is the floor measured in the same run: a plain widget the map's size,
repainted, which is what a step costs at the least on this machine.
Resize drag: the window's edge dragged at 4K, the whole window repainted each
step (the first step is a plain resize, drawn sharp; the rest are a drag).
"""

from __future__ import annotations

import argparse
import os
import random
import time
from typing import NamedTuple

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from common import emit, median, percentile
from PySide6.QtCore import QEvent, QPoint, QPointF, QSize, Qt
from PySide6.QtGui import QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget

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


class WheelZoom(NamedTuple):
    """A continuous zoom's steps, wall and CPU (all threads: Qt scales large images on several), and its settle."""

    median: float
    p95: float
    cpu_median: float
    cpu_p95: float
    settle: float


def wheel_zoom_ms(window: MainWindow, size: tuple[int, int], steps: int, rounds: int = 3) -> WheelZoom:
    """Wheel steps in and then out, each with its repaint, `rounds` times from the fitted face; then a settle."""
    window.resize(*size)
    QApplication.processEvents()
    viewport = window.view.viewport()
    centre = QPointF(viewport.rect().center())
    timings, cpu = [], []
    settle = 0.0
    for _round in range(rounds):
        window.view.fit()
        viewport.repaint()
        for step in range(2 * steps):
            delta = 120 if step < steps else -120
            event = QWheelEvent(
                centre, viewport.mapToGlobal(centre), QPoint(), QPoint(0, delta),
                Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False,
            )  # fmt: skip
            started, started_cpu = time.perf_counter_ns(), time.process_time_ns()
            QApplication.sendEvent(viewport, event)
            viewport.repaint()
            timings.append((time.perf_counter_ns() - started) / 1e6)
            cpu.append((time.process_time_ns() - started_cpu) / 1e6)
        window.view._settle.stop()
        started = time.perf_counter_ns()
        window.view._settled()
        viewport.repaint()
        settle = (time.perf_counter_ns() - started) / 1e6
    return WheelZoom(median(timings), percentile(timings, 0.95), median(cpu), percentile(cpu, 0.95), settle)


def resize_drag_ms(window: MainWindow, size: tuple[int, int], steps: int) -> WheelZoom:
    """A window edge dragged in, a few pixels a step, each step with its repaint; then the settle."""
    window.resize(*size)
    QApplication.processEvents()
    window.view._settle.stop()
    window.view._settled()
    QApplication.processEvents()
    timings, cpu = [], []
    for step in range(1, steps + 1):
        started, started_cpu = time.perf_counter_ns(), time.process_time_ns()
        window.resize(size[0] - 8 * step, size[1] - 5 * step)
        QApplication.sendPostedEvents()
        window.repaint()
        timings.append((time.perf_counter_ns() - started) / 1e6)
        cpu.append((time.process_time_ns() - started_cpu) / 1e6)
    window.view._settle.stop()
    started = time.perf_counter_ns()
    window.view._settled()
    window.view.viewport().repaint()
    settle = (time.perf_counter_ns() - started) / 1e6
    return WheelZoom(median(timings), percentile(timings, 0.95), median(cpu), percentile(cpu, 0.95), settle)


def bare_repaint_ms(size: QSize, repeats: int) -> tuple[float, float]:
    """The floor in the same run: a bare widget the map's size, filled and repainted; median and p95."""
    bare = QWidget()
    bare.setAutoFillBackground(True)
    bare.resize(size)
    bare.show()
    QApplication.processEvents()
    timings = []
    for _ in range(repeats):
        started = time.perf_counter_ns()
        bare.repaint()
        timings.append((time.perf_counter_ns() - started) / 1e6)
    bare.close()
    return median(timings), percentile(timings, 0.95)


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
        zoom = wheel_zoom_ms(window, size, 10)
        name = f"{size[0]}x{size[1]}"
        result[f"wheel_zoom_{name}_median_ms"] = round(zoom.median, 2)
        result[f"wheel_zoom_{name}_p95_ms"] = round(zoom.p95, 2)
        result[f"wheel_zoom_{name}_median_cpu_ms"] = round(zoom.cpu_median, 2)
        result[f"wheel_zoom_{name}_p95_cpu_ms"] = round(zoom.cpu_p95, 2)
        result[f"wheel_zoom_{name}_settle_ms"] = round(zoom.settle, 2)
        bare, bare_p95 = bare_repaint_ms(window.view.viewport().size(), 60)
        result[f"bare_repaint_{name}_median_ms"] = round(bare, 2)
        result[f"bare_repaint_{name}_p95_ms"] = round(bare_p95, 2)
    result["wheel_zoom_target_4k_p95_ms"] = 16
    drag = resize_drag_ms(window, SIZES[-1], 12)
    result["resize_drag_3840x2160_median_ms"] = round(drag.median, 2)
    result["resize_drag_3840x2160_p95_ms"] = round(drag.p95, 2)
    result["resize_drag_3840x2160_median_cpu_ms"] = round(drag.cpu_median, 2)
    result["resize_drag_3840x2160_p95_cpu_ms"] = round(drag.cpu_p95, 2)
    result["resize_drag_3840x2160_settle_ms"] = round(drag.settle, 2)
    emit(result, args.json)


if __name__ == "__main__":
    main()

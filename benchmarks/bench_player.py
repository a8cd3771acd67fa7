"""The presentation player: step to step, and entering it, in one offscreen window.

Step to step: a Right key delivered to the page, its layout settled and
every part of the window the step marked for repainting painted at once, as
a shown window paints it on the next frame (the face where the step before
and the new one are drawn, the words that changed), over a screened routine
walked to the end and back; each step is checked to have painted the face.
Targets: median and p99 ≤ 16 ms at 1920×1080, ≤ 33 ms at 3840×2160.
Entering: from the map to the player's first full paint, the first time
(the page's module imported and built) and again. Target ≤ 150 ms. The
window is 1920×1080 before it enters the player, on an offscreen screen of
that size.

Each figure is given twice: wall-clock time, and the process's CPU time
(`time.process_time_ns`), which leaves out the time spent waiting for a
core on a machine shared with other work.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import tempfile
import time
from pathlib import Path

from common import emit, median, percentile
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from meridian_map.core.load import load_catalog, load_screening
from meridian_map.core.session.routine import for_concerns
from meridian_map.core.session.screening import parse_answer, screen
from meridian_map.gui.fonts import bundled_fonts
from meridian_map.gui.mainwindow import MainWindow

SIZES = ((1920, 1080), (3840, 2160))
SCREEN = {"screens": [{"name": "bench", "x": 0, "y": 0, "width": 1920, "height": 1080, "dpr": 1}]}
ANSWERS = ("rosacea-flare", "pregnancy")


def settle_and_paint(window: MainWindow) -> None:
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest.value)
    window.repaint()


class Paints(QObject):
    """Counts the paint events a widget gets."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def paint_pending() -> None:
    """Layouts settled, then what was marked for repainting painted, now rather than on the next frame."""
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest.value)
    QApplication.sendPostedEvents(None, QEvent.Type.UpdateRequest.value)


def enter_ms(window: MainWindow) -> tuple[float, float]:
    """Wall and CPU milliseconds from the map to the player's first full paint."""
    started, cpu = time.perf_counter_ns(), time.process_time_ns()
    window.map_state.set_mode("consult")
    settle_and_paint(window)
    return (time.perf_counter_ns() - started) / 1e6, (time.process_time_ns() - cpu) / 1e6


def steps_ms(window: MainWindow, size: tuple[int, int], rounds: int) -> tuple[list[float], list[float]]:
    """Wall and CPU milliseconds of each step: the key, the layout and the repaint it asked for."""
    from meridian_map.gui.consult.player import PlayerPage  # entered by now: importing it first would hide its cost

    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(*size)
    QApplication.processEvents()
    page = window.pages.currentWidget()
    assert isinstance(page, PlayerPage)
    paints = Paints()
    page.face.installEventFilter(paints)
    steps = len(window.map_state.routine.steps) if window.map_state.routine else 1
    wall, cpu = [], []
    for _ in range(rounds):
        for key in (Qt.Key.Key_Right, Qt.Key.Key_Left):
            for _step in range(steps):
                event = QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier)
                started, cpu_started = time.perf_counter_ns(), time.process_time_ns()
                painted = paints.count
                QApplication.sendEvent(page, event)
                paint_pending()
                wall.append((time.perf_counter_ns() - started) / 1e6)
                cpu.append((time.process_time_ns() - cpu_started) / 1e6)
                if paints.count == painted:
                    raise RuntimeError("a step did not repaint the face: its time would leave the painting out")
    page.face.removeEventFilter(paints)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=8)
    parser.add_argument("--json")
    args = parser.parse_args()
    config = Path(tempfile.mkdtemp(prefix="bench-player-")) / "screens.json"
    config.write_text(json.dumps(SCREEN), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    app = QApplication([])
    bundled_fonts()
    catalog = load_catalog()
    checklist = load_screening(catalog)
    answers = [parse_answer(a, checklist) for a in ANSWERS]
    routine = screen(for_concerns(catalog, ["aging"]), answers, dt.date(2026, 12, 5), checklist, catalog)
    window = MainWindow(catalog)
    window.scene.set_animate(False)
    window.resize(*SIZES[0])  # full screen leaves an offscreen window's size as it is
    window.show()
    app.processEvents()
    window.map_state.set_routine(routine)
    result: dict[str, object] = {"steps": len(routine.steps), "left_out": len(routine.left_out)}
    wall, cpu = enter_ms(window)
    result["enter_first_ms"], result["enter_first_cpu_ms"] = round(wall, 1), round(cpu, 1)
    result["enter_size"] = f"{window.width()}x{window.height()}"
    entries = []
    for _ in range(10):
        window.map_state.set_mode("explore")
        app.processEvents()
        entries.append(enter_ms(window))
    result["enter_again_median_ms"] = round(median([wall for wall, _cpu in entries]), 1)
    result["enter_again_median_cpu_ms"] = round(median([cpu for _wall, cpu in entries]), 1)
    result["enter_target_ms"] = 150
    for size in SIZES:
        name = f"step_{size[0]}x{size[1]}"
        wall_steps, cpu_steps = steps_ms(window, size, args.rounds)
        result[f"{name}_median_ms"] = round(median(wall_steps), 2)
        result[f"{name}_p99_ms"] = round(percentile(wall_steps, 0.99), 2)
        result[f"{name}_median_cpu_ms"] = round(median(cpu_steps), 2)
        result[f"{name}_p99_cpu_ms"] = round(percentile(cpu_steps, 0.99), 2)
    result["step_target_1080p_ms"] = 16
    result["step_target_4k_ms"] = 33
    emit(result, args.json)


if __name__ == "__main__":
    main()

"""The clients page: what a practitioner waits for there.

- opening it the first time in a process (its modules imported, the page
  built and painted) and again after leaving it;
- ticking a screening item: the routine screened again, both maps
  restyled and the result shown;
- building a routine from three concerns;
- choosing a client with fifty past sessions;
- exporting today's screened take-home sheet as a PDF.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import compile_package, emit, median, offscreen_env, percentile

FIRST_OPEN = r"""
import json, sys, time
from pathlib import Path
from PySide6.QtWidgets import QApplication
from meridian_map.core.load import load_catalog
from meridian_map.gui.mainwindow import MainWindow
app = QApplication([])
window = MainWindow(load_catalog())
window.resize(1400, 860)
window.show()
app.processEvents()
started = time.perf_counter()
window.map_state.set_mode("clients")
window.pages.currentWidget().grab()
print(json.dumps({"ms": (time.perf_counter() - started) * 1000}))
"""


def first_open_ms(store: Path) -> float:
    env = {**offscreen_env(), "XDG_DATA_HOME": str(store)}
    done = subprocess.run([sys.executable, "-c", FIRST_OPEN], capture_output=True, text=True, env=env, check=True)
    return float(json.loads(done.stdout.splitlines()[-1])["ms"])


def in_process(result: dict[str, object], folder: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from meridian_map.core.load import load_catalog
    from meridian_map.core.screeningmodel import Answer
    from meridian_map.core.session.routine import for_concerns
    from meridian_map.gui.consult.workspace import WorkspacePage
    from meridian_map.gui.mainwindow import MainWindow

    app = QApplication.instance() or QApplication([])
    WorkspacePage.store_path = folder / "clients.sqlite3"
    catalog = load_catalog()
    window = MainWindow(catalog)
    window.resize(1400, 860)
    window.show()
    window.map_state.set_mode("clients")
    page = window.pages.currentWidget()
    assert isinstance(page, WorkspacePage) and page.store is not None

    again = []
    for _ in range(20):
        window.map_state.set_mode("explore")
        app.processEvents()
        started = time.perf_counter()
        window.map_state.set_mode("clients")
        page.grab()
        again.append((time.perf_counter() - started) * 1000)
    result["reopen_median_ms"] = round(median(again), 1)

    today = dt.date.today()
    busy = page.store.add_client("Ms Busy", today)
    routine = for_concerns(catalog, ["aging", "acne", "dark_circles"])
    for n in range(50):
        session = page.store.start_session(busy.id, today - dt.timedelta(days=7 * n), routine, [Answer("pregnancy")])
        page.store.save_note(session, "Tender at the jaw; lighter next time. " * 10)
    quiet = page.store.add_client("Ms Quiet", today)
    choose = []
    for n in range(20):
        started = time.perf_counter()
        page.refresh_clients(busy.id if n % 2 == 0 else quiet.id)
        app.processEvents()
        choose.append((time.perf_counter() - started) * 1000)
    result["choose_client_50_sessions_median_ms"] = round(median(choose), 1)

    builds = []
    for row in range(page.builder.concerns.count()):
        item = page.builder.concerns.item(row)
        if item is not None and item.data(Qt.ItemDataRole.UserRole) in ("aging", "acne", "dark_circles"):
            item.setCheckState(Qt.CheckState.Checked)
    for _ in range(20):
        started = time.perf_counter()
        page.builder.build_from_concerns()
        app.processEvents()
        builds.append((time.perf_counter() - started) * 1000)
    result["build_from_three_concerns_median_ms"] = round(median(builds), 1)

    box = page.form.rows["rosacea-flare"].box
    ticks = []
    for _ in range(40):
        started = time.perf_counter()
        box.toggle()
        page.map_view.viewport().grab()
        ticks.append((time.perf_counter() - started) * 1000)
    result["tick_item_rescreen_and_repaint_median_ms"] = round(median(ticks), 1)
    result["tick_item_rescreen_and_repaint_p95_ms"] = round(percentile(ticks, 0.95), 1)
    result["steps_screened"] = len(page.builder.routine.steps) if page.builder.routine else 0

    from meridian_map.core.session.sheet import screened_sheet
    from meridian_map.gui.sheets.render import render_pdf

    box.setChecked(True)
    assert page.screened is not None
    sheets = []
    for _ in range(5):
        started = time.perf_counter()
        render_pdf(catalog, screened_sheet(catalog, page.screened, "en", "A note.", client="Ms Busy"))
        sheets.append((time.perf_counter() - started) * 1000)
    result["screened_sheet_pdf_median_ms"] = round(median(sheets), 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--json")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    compile_package()
    result: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as folder:
        first_open_ms(Path(folder))  # warm the catalog cache and the file system
        runs = [first_open_ms(Path(folder)) for _ in range(5)]
        result["first_open_median_ms"] = round(median(runs), 1)
        in_process(result, Path(folder))
    emit(result, args.json)


if __name__ == "__main__":
    main()

"""Switching the window's language at run time, and choosing a zone in each language.

Target: within 100 ms, the time a menu choice or a click may take before it
feels slow. A switch (English → Chinese → bilingual → English, a zone shown)
is timed from the state's setter to the end of the event processing that
delivers Qt's LanguageChange to every widget, so the menus, sidebar, panel
and map have all retranslated. A choice is a zone selected and drawn, in
each language setting: bilingual draws two panels.
"""

from __future__ import annotations

import argparse
import os
import time

from common import emit, median, percentile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # after the platform is chosen

from meridian_map.core.load import load_catalog
from meridian_map.gui.mainwindow import MainWindow

TARGET_MS = 100
SWITCHES = ("zh", "bilingual", "en")
ZONES = ("forehead_l", "cheek_r")


def summary(spent: list[float]) -> dict[str, float]:
    return {"median_ms": round(median(spent), 1), "p90_ms": round(percentile(spent, 0.9), 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--json", metavar="FILE", help="also write the results here")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    window = MainWindow(load_catalog())
    window.resize(1280, 800)
    window.show()
    window.select("cheek_l")
    app.processEvents()
    times: dict[str, list[float]] = {language: [] for language in SWITCHES}
    for _ in range(args.runs):
        for language in SWITCHES:
            start = time.perf_counter()
            window.map_state.set_language(language)
            app.processEvents()
            times[language].append((time.perf_counter() - start) * 1000)
    result: dict[str, object] = {"target_ms": TARGET_MS, "runs": args.runs}
    for language, spent in times.items():
        result[f"to {language}"] = summary(spent)
    for language in SWITCHES:
        window.map_state.set_language(language)
        spent = []
        for run in range(args.runs):
            start = time.perf_counter()
            window.select(ZONES[run % len(ZONES)])
            app.processEvents()
            spent.append((time.perf_counter() - start) * 1000)
        result[f"select in {language}"] = summary(spent)
    window.close()
    emit(result, args.json)


if __name__ == "__main__":
    main()

"""Switching the window's language at run time: English → Chinese → bilingual → English, with a zone shown.

Target: one switch within 100 ms, the time a menu choice may take before it
feels slow. Each switch is timed from the state's setter to the end of the
event processing that delivers Qt's LanguageChange to every widget, so the
menus, sidebar, panel and map have all retranslated.
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
        result[f"to {language}"] = {"median_ms": round(median(spent), 1), "p90_ms": round(percentile(spent, 0.9), 1)}
    window.close()
    emit(result, args.json)


if __name__ == "__main__":
    main()

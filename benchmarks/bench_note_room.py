"""The window's note field: how long measuring the room left takes, as its worker thread runs it.

The measurement runs off the UI thread (gui/panels/noteroom.py), so typing
never waits for it; these figures say how soon after a pause the words
under the field catch up. Timed for an empty note, a short one, one that runs on to page 2
and one too long to print, on the take-home sheet for acne, A4, English.
"""

from __future__ import annotations

import argparse
import os
import time

from common import emit, median, percentile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # after the platform is chosen

from meridian_map.core.load import load_catalog
from meridian_map.core.output.sheet import Paper, concern_routine, take_home_sheet
from meridian_map.gui.sheets.render import note_room

FRAME_MS = 16
SENTENCE = "Twice a week, in the evening. "
NOTES = {"empty": "", "short": SENTENCE * 10, "page 2": SENTENCE * 140, "too long": SENTENCE * 1500}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--json", metavar="FILE", help="also write the results here")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    catalog = load_catalog()
    result: dict[str, object] = {"target_ms": FRAME_MS, "runs": args.runs}
    for name, note in NOTES.items():
        sheet = take_home_sheet(catalog, concern_routine(catalog, "acne"), "en", note)
        note_room(catalog, sheet, Paper.A4)  # fonts registered, caches warm: as after the first keystroke
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            note_room(catalog, sheet, Paper.A4)
            times.append((time.perf_counter() - start) * 1000)
        result[name] = {"median_ms": round(median(times), 1), "p90_ms": round(percentile(times, 0.9), 1)}
    assert app is not None
    emit(result, args.json)


if __name__ == "__main__":
    main()

"""`meridian-map sheet` as a whole process vs a bare Qt window, and the PDF's size.

Both sides are complete processes (interpreter start, imports, catalog or
window, the PDF or the grab), alternated, median of N runs; the ratio is what
to compare across machines. The cheat sheet is the heaviest sheet: every zone
hatched and numbered, the table fitted to one page.

A third process, floor_sheet.py, writes a PDF of the same shape with none of
the app's work (bundled CJK fonts, 40 shapes, 60 paragraphs); its ratio to
the bare window is what PySide6 asks of any such sheet, and the app's ratio
to it is what the app's own work costs.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from common import alternate, bare_window_args, emit, floor_sheet_args, median

MIN_RUNS = 7


def sheet_args(target: Path, extra: list[str]) -> list[str]:
    return [sys.executable, "-m", "meridian_map", "sheet", "-o", str(target), *extra]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9, help=f"timed runs per side (at least {MIN_RUNS})")
    parser.add_argument("--concern", help="time a take-home sheet instead of the cheat sheet")
    parser.add_argument("--paper", choices=["a4", "letter", "a3", "tabloid"], default="a4")
    parser.add_argument(
        "--layout", choices=["table", "chart", "points"], default="table", help="chart: the wall charts"
    )
    parser.add_argument("--grayscale", action="store_true")
    parser.add_argument("--lang", choices=["en", "zh"], default="en", help="zh embeds several hundred more glyphs")
    parser.add_argument("--json", metavar="FILE", help="also write the results here")
    args = parser.parse_args()
    runs = max(args.runs, MIN_RUNS)
    folder = Path(tempfile.mkdtemp(prefix="meridian-bench-"))
    pdf = folder / "sheet.pdf"
    extra = ["--paper", args.paper, "--lang", args.lang, *(["--concern", args.concern] if args.concern else [])]
    extra += ["--layout", args.layout, *(["--grayscale"] if args.grayscale else [])]
    results = alternate(
        runs,
        {
            "sheet": sheet_args(pdf, extra),
            "bare": bare_window_args(folder / "bare.png"),
            "floor": floor_sheet_args(folder / "floor.pdf"),
        },
    )
    sheet_s = median([r.seconds for r in results["sheet"]])
    bare_s = median([r.seconds for r in results["bare"]])
    floor_s = median([r.seconds for r in results["floor"]])
    emit(
        {
            "sheet": args.concern or ("cheat sheet" if args.layout == "table" else f"{args.layout} chart"),
            "paper": args.paper,
            "lang": args.lang,
            "sheet_ms": round(sheet_s * 1000, 1),
            "bare_qt_ms": round(bare_s * 1000, 1),
            "ratio": round(sheet_s / bare_s, 3),
            "target": 1.5,
            "floor_sheet_ms": round(floor_s * 1000, 1),
            "floor_ratio": round(floor_s / bare_s, 3),
            "sheet_over_floor": round(sheet_s / floor_s, 3),
            "pdf_bytes": pdf.stat().st_size,
            "pdf_kib": round(pdf.stat().st_size / 1024, 1),
            "runs": runs,
        },
        args.json,
    )


if __name__ == "__main__":
    main()

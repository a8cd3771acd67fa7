"""The wall charts drawn in a warm process: each layout, paper and colour style, median and worst of N.

`bench_sheet.py --layout chart` times a whole `sheet` process against a bare
window; this isolates the layout and drawing, where the charts differ from
the cheat sheet (a face twice the size, both sides stroked, 44 labels pushed
apart, entries flowed on to further pages). Target: well under a second.
"""

from __future__ import annotations

import argparse
import os
import time

from common import emit, median

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from meridian_map.core.load import load_catalog
from meridian_map.core.output.chart import build_chart
from meridian_map.core.output.sheet import Paper
from meridian_map.gui.sheets.render import ensure_application, render_pdf

CASES = (
    ("chart", Paper.A4, False, "en"),
    ("chart", Paper.A3, True, "zh"),
    ("points", Paper.A4, False, "en"),
    ("points", Paper.TABLOID, True, "zh"),
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--json")
    args = parser.parse_args()
    ensure_application()
    catalog = load_catalog()
    result: dict[str, object] = {"runs": args.runs, "target_ms": 1000}
    for layout, paper, grayscale, lang in CASES:
        times, size, pages = [], 0, 0
        for _ in range(args.runs):
            start = time.perf_counter()
            data, report = render_pdf(catalog, build_chart(catalog, layout, lang, grayscale), paper)
            times.append(time.perf_counter() - start)
            size, pages = len(data), report.pages
        name = f"{layout}_{paper}_{'grey' if grayscale else 'colour'}_{lang}"
        result[name] = {
            "median_ms": round(median(times) * 1000, 1),
            "worst_ms": round(max(times) * 1000, 1),
            "pages": pages,
            "pdf_kib": round(size / 1024, 1),
        }
    emit(result, args.json)


if __name__ == "__main__":
    main()

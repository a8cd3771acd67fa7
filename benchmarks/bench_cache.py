"""The cached catalog: how long a fresh process takes to load a warm entry.

Each run is a new interpreter that imports the cache module and loads the
catalog from an entry the first run wrote, so the figure is what every
start-up of the window, `sheet` and `export` pays: key, checks, decoding and
rebuilding the records. Median of N runs, with a fresh build for scale.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile

from common import compile_package, emit, median

TIMED = """
import time
started = time.perf_counter()
from pathlib import Path
from meridian_map.core.load.cache import load_cached
imported = time.perf_counter()
catalog = load_cached(Path({folder!r}))
done = time.perf_counter()
print(done - started, done - imported)
"""


def one_run(folder: str) -> tuple[float, float]:
    """Seconds from the first import to the catalog, and for the load call alone."""
    code = TIMED.format(folder=folder)
    done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    whole, call = done.stdout.split()
    return float(whole), float(call)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--json")
    args = parser.parse_args()
    compile_package()
    with tempfile.TemporaryDirectory(prefix="meridian-cache-") as folder:
        build_s = one_run(folder)[1]
        cached = [one_run(folder) for _ in range(args.runs)]
    emit(
        {
            "cache_build_ms": round(build_s * 1000, 1),
            "cache_import_and_load_ms": round(median([whole for whole, _ in cached]) * 1000, 1),
            "cache_load_ms": round(median([call for _, call in cached]) * 1000, 1),
            "cache_load_best_ms": round(min(call for _, call in cached) * 1000, 1),
            "runs": args.runs,
        },
        args.json,
    )


if __name__ == "__main__":
    main()

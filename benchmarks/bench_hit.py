"""Hit-testing: (x, y) → zone over random points, shipped and synthetic zones.

Target: ≤ 20 µs median at 10,000 zones.
"""

from __future__ import annotations

import argparse
import random
import time

from common import emit, median, percentile

from meridian_map.core.geometry.zones import ZoneIndex
from meridian_map.core.load import load_catalog

QUERIES = 20_000


def synthetic(count: int) -> dict[str, list[tuple[float, float]]]:
    """A grid of small non-overlapping squares over a face-sized canvas."""
    side = int(count**0.5) + 1
    cell = 240 / side
    zones = {}
    for i in range(count):
        x, y = (i % side) * cell, (i // side) * cell
        zones[f"z{i}"] = [(x, y), (x + cell * 0.9, y), (x + cell * 0.9, y + cell * 0.9), (x, y + cell * 0.9)]
    return zones


def measure(index: ZoneIndex, width: float, height: float) -> tuple[float, float]:
    rng = random.Random(7)
    probes = [(rng.uniform(0, width), rng.uniform(0, height)) for _ in range(QUERIES)]
    timings = []
    hit = index.hit
    for x, y in probes:
        started = time.perf_counter_ns()
        hit(x, y)
        timings.append((time.perf_counter_ns() - started) / 1000)
    return median(timings), percentile(timings, 0.99)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--json")
    args = parser.parse_args()
    catalog = load_catalog()
    box = catalog.face.view_box
    result: dict[str, object] = {}
    sets = {
        "shipped": {k: list(a.outline) for k, a in catalog.areas.items()},
        "1k": synthetic(1_000),
        "10k": synthetic(10_000),
    }
    for name, zones in sets.items():
        med, p99 = measure(ZoneIndex(zones), box.width, box.height)
        result[f"hit_{name}_zones"] = len(zones)
        result[f"hit_{name}_median_us"] = round(med, 2)
        result[f"hit_{name}_p99_us"] = round(p99, 2)
    result["hit_target_median_us_at_10k"] = 20
    emit(result, args.json)


if __name__ == "__main__":
    main()

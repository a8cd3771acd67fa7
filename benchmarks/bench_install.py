"""The two ways to install, side by side: sizes, and start-up of the bundle vs the wheel.

Needs `tools/smoke_wheel.sh` (dist/*.whl) and `tools/bundle.sh`
(dist/bundle/meridian-map, dist/*.tar.gz) first; it is not part of
run_all.py for that reason. The wheel is installed into a fresh virtual
environment here, the bundle is run as built; both take a screenshot
offscreen, alternated, median of N runs, timed to the last byte of the PNG
as in bench_startup.py. Both read the same catalog cache in a scratch home,
so neither pays for building it.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from common import REPO, alternate, emit, median, scratch_png


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--json")
    args = parser.parse_args()
    dist = REPO / "dist"
    (wheel,) = dist.glob("meridian_map-*-py3-none-any.whl")
    (archive,) = dist.glob("meridian-map-*-linux-*.tar.gz")
    bundle = dist / "bundle" / "meridian-map"
    scratch = Path(tempfile.mkdtemp(prefix="meridian-bench-install-"))
    for kind in ("CONFIG", "DATA", "CACHE"):
        os.environ[f"XDG_{kind}_HOME"] = str(scratch / kind.lower())
    venv = scratch / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", str(wheel)], check=True)
    wheel_png = scratch_png()
    bundle_png = wheel_png.with_name("bundle.png")
    size = ["--size", "1280x800"]
    runs = alternate(
        args.runs,
        {
            "wheel": [str(venv / "bin" / "meridian-map"), "--screenshot", str(wheel_png), *size],
            "bundle": [str(bundle / "meridian-map"), "--screenshot", str(bundle_png), *size],
        },
        images={"wheel": wheel_png, "bundle": bundle_png},
    )
    wheel_s = median([r.image_seconds or 0.0 for r in runs["wheel"]])
    bundle_s = median([r.image_seconds or 0.0 for r in runs["bundle"]])
    emit(
        {
            "wheel_kib": round(wheel.stat().st_size / 1024),
            "wheel_installed_mib": round(folder_bytes(venv) / 2**20, 1),
            "bundle_folder_mib": round(folder_bytes(bundle) / 2**20, 1),
            "bundle_tar_gz_mib": round(archive.stat().st_size / 2**20, 1),
            "startup_wheel_ms": round(wheel_s * 1000, 1),
            "startup_bundle_ms": round(bundle_s * 1000, 1),
            "startup_bundle_over_wheel": round(bundle_s / wheel_s, 3),
            "memory_wheel_mib": round(median([r.max_rss_kib for r in runs["wheel"]]) / 1024, 1),
            "memory_bundle_mib": round(median([r.max_rss_kib for r in runs["bundle"]]) / 1024, 1),
            "runs": args.runs,
        },
        args.json,
    )


if __name__ == "__main__":
    main()

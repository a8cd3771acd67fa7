"""Run every benchmark and write one JSON summary (benchmarks/results.json)."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).parent
SCRIPTS = (
    "bench_startup.py",
    "bench_cache.py",
    "bench_hit.py",
    "bench_labels.py",
    "bench_gui.py",
    "bench_sheet.py",
    "bench_charts.py",
    "bench_hostile.py",
    "bench_study.py",
    "bench_study_gui.py",
    "bench_consult.py",
    "bench_workspace.py",
    "bench_player.py",
    "bench_note_room.py",
    "bench_schools.py",
    "bench_language.py",
    "bench_photo.py",
    "bench_theme.py",
    "bench_side_view.py",
)


def main() -> None:
    summary: dict[str, object] = {}
    for script in SCRIPTS:
        if not (HERE / script).exists():
            continue
        with tempfile.NamedTemporaryFile(suffix=".json") as out:
            print(f"== {script}", flush=True)
            subprocess.run([sys.executable, str(HERE / script), "--json", out.name], check=True, cwd=HERE)
            summary[script.removesuffix(".py")] = json.loads(Path(out.name).read_text())
    target = HERE / "results.json"
    target.write_text(json.dumps(summary, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {target}")


if __name__ == "__main__":
    main()

"""Running a SIGKILL loop: a helper script kills a writer again and again and reports, as JSON, what each kill left."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any


def kill_loop(helper: str, path: Path, kills: int, timeout: float) -> dict[str, Any]:
    """The helper's report: it is run as `python -c helper path kills` and prints one JSON object."""
    result = subprocess.run(
        [sys.executable, "-c", helper, str(path), str(kills)], capture_output=True, text=True, timeout=timeout
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report: dict[str, Any] = json.loads(result.stdout)
    return report


def assert_never_torn(report: dict[str, Any], kills: int) -> None:
    """Every kill left the last acknowledged write or the one in flight, whole."""
    assert report["torn"] == []
    assert report["kills"] == kills and report["old"] + report["new"] == kills

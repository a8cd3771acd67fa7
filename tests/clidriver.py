"""Running the command as a user would: a fresh interpreter with folders of its own and no display.

The commands that need no window must not load Qt, and the window must not
load the code of the screens it has not opened yet; `modules_after` tells
which modules a command left loaded, for those tests to check.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

LOADED = "loaded:"


def run_cli(home: Path, *args: str, code: str | None = None) -> subprocess.CompletedProcess[str]:
    """The command with its own data, config and cache folders under `home`, offscreen, without a display."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update({f"XDG_{kind}_HOME": str(home / kind.lower()) for kind in ("DATA", "CONFIG", "CACHE")})
    command = ["-c", code, *args] if code is not None else ["-m", "meridian_map", *args]
    return subprocess.run([sys.executable, *command], capture_output=True, text=True, timeout=120, env=env)


def modules_after(home: Path, argv: Sequence[str]) -> frozenset[str]:
    """Every module loaded once `main(argv)` has returned 0 in a fresh interpreter.

    The list goes to stderr on a line of its own: Qt may print warnings of its own around it.
    """
    result = run_cli(
        home,
        code=(
            "import sys\nfrom meridian_map.cli import main\n"
            f"assert main({list(argv)!r}) == 0\n"
            f"print({LOADED!r}, *sys.modules, sep=',', file=sys.stderr)\n"
        ),
    )
    assert result.returncode == 0, result.stderr
    (line,) = [line for line in result.stderr.splitlines() if line.startswith(LOADED)]
    return frozenset(name for name in line.removeprefix(LOADED).split(",") if name)

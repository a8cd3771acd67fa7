"""The core never imports Qt: it must run headless and stay testable."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import meridian_map.core

CORE = Path(meridian_map.core.__file__).parent


def test_importing_the_whole_core_loads_no_qt() -> None:
    modules = sorted(
        "meridian_map.core." + ".".join(p.relative_to(CORE).with_suffix("").parts)
        for p in CORE.rglob("*.py")
        if p.stem != "__init__"
    )
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in modules)
        + "from meridian_map.core.loader import load_catalog\n"
        + "load_catalog()\n"
        + "import meridian_map.cli\n"
        + "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'meridian_map.gui')))\n"
        + "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert len(modules) >= 8 and "meridian_map.core.study.schedule" in modules
    assert result.stdout.strip() == ""


def test_no_core_source_mentions_qt_or_the_gui() -> None:
    offenders = [
        p.name
        for p in CORE.rglob("*.py")
        if any(word in p.read_text() for word in ("PySide6", "from ..gui", "shiboken"))
    ]
    assert offenders == []

"""The core's layering: no Qt, one way in to loading, study and session kept apart.

The contracts live in pyproject.toml (`[tool.importlinter]`) and are checked
by `lint-imports`; these tests run it on the real tree, show that each kind
of contract refuses a bad import in a copy of it, and check at run time that
importing every core module loads no Qt.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import meridian_map.core

CORE = Path(meridian_map.core.__file__).parent
PACKAGE = CORE.parent
REPO = PACKAGE.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(package_parent: Path) -> subprocess.CompletedProcess[str]:
    """`lint-imports` with the project's contracts over the `meridian_map` found in `package_parent`."""
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(REPO / "pyproject.toml"), "--no-cache"],
        capture_output=True,
        text=True,
        cwd=package_parent,
        env={"PYTHONPATH": str(package_parent), "PATH": "/usr/bin:/bin"},
        timeout=120,
    )


def test_the_import_contracts_hold() -> None:
    result = lint_imports(REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "4 kept, 0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "line", "contract"),
    [
        ("core/text/leak.py", "from ..load import build\n", "Loading is entered through"),
        ("gui/leak.py", "from ..core.load.cache import load_cached\n", "Loading is entered through"),
        ("core/geometry/leak.py", "import PySide6.QtCore\n", "The core never imports Qt"),
        ("core/output/leak.py", "from .. import load\n", "never reach into"),
        ("core/text/leak.py", "from ..study import quiz\n", "Nothing in the core imports study"),
    ],
)
def test_each_contract_refuses_a_bad_import(tmp_path: Path, module: str, line: str, contract: str) -> None:
    shutil.copytree(PACKAGE, tmp_path / "meridian_map", ignore=shutil.ignore_patterns("__pycache__", "assets"))
    (tmp_path / "meridian_map" / module).write_text(f'"""An import the layering forbids."""\n\n{line}')
    result = lint_imports(tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    report = " ".join(result.stdout.split())
    assert "3 kept, 1 broken" in report and f"{contract}" in report, result.stdout
    assert "leak ->" in report, result.stdout


def test_importing_the_whole_core_loads_no_qt() -> None:
    modules = sorted(
        "meridian_map.core." + ".".join(p.relative_to(CORE).with_suffix("").parts)
        for p in CORE.rglob("*.py")
        if p.stem != "__init__"
    )
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in modules)
        + "from meridian_map.core.load import load_catalog\n"
        + "load_catalog()\n"
        + "import meridian_map.cli\n"
        + "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'meridian_map.gui')))\n"
        + "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert len(modules) >= 8 and "meridian_map.core.study.schedule" in modules
    assert "meridian_map.core.load.build" in modules and "meridian_map.core.store.jsonstore" in modules
    assert result.stdout.strip() == ""


def test_no_core_source_mentions_qt_or_the_gui() -> None:
    """Also catches what no import statement shows: a module named in a string."""
    offenders = [
        p.name
        for p in CORE.rglob("*.py")
        if any(word in p.read_text() for word in ("PySide6", "from ..gui", "shiboken"))
    ]
    assert offenders == []

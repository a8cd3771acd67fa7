"""A Qt warning fails the test that caused it; known platform noise does not."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

INNER = """
from PySide6.QtCore import qWarning


def test_warns(qtbot):
    qWarning("QObject: something went wrong")


def test_platform_noise(qtbot):
    qWarning("This plugin does not support propagateSizeHints()")
"""


def test_qt_warnings_fail_tests_but_known_noise_does_not(tmp_path: Path) -> None:
    (tmp_path / "test_inner.py").write_text(INNER)
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-c", str(ROOT / "pyproject.toml"),
         "--rootdir", str(tmp_path), str(tmp_path / "test_inner.py")],
        capture_output=True, text=True, cwd=tmp_path, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    assert "FAILED test_inner.py::test_warns" in result.stdout, result.stdout
    assert "1 failed, 1 passed" in result.stdout, result.stdout

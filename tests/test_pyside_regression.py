"""PySide6 6.12.0 aborts on Python 3.11 after a few thousand void calls.

The pin in pyproject.toml keeps us off that release; this test would catch a
regression in whichever version is installed. It runs in a child process so
that an abort fails the test instead of killing the test run.
"""

from __future__ import annotations

import os
import subprocess
import sys

SCRIPT = """
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
widget = QWidget()
for i in range(20000):
    widget.setToolTip(str(i % 7))
print("survived", widget.toolTip())
"""


def test_twenty_thousand_void_binding_calls_do_not_abort() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert f"survived {19_999 % 7}" in result.stdout

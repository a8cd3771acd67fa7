"""What start-up leaves until it is needed stays left: the bold CJK font, the search index, the spoken words."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

# In a child, so the fonts are registered afresh, and fontconfig sees DejaVu alone: no system CJK font's bold.
STARTS = """
import json, sys
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication
from meridian_map.cli import main
from meridian_map.gui.mainwindow import MainWindow

def started(*args):
    assert main(["--screenshot", sys.argv[1], "--size", "800x600", "--lang", "en", *args]) == 0
    window = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)][-1]
    return {"bold": "Bold" in QFontDatabase.styles("Noto Sans CJK SC"), "index": window.search._index is not None}

plain = started()
later = ("meridian_map.core.text.search", "meridian_map.core.text.spoken", "socket")
imported = [name for name in later if name in sys.modules]
window = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)][-1]
window.search._update("sibai")
found = [hit.key for hit in window.search.hits][:1]
print(json.dumps({"plain": plain, "imported": imported, "found": found, "point": started("--select", "ST2")}))
"""


@pytest.mark.skipif(
    sys.platform != "linux" or not Path("/usr/share/fonts/truetype/dejavu").is_dir(),
    reason="hides the system fonts but DejaVu through fontconfig",
)
def test_the_bold_cjk_font_the_search_index_and_their_code_wait_until_needed(tmp_path: Path) -> None:
    config = tmp_path / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?><fontconfig><include ignore_missing="yes">/etc/fonts/conf.d</include>'
        "<dir>/usr/share/fonts/truetype/dejavu</dir>"
        f"<cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    env = {**os.environ, "FONTCONFIG_FILE": str(config), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", STARTS, str(tmp_path / "shot.png")], capture_output=True, text=True, timeout=120, env=env
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.splitlines()[-1])
    assert result["plain"] == {"bold": False, "index": False}, "the English map with nothing selected needs neither"
    assert result["imported"] == [], (
        "searching, a screen reader's words and quitting on a signal load their code when first needed"
    )
    assert result["found"] == ["ST2"], "the first search builds the index"
    assert result["point"]["bold"], "a point's heading sets its hanzi in bold: the font is there for the first frame"

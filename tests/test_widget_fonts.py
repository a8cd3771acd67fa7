"""The window's widgets draw hanzi with the bundled fonts on a machine that has no CJK font of its own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HANZI = "额头脸颊下巴颈部"
UNASSIGNED = "\u0378"  # no font has it: what a box looks like in this font
LATIN = "Meridian Map: Forehead, Cheek"

# Run in a child so that fontconfig, read once per process, sees only DejaVu: a system UI font, no CJK.
GLYPHS = f"""
import hashlib, json, sys
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
if sys.argv[1] == "fallback":
    from meridian_map.gui.fonts import fall_back_to_bundled_fonts
    fall_back_to_bundled_fonts(app)

def picture(text):
    label = QLabel(text)
    label.resize(400, 60)
    image = label.grab().toImage()
    return hashlib.sha256(bytes(image.constBits())).hexdigest()

box = picture({UNASSIGNED!r})
hanzi = [picture(c) for c in {HANZI!r}]
print(json.dumps({{"box": box, "hanzi": hanzi, "latin": picture({LATIN!r}), "family": QFontInfo(app.font()).family()}}))
"""


def glyphs(tmp_path: Path, mode: str) -> dict[str, object]:
    config = tmp_path / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?><fontconfig><include ignore_missing="yes">/etc/fonts/conf.d</include>'
        "<dir>/usr/share/fonts/truetype/dejavu</dir>"
        f"<cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-c", GLYPHS, mode],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "FONTCONFIG_FILE": str(config)},
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])  # type: ignore[no-any-return]


@pytest.mark.xvfb
@pytest.mark.skipif(
    sys.platform != "linux" or not Path("/usr/share/fonts/truetype/dejavu").is_dir(),
    reason="hides the system fonts but DejaVu through fontconfig",
)
def test_hanzi_in_a_widget_are_drawn_not_boxes_and_latin_looks_the_same(tmp_path: Path) -> None:
    bare, bundled = glyphs(tmp_path, "bare"), glyphs(tmp_path, "fallback")
    assert isinstance(bare["hanzi"], list) and isinstance(bundled["hanzi"], list)
    # Without the fallback every hanzi is the box; the check itself would catch boxes.
    assert set(bare["hanzi"]) == {bare["box"]}
    assert bundled["box"] not in bundled["hanzi"]
    assert len(set(bundled["hanzi"])) == len(HANZI)
    assert bundled["latin"] == bare["latin"] and bundled["family"] == bare["family"]

"""The window with a user pack: a broken pack is one dialog, a good one is marked in the panel.

The content folder is a temporary one: XDG_DATA_HOME and XDG_CONFIG_HOME
point platformdirs at tmp_path, so the real user's folders are never read.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from meridian_map.core.load import load_with_user_pack
from meridian_map.core.store.dirs import content_dir
from meridian_map.gui import app as app_module
from meridian_map.gui.app import show_pack_problems
from meridian_map.gui.mainwindow import MainWindow

from .test_user_pack import PROBLEM_LINE, doc_block, ear_pack

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="XDG folders")


@pytest.fixture
def pack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    folder = content_dir()
    assert folder == tmp_path / "data" / "meridian-map" / "content"
    return ear_pack(folder)


def break_pack(pack: Path) -> None:
    (pack / "ear.toml").write_text(
        (pack / "ear.toml").read_text(encoding="utf-8").replace('"light"', '"lite"'), encoding="utf-8"
    )
    (pack / "style.toml").write_text('[[zone]]\nid = "cheek"\ncautions = "<b>bold</b>"\n', encoding="utf-8")


def test_a_good_pack_is_loaded_and_marked(qtbot: QtBot, pack: Path) -> None:
    (pack / "my-cautions.toml").write_text(doc_block("toml", 'id = "cheek"'), encoding="utf-8")
    catalog, problems = load_with_user_pack()
    assert problems == [] and "ear" in catalog.zones
    window = MainWindow(catalog, None)
    qtbot.addWidget(window)
    assert window.select("ear_l")
    assert "✎ added locally" in window.panel.toPlainText()
    assert window.select("cheek_r")
    text = window.panel.toPlainText()
    assert "✎ edited locally" in text and "In our clinic" in text
    assert "✎ from your content folder" in text, "acne's caution is edited and the cheek lists acne"
    assert window.select("ST2.L")
    assert "✎ edited locally" in window.panel.toPlainText()
    assert window.select("ST1.L")
    assert "locally" not in window.panel.toPlainText()


def test_the_sidebar_marks_what_the_pack_touched(qtbot: QtBot, pack: Path) -> None:
    (pack / "my-cautions.toml").write_text(doc_block("toml", 'id = "cheek"'), encoding="utf-8")
    catalog, _problems = load_with_user_pack()
    window = MainWindow(catalog, None)
    qtbot.addWidget(window)
    zones = {
        window.sidebar.zone_list.item(row).text(): window.sidebar.zone_list.item(row).toolTip()
        for row in range(window.sidebar.zone_list.count())
    }
    assert zones[catalog.zones["ear"].name.get() + " ✎"] == "added by your content pack"
    assert zones[catalog.zones["cheek"].name.get() + " ✎"] == "edited by your content pack"
    assert zones[catalog.zones["chin"].name.get()] == ""
    box = window.sidebar.concern_box
    acne = box.findData("acne")
    assert box.itemText(acne).endswith(" ✎")
    assert not box.itemText(box.findData("eye_bags")).endswith("✎")


def test_a_broken_pack_shows_one_dialog_with_every_problem(qtbot: QtBot, pack: Path) -> None:
    break_pack(pack)
    catalog, problems = load_with_user_pack()
    assert "ear" not in catalog.zones, "the shipped content is shown instead"
    assert len(problems) == 2 and all(PROBLEM_LINE.match(p) for p in problems), problems
    window = MainWindow(catalog, None)
    qtbot.addWidget(window)
    show_pack_problems(window, problems)
    boxes = window.findChildren(QMessageBox)
    assert len(boxes) == 1
    box = boxes[0]
    qtbot.waitUntil(box.isVisible)
    assert box.text() == f"2 problem(s) in {pack}. The shipped content is shown instead."
    assert box.detailedText() == "\n".join(problems)
    assert "unknown pressure &#x27;lite&#x27;" in box.informativeText()
    assert "&lt;b&gt;" not in box.informativeText(), "a problem's text is never taken for markup"
    box.close()


def test_starting_the_app_with_a_broken_pack(qtbot: QtBot, pack: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The real start-up path: the dialog is shown once the event loop runs, the app carries on."""
    break_pack(pack)
    shown: list[tuple[MainWindow, list[str]]] = []
    monkeypatch.setattr(app_module, "show_pack_problems", lambda window, problems: shown.append((window, problems)))

    def run_until_the_dialog(_app: QApplication) -> int:
        qtbot.waitUntil(lambda: bool(shown))
        return 0

    monkeypatch.setattr(QApplication, "exec", run_until_the_dialog)
    args = argparse.Namespace(screenshot=None, size=None, select=None, mode=None, theme=None, qt_arguments=[])
    assert app_module.run(args, *load_with_user_pack()) == 0
    window, problems = shown[0]
    qtbot.addWidget(window)
    assert len(shown) == 1 and len(problems) == 2
    assert "ear" not in window.catalog.zones and window.isVisible()

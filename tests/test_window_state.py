"""The window's saved state: checked on the way in, saved as it changes, on signals and at exit.

Geometry is judged against the screens there are, so those tests run on a
real X server (Xvfb, one 1920 × 1200 screen); the rest run offscreen.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from meridian_map.core.catalog import Catalog
from meridian_map.core.store.jsonstore import UNSAVED_NOTE, settings_store, take_unsaved_note
from meridian_map.gui.app import show_unsaved_note
from meridian_map.gui.mainwindow import DEFAULT_SPLITTER, MIN_MAP_WIDTH, MainWindow

from .dialogdriver import dark_pixels, press

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="XDG folders and POSIX signals")

INT_MIN, INT_MAX = -(2**31), 2**31 - 1


@pytest.fixture
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("CONFIG", "DATA", "STATE", "CACHE"):
        monkeypatch.setenv(f"XDG_{name}_HOME", str(tmp_path / name.lower()))
    return tmp_path


def new_window(qtbot: QtBot, catalog: Catalog, state: dict[str, object]) -> MainWindow:
    window = MainWindow(catalog)
    qtbot.addWidget(window)
    window.restore(state)
    window.show()
    qtbot.waitExposed(window)
    return window


def on_a_screen(rect: QRect) -> bool:
    return any(screen.availableGeometry().intersects(rect) for screen in QGuiApplication.screens())


def hidden_panes_state(qtbot: QtBot, catalog: Catalog) -> str:
    """A splitter state, in the format once saved, that hides all three panes."""
    window = MainWindow(catalog)
    qtbot.addWidget(window)
    for pane in (window.sidebar, window.view, window.panel):
        pane.hide()
    return bytes(window.splitter.saveState().toHex().data()).decode()


@pytest.mark.xvfb
def test_a_crafted_splitter_entry_leaves_the_map_on_screen_and_is_not_saved_back(
    qtbot: QtBot, catalog: Catalog
) -> None:
    crafted = {"splitter": hidden_panes_state(qtbot, catalog), "splitter_sizes": [100000, 0, 100000]}
    window = new_window(qtbot, catalog, crafted)
    qtbot.waitUntil(lambda: window.view.width() >= MIN_MAP_WIDTH)
    assert window.view.isVisible() and window.panel.isVisible() and window.sidebar.isVisible()
    saved = window.state()
    assert "splitter" not in saved
    assert saved["splitter_sizes"] != crafted["splitter_sizes"]
    assert min(saved["splitter_sizes"]) > 0


@pytest.mark.xvfb
@pytest.mark.parametrize(
    "sizes", [[0, 0, 0], [1, MIN_MAP_WIDTH - 1, 1], [300, 250, 5000], [-5, 700, 300], [True, 700, 300], "230,700"]
)
def test_unusable_splitter_sizes_fall_back_to_the_defaults(qtbot: QtBot, catalog: Catalog, sizes: object) -> None:
    window = new_window(qtbot, catalog, {"splitter_sizes": sizes})
    assert window.view.width() >= MIN_MAP_WIDTH
    fresh = new_window(qtbot, catalog, {})
    assert window.splitter.sizes() == fresh.splitter.sizes()


@pytest.mark.xvfb
def test_usable_splitter_sizes_are_restored(qtbot: QtBot, catalog: Catalog) -> None:
    window = new_window(qtbot, catalog, {"splitter_sizes": [300, 600, 380]})
    assert window.splitter.sizes() != new_window(qtbot, catalog, {}).splitter.sizes()
    sidebar, view, _panel = window.splitter.sizes()
    assert sidebar > DEFAULT_SPLITTER[0] and view < DEFAULT_SPLITTER[1] + 100


@pytest.mark.xvfb
@pytest.mark.parametrize(
    "place",
    [
        {"x": INT_MIN, "y": INT_MIN, "width": 1000, "height": 700},
        {"x": INT_MAX, "y": INT_MAX, "width": 1000, "height": 700},
        {"x": 0, "y": 0, "width": INT_MAX, "height": INT_MAX},
        {"x": 10**30, "y": 0, "width": 1000, "height": 700},
        {"x": 100, "y": 3000, "width": 1000, "height": 700},
        {"x": 100, "y": 100, "width": 1, "height": 1},
        {"x": 100.5, "y": 100, "width": 1000, "height": 700},
    ],
)
def test_geometry_off_the_screens_falls_back_to_the_default(
    qtbot: QtBot, catalog: Catalog, place: dict[str, object]
) -> None:
    window = new_window(qtbot, catalog, {"window": place})
    assert on_a_screen(window.geometry())
    assert (window.width(), window.height()) == (1280, 800)
    saved = window.state()["window"]
    assert (saved["x"], saved["y"], saved["width"], saved["height"]) != tuple(place.values())


@pytest.mark.xvfb
def test_geometry_on_a_screen_is_restored(qtbot: QtBot, catalog: Catalog) -> None:
    window = new_window(qtbot, catalog, {"window": {"x": 120, "y": 90, "width": 1000, "height": 700}})
    assert (window.width(), window.height()) == (1000, 700)
    assert on_a_screen(window.geometry())


@pytest.mark.xvfb
def test_quitting_in_full_screen_opens_full_screen_with_the_normal_geometry_kept(
    qtbot: QtBot, catalog: Catalog
) -> None:
    first = new_window(qtbot, catalog, {"window": {"x": 120, "y": 90, "width": 1000, "height": 700}})
    first.splitter.setSizes([300, 600, 380])
    normal_sizes = first.splitter.sizes()
    first.toggle_full_screen()
    qtbot.waitUntil(first.isFullScreen)
    state = first.state()
    assert state["window"]["full_screen"] is True
    assert (state["window"]["width"], state["window"]["height"]) == (1000, 700)
    assert state["splitter_sizes"] == normal_sizes, "the hidden sidebar's 0 is not saved"

    again = new_window(qtbot, catalog, json.loads(json.dumps(state)))
    assert again.isFullScreen() and again.full_screen_action.isChecked()
    assert not again.sidebar.isVisible() and not again.statusBar().isVisible()
    again.toggle_full_screen()
    qtbot.waitUntil(lambda: not again.isFullScreen())
    assert again.sidebar.isVisible() and again.statusBar().isVisible()
    assert (again.width(), again.height()) == (1000, 700)
    sidebar, _map, panel = again.splitter.sizes()
    assert (sidebar, panel) == (normal_sizes[0], normal_sizes[2]), "the map takes what the window gained or lost"


def test_changes_are_saved_soon_after_they_happen(qtbot: QtBot, catalog: Catalog, folders: Path) -> None:
    store = settings_store()
    store.load()
    window = MainWindow(catalog, store)
    qtbot.addWidget(window)
    window.show()
    window.select("chin_l")
    qtbot.waitUntil(lambda: store.path.is_file() and "chin_l" in store.path.read_text(), timeout=5000)
    assert json.loads(store.path.read_text())["data"]["selection"] == "chin_l"


def test_settings_not_saved_at_exit_are_reported_at_the_next_start(
    qtbot: QtBot, catalog: Catalog, folders: Path
) -> None:
    (folders / "config").write_text("a file where the settings folder should be")
    store = settings_store()
    store.load()
    window = MainWindow(catalog, store)
    qtbot.addWidget(window)
    window.show()
    window.close()
    reason = take_unsaved_note()
    assert reason is not None and "settings.json" in reason
    assert take_unsaved_note() is None, "said once"


@pytest.mark.xvfb
def test_the_unsaved_settings_message_is_shown_and_closes(qtbot: QtBot, window: MainWindow) -> None:
    show_unsaved_note(window, "Not a directory: '/x/<b>settings</b>'")
    box = window.findChild(QMessageBox)
    assert isinstance(box, QMessageBox)
    qtbot.waitUntil(box.isVisible)
    qtbot.waitExposed(box)
    qtbot.waitUntil(lambda: dark_pixels(box.grab().toImage()) > 50)
    assert "not saved" in box.text() and "<b>settings</b>" in box.text()
    assert box.textFormat() == Qt.TextFormat.PlainText
    press(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox) is None)  # closed and deleted


def run_app(folders: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.update({f"XDG_{n}_HOME": str(folders / n.lower()) for n in ("CONFIG", "DATA", "STATE", "CACHE")})
    return subprocess.Popen(
        [sys.executable, "-m", "meridian_map", "--select", "cheek_l"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for_file(process: subprocess.Popen[str], path: Path, rounds: int = 1200) -> None:
    """Wait, on the process (each round ends early if it exits), until `path` exists."""
    for _ in range(rounds):
        if path.is_file():
            return
        try:
            process.wait(timeout=0.05)
        except subprocess.TimeoutExpired:
            continue
        pytest.fail(f"the app exited ({process.returncode}) before writing {path.name}: {process.stderr.read()}")
    process.kill()
    pytest.fail(f"{path.name} never appeared")


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_a_signal_saves_the_state_and_quits_cleanly(folders: Path, signum: signal.Signals) -> None:
    settings = folders / "config" / "meridian-map" / "settings.json"
    process = run_app(folders)
    try:
        wait_for_file(process, settings)  # the selection, saved a moment after start
        settings.unlink()  # so what is found next was written on the signal
        process.send_signal(signum)
        assert process.wait(timeout=60) == 128 + signum, process.stderr.read()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert json.loads(settings.read_text())["data"]["selection"] == "cheek_l"
    assert "Traceback" not in process.stderr.read()


def test_no_note_means_no_message(folders: Path) -> None:
    assert not (folders / "state" / "meridian-map" / UNSAVED_NOTE).exists()
    assert take_unsaved_note() is None

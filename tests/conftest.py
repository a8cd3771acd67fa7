"""Shared fixtures: the shipped catalog is loaded once per test session."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The commands and the window layer the user's content folder and read the
# settings: the suite (and the commands it starts) gets empty ones of its
# own, never the folders of whoever runs it. The state folder (the note a
# failed save leaves for the next start) and the catalog cache are the
# suite's own too, so neither a test nor a parallel worker finds another's.
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="meridian-map-tests-data-")
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="meridian-map-tests-config-")
os.environ["XDG_STATE_HOME"] = tempfile.mkdtemp(prefix="meridian-map-tests-state-")
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="meridian-map-tests-cache-")

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from meridian_map.core.catalog import Catalog
from meridian_map.core.load import load_catalog
from meridian_map.gui.mainwindow import MainWindow

DATA = Path(__file__).parent / "data"
FOLDERS = ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME")  # removed at the end
REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture
def window(qtbot: QtBot, catalog: Catalog) -> MainWindow:
    """The main window, shown at a laptop size with the map fitted."""
    from .windowdriver import shown_window

    win = shown_window(qtbot, catalog)
    win.view.fit()
    return win


@pytest.fixture
def light_theme_after(qapp: object) -> Iterator[None]:
    """The application palette, style sheet and desktop scheme are the whole process's: put back as other tests expect.

    A window's theme choice changes all three, and the next window takes the palette it finds for the system's.
    """
    yield
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from meridian_map.gui.theme import LIGHT

    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Unknown)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setStyleSheet("")
    app.setPalette(LIGHT.palette())


@pytest.fixture
def app(qapp: QApplication) -> QGuiApplication:
    """A GUI application with the bundled fonts registered, as the sheets need."""
    from meridian_map.gui.sheets.render import ensure_application

    return ensure_application()


@pytest.fixture(autouse=True)
def english_window_words_afterwards() -> Iterator[None]:
    """Qt's translators are process-wide: a test that switched the window to Chinese leaves it in English."""
    yield
    language = sys.modules.get("meridian_map.gui.language")
    if language is not None and language.current_chrome() != "en":
        language.use_chrome_language("en")


@pytest.fixture(autouse=True)
def no_window_left_open() -> Iterator[None]:
    """A window a test leaves on screen takes the next test's pointer and keys: it fails the test that left it.

    pytest-qt has closed the test's own widgets by the time this runs; a dialog
    they opened that is still shown outlived its window.
    """
    yield
    if "PySide6.QtWidgets" not in sys.modules:
        return
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    left = [w for w in app.topLevelWidgets() if w.isVisible()]
    for widget in left:
        widget.close()
    assert not left, f"windows left open: {[type(w).__name__ + ' ' + w.windowTitle() for w in left]}"


@pytest.fixture
def assets_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped assets to break on purpose."""
    target = tmp_path / "assets"
    shutil.copytree(REPO / "assets", target)
    return target


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Real-window tests need an X server; tools/test.sh runs them under Xvfb."""
    if os.environ.get("QT_QPA_PLATFORM") == "xcb" and os.environ.get("DISPLAY"):
        return
    skip = pytest.mark.skip(reason="needs QT_QPA_PLATFORM=xcb and an X display (run under xvfb-run)")
    for item in items:
        if "xvfb" in item.keywords:
            item.add_marker(skip)


def pytest_unconfigure(config: pytest.Config) -> None:
    for folder in FOLDERS:
        if "meridian-map-tests-" in os.environ.get(folder, ""):
            shutil.rmtree(os.environ[folder], ignore_errors=True)

"""Photo mode in the window, the command and the client file: the same state, hover, click, panel and search."""

from __future__ import annotations

import datetime as dt
import json
import math
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QPointF, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from meridian_map.core.catalog import Catalog
from meridian_map.core.store.clients import ClientStoreError, open_client_store
from meridian_map.gui.mainwindow import MainWindow

from . import photos

pytest.importorskip("mediapipe", reason="photo mode needs the extra: pip install 'meridian-map[photo]'")

from meridian_map.core.photo.fit import MappedPhoto, map_photo
from meridian_map.core.photo.image import decode_photo, encode_jpeg
from meridian_map.gui.photo.opening import open_photo, open_photo_file
from meridian_map.gui.photo.page import PhotoPage

T = TypeVar("T")


@pytest.fixture(scope="module")
def astronaut_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("photos") / "astronaut.jpg"
    path.write_bytes(photos.with_location(photos.astronaut()))
    return path


@pytest.fixture(scope="module")
def mapped(catalog: Catalog, astronaut_file: Path) -> MappedPhoto:
    return map_photo(catalog, decode_photo(astronaut_file.read_bytes(), str(astronaut_file)))


def _page(window: MainWindow) -> PhotoPage:
    page = window.photo_page
    assert page is not None
    return page


def _on_photo(page: PhotoPage, x: float, y: float) -> QPoint:
    return page.view.mapFromScene(QPointF(x, y))


def _settle(qtbot: QtBot, window: MainWindow, page: PhotoPage) -> None:
    """Wait until a point can be hovered where it is drawn: the splitter has settled the page's size.

    Aimed afresh each time, since each layout pass refits the view.
    """
    point = page.scene.point_items["ST2.R"]

    def hovered() -> bool:
        QTest.mouseMove(page.view.viewport(), _on_photo(page, point.x(), point.y()))
        return window.map_state.hover.point == "ST2.R"

    qtbot.waitUntil(hovered)


def test_open_photo_shows_the_photo_under_the_same_state(window: MainWindow, astronaut_file: Path) -> None:
    assert open_photo_file(window, astronaut_file)
    page = _page(window)
    assert window.map_state.mode == "explore"  # not a screen of its own: the drawing's place in the explorer
    assert window.splitter.widget(1) is page and not window.view.isVisible()
    assert "fit residual" in page.residual.text() and "astronaut.jpg" in page.residual.text()
    # Search and the panel drive the photo scene through the same state.
    window.select("cheek_l")
    assert page.scene.zone_items["cheek_l"].base.name == "SELECTED"
    assert window.panel.isVisible()
    window.named_actions["zoom_in"].trigger()  # the View menu works on the photo shown
    assert page.view.zoom == pytest.approx(1.25) and window.view.zoom == pytest.approx(1.0)
    assert window.zoom_label.text() == "125 %"
    window.named_actions["fit"].trigger()
    assert page.view.zoom == pytest.approx(1.0)
    page.back_button.click()
    assert window.photo_page is None and window.splitter.widget(1) is window.view
    assert window.map_state.selection.area == "cheek_l"  # the selection outlives the photo


def test_hover_and_click_on_the_photo(qtbot: QtBot, window: MainWindow, mapped: MappedPhoto) -> None:
    from meridian_map.gui.photo.opening import show_photo

    show_photo(window, mapped)
    page = _page(window)
    qtbot.waitUntil(lambda: page.view.isVisible() and page.view.viewport().width() > 300)
    page.view.fit()
    point = page.scene.point_items["ST2.R"]

    _settle(qtbot, window, page)
    assert "ST2" in window.hover_label.text()
    spot = _on_photo(page, point.x(), point.y())
    QTest.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    assert window.map_state.selection.point == "ST2.R"
    # ST2.R is the subject's right: on the viewer's left of the photo's midline.
    assert point.x() < page.scene.catalog.face.landmarks["nose_tip"][0]


def test_a_school_change_redraws_the_strokes_on_the_photo(window: MainWindow, mapped: MappedPhoto) -> None:
    from meridian_map.gui.photo.opening import show_photo

    show_photo(window, mapped)
    page = _page(window)
    state = window.map_state
    other = next(school for school in window.catalog.schools if school != state.school)
    before = page.scene.catalog.areas["forehead_l"].strokes
    state.set_school(other)
    scene = page.scene
    assert scene.catalog.school == other
    schooled = mapped.catalog(state.catalog, page.scale).areas["forehead_l"].strokes
    assert scene.catalog.areas["forehead_l"].strokes == schooled != before
    box = scene.photo_rect
    for line in scene.catalog.areas["forehead_l"].strokes:  # on the photo, not in the drawing's units
        assert all(box.contains(QPointF(x, y)) for x, y in line)


def test_dragging_a_landmark_refits_and_moves_the_map(qtbot: QtBot, window: MainWindow, mapped: MappedPhoto) -> None:
    from meridian_map.gui.photo.opening import show_photo

    show_photo(window, mapped)
    page = _page(window)
    qtbot.waitUntil(lambda: page.view.isVisible() and page.view.viewport().width() > 300)
    page.view.fit()
    _settle(qtbot, window, page)
    page.edit_button.click()
    handle = page.scene.handles["mouth_corner_r"]
    assert handle.isVisible()
    before_point = page.scene.point_items["ST4.R"].pos()
    before_text = page.residual.text()
    start = _on_photo(page, handle.x(), handle.y())
    end = start + QPoint(-25, 0)
    viewport = page.view.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    QTest.mouseMove(viewport, start + QPoint(-10, 0))
    QTest.mouseMove(viewport, end)
    with qtbot.waitSignal(page.view.landmark_moved):
        QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)
    after_point = page.scene.point_items["ST4.R"].pos()
    assert after_point.x() < before_point.x() - 3  # ST4 follows the mouth corner outwards
    assert page.residual.text() != before_text
    moved = page.mapped.fit.photo["mouth_corner_r"]
    assert moved[0] < mapped.fit.photo["mouth_corner_r"][0] - 2
    assert page.scene.handles["mouth_corner_r"].isVisible()  # still correcting on the new scene
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the old scene is gone for good
    QTest.mouseMove(viewport, _on_photo(page, after_point.x(), after_point.y()))
    assert window.map_state.hover.point == "ST4.R", "hover finds points on the new scene"


def test_file_open_photo_through_the_real_dialog(qtbot: QtBot, window: MainWindow, astronaut_file: Path) -> None:
    """The menu item opens Qt's own file dialog; the photo chosen in it is mapped off the window's thread.

    Meanwhile the window says it is busy (the pointer, the status bar) and
    Open Photo is off; afterwards all three are as before and the photo shows.
    """
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QFileDialog, QLineEdit

    busy: list[tuple[object, str, bool]] = []

    def choose() -> None:
        """Type the photo's path into the dialog's file name and press Enter, as a person would."""
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QFileDialog) and widget.isVisible():
                name = widget.findChild(QLineEdit, "fileNameEdit")
                assert isinstance(name, QLineEdit)
                name.setText(str(astronaut_file))
                QTest.keyClick(name, Qt.Key.Key_Return)
                cursor = QGuiApplication.overrideCursor()
                busy.append(
                    (
                        cursor.shape() if cursor else None,
                        window.statusBar().currentMessage(),
                        window.named_actions["open_photo"].isEnabled(),
                    )
                )
                timer.stop()

    timer = QTimer()
    timer.timeout.connect(choose)
    timer.start(20)
    window.named_actions["open_photo"].trigger()
    qtbot.waitUntil(lambda: window.photo_page is not None, timeout=20_000)
    timer.stop()
    assert busy == [(Qt.CursorShape.BusyCursor, "Finding the face on astronaut.jpg…", False)]
    assert QGuiApplication.overrideCursor() is None and window.named_actions["open_photo"].isEnabled()
    assert "astronaut.jpg" in _page(window).residual.text()


def test_mediapipe_loads_in_the_background_once_the_open_photo_dialog_opens() -> None:
    """Not at start-up; on its own thread, leaving the window's free; and without matplotlib's pyplot."""
    code = (
        "import sys, threading\n"
        "from PySide6.QtWidgets import QApplication, QFileDialog\n"
        "app = QApplication([])\n"
        "from meridian_map.core.load import load_catalog\n"
        "from meridian_map.gui.mainwindow import MainWindow\n"
        "window = MainWindow(load_catalog())\n"
        "window.show(); app.processEvents()\n"
        "print('at start-up:', 'mediapipe' in sys.modules)\n"
        "window.named_actions['open_photo'].trigger()\n"
        "from meridian_map.core.photo import landmarks\n"
        "thread = landmarks._warming\n"
        "print('dialog open:', any(isinstance(w, QFileDialog) and w.isVisible() for w in app.topLevelWidgets()))\n"
        "print('thread:', thread is not None and thread is not threading.main_thread() and thread.name)\n"
        "thread.join()\n"
        "print('loaded:', 'mediapipe.python.solutions.face_mesh' in sys.modules, 'matplotlib.pyplot' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "at start-up: False",
        "dialog open: True",
        "thread: mediapipe-import",
        "loaded: True False",
    ]


def messages_shown(qtbot: QtBot, act: Callable[[], T]) -> tuple[T, list[str]]:
    """What `act` gives, and the texts of the message boxes it shows, each read and closed as it comes up."""
    seen: list[str] = []

    def read_and_close() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible():
                seen.append(widget.text())
                widget.close()

    timer = QTimer()
    timer.timeout.connect(read_and_close)
    timer.start(20)
    result = act()
    qtbot.waitUntil(lambda: bool(seen))
    timer.stop()
    return result, seen


def test_a_photo_without_a_face_says_so_in_a_message(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    coffee = tmp_path / "coffee.png"
    coffee.write_bytes(photos.encoded(photos.no_face()))
    opened, seen = messages_shown(qtbot, lambda: open_photo_file(window, coffee))
    assert not opened
    assert "no face found" in seen[0] and "coffee.png" in seen[0]
    assert window.photo_page is None and window.splitter.widget(1) is window.view


def test_without_mediapipe_the_menu_item_says_how_to_enable_photo_mode(
    qtbot: QtBot, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib.util

    real = importlib.util.find_spec

    def without_mediapipe(name: str, *args: object) -> object:
        if name.split(".")[0] == "mediapipe":
            return None
        return real(name, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(importlib.util, "find_spec", without_mediapipe)
    monkeypatch.setitem(sys.modules, "mediapipe", None)  # and an import would fail
    window = MainWindow(catalog)
    qtbot.addWidget(window)
    action = window.named_actions["open_photo"]
    assert "not installed" in action.text()
    assert "pip install 'meridian-map[photo]'" in action.statusTip()
    _nothing, seen = messages_shown(qtbot, lambda: open_photo(window))
    assert "pip install 'meridian-map[photo]'" in seen[0]
    assert window.photo_page is None


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "meridian_map", *args], capture_output=True, text=True, timeout=180)


def test_photo_export_is_the_export_schema_in_photo_pixels(astronaut_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "mapped.json"
    result = run_cli("photo", str(astronaut_file), "--export", "json", "-o", str(out), "--no-pack")
    assert result.returncode == 0, result.stderr
    document = json.loads(out.read_text(encoding="utf-8"))
    plain = json.loads(run_cli("export", "--no-pack").stdout)
    assert set(document) == set(plain) | {"photo"}
    assert document["frame"]["units"] == "photo pixels"
    assert (document["frame"]["width"], document["frame"]["height"]) == (512, 512)
    assert document["photo"]["width"] == 512 and document["photo"]["residual_px"] < 5
    assert [p["code"] for p in document["points"]] == [p["code"] for p in plain["points"]]
    for point in document["points"]:
        assert 0 <= point["x"] <= 512 and 0 <= point["y"] <= 512
    st2 = {p["side"]: p for p in document["points"] if p["code"] == "ST2"}
    pupils = document["photo"]["detected"]
    assert math.dist((st2["R"]["x"], st2["R"]["y"]), pupils["pupil_r"]) < 30
    assert st2["R"]["y"] > pupils["pupil_r"][1]  # below the pupil, as on the drawing


def test_photo_screenshot_and_select_offscreen(astronaut_file: Path, tmp_path: Path) -> None:
    shot = tmp_path / "photo.png"
    result = run_cli("photo", str(astronaut_file), "--screenshot", str(shot), "--select", "ST2", "--size", "1024x700")
    assert result.returncode == 0, result.stderr
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    from PySide6.QtGui import QImage

    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1024, 700)


def test_photo_command_refusals(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.png"
    bomb.write_bytes(photos.png_claiming(11_000, 11_000))
    two = tmp_path / "two.png"
    two.write_bytes(photos.encoded(photos.two_faces()))
    for path, words in ((bomb, "megapixels"), (two, "2 faces found"), (tmp_path / "missing.jpg", "cannot be read")):
        result = run_cli("photo", str(path), "--export", "json")
        assert result.returncode == 1 and words in result.stderr and "Traceback" not in result.stderr
    assert run_cli("photo", str(bomb), "--select", " ", "--export", "json").returncode == 1


def test_take_home_sheet_on_the_photo(astronaut_file: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "sheet.pdf"
    result = run_cli("sheet", "--concern", "dark-circles", "--photo", str(astronaut_file), "-o", str(pdf))
    assert result.returncode == 0, result.stderr
    assert pdf.read_bytes().startswith(b"%PDF-")
    images = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert len(images.splitlines()) >= 3  # the header, the rule and the photo
    assert b"PhoneMaker" not in pdf.read_bytes()  # the photo is printed, its EXIF is not
    plain = run_cli("sheet", "--concern", "dark-circles", "-o", str(tmp_path / "plain.pdf"))
    assert plain.returncode == 0
    assert run_cli("sheet", "--photo", str(astronaut_file)).returncode == 2  # a cheat sheet has no client


def test_a_photo_is_kept_only_when_saved_and_goes_with_the_client(tmp_path: Path, mapped: MappedPhoto) -> None:
    store = open_client_store(tmp_path / "clients.sqlite3").store
    client = store.add_client("Ms K", dt.date(2026, 12, 1))
    assert store.photo(client.id) is None
    jpeg = encode_jpeg(mapped.photo)
    store.save_photo(client.id, dt.date(2026, 12, 1), jpeg, mapped.fit.photo)
    kept = store.photo(client.id)
    assert kept is not None and kept.jpeg == jpeg and kept.landmarks["chin"] == pytest.approx(mapped.fit.photo["chin"])
    assert b"PhoneMaker" not in kept.jpeg
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    other = store.add_client("Mr L", dt.date(2026, 12, 1))
    store.save_photo(other.id, dt.date(2026, 12, 1), jpeg, mapped.fit.photo)
    store.delete_photo(other.id)  # the photo goes, the client stays
    assert store.photo(other.id) is None and store.client(other.id).name == "Mr L"
    with pytest.raises(ClientStoreError, match="JPEG"):
        store.save_photo(client.id, dt.date(2026, 12, 1), b"<svg onload=...>", {})
    deleted = store.delete_client(client.id)
    assert deleted.photos == 1 and "their photo" in str(deleted)
    assert store.photo(client.id) is None
    store.close()
    assert jpeg[100:164] not in (tmp_path / "clients.sqlite3").read_bytes()  # overwritten, not just unlinked


def test_a_refit_keeps_the_symbols_as_big_as_the_zoom_made_them(window: MainWindow, mapped: MappedPhoto) -> None:
    from meridian_map.gui.photo.opening import show_photo

    show_photo(window, mapped)
    page = _page(window)
    page.view.zoom_by(3.0)
    zoomed = page.scene.symbols
    chin = mapped.fit.photo["chin"]
    page._landmark_moved("chin", chin[0] * page.scale, (chin[1] + 2) * page.scale)
    assert page.scene.symbols == zoomed

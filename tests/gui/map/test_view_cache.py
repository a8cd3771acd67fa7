"""The view's own background cache: moved and scaled while a zoom or pan is under way, sharp once it stops.

At 4K a redraw of the art takes several frames, so a wheel zoom or a drag
must not redraw it at every step; the benchmark (bench_gui) times it, these
check that it happens at most once per movement and that what is shown
after it settles is exactly a fresh drawing.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from meridian_map.gui.mainwindow import MainWindow
from meridian_map.gui.map.looks import Layer
from meridian_map.gui.map.scene import MapScene, PlacedLabel
from meridian_map.gui.map.view import SETTLE_MS

from ...test_window import stale_pixels


def wheel(window: MainWindow, steps: int) -> None:
    viewport = window.view.viewport()
    centre = QPointF(viewport.rect().center())
    event = QWheelEvent(
        centre, viewport.mapToGlobal(centre), QPoint(), QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip
    QApplication.sendEvent(viewport, event)


def count_redraws(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls = [0]
    draw = MapScene.drawBackground

    def counting(scene: MapScene, painter: QPainter, rect: QRectF) -> None:
        calls[0] += 1
        draw(scene, painter, rect)

    monkeypatch.setattr(MapScene, "drawBackground", counting)
    return calls


def settle(qtbot: QtBot, window: MainWindow) -> QImage:
    qtbot.waitUntil(lambda: not window.view._moving, timeout=2000)
    viewport = window.view.viewport()
    viewport.repaint()
    shown = viewport.grab().toImage()
    window.view.resetCachedContent()
    assert stale_pixels(shown, viewport.grab().toImage()) < 32
    return shown


def test_a_wheel_zoom_moves_the_cache_and_draws_it_sharp_once_it_stops(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.scene.set_animate(False)
    viewport = window.view.viewport()
    viewport.repaint()
    before = viewport.grab().toImage()
    calls = count_redraws(window, monkeypatch)
    for _ in range(6):
        wheel(window, 1)
        viewport.repaint()
    assert calls[0] == 0  # six steps, and the art not drawn once
    assert window.view.zoom > 1.5
    zoomed = settle(qtbot, window)
    assert calls[0] >= 1
    assert zoomed != before


def test_a_pan_moves_the_cache_and_draws_it_sharp_on_release(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.scene.set_animate(False)
    window.view.zoom_by(2.0)
    viewport = window.view.viewport()
    viewport.repaint()
    calls = count_redraws(window, monkeypatch)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, pos=QPoint(300, 300))
    for step in range(1, 8):
        QTest.mouseMove(viewport, QPoint(300 + 12 * step, 300 + 5 * step))
        viewport.repaint()
    assert calls[0] == 0
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=QPoint(384, 335))
    settle(qtbot, window)
    assert calls[0] >= 1


def test_keys_and_fit_zoom_sharp_at_once(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """A zoom by the keyboard or the menu is one step: it is drawn sharp straight away."""
    window.scene.set_animate(False)
    viewport = window.view.viewport()
    viewport.repaint()
    calls = count_redraws(window, monkeypatch)
    window.view.zoom_by(1.25)
    viewport.repaint()
    assert calls[0] == 1
    shown = viewport.grab().toImage()
    window.view.resetCachedContent()
    assert stale_pixels(shown, viewport.grab().toImage()) < 32


def test_labels_are_laid_out_once_a_wheel_zoom_settles(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A layout takes a good part of a frame at 4K: steps keep the labels where they were, the settle lays them out."""
    window.scene.set_animate(False)
    window.map_state.set_layer(Layer.LABELS, True)
    scene = window.scene
    assert not scene.leaders.path().isEmpty(), "the philtrum and ear crowd at fit zoom"
    layouts = [0]
    place = MapScene.place_labels

    def counting(self: MapScene, scale: float) -> list[PlacedLabel]:
        layouts[0] += 1
        return place(self, scale)

    monkeypatch.setattr(MapScene, "place_labels", counting)
    viewport = window.view.viewport()
    offsets = {key: label.transform().dx() for key, label in scene.label_items.items()}
    for _ in range(3):
        wheel(window, 1)
        viewport.repaint()
    assert layouts[0] == 0
    assert {key: label.transform().dx() for key, label in scene.label_items.items()} == offsets
    assert scene.leaders.path().isEmpty(), "leader lines drawn for the old zoom would miss their labels"
    settle(qtbot, window)
    assert layouts[0] == 1
    settled = {key: (label.transform().dx(), label.transform().dy()) for key, label in scene.label_items.items()}
    place(scene, window.view.transform().m11())
    assert {
        key: (label.transform().dx(), label.transform().dy()) for key, label in scene.label_items.items()
    } == settled


def test_dragging_the_window_edge_moves_the_cache_and_draws_it_sharp_once_it_stops(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One or two resizes (a maximise, a program's) are drawn sharp at once; a run of them is a drag."""
    window.scene.set_animate(False)
    qtbot.waitUntil(lambda: window.view._resized.elapsed() > SETTLE_MS)  # the fixture's own resize is long past
    viewport = window.view.viewport()
    viewport.repaint()
    calls = count_redraws(window, monkeypatch)
    for step in range(2):
        window.resize(1200 - 20 * step, 760 - 12 * step)
        viewport.repaint()
        assert calls[0] == step + 1 and not window.view._moving
    for step in range(2, 6):
        window.resize(1200 - 20 * step, 760 - 12 * step)
        viewport.repaint()
    assert calls[0] == 2  # four more steps, and the art not drawn again
    assert window.view._moving
    settle(qtbot, window)
    assert calls[0] >= 3


def test_a_point_marked_and_cleared_redraws_its_zone_sides_only(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The study page marks a flashcard's point and clears it for the next card: the channels stay as they were,
    so the cache is kept and only the zone's two sides (with the stroke lines inside them) are drawn again."""
    window.scene.set_animate(False)
    viewport = window.view.viewport()
    viewport.repaint()
    drawn: list[QRectF] = []
    draw = MapScene.drawBackground

    def recording(scene: MapScene, painter: QPainter, rect: QRectF) -> None:
        drawn.append(QRectF(rect))
        draw(scene, painter, rect)

    monkeypatch.setattr(MapScene, "drawBackground", recording)
    window.map_state.select_point_code("ST3")
    viewport.repaint()
    window.map_state.clear_selection()
    viewport.repaint()
    whole = window.view.mapToScene(viewport.rect()).boundingRect()
    assert len(drawn) == 4  # the zone's right and left side, selected and then cleared
    assert all(rect.width() * rect.height() < whole.width() * whole.height() / 10 for rect in drawn)
    shown = viewport.grab().toImage()
    window.view.resetCachedContent()
    assert stale_pixels(shown, viewport.grab().toImage()) < 32

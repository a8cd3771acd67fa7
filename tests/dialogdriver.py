"""Acting on real modal dialogs while the code under test waits in their exec().

A timer started before the action looks for the active modal dialog of the
expected kind and hands it to a step, which may wait (qtbot.waitUntil runs a
nested event loop), inspect, grab and then close the dialog with keys. A step
that fails still closes its dialog, so a broken test fails instead of hanging.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget

Step = tuple[type[QWidget], Callable[[QWidget], None]]
POLL_MS = 20
GIVE_UP_MS = 30_000  # a dialog still open by then is closed and the test fails, rather than hang


@dataclass
class DialogDriver:
    """Runs `steps` in order, one per modal dialog as each one comes up."""

    steps: list[Step]
    seen: list[QWidget] = field(default_factory=list)
    errors: list[BaseException] = field(default_factory=list)
    timer: QTimer = field(default_factory=QTimer)
    watchdog: QTimer = field(default_factory=QTimer)

    def start(self) -> DialogDriver:
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        self.watchdog.setSingleShot(True)
        self.watchdog.setInterval(GIVE_UP_MS)
        self.watchdog.timeout.connect(self._give_up)
        self.watchdog.start()
        return self

    def _give_up(self) -> None:
        self.timer.stop()
        self.errors.append(AssertionError(f"a dialog was still open after {GIVE_UP_MS} ms"))
        while isinstance(widget := QApplication.activeModalWidget(), QDialog):
            widget.reject()

    @property
    def done(self) -> bool:
        return len(self.seen) == len(self.steps)

    def _tick(self) -> None:
        widget = QApplication.activeModalWidget()
        if self.done:
            self.timer.stop()
            return
        kind, act = self.steps[len(self.seen)]
        if not isinstance(widget, kind) or widget in self.seen or not widget.isVisible():
            return
        self.seen.append(widget)
        self.timer.stop()
        try:
            act(widget)
        except BaseException as exc:  # reported by check(); the dialog must still close
            self.errors.append(exc)
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()
        if not self.done:
            self.timer.start()

    def check(self) -> None:
        self.timer.stop()
        self.watchdog.stop()
        if self.errors:
            raise self.errors[0]
        assert self.done, f"saw {len(self.seen)} of {len(self.steps)} dialogs"


def drive(*steps: Step) -> DialogDriver:
    return DialogDriver(list(steps)).start()


def dark_pixels(image: QImage, step: int = 2) -> int:
    """How many sampled pixels are dark: text and lines, not a blank page or an empty frame."""
    return sum(
        1
        for x in range(0, image.width(), step)
        for y in range(0, image.height(), step)
        if image.pixelColor(x, y).lightness() < 90
    )


def light_pixels(image: QImage, step: int = 2) -> int:
    return sum(
        1
        for x in range(0, image.width(), step)
        for y in range(0, image.height(), step)
        if image.pixelColor(x, y).lightness() > 240
    )


def colours(image: QImage, step: int = 7) -> int:
    return len({image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)})


def press(widget: QWidget, key: Qt.Key) -> None:
    QTest.keyClick(widget, key)


def child(widget: QWidget, kind: type[QObject], name: str = "") -> QObject:
    found = widget.findChild(kind, name) if name else widget.findChild(kind)
    assert found is not None, f"no {kind.__name__} {name!r} in {type(widget).__name__}"
    return found

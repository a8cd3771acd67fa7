"""The player's words beside the face: the step, what to do, the pressure gauge, the count and the timer.

Every text is a plain-text label (content from packs is never read as
markup) whose pixel size follows the screen: at 1920×1080 body text is
30 px, readable from two metres, and nothing is smaller than 28 px there.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from ...core.session.presenting import StepWords
from ..map.items import blend
from ..theme import CAUTION, Theme

# Pixel sizes at 1920×1080; other screens scale them by their size against it.
BODY_PX = 30
STEP_PX = 36
NAME_PX = 64
COUNT_PX = 96
LEAST_PX = 12  # in a small window nothing shrinks below this


class Words(QLabel):
    """A label for what the player says: plain text, wrapped, sized by role."""

    def __init__(self, role_px: int, bold: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.role_px = role_px
        self.bold = bold
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def scale_to(self, scale: float) -> None:
        font = QFont(self.font())
        font.setPixelSize(max(LEAST_PX, round(self.role_px * scale)))
        font.setBold(self.bold)
        self.setFont(font)

    def say(self, text: str) -> None:
        """Show `text`, or hide the label when there is nothing to say."""
        if text != self.text():
            self.setText(text)
        if self.isHidden() == bool(text):
            self.setVisible(bool(text))


class PressureGauge(QWidget):
    """The pressure as filled bars out of the scale's levels, as on the sheets."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme = theme
        self.level = 0
        self.levels = 3
        self.bar_px = BODY_PX
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_level(self, level: int, levels: int) -> None:
        if (level, levels) != (self.level, self.levels):
            self.level, self.levels = level, levels
            self.updateGeometry()
            self.update()

    def scale_to(self, scale: float) -> None:
        self.bar_px = max(LEAST_PX, round(BODY_PX * scale))
        self.setFixedSize(self.sizeHint())
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(round(self.levels * self.bar_px * 1.0), round(self.bar_px * 1.4))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = self.bar_px * 0.75
        for index in range(self.levels):
            height = self.height() * (0.45 + 0.55 * (index + 1) / self.levels)
            box = QRectF(index * self.bar_px + 1, self.height() - height + 1, width, height - 2)
            painter.setPen(self.theme.ink)
            painter.setBrush(self.theme.ink if index < self.level else Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(box, 3, 3)
        painter.end()


class WordsPanel(QWidget):
    """What the current step says; the page fills it from the player's frame."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme = theme
        self.step = Words(STEP_PX)
        self.timer = Words(STEP_PX)
        self.timer.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.timer.setWordWrap(False)
        self.name = Words(NAME_PX, bold=True)
        self.sides = Words(BODY_PX, bold=True)
        self.direction = Words(BODY_PX)
        self.gauge = PressureGauge(theme)
        self.pressure = Words(BODY_PX, bold=True)
        self.feel = Words(BODY_PX)
        self.lowered = Words(BODY_PX)
        self.count = Words(COUNT_PX, bold=True)
        self.count.setWordWrap(False)
        self.line = Words(BODY_PX)
        self.hold = Words(BODY_PX)
        self.codes = Words(BODY_PX)
        self.notices = Words(BODY_PX)
        self.left_out = Words(BODY_PX)
        self.hint = Words(BODY_PX)
        self.labels = (
            self.step, self.timer, self.name, self.sides, self.direction, self.pressure, self.feel, self.lowered,
            self.count, self.line, self.hold, self.codes, self.notices, self.left_out, self.hint,
        )  # fmt: skip
        for name in (
            "step", "timer", "name", "sides", "direction", "pressure", "feel", "lowered", "count", "line", "hold",
            "codes", "notices", "left_out", "hint",
        ):  # fmt: skip
            getattr(self, name).setObjectName(name)
        caution = QColor(CAUTION).lighter(190) if theme.dark else QColor(CAUTION)
        soft = blend(theme.soft_ink, 0.8, theme.background)
        for label, colour in (
            (self.lowered, caution), (self.notices, caution), (self.left_out, soft), (self.hint, soft),
            (self.codes, soft), (self.timer, soft), (self.step, soft),
        ):  # fmt: skip
            palette = label.palette()
            palette.setColor(QPalette.ColorRole.WindowText, colour)
            label.setPalette(palette)

        top = QHBoxLayout()
        top.addWidget(self.step, 1)
        top.addWidget(self.timer)
        gauge = QHBoxLayout()
        gauge.addWidget(self.gauge, 0, Qt.AlignmentFlag.AlignVCenter)
        gauge.addWidget(self.pressure, 1, Qt.AlignmentFlag.AlignVCenter)
        count = QHBoxLayout()
        count.addWidget(self.count, 0, Qt.AlignmentFlag.AlignVCenter)
        count.addWidget(self.line, 1, Qt.AlignmentFlag.AlignVCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.name)
        layout.addWidget(self.sides)
        layout.addWidget(self.direction)
        layout.addLayout(gauge)
        layout.addWidget(self.feel)
        layout.addWidget(self.lowered)
        layout.addLayout(count)
        layout.addWidget(self.hold)
        layout.addWidget(self.codes)
        layout.addStretch(1)
        layout.addWidget(self.notices)
        layout.addWidget(self.left_out)
        layout.addWidget(self.hint)
        self._layout = layout

    def scale_to(self, scale: float) -> None:
        for label in self.labels:
            label.scale_to(scale)
        self.gauge.scale_to(scale)
        self._layout.setSpacing(max(4, round(14 * scale)))

    @contextmanager
    def changing(self) -> Iterator[None]:
        """Words changed together and laid out once, after the last change.

        Showing a hidden label lays out its parents at once, up to the window,
        and the next label shown does it again: with six labels coming back
        after the end of the routine that took longer than painting the step.
        While the panel's layout is off each label only asks for a layout, and
        the panel, then the page, are laid out once when it is on again.
        """
        self._layout.setEnabled(False)
        try:
            yield
        finally:
            self._layout.setEnabled(True)

    def show_step(self, words: StepWords, codes: bool) -> None:
        self.name.say(words.name)
        self.direction.say(words.full_direction if codes else words.direction)
        self.gauge.setVisible(True)
        self.gauge.set_level(words.level, words.levels)
        self.pressure.say(words.pressure)
        self.feel.say(words.feel)
        self.codes.say(words.codes if codes else "")

    def show_message(self, title: str, text: str) -> None:
        """A screen without a step: postponed, finished or nothing to work."""
        self.name.say(title)
        self.direction.say(text)
        for label in (self.sides, self.pressure, self.feel, self.lowered, self.count, self.line, self.hold, self.codes):
            label.say("")
        self.gauge.setVisible(False)

    def font_pixel_sizes(self) -> dict[str, int]:
        """Each shown label's text size in pixels, by its object name (for the readability test)."""
        return {label.objectName(): label.font().pixelSize() for label in self.labels if label.isVisibleTo(self)}
